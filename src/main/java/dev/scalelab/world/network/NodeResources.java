package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.pools.ConnectionPool;
import dev.scalelab.engine.runtime.GcEvent;
import dev.scalelab.engine.runtime.Heap;
import dev.scalelab.engine.runtime.ObjectPool;
import dev.scalelab.engine.runtime.PauseKind;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.GcLog;
import dev.scalelab.world.GcTally;
import dev.scalelab.world.PauseClock;
import dev.scalelab.world.SectionConfigs;
import dev.scalelab.world.ServiceResources;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A drawn service's per-instance resources, run as the pipeline's RuntimeSystem and ConnectionSystem
 * run them, with the same engines and the same settings ({@link SectionConfigs}): each instance has
 * its heap and collector ({@code service.runtime}), its object pool ({@code service.objectPool}) and
 * a HikariCP pool per database its sync edges reach ({@code service.connectionPool}, run by
 * {@link NodeConnections}).
 *
 * <p>When a request's service starts it gets its pooled objects and allocates (an exponential draw
 * from the node's own "runtime" stream, so a heap does not change the service times it draws); when
 * its worker is freed it puts them back. A stop-the-world pause holds the instance: it starts no new
 * request, and a request whose CPU time overlapped a pause runs on for the paused time; under zgc an
 * allocation that finds no free heap stalls, holding its worker, until the cycle ends. A request's
 * call to a database borrows a connection first, waits for one up to connectionTimeout, and fails
 * when none comes.
 *
 * <p>Where a drawing differs from the pipeline's one service and one database, this adapts:
 * <ul>
 *   <li>a service may call several databases: each instance has a pool per database (a datasource
 *       each, as an application has), all with the section's settings;</li>
 *   <li>only the service's own sync calls to a database take a connection: a drawn cache is a box
 *       of its own whose misses reach the database without the service's pool (the pipeline's cache
 *       sits inside the instance, so its loads borrow from the instance's pool); a forward edge hands
 *       the request on and holds nothing;</li>
 *   <li>"more connections than max_connections" is said per database for this service's pools
 *       (another service's pools to the same database are its own); the database's contention line
 *       is left to the database box's figures;</li>
 *   <li>a connection timeout is the service's own error; a zone outage loses the requests it held,
 *       whose objects go back to the pool and whose connections come back when their query ends.</li>
 * </ul>
 * Confined to the simulation thread.
 */
final class NodeResources {
    /** One instance's part: null members for the sections the service does not have. */
    static final class Of {
        /** Made by a live change when the section is new, as the pipeline's runtime makes it. */
        Heap heap;
        ObjectPool objects;
        final PauseClock clock = new PauseClock();
        /** Jobs whose allocation waits for zgc's cycle to end, in the order they stalled, with their bytes. */
        final ArrayDeque<ServiceJob> stalled = new ArrayDeque<>();
        /** Its pools, one per database of {@link #databases}, in that order; null without connectionPool. */
        ConnectionPool[] pools;
        final long createdNanos;

        Of(Heap heap, ObjectPool objects, long createdNanos) {
            this.heap = heap;
            this.objects = objects;
            this.createdNanos = createdNanos;
        }
    }

    private final ServiceNode node;
    private final Network net;
    private final Simulation sim;
    /** The sections in force; a live change replaces them (and adds one that was not there). */
    private ServiceResources.ServiceRuntime runtime;
    private ServiceResources.ObjectPool objectPool;
    /** Its instances' HikariCP pools: they are the service's too, but a part of their own. */
    final NodeConnections connections;
    private final SplittableRandom random;

    // Totals: instances come and go, these stay.
    /** Collections and pauses, since t = 0 and this second, kept as the pipeline's runtime keeps them. */
    private final GcTally gc = new GcTally();
    private long allocationStalls;
    private long allocatedBytes;
    private long gets;
    private long hits;
    private long drops;
    private long bytesSaved;
    private long retiredPausedNanos;
    private long retiredLifeNanos;

    // The last second's figures, for the snapshot.
    double lastPauseMs;
    long lastCollections;

    /** Null when the service has none of the three sections. */
    static NodeResources of(ServiceNode node) {
        ServiceResources.ServiceRuntime r = node.spec.service().runtime();
        ServiceResources.ObjectPool o = node.spec.service().objectPool();
        ServiceResources.ConnectionPool c = node.spec.service().connectionPool();
        return r == null && o == null && c == null ? null : new NodeResources(node, r, o, c);
    }

    private NodeResources(ServiceNode node, ServiceResources.ServiceRuntime runtime, ServiceResources.ObjectPool objectPool,
                          ServiceResources.ConnectionPool connectionPool) {
        this.node = node;
        this.net = node.net;
        this.sim = node.sim;
        this.runtime = runtime;
        this.objectPool = objectPool;
        this.random = net.streams.stream("node." + node.id + ".runtime");
        this.connections = new NodeConnections(node, connectionPool);
    }

    /**
     * A live change of {@code service}'s heaps, object pools or connection pools, as the pipeline's
     * runtime and connections take it: every instance's heap, pool or HikariCP pools take the new
     * settings in place, or are made now when the section is new.
     */
    void reconfigure(NodeChange.How how, dev.scalelab.world.Scenario.Service service) {
        List<ServiceNode.Instance> instances = node.instances;
        switch (how) {
            case HEAPS -> {
                runtime = service.runtime();
                for (ServiceNode.Instance in : instances) {
                    Of of = in.resources;
                    if (of.heap == null) {
                        of.heap = new Heap(SectionConfigs.heap(runtime));
                    } else {
                        of.heap.reconfigure(SectionConfigs.heap(runtime));
                    }
                    pin(of);
                }
            }
            case OBJECT_POOLS -> {
                objectPool = service.objectPool();
                for (ServiceNode.Instance in : instances) {
                    Of of = in.resources;
                    if (of.objects == null) {
                        of.objects = SectionConfigs.objectPool(objectPool);
                    } else {
                        long dropsBefore = of.objects.drops();
                        of.objects.reconfigure(objectPool.capacity(), SectionConfigs.bytesOfKb(objectPool.objectKb()));
                        drops += of.objects.drops() - dropsBefore;
                    }
                    pin(of);
                }
            }
            case CONNECTION_POOLS -> connections.reconfigure(service.connectionPool());
            default -> throw new IllegalArgumentException(how + " is not a change of a service's resources");
        }
    }

    // ------------------------------------------------------------------ instances

    /** The resources of a new instance; its connection pools start filling now. */
    Of added(ServiceNode.Instance in) {
        Of of = new Of(runtime == null ? null : new Heap(SectionConfigs.heap(runtime)),
                objectPool == null ? null : SectionConfigs.objectPool(objectPool), sim.nowNanos());
        pin(of);
        of.pools = connections.opened(in);
        return of;
    }

    /** The instance is gone: its connections go back to the databases; its counts stay in the totals. */
    void removed(ServiceNode.Instance in) {
        Of of = in.resources;
        retiredPausedNanos += of.clock.pausedNanos(sim.nowNanos());
        retiredLifeNanos += sim.nowNanos() - of.createdNanos;
        connections.closed(of.pools);
    }

    private void pin(Of of) {
        if (of.heap != null && of.objects != null) {
            of.heap.pin(of.objects.footprintBytes());
        }
    }

    // ------------------------------------------------------------------ the request

    /**
     * A job's service starts on its worker: it gets its pooled objects and allocates. False when its
     * allocation stalled: {@link ServiceNode#startCpu} is called when the collector lets it.
     */
    boolean serviceStarts(ServiceJob j) {
        Of of = j.in.resources;
        long bytes = 0;
        if (of.objects != null) {
            int k = objectPool.objectsPerRequest();
            j.pooledObjects = k;
            long objectBytes = of.objects.objectBytes();
            int pooled = of.objects.get(k);
            hits += pooled;
            bytesSaved += pooled * objectBytes;
            bytes += (k - pooled) * objectBytes;
            gets += k;
        }
        if (of.heap == null) {
            return true;
        }
        bytes += SectionConfigs.allocationBytes(runtime, random);
        return allocate(j, bytes);
    }

    private boolean allocate(ServiceJob j, long bytes) {
        Of of = j.in.resources;
        GcEvent e = of.heap.allocate(bytes, sim.nowNanos());
        if (e != null && e.kind() == PauseKind.ALLOCATION_STALL) {
            j.stalledBytes = bytes;
            of.stalled.addLast(j);
            if (e.opensStall()) {
                allocationStalls++;
                recordPause(j.in, e);
                net.decide(node, GcLog.stall(j.in.name, runtime.collector(), e));
            }
            return false;
        }
        allocatedBytes += bytes;
        if (e != null) {
            happened(j.in, e);
        }
        return true;
    }

    /** A job's CPU work starts: its length stretched by the CPU concurrent GC threads take now; the paused time so far noted. */
    double cpuStarts(ServiceJob j, double serviceMs) {
        Of of = j.in.resources;
        long now = sim.nowNanos();
        j.gcMarkNanos = of.clock.pausedNanos(now);
        double share = of.heap == null ? 0 : of.heap.concurrentCpuShare(now);
        return share > 0 ? serviceMs / (1 - share) : serviceMs;
    }

    /** A job's CPU time is up: if its instance was paused meanwhile, it runs on for the paused time, and true is returned. */
    boolean makesUpPause(ServiceJob j) {
        PauseClock clock = j.in.resources.clock;
        long now = sim.nowNanos();
        long owed = clock.pausedNanos(now) - j.gcMarkNanos;
        if (owed == 0) {
            return false;
        }
        long resume = clock.resumeNanos(now);
        j.gcMarkNanos = clock.pausedNanos(now) + (resume - now);
        sim.schedule(resume + owed, j);
        return true;
    }

    /** A job freed its worker: its objects go back to the pool, which keeps what it has room for. */
    void serviceEnds(ServiceJob j) {
        Of of = j.in.resources;
        if (of.objects == null || j.pooledObjects == 0) {
            return;
        }
        for (int i = 0; i < j.pooledObjects; i++) {
            if (!of.objects.put()) {
                drops++;
            }
        }
        j.pooledObjects = 0;
        pin(of);
    }

    // ------------------------------------------------------------------ collections and pauses

    /**
     * The {@code full-gc} action, as the pipeline's runtime runs it: a full collection by each
     * instance's own heap (its collector decides the pause), on the instance named or on every one.
     */
    boolean fullGc(String name) {
        boolean any = false;
        for (ServiceNode.Instance in : new ArrayList<>(node.instances)) {
            if ((name == null || in.name.equals(name)) && in.resources != null && in.resources.heap != null) {
                GcEvent e = in.resources.heap.collectFull(sim.nowNanos(), "requested (full-gc)");
                if (e == null) {
                    net.decide(node, "full-gc " + in.name + ": a major cycle is running already");
                } else {
                    happened(in, e);
                    any = true;
                }
            }
        }
        if (!any && name != null) {
            net.decide(node, "full-gc " + name + ": no such running instance");
        }
        return any;
    }

    private void happened(ServiceNode.Instance in, GcEvent e) {
        if (e.pauseNanos() > 0) {
            long end = in.resources.clock.stop(sim.nowNanos(), e.pauseNanos());
            sim.schedule(end, () -> {
                if (in.resources.clock.end(end)) {
                    node.pauseOver(in);
                }
            });
        }
        if (e.concurrentEndNanos() >= 0) {
            sim.schedule(e.concurrentEndNanos(), () -> concurrentEnds(in));
        }
        String line = gc.collected(in.name, runtime.collector(), e);
        if (line != null) {
            net.decide(node, line);
        }
    }

    private void concurrentEnds(ServiceNode.Instance in) {
        Of of = in.resources;
        GcEvent next = of.heap.endConcurrent(sim.nowNanos());
        if (next != null) {
            happened(in, next);
        }
        // The stalled threads allocate again, in the order they stalled; one that stalls again holds the rest back.
        while (!of.stalled.isEmpty()) {
            ServiceJob j = of.stalled.pollFirst();
            if (j.generation != in.generation) {
                continue; // lost with its zone
            }
            if (!allocate(j, j.stalledBytes)) {
                of.stalled.addFirst(of.stalled.pollLast());
                break;
            }
            node.startCpu(j);
        }
    }

    private void recordPause(ServiceNode.Instance in, GcEvent e) {
        gc.paused(in.name, e);
    }

    // ------------------------------------------------------------------ figures

    /** Once a simulated second: the second's figures, and the pipeline's line when its longest pause passed the target. */
    void tick() {
        connections.tick();
        String overTarget = runtime == null ? null : gc.overTarget(runtime.pauseTargetMs());
        if (overTarget != null) {
            net.decide(node, overTarget);
        }
        lastPauseMs = gc.pauseMsThisSecond();
        lastCollections = gc.collectionsThisSecond();
        gc.secondEnded();
    }

    boolean hasHeap() {
        return runtime != null;
    }

    /** The share of its instances' time they spent stopped by collector pauses, since t = 0. */
    double pauseShare() {
        long paused = retiredPausedNanos;
        long life = retiredLifeNanos;
        long now = sim.nowNanos();
        for (ServiceNode.Instance in : node.instances) {
            paused += in.resources.clock.pausedNanos(now);
            life += now - in.resources.createdNanos;
        }
        return life == 0 ? 0 : paused / (double) life;
    }

    /** The report's figures, under the names the pipeline's report gives them ({@code runtime.gc}, {@code pools}). */
    void report(ObjectNode out) {
        if (runtime != null) {
            ObjectNode gc = out.putObject("runtime").putObject("gc");
            gc.put("collector", runtime.collector().id());
            gc.put("youngCollections", this.gc.youngCollections());
            gc.put("oldCollections", this.gc.oldCollections());
            gc.put("allocationStalls", allocationStalls);
            gc.put("pauseMsTotal", this.gc.pauseMsTotal());
            gc.put("pauseMsP99", this.gc.pauses().total().p99Ms());
            gc.put("maxPauseMs", this.gc.maxPauseMs());
            gc.put("pauseShare", pauseShare());
            gc.put("allocatedMb", Heap.mb(allocatedBytes));
        }
        if (objectPool == null && connections.settings() == null) {
            return;
        }
        ObjectNode pools = out.putObject("pools");
        if (objectPool != null) {
            ObjectNode objects = pools.putObject("objects");
            objects.put("gets", gets);
            objects.put("hits", hits);
            objects.put("hitRatio", gets == 0 ? 0 : hits / (double) gets);
            objects.put("drops", drops);
            objects.put("bytesSaved", bytesSaved);
        }
        connections.report(pools);
    }
}
