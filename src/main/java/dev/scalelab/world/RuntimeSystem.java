package dev.scalelab.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.metrics.MetricsRegistry;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.engine.runtime.GcEvent;
import dev.scalelab.engine.runtime.Heap;
import dev.scalelab.engine.runtime.PauseKind;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.sim.Simulation;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The instances' runtimes: a heap ({@code service.runtime}) and an object pool
 * ({@code service.objectPool}) per instance, made with the instance and dropped when it is gone.
 * When a request's service starts it gets {@code objectsPerRequest} objects from its instance's
 * pool (each miss allocates {@code objectKb}) and allocates {@code allocationKbPerRequest} (an
 * exponential draw from the stream "runtime"); when it ends it puts the objects back.
 *
 * <p>Stop-the-world: while a collector pause holds an instance it starts no new service, and its
 * requests in service stop: a request whose CPU time overlapped a pause finishes only once the
 * paused time is made up, and that extra time is its {@link Phase#GC_PAUSE}. Under zgc a thread
 * whose allocation finds no free heap stalls (in {@link Phase#GC_PAUSE}, holding its worker) until
 * the collector's cycle ends; and while concurrent GC threads run, service is slower by their share
 * of the CPU. Without either section an instance has no runtime and nothing here touches its
 * requests. Confined to the simulation thread.
 */
final class RuntimeSystem implements Subsystem {
    /** A scenario field this part changes live, and the step that applies it: see {@link Live}. */
    @Live @Retention(RUNTIME) @Target(RECORD_COMPONENT)
    @interface Applies { Step value(); String[] fields() default {}; }

    enum Step implements ApplyStep {
        /** The heaps take the new settings in place, or are made when the section is new. */
        RECONFIGURE_HEAPS,
        /** The pools take the new settings in place, or are made when the section is new. */
        RECONFIGURE_POOLS;
    }

    private final World world;
    private final Simulation sim;
    private final ServicePool pool;
    private final MetricsRegistry monitor;
    private final SplittableRandom random;
    private final List<RuntimeInstance> runtimes = new ArrayList<>();

    /** Whether the run has had a heap, or an object pool, at any time: their report sections and columns. */
    private boolean hadHeaps;
    private boolean hadPools;
    private boolean heapColumns;
    private boolean poolColumns;

    // Fleet totals: instances come and go, the totals stay.
    /** Collections and pauses, since t = 0 and this second, kept as a drawn service keeps them. */
    private final GcTally gc = new GcTally();
    private long allocationStalls;
    private double pauseP99Ms;
    private boolean pauseP99Stale;
    private long allocatedBytes;
    private long gets;
    private long hits;
    private long drops;
    private long bytesSaved;

    // This second's fleet figures, and the series of them.
    private long allocatedBytesThisSecond;
    private long getsThisSecond;
    private long hitsThisSecond;
    private long dropsThisSecond;
    private long lastDropsPerSecond;
    private final RingSeries pauseMsSeries = new RingSeries(World.SERIES_CAPACITY);
    private final RingSeries longestPauseMsSeries = new RingSeries(World.SERIES_CAPACITY);
    private final RingSeries collectionsSeries = new RingSeries(World.SERIES_CAPACITY);
    private final RingSeries allocationMbSeries = new RingSeries(World.SERIES_CAPACITY);
    private final RingSeries hitRatioSeries = new RingSeries(World.SERIES_CAPACITY);

    RuntimeSystem(World world, Simulation sim, ServicePool pool, MetricsRegistry monitor, SplittableRandom random) {
        this.world = world;
        this.sim = sim;
        this.pool = pool;
        this.monitor = monitor;
        this.random = random;
        for (ServiceInstance in : pool.instances) {
            instanceAdded(in);
        }
    }

    private Scenario.Service service() {
        return world.currentScenario().service();
    }

    // ------------------------------------------------------------------ instances

    void instanceAdded(ServiceInstance in) {
        Scenario.Service s = service();
        if (s.runtime() == null && s.objectPool() == null) {
            return;
        }
        RuntimeInstance rt = new RuntimeInstance(in);
        if (s.runtime() != null) {
            rt.heap = new Heap(SectionConfigs.heap(s.runtime()));
            hadHeaps = true;
        }
        if (s.objectPool() != null) {
            rt.pool = SectionConfigs.objectPool(s.objectPool());
            hadPools = true;
        }
        in.runtime = rt;
        runtimes.add(rt);
    }

    void instanceRemoved(ServiceInstance in) {
        if (in.runtime != null) {
            runtimes.remove(in.runtime);
            monitor.removePrefix(in.id + ".");
        }
    }

    @Override
    public void apply(Parameter p, Source by) {
        Scenario.Service s = service();
        switch ((Step) p.step()) {
            case RECONFIGURE_HEAPS -> {
                for (ServiceInstance in : pool.instances) {
                    RuntimeInstance rt = runtimeOf(in);
                    if (rt.heap == null) {
                        rt.heap = new Heap(SectionConfigs.heap(s.runtime()));
                        pinPool(rt);
                    } else {
                        rt.heap.reconfigure(SectionConfigs.heap(s.runtime()));
                    }
                }
                hadHeaps = true;
            }
            case RECONFIGURE_POOLS -> {
                for (ServiceInstance in : pool.instances) {
                    RuntimeInstance rt = runtimeOf(in);
                    if (rt.pool == null) {
                        rt.pool = SectionConfigs.objectPool(s.objectPool());
                    } else {
                        long dropsBefore = rt.pool.drops();
                        rt.pool.reconfigure(s.objectPool().capacity(), SectionConfigs.bytesOfKb(s.objectPool().objectKb()));
                        drops += rt.pool.drops() - dropsBefore;
                    }
                    pinPool(rt);
                }
                hadPools = true;
            }
        }
    }

    /** The instance's runtime, made now if the section that needs it was just added. */
    private RuntimeInstance runtimeOf(ServiceInstance in) {
        if (in.runtime == null) {
            in.runtime = new RuntimeInstance(in);
            runtimes.add(in.runtime);
        }
        return in.runtime;
    }

    private static void pinPool(RuntimeInstance rt) {
        if (rt.heap != null && rt.pool != null) {
            rt.heap.pin(rt.pool.footprintBytes());
        }
    }

    // ------------------------------------------------------------------ the request path

    /** Whether a collector pause holds the instance: it starts no new service. */
    static boolean stopped(ServiceInstance in) {
        return in.runtime != null && in.runtime.stopped();
    }

    /**
     * A request's service starts on an instance with a runtime: it gets its pooled objects and
     * allocates. Returns false when its allocation stalled: its CPU work starts when the collector
     * lets it ({@link RequestPath#startCpu}).
     */
    boolean serviceStarts(RuntimeInstance rt, Request r) {
        long bytes = 0;
        if (rt.pool != null) {
            ServiceResources.ObjectPool settings = service().objectPool();
            int k = settings.objectsPerRequest();
            r.pooledObjects = k;
            long objectBytes = rt.pool.objectBytes();
            int pooled = rt.pool.get(k);
            hits += pooled;
            hitsThisSecond += pooled;
            bytesSaved += pooled * objectBytes;
            bytes += (k - pooled) * objectBytes;
            gets += k;
            getsThisSecond += k;
        }
        if (rt.heap == null) {
            return true;
        }
        bytes += SectionConfigs.allocationBytes(service().runtime(), random);
        return allocate(rt, r, bytes);
    }

    private boolean allocate(RuntimeInstance rt, Request r, long bytes) {
        long now = sim.nowNanos();
        GcEvent e = rt.heap.allocate(bytes, now);
        if (e != null && e.kind() == PauseKind.ALLOCATION_STALL) {
            rt.stalled.addLast(new RuntimeInstance.Stalled(r, bytes));
            r.enter(Phase.GC_PAUSE, now);
            if (e.opensStall()) {
                allocationStalls++;
                recordPause(rt, e);
                world.log(Source.GC, GcLog.stall(rt.instance.id, rt.heap.config().collector(), e));
            }
            return false;
        }
        allocatedBytes += bytes;
        allocatedBytesThisSecond += bytes;
        rt.allocatedBytesThisSecond += bytes;
        if (e != null) {
            happened(rt, e);
        }
        return true;
    }

    /**
     * A request's CPU work starts: its length {@code serviceMs} stretched by the CPU that concurrent
     * GC threads take now, and the instance's paused time so far noted, to tell later what it overlapped.
     */
    double cpuStarts(RuntimeInstance rt, Request r, double serviceMs) {
        long now = sim.nowNanos();
        r.gcMarkNanos = rt.clock.pausedNanos(now);
        double share = rt.heap == null ? 0 : rt.heap.concurrentCpuShare(now);
        return share > 0 ? serviceMs / (1 - share) : serviceMs;
    }

    /**
     * A request's CPU time is up: if its instance was paused meanwhile, it runs on for the paused
     * time (in {@link Phase#GC_PAUSE}), after the pause it is in, if any, and true is returned.
     */
    boolean makesUpPause(RuntimeInstance rt, Request r) {
        long now = sim.nowNanos();
        long owed = rt.clock.pausedNanos(now) - r.gcMarkNanos;
        if (owed == 0) {
            return false;
        }
        r.enter(Phase.GC_PAUSE, now);
        long resume = rt.clock.resumeNanos(now);
        r.gcMarkNanos = rt.clock.pausedNanos(now) + (resume - now);
        sim.schedule(resume + owed, r);
        return true;
    }

    /** A request ends: its objects go back to the pool, which keeps what it has room for. */
    void serviceEnds(RuntimeInstance rt, Request r) {
        if (rt.pool == null || r.pooledObjects == 0) {
            return;
        }
        for (int i = 0; i < r.pooledObjects; i++) {
            if (!rt.pool.put()) {
                drops++;
                dropsThisSecond++;
            }
        }
        r.pooledObjects = 0;
        pinPool(rt);
    }

    // ------------------------------------------------------------------ collections and pauses

    private void happened(RuntimeInstance rt, GcEvent e) {
        if (e.pauseNanos() > 0) {
            stop(rt, e);
        }
        if (e.concurrentEndNanos() >= 0) {
            sim.schedule(e.concurrentEndNanos(), () -> concurrentEnds(rt));
        }
        String line = gc.collected(rt.instance.id, rt.heap.config().collector(), e);
        pausedOnly(rt, e);
        if (line != null) {
            world.log(Source.GC, line);
        }
    }

    /** A stop-the-world pause: one that comes while the instance is stopped already follows it. */
    private void stop(RuntimeInstance rt, GcEvent e) {
        long end = rt.clock.stop(sim.nowNanos(), e.pauseNanos());
        rt.pauseKind = kindByte(e.kind());
        sim.schedule(end, () -> pauseEnds(rt, end));
    }

    private void pauseEnds(RuntimeInstance rt, long endNanos) {
        if (rt.endPause(endNanos) && rt.instance.lifecycle != Lifecycle.FAILED) {
            world.path.startQueued(rt.instance);
        }
    }

    private void concurrentEnds(RuntimeInstance rt) {
        if (rt.heap == null) {
            return;
        }
        long now = sim.nowNanos();
        GcEvent next = rt.heap.endConcurrent(now);
        if (next != null) {
            happened(rt, next);
        }
        // The stalled threads allocate again, in the order they stalled; one that stalls again holds the rest back.
        while (!rt.stalled.isEmpty()) {
            RuntimeInstance.Stalled s = rt.stalled.pollFirst();
            if (rt.instance.lifecycle == Lifecycle.FAILED) {
                sim.schedule(now, s.request()); // lost with its instance: the world says so when it fires
                continue;
            }
            if (!allocate(rt, s.request(), s.bytes())) {
                rt.stalled.addFirst(rt.stalled.pollLast());
                break;
            }
            world.path.startCpu(rt.instance, s.request());
        }
    }

    /** An allocation stall's pause: recorded in the tally, and on the instance. */
    private void recordPause(RuntimeInstance rt, GcEvent e) {
        gc.paused(rt.instance.id, e);
        pausedOnly(rt, e);
    }

    /** What the instance itself keeps of a pause the tally has recorded. */
    private void pausedOnly(RuntimeInstance rt, GcEvent e) {
        double pauseMs = e.pauseMs();
        pauseP99Stale = true;
        rt.pauseMsThisSecond += pauseMs;
        rt.addPause(new RuntimeInstance.Pause(e.startNanos() / 1e9, pauseMs, kindByte(e.kind())));
    }

    private static byte kindByte(PauseKind kind) {
        return switch (kind) {
            case YOUNG -> PerformanceView.PAUSE_YOUNG;
            case OLD -> PerformanceView.PAUSE_OLD;
            case FULL -> PerformanceView.PAUSE_FULL;
            case ALLOCATION_STALL -> PerformanceView.PAUSE_ALLOCATION_STALL;
        };
    }

    /** The {@code full-gc} action: a full collection on the instance named, or on every instance. */
    boolean fullGc(String target, Source by) {
        if (service().runtime() == null) {
            world.log(by, "full-gc: this scenario has no service.runtime");
            return false;
        }
        boolean any = false;
        for (ServiceInstance in : new ArrayList<>(pool.instances)) {
            if ((target == null || in.id.equals(target)) && in.lifecycle != Lifecycle.FAILED && in.runtime != null
                    && in.runtime.heap != null) {
                GcEvent e = in.runtime.heap.collectFull(sim.nowNanos(), "requested (full-gc)");
                if (e == null) {
                    world.log(by, "full-gc " + in.id + ": a major cycle is running already");
                } else {
                    happened(in.runtime, e);
                    any = true;
                }
            }
        }
        if (!any && target != null) {
            world.log(by, "full-gc " + target + ": no such running instance");
        }
        return any;
    }

    // ------------------------------------------------------------------ measures

    @Override
    public void sample() {
        double now = sim.nowSeconds();
        double target = service().runtime() == null ? Double.POSITIVE_INFINITY : service().runtime().pauseTargetMs();
        String overTarget = gc.overTarget(target);
        if (overTarget != null) {
            world.log(Source.GC, overTarget);
        }
        pauseMsSeries.append(gc.pauseMsThisSecond());
        longestPauseMsSeries.append(gc.longestPauseMsThisSecond());
        collectionsSeries.append(gc.collectionsThisSecond());
        allocationMbSeries.append(Heap.mb(allocatedBytesThisSecond));
        hitRatioSeries.append(getsThisSecond == 0 ? Double.NaN : hitsThisSecond / (double) getsThisSecond);
        lastDropsPerSecond = dropsThisSecond;
        if (!runtimes.isEmpty()) {
            recordMetrics(now);
        }
        gc.secondEnded();
        allocatedBytesThisSecond = 0;
        getsThisSecond = 0;
        hitsThisSecond = 0;
        dropsThisSecond = 0;
    }

    /** The monitor's figures of the second that ended: per instance (which then starts a new second), and the fleet's. */
    private void recordMetrics(double now) {
        long usedBytes = 0;
        long instanceCollections = 0;
        boolean heaps = false;
        for (RuntimeInstance rt : runtimes) {
            if (rt.heap != null) {
                heaps = true;
                usedBytes += rt.heap.usedBytes();
                instanceCollections += rt.heap.youngCollections() + rt.heap.oldCollections();
            }
            rt.endSecond(monitor, now);
        }
        if (heaps) {
            monitor.record("fleet.heap.usedMb", Heap.mb(usedBytes), now);
            monitor.record("fleet.heap.allocatedMb", Heap.mb(allocatedBytesThisSecond), now);
            monitor.record("fleet.heap.totalAllocatedMb", Heap.mb(allocatedBytes), now);
            monitor.record("fleet.heap.collections", gc.youngCollections() + gc.oldCollections(), now);
            monitor.record("fleet.heap.instanceCollections", instanceCollections, now);
            monitor.record("fleet.heap.pauseMs", gc.pauseMsThisSecond(), now);
        }
        if (service().objectPool() != null) {
            monitor.record("fleet.objectPool.hitRatio", gets == 0 ? 0 : hits / (double) gets, now);
            monitor.record("fleet.objectPool.drops", drops, now);
        }
    }

    @Override
    public void declareColumns(SampleColumns columns, Scenario initial) {
        heapColumns = initial.service().runtime() != null || columns.timelineSets(initial, "service.runtime.");
        poolColumns = initial.service().objectPool() != null || columns.timelineSets(initial, "service.objectPool.");
        if (heapColumns) {
            columns.add("gc_pause_ms_per_s");
            columns.add("gc_collections_per_s");
            columns.add("gc_allocated_mb_per_s");
        }
        if (poolColumns) {
            columns.add("object_pool_hit_ratio");
            columns.add("object_pool_drops_per_s");
        }
    }

    @Override
    public void columnValues(List<String> cells) {
        boolean heapsNow = service().runtime() != null;
        if (heapColumns) {
            cells.add(heapsNow ? decimals(pauseMsSeries.last()) : "");
            cells.add(heapsNow ? SampleColumns.count(collectionsSeries.last()) : "");
            cells.add(heapsNow ? decimals(allocationMbSeries.last()) : "");
        }
        if (poolColumns) {
            boolean poolsNow = service().objectPool() != null;
            cells.add(poolsNow ? SampleColumns.ratio(hitRatioSeries.last()) : "");
            cells.add(poolsNow ? SampleColumns.count(lastDropsPerSecond) : "");
        }
    }

    private static String decimals(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    @Override
    public void report(ObjectNode root) {
        if (hadHeaps) {
            ObjectNode gc = root.putObject("runtime").putObject("gc");
            ServiceResources.ServiceRuntime r = service().runtime();
            gc.put("collector", r.collector().id());
            gc.put("youngCollections", this.gc.youngCollections());
            gc.put("oldCollections", this.gc.oldCollections());
            gc.put("allocationStalls", allocationStalls);
            gc.put("pauseMsTotal", this.gc.pauseMsTotal());
            gc.put("pauseMsP99", pauseMsP99());
            gc.put("maxPauseMs", this.gc.maxPauseMs());
            gc.put("allocatedMb", Heap.mb(allocatedBytes));
        }
        if (hadPools) {
            JsonNode existing = root.get("pools");
            ObjectNode pools = existing instanceof ObjectNode o ? o : root.putObject("pools");
            ObjectNode objects = pools.putObject("objects");
            objects.put("gets", gets);
            objects.put("hits", hits);
            objects.put("hitRatio", gets == 0 ? 0 : hits / (double) gets);
            objects.put("drops", drops);
            objects.put("bytesSaved", bytesSaved);
        }
    }

    // ------------------------------------------------------------------ views

    /** The Performance panel's heaps and pools, or null without {@code service.runtime}. */
    PerformanceView.RuntimeView view(int points) {
        Scenario.Service s = service();
        ServiceResources.ServiceRuntime r = s.runtime();
        if (r == null) {
            return null;
        }
        double now = sim.nowSeconds();
        List<PerformanceView.HeapView> heaps = new ArrayList<>();
        double youngMbSum = 0;
        for (ServiceInstance in : pool.instances) {
            RuntimeInstance rt = in.runtime;
            if (rt == null || rt.heap == null) {
                continue;
            }
            youngMbSum += Heap.mb(rt.heap.youngBytes());
            heaps.add(rt.view(now));
        }
        PerformanceView.ObjectPoolView objects = null;
        if (s.objectPool() != null) {
            objects = new PerformanceView.ObjectPoolView(s.objectPool().capacity(), s.objectPool().objectsPerRequest(),
                    s.objectPool().objectKb(), gets, hits, gets == 0 ? 0 : hits / (double) gets, drops,
                    bytesSaved / (double) Heap.BYTES_PER_MB, hitRatioSeries.tail(points));
        }
        return new PerformanceView.RuntimeView(r.collector().id(), r.heapMb(),
                heaps.isEmpty() ? r.youngMb() : youngMbSum / heaps.size(), r.pauseTargetMs(), List.copyOf(heaps),
                gc.youngCollections(), gc.oldCollections(), gc.pauseMsTotal(), pauseMsP99(), gc.maxPauseMs(), pauseMsSeries.tail(points),
                longestPauseMsSeries.tail(points), collectionsSeries.tail(points), allocationMbSeries.tail(points), objects);
    }

    /** This second's pauses, collections and allocation into the run's history; nothing without a heap model. */
    void recordHistory(RunHistory h) {
        if (service().runtime() == null) {
            return;
        }
        h.putLast(RunHistory.Keys.GC_LONGEST_PAUSE_MS, longestPauseMsSeries);
        h.putLast(RunHistory.Keys.GC_COLLECTIONS, collectionsSeries);
        h.putLast(RunHistory.Keys.ALLOCATION_MB, allocationMbSeries);
    }

    /** The p99 of single pauses, summarised again only after a new pause: the panel asks every frame. */
    private double pauseMsP99() {
        if (pauseP99Stale) {
            pauseP99Ms = gc.pauses().total().p99Ms();
            pauseP99Stale = false;
        }
        return pauseP99Ms;
    }
}
