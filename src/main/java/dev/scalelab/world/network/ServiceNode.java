package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.design.EdgeMode;
import dev.scalelab.engine.balancing.Backend;
import dev.scalelab.engine.pools.ConnectionPool;
import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A service of a drawn system: its own pool of instances, each with workers and a bounded queue
 * (thread per request), scaled by its own autoscaler. A request holds its worker through its CPU
 * time and its sync calls, in the order they were drawn; then it publishes on its async edges and
 * is handed on along one forward edge (freeing the worker) or answered. Its instances' heaps and pools
 * run as the pipeline's ({@link NodeResources}); its vertical scaler resizes them as the pipeline's does,
 * rolling one new instance at a time.
 */
final class ServiceNode extends NetNode {
    /** Its pool section as it runs now: a live change replaces it ({@link #change}). */
    private Scenario.Service pool;
    /** The size its workersPerInstance is given for: the first, as the pipeline's pool keeps it through resizes. */
    private final InstanceSize baseSize;
    private Distribution serviceTimeMs;
    private final SplittableRandom random;
    /** Draws for error-instance alone, so a fault does not shift the service's other draws. */
    private final SplittableRandom errorRandom;
    final List<Instance> instances = new ArrayList<>();
    /** Counts additions to and removals from {@link #instances}: a balancer's health handling notices them by it. */
    int instanceListVersion;
    /** Queues and topics this service consumes from: told when an instance is ready, drains or crashes. */
    final List<Broker> feeds = new ArrayList<>();
    /** Gateways shedding by queueing delay in front of it: told how long each request waited for its worker. */
    final List<GatewayAdmission> queueDelayWatchers = new ArrayList<>(1);
    /** Its horizontal and vertical scalers, and the count and size they ask for. */
    final ServiceScaler scaler;
    /** Heaps, object pools and connection pools; null when the service has none of them. Made in {@link #connect}. */
    NodeResources resources;
    private int nextNumber;
    /** Its workers over time: ρ's integrals and the workers its demand needs. */
    final WorkerLoad load = new WorkerLoad();
    private int busyTotal;
    private int workersTotal;
    /** Requests whose worker was freed (answered, handed on or failed), since t = 0. */
    private long finished;

    ServiceNode(Network net, Topology.Node spec) {
        super(net, spec);
        this.pool = spec.service();
        this.baseSize = pool.size();
        this.serviceTimeMs = pool.serviceTime().toDistribution();
        this.random = net.streams.stream("node." + id + ".service");
        this.errorRandom = net.streams.stream("node." + id + ".errors");
        this.scaler = new ServiceScaler(this);
        for (int i = 0; i < pool.instances(); i++) {
            Instance in = new Instance(pool.speed(i), pool.weight(i));
            in.lifecycle = Lifecycle.READY;
            in.readySinceNanos = 0;
            instances.add(in);
            workersTotal += in.workers;
        }
        scaler.start();
    }

    @Override
    void connect() {
        // Its pools need the databases its edges reach, known now.
        resources = NodeResources.of(this);
        if (resources != null) {
            for (Instance in : instances) {
                in.resources = resources.added(in);
            }
        }
    }

    /** One instance: workers, a FIFO queue, and what the autoscaler's metrics need. */
    final class Instance implements Backend {
        final int number = nextNumber++;
        /** Its number across the network: the copy of an instance-scope cache level its calls use. */
        final int copy = net.nextInstanceNumber++;
        final String name = id + "-" + number;
        final InstanceSize size = scaler.targetSize;
        /** Workers in proportion to its vCPUs, as the pipeline sizes them; a live change of workersPerInstance resets them. */
        int workers = size.workers(pool.workersPerInstance(), baseSize);
        /** Its work's speed, 1 normal: a slow-instance fault lowers it. */
        double speed;
        /** The fraction of its requests it answers with an error of its own (error-instance), 0 normally. */
        double errorRate;
        /** Its balancing weight: weight-instance sets it; a weighted balancer reads it at each pick. */
        double weight;
        final ArrayDeque<ServiceJob> queue = new ArrayDeque<>();
        /** The jobs holding its workers (in their CPU time or waiting on a call), in start order. */
        final List<ServiceJob> running = new ArrayList<>();
        int busy;
        Lifecycle lifecycle = Lifecycle.PROVISIONING;
        long startNanos = sim.nowNanos();
        long readySinceNanos = -1;
        /** Crashes and zone outages end the jobs of a generation: their late events do nothing. */
        int generation;
        double busyNanos;
        long busySinceNanos;
        double busyNanosAtSync;
        long syncNanos;
        /** Jobs in their CPU time, integrated: the cores the vertical scaler sees (a worker waiting on a call uses none). */
        int cpuBusy;
        double cpuBusyNanos;
        long cpuSinceNanos = sim.nowNanos();
        double cpuNanosAtVertical;
        long verticalNanos = sim.nowNanos();
        /** Its heap and pools; null when the service has none. */
        NodeResources.Of resources;
        /** Requests it finished with, and those it answered with its own error (error-instance): the insights read them. */
        long served;
        long ownErrors;
        /** When it ends provisioning and comes ready, as {@link #add} scheduled them; -1 for one that started ready. */
        long bootsAtNanos = -1;
        long readyAtNanos = -1;

        Instance(double speed, double weight) {
            this.speed = speed;
            this.weight = weight;
        }

        @Override
        public String id() {
            return name;
        }

        @Override
        public boolean acceptsTraffic() {
            return lifecycle == Lifecycle.READY && !down;
        }

        @Override
        public int activeRequests() {
            return busy + queue.size();
        }

        @Override
        public double weight() {
            return weight;
        }

        void busyChanged(int delta) {
            long now = sim.nowNanos();
            busyNanos += (double) busy * (now - busySinceNanos);
            busySinceNanos = now;
            busy += delta;
            area();
            busyTotal += delta;
        }

        void cpuChanged(int delta) {
            long now = sim.nowNanos();
            cpuBusyNanos += (double) cpuBusy * (now - cpuSinceNanos);
            cpuSinceNanos = now;
            cpuBusy += delta;
        }

        /** Whether a collector pause holds it: it starts no new request. */
        boolean stopped() {
            return resources != null && resources.clock.stopped();
        }

        /** Cores used since the vertical scaler last looked, as the pipeline's instance counts them. */
        double coresSinceLastVertical() {
            cpuChanged(0);
            long span = cpuSinceNanos - verticalNanos;
            double cores = span <= 0 ? 0 : (cpuBusyNanos - cpuNanosAtVertical) / ((double) span * workers) * size.vcpus();
            cpuNanosAtVertical = cpuBusyNanos;
            verticalNanos = cpuSinceNanos;
            return cores;
        }
    }

    /** Brings ρ's integrals (busy workers and workers over time) up to now. */
    private void area() {
        load.advance(sim.nowNanos(), busyTotal, workersTotal);
    }

    @Override
    void accept(Flow f, Reply reply) {
        if (!arrive(f, reply)) {
            return;
        }
        Instance in = f.pinned;
        f.pinned = null;
        if (in == null || !in.acceptsTraffic()) {
            in = pick();
        }
        if (in == null) {
            fail(reply);
            return;
        }
        ServiceJob j = new ServiceJob(this, f, reply, in);
        if (in.busy < in.workers && !in.stopped()) {
            start(j);
        } else if (in.queue.size() < pool.queueCapacity()) {
            in.queue.addLast(j);
        } else {
            fail(reply);
        }
    }

    /** A request sent to the service itself (not through a balancer) goes to a ready instance at random, as kube-proxy's. */
    private Instance pick() {
        int ready = 0;
        for (Instance in : instances) {
            if (in.acceptsTraffic()) {
                ready++;
            }
        }
        if (ready == 0) {
            return null;
        }
        int k = random.nextInt(ready);
        for (Instance in : instances) {
            if (in.acceptsTraffic() && k-- == 0) {
                return in;
            }
        }
        return null;
    }

    /** Workers of its ready instances: as many messages as a consumer takes from a queue at once. */
    int readyWorkers() {
        int w = 0;
        for (Instance in : instances) {
            if (in.acceptsTraffic()) {
                w += in.workers;
            }
        }
        return w;
    }

    private void start(ServiceJob j) {
        for (GatewayAdmission g : queueDelayWatchers) {
            g.queueDelay(sim.nowNanos(), sim.nowNanos() - j.arrivedNanos);
        }
        j.in.busyChanged(+1);
        j.in.running.add(j);
        if (resources != null && !resources.serviceStarts(j)) {
            return; // its allocation stalled: its CPU work starts when the collector lets it
        }
        startCpu(j);
    }

    /** The job's CPU work starts on the worker it holds. */
    void startCpu(ServiceJob j) {
        j.in.cpuChanged(+1);
        double ms = serviceTimeMs.sample(random) / j.in.speed;
        if (resources != null) {
            ms = resources.cpuStarts(j, ms);
        }
        sim.schedule(sim.nowNanos() + Simulation.millisToNanos(ms), j);
    }

    /** A collector pause on {@code in} is over, or it has more workers: its free workers take its queued requests. */
    void pauseOver(Instance in) {
        if (in.lifecycle == Lifecycle.TERMINATED) {
            return;
        }
        while (in.busy < in.workers && !in.queue.isEmpty() && !in.stopped()
                && (in.acceptsTraffic() || in.lifecycle == Lifecycle.DRAINING)) {
            start(in.queue.pollFirst());
        }
    }

    /** Makes the job's sync calls one after the other, each with its edge's probability; a failed call fails the request. */
    void calls(ServiceJob j) {
        j.flow.callerInstance = j.in.copy; // a cache it calls serves it from this instance's copies
        List<Link> calls = links(EdgeMode.SYNC, j.flow);
        while (j.nextCall < calls.size()) {
            Link l = calls.get(j.nextCall++);
            if (l.probability >= 1 || random.nextDouble() < l.probability) {
                Reply answered = ok -> {
                    if (j.generation != j.in.generation) {
                        return;
                    }
                    if (ok) {
                        calls(j);
                    } else {
                        finish(j, false);
                    }
                };
                ConnectionPool connections = resources == null ? null : resources.connections.pool(j.in, l);
                if (connections != null) {
                    resources.connections.query(j, l, connections, answered);
                } else {
                    l.send(j.flow, answered);
                }
                return;
            }
        }
        // Its work done, an instance under error-instance answers with its own error, as the pipeline's does.
        if (j.in.errorRate > 0 && errorRandom.nextDouble() < j.in.errorRate) {
            ownErrors++;
            j.in.ownErrors++;
            finish(j, false);
            return;
        }
        for (Link l : links(EdgeMode.ASYNC, j.flow)) {
            if ((l.probability >= 1 || random.nextDouble() < l.probability) && !((Broker) l.to).publish(l, j.flow)) {
                finish(j, false);
                return;
            }
        }
        Link next = net.pickByWeight(links(EdgeMode.FORWARD, j.flow), random, this);
        if (next == null) {
            finish(j, true);
            return;
        }
        // A hand-off: this node's part is over and its worker free; the caller waits on the next stage.
        latency.recordNanos(sim.nowNanos() - j.arrivedNanos);
        release(j);
        next.send(j.flow, j.reply);
    }

    private void finish(ServiceJob j, boolean ok) {
        release(j);
        answer(j.arrivedNanos, ok, j.reply);
    }

    private void release(ServiceJob j) {
        finished++;
        Instance in = j.in;
        in.served++;
        if (resources != null) {
            resources.serviceEnds(j);
        }
        in.running.remove(j);
        in.busyChanged(-1);
        if (in.stopped()) {
            // A pause holds it: the end of the pause starts what waits.
            if (in.lifecycle == Lifecycle.DRAINING && in.busy == 0 && in.queue.isEmpty()) {
                retire(in);
            }
            return;
        }
        // A draining instance takes no new requests but still serves those it queued; one whose workers were
        // cut live starts none until it is below its new count.
        if (!in.queue.isEmpty() && in.busy < in.workers && (in.acceptsTraffic() || in.lifecycle == Lifecycle.DRAINING)) {
            start(in.queue.pollFirst());
        } else if (in.lifecycle == Lifecycle.DRAINING && in.busy == 0 && in.queue.isEmpty()) {
            retire(in);
        }
    }

    // ------------------------------------------------------------------ instances

    /** Stops sending it traffic; it leaves once its queue and workers are empty. */
    void drain(Instance in) {
        if (in.lifecycle == Lifecycle.READY) {
            area();
            workersTotal -= in.workers;
            for (Broker feed : down ? List.<Broker>of() : feeds) {
                feed.instanceLeaving(this, in);
            }
        }
        in.lifecycle = Lifecycle.DRAINING;
        if (in.busy == 0 && in.queue.isEmpty()) {
            retire(in);
        }
    }

    private void ready(Instance in) {
        if (in.lifecycle != Lifecycle.BOOTING) {
            return;
        }
        area();
        in.lifecycle = Lifecycle.READY;
        in.readySinceNanos = sim.nowNanos();
        in.syncNanos = sim.nowNanos();
        in.busySinceNanos = sim.nowNanos();
        workersTotal += in.workers;
        scaler.ready(in);
        for (Broker feed : feeds) {
            if (!down) { // ready in a zone that is out, it consumes once the zone is back
                feed.instanceReady(this, in);
            }
        }
    }

    void retire(Instance in) {
        in.lifecycle = Lifecycle.TERMINATED;
        if (resources != null) {
            resources.removed(in);
        }
        instances.remove(in);
        instanceListVersion++;
        // Its in-process copies of the caches it called go with it, as the pipeline's do.
        for (Link l : out) {
            if (l.to instanceof CacheNode cache) {
                cache.dropInstance(in.copy);
            }
        }
    }

    /** A new instance of the size the scaler runs: it provisions and boots before it takes traffic. */
    Instance add() {
        Instance in = new Instance(1, 1);
        instances.add(in);
        instanceListVersion++;
        if (resources != null) {
            in.resources = resources.added(in);
        }
        long bootAt = Simulation.secondsToNanos(pool.provisionSeconds());
        in.bootsAtNanos = sim.nowNanos() + bootAt;
        in.readyAtNanos = in.bootsAtNanos + Simulation.secondsToNanos(pool.bootSeconds());
        sim.scheduleIn(bootAt, () -> in.lifecycle = in.lifecycle == Lifecycle.PROVISIONING ? Lifecycle.BOOTING : in.lifecycle);
        sim.scheduleIn(bootAt + Simulation.secondsToNanos(pool.bootSeconds()), () -> ready(in));
        return in;
    }

    // ------------------------------------------------------------------ live changes

    @Override
    void change(NodeChange.Change c) {
        pool = spec.service();
        if (c.how() == NodeChange.How.SERVICE_TIME) {
            serviceTimeMs = pool.serviceTime().toDistribution();
        } else if (c.how() == NodeChange.How.HEAPS || c.how() == NodeChange.How.OBJECT_POOLS
                || c.how() == NodeChange.How.CONNECTION_POOLS) {
            if (resources == null) {
                // The first of the three sections: the instances get their resources now, as new ones would.
                resources = NodeResources.of(this);
                for (Instance in : instances) {
                    in.resources = resources.added(in);
                }
            } else {
                resources.reconfigure(c.how(), pool);
            }
        } else if (!scaler.change(c)) {
            super.change(c);
        }
    }

    /** Its pool section as it runs now. */
    Scenario.Service pool() {
        return pool;
    }

    /** Workers for {@code in} of its size under the pool's workersPerInstance now: a live change's (see {@link ServiceScaler#change}). */
    void resetWorkers(Instance in) {
        area();
        int workers = in.size.workers(pool.workersPerInstance(), baseSize);
        if (in.lifecycle == Lifecycle.READY) {
            workersTotal += workers - in.workers;
        }
        in.workers = workers;
        pauseOver(in);
    }

    // ------------------------------------------------------------------ zones

    @Override
    void setDown(boolean isDown) {
        super.setDown(isDown);
        ServiceFaults.zone(this, isDown);
    }

    /** A ready instance's workers leave the pool (it crashed): the ρ integrals first. */
    void workersLost(Instance in) {
        area();
        workersTotal -= in.workers;
    }

    // ------------------------------------------------------------------ figures

    @Override
    void tick() {
        super.tick();
        area();
        load.second(finished, arrivalsPerSecond);
        if (resources != null) {
            resources.tick();
        }
    }

    /** Workers of the ready instances. */
    int readyWorkerCount() {
        int w = 0;
        for (Instance in : instances) {
            if (in.lifecycle == Lifecycle.READY) {
                w += in.workers;
            }
        }
        return w;
    }

    @Override
    double utilisation() {
        int workers = readyWorkerCount();
        return workers == 0 ? (down ? 0 : 1) : Math.min(1, busyTotal / (double) workers);
    }

    /** Busy workers over workers, averaged over the run so far. */
    double meanUtilisation() {
        area();
        return load.meanUtilisation();
    }

    /** Busy workers, averaged over the run so far. */
    double meanBusyWorkers() {
        area();
        return load.meanBusyWorkers(sim.nowNanos());
    }

    @Override
    int queued() {
        int q = 0;
        for (Instance in : instances) {
            q += in.queue.size();
        }
        return q;
    }

    @Override
    int inService() {
        return busyTotal;
    }

    @Override
    List<String> targets() {
        List<String> names = new ArrayList<>(instances.size());
        for (Instance in : instances) {
            if (in.lifecycle != Lifecycle.DRAINING && in.lifecycle != Lifecycle.FAILED) {
                names.add(in.name);
            }
        }
        return names;
    }

    @Override
    int instances() {
        int n = 0;
        for (Instance in : instances) {
            if (in.lifecycle == Lifecycle.READY) {
                n++;
            }
        }
        return n;
    }

    @Override
    double costPerHour() {
        // By size, each count times its price: a service of one size costs what it always did, to the bit.
        int[] paid = new int[InstanceSize.values().length];
        for (Instance in : instances) {
            if (in.lifecycle != Lifecycle.TERMINATED) {
                paid[in.size.ordinal()]++;
            }
        }
        double cost = 0;
        for (InstanceSize size : InstanceSize.values()) {
            if (paid[size.ordinal()] > 0) {
                cost += paid[size.ordinal()] * size.costPerHour();
            }
        }
        return cost;
    }

    @Override
    NetworkSnapshot.ServiceFigures serviceFigures() {
        int instancesNow = instances();
        if (resources == null) {
            return new NetworkSnapshot.ServiceFigures(0, 0, 0, Double.NaN, 0, scaler.targetSize.id());
        }
        return new NetworkSnapshot.ServiceFigures(resources.lastPauseMs, resources.lastCollections,
                instancesNow == 0 ? 0 : Math.min(1, resources.lastPauseMs / (1000.0 * instancesNow)), resources.connections.lastWaitMsP99,
                resources.connections.pending(), scaler.targetSize.id());
    }

    @Override
    void report(ObjectNode out) {
        out.put("utilisation", meanUtilisation());
        out.put("meanBusyWorkers", meanBusyWorkers());
        out.put("instances", instances());
        out.put("finalSize", scaler.targetSize.id());
        scaler.report(out);
        if (resources != null) {
            resources.report(out);
        }
    }
}
