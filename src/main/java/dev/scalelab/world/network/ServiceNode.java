package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.design.EdgeMode;
import dev.scalelab.engine.balancing.Backend;
import dev.scalelab.engine.scaling.HorizontalPodAutoscaler;
import dev.scalelab.engine.scaling.HorizontalPolicy;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.engine.scaling.PodMetrics;
import dev.scalelab.engine.scaling.ScalingDecision;
import dev.scalelab.engine.scaling.ScalingInputs;
import dev.scalelab.engine.scaling.TargetTrackingPolicy;
import dev.scalelab.engine.scaling.ThresholdPolicy;
import dev.scalelab.engine.scaling.Tolerance;
import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Event;
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
 * is handed on along one forward edge (freeing the worker) or answered.
 */
final class ServiceNode extends NetNode {
    private final Scenario.Service pool;
    private final Scenario.Autoscaler autoscaler;
    private final Distribution serviceTimeMs;
    private final SplittableRandom random;
    final List<Instance> instances = new ArrayList<>();
    /** Queues and topics this service consumes from: told when a worker comes free. */
    final List<MessagingNode> feeds = new ArrayList<>();
    /** Gateways shedding by queueing delay in front of it: told how long each request waited for its worker. */
    final List<GatewayAdmission> queueDelayWatchers = new ArrayList<>(1);
    private final HorizontalPolicy horizontal;
    private int specReplicas;
    private int nextNumber;
    /** Busy workers and workers, integrated over time: the time-average ρ the report gives. */
    private double busyWorkerNanos;
    private double workerNanos;
    private long areaSinceNanos;
    private int busyTotal;
    private int workersTotal;
    private ScalingDecision lastDecision;
    /** Busy worker-seconds and finished requests at the last tick: the hold time per request over the last second. */
    private double busyAtTick;
    private long finishedAtTick;
    /** Requests whose worker was freed (answered, handed on or failed), since t = 0. */
    private long finished;
    /** The workers the arrivals of the last seconds would keep busy (arrivals x hold time), smoothed; NaN before any. */
    double demandWorkers = Double.NaN;

    ServiceNode(Network net, Topology.Node spec) {
        super(net, spec);
        this.pool = spec.service();
        this.autoscaler = spec.autoscaler();
        this.serviceTimeMs = pool.serviceTime().toDistribution();
        this.random = net.streams.stream("node." + id + ".service");
        this.horizontal = policy(autoscaler);
        for (int i = 0; i < pool.instances(); i++) {
            Instance in = new Instance(pool.speed(i), pool.weight(i));
            in.lifecycle = Lifecycle.READY;
            in.readySinceNanos = 0;
            instances.add(in);
            workersTotal += in.workers;
        }
        specReplicas = pool.instances();
        if (horizontal != null) {
            sim.schedule(Simulation.secondsToNanos(autoscaler.syncPeriodSeconds()), this::autoscalerSync);
        }
    }

    private static HorizontalPolicy policy(Scenario.Autoscaler a) {
        return switch (a.policy()) {
            case HPA -> HorizontalPolicy.hpa(new HorizontalPodAutoscaler(new HorizontalPodAutoscaler.Config(a.minReplicas(),
                    a.maxReplicas(), (int) a.targetUtilization(), Tolerance.of(a.tolerance()), a.scaleUpRules(), a.scaleDownRules(),
                    a.behavior())));
            case THRESHOLD -> new ThresholdPolicy(a.minReplicas(), a.maxReplicas(), (int) a.targetUtilization());
            case TARGET_TRACKING -> new TargetTrackingPolicy(a.minReplicas(), a.maxReplicas(), a.metric(), a.targetValue(),
                    a.tolerance(), Simulation.secondsToNanos(a.scaleDownStabilizationSeconds()));
            default -> null;
        };
    }

    /** One instance: workers, a FIFO queue, and what the autoscaler's metrics need. */
    final class Instance implements Backend {
        final int number = nextNumber++;
        /** Its number across the network: the copy of an instance-scope cache level its calls use. */
        final int copy = net.nextInstanceNumber++;
        final String name = id + "-" + number;
        final int workers = pool.workersPerInstance();
        final double speed;
        final double weight;
        final ArrayDeque<Job> queue = new ArrayDeque<>();
        /** The jobs holding its workers (in their CPU time or waiting on a call), in start order. */
        final List<Job> running = new ArrayList<>();
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
    }

    /** A request at this service: its worker, its calls so far, and the reply its caller waits for. */
    private final class Job implements Event {
        final Flow flow;
        final Reply reply;
        final Instance in;
        final int generation;
        final long arrivedNanos;
        int nextCall;

        Job(Flow flow, Reply reply, Instance in) {
            this.flow = flow;
            this.reply = reply;
            this.in = in;
            this.generation = in.generation;
            this.arrivedNanos = sim.nowNanos();
        }

        /** Its CPU time is over. */
        @Override
        public void fire() {
            if (generation != in.generation) {
                return;
            }
            calls(this);
        }
    }

    private void area() {
        long now = sim.nowNanos();
        busyWorkerNanos += (double) busyTotal * (now - areaSinceNanos);
        workerNanos += (double) workersTotal * (now - areaSinceNanos);
        areaSinceNanos = now;
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
        Job j = new Job(f, reply, in);
        if (in.busy < in.workers) {
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

    private void start(Job j) {
        for (GatewayAdmission g : queueDelayWatchers) {
            g.queueDelay(sim.nowNanos(), sim.nowNanos() - j.arrivedNanos);
        }
        j.in.busyChanged(+1);
        j.in.running.add(j);
        double ms = serviceTimeMs.sample(random) / j.in.speed;
        sim.schedule(sim.nowNanos() + Simulation.millisToNanos(ms), j);
    }

    /** Makes the job's sync calls one after the other, each with its edge's probability; a failed call fails the request. */
    private void calls(Job j) {
        j.flow.callerInstance = j.in.copy; // a cache it calls serves it from this instance's copies
        List<Link> calls = links(EdgeMode.SYNC, j.flow);
        while (j.nextCall < calls.size()) {
            Link l = calls.get(j.nextCall++);
            if (l.probability >= 1 || random.nextDouble() < l.probability) {
                l.send(j.flow, ok -> {
                    if (j.generation != j.in.generation) {
                        return;
                    }
                    if (ok) {
                        calls(j);
                    } else {
                        finish(j, false);
                    }
                });
                return;
            }
        }
        for (Link l : links(EdgeMode.ASYNC, j.flow)) {
            if ((l.probability >= 1 || random.nextDouble() < l.probability) && !((MessagingNode) l.to).publish(l, j.flow)) {
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

    private void finish(Job j, boolean ok) {
        release(j);
        answer(j.arrivedNanos, ok, j.reply);
    }

    private void release(Job j) {
        finished++;
        Instance in = j.in;
        in.running.remove(j);
        in.busyChanged(-1);
        // A draining instance takes no new requests but still serves those it queued.
        if (!in.queue.isEmpty() && (in.acceptsTraffic() || in.lifecycle == Lifecycle.DRAINING)) {
            start(in.queue.pollFirst());
        } else if (in.lifecycle == Lifecycle.DRAINING && in.busy == 0 && in.queue.isEmpty()) {
            retire(in);
        } else if (in.busy < in.workers) {
            for (MessagingNode feed : feeds) {
                feed.workerFree(this);
            }
        }
    }

    // ------------------------------------------------------------------ scaling

    private void autoscalerSync() {
        long now = sim.nowNanos();
        List<PodMetrics> pods = new ArrayList<>(instances.size());
        int queued = 0;
        int ready = 0;
        for (Instance in : instances) {
            in.busyNanos += (double) in.busy * (now - in.busySinceNanos);
            in.busySinceNanos = now;
            long window = now - in.syncNanos;
            long usage = window <= 0 ? 0
                    : Math.round((in.busyNanos - in.busyNanosAtSync) / window / in.workers * pool.size().millicores());
            in.busyNanosAtSync = in.busyNanos;
            in.syncNanos = now;
            boolean isReady = in.lifecycle == Lifecycle.READY;
            pods.add(new PodMetrics(in.name, in.lifecycle, isReady, in.startNanos, isReady ? in.readySinceNanos : -1,
                    isReady && window > 0 ? now : -1, window, usage, pool.size().millicores()));
            if (isReady) {
                ready++;
                queued += in.queue.size();
            }
        }
        double p95 = latency.takeIntervalPercentileMs(95);
        ScalingDecision d = horizontal.decide(new ScalingInputs(now, specReplicas, pods, p95, ready == 0 ? 0 : queued / (double) ready));
        lastDecision = d;
        net.decide(this, d.explanation());
        if (d.desired() != specReplicas) {
            resize(d.desired());
        }
        sim.schedule(now + Simulation.secondsToNanos(autoscaler.syncPeriodSeconds()), this::autoscalerSync);
    }

    /** New instances provision and boot before they take traffic; removed ones (the newest first) drain. */
    private void resize(int replicas) {
        specReplicas = replicas;
        int live = 0;
        for (Instance in : instances) {
            if (in.lifecycle != Lifecycle.DRAINING) {
                live++;
            }
        }
        for (; live < replicas; live++) {
            Instance in = new Instance(1, 1);
            instances.add(in);
            long bootAt = Simulation.secondsToNanos(pool.provisionSeconds());
            sim.scheduleIn(bootAt, () -> in.lifecycle = in.lifecycle == Lifecycle.PROVISIONING ? Lifecycle.BOOTING : in.lifecycle);
            sim.scheduleIn(bootAt + Simulation.secondsToNanos(pool.bootSeconds()), () -> ready(in));
        }
        for (int i = instances.size() - 1; i >= 0 && live > replicas; i--) {
            Instance in = instances.get(i);
            if (in.lifecycle == Lifecycle.DRAINING) {
                continue;
            }
            live--;
            if (in.lifecycle == Lifecycle.READY) {
                area();
                workersTotal -= in.workers;
            }
            in.lifecycle = Lifecycle.DRAINING;
            if (in.busy == 0 && in.queue.isEmpty()) {
                retire(in);
            }
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
        for (MessagingNode feed : feeds) {
            feed.workerFree(this);
        }
    }

    private void retire(Instance in) {
        in.lifecycle = Lifecycle.TERMINATED;
        instances.remove(in);
        // Its in-process copies of the caches it called go with it, as the pipeline's do.
        for (Link l : out) {
            if (l.to instanceof CacheNode cache) {
                cache.dropInstance(in.copy);
            }
        }
    }

    // ------------------------------------------------------------------ zones

    @Override
    void setDown(boolean isDown) {
        super.setDown(isDown);
        if (!isDown) {
            for (MessagingNode feed : feeds) {
                feed.workerFree(this);
            }
            return;
        }
        // Its instances go with the zone: what they held is lost, and their late events do nothing.
        for (Instance in : instances) {
            in.generation++;
            List<Job> lost = new ArrayList<>(in.running);
            lost.addAll(in.queue);
            in.running.clear();
            in.queue.clear();
            while (in.busy > 0) {
                in.busyChanged(-1);
            }
            for (Job j : lost) {
                fail(j.reply);
            }
        }
    }

    // ------------------------------------------------------------------ figures

    @Override
    void tick() {
        super.tick();
        area();
        double busy = busyWorkerNanos / 1e9;
        long done = finished - finishedAtTick;
        if (done > 0) {
            // Little's law over the last second: the time each finished request held a worker, times every arrival.
            double holdSeconds = (busy - busyAtTick) / done;
            double demand = arrivalsPerSecond * holdSeconds;
            demandWorkers = Double.isNaN(demandWorkers) ? demand : demandWorkers + 0.2 * (demand - demandWorkers);
        }
        busyAtTick = busy;
        finishedAtTick = finished;
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
        int workers = 0;
        for (Instance in : instances) {
            if (in.lifecycle == Lifecycle.READY) {
                workers += in.workers;
            }
        }
        return workers == 0 ? (down ? 0 : 1) : Math.min(1, busyTotal / (double) workers);
    }

    /** Busy workers over workers, averaged over the run so far. */
    double meanUtilisation() {
        area();
        return workerNanos == 0 ? 0 : busyWorkerNanos / workerNanos;
    }

    /** Busy workers, averaged over the run so far. */
    double meanBusyWorkers() {
        area();
        return sim.nowNanos() == 0 ? 0 : busyWorkerNanos / sim.nowNanos();
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
        int paid = 0;
        for (Instance in : instances) {
            if (in.lifecycle != Lifecycle.TERMINATED) {
                paid++;
            }
        }
        return paid * pool.size().costPerHour();
    }

    @Override
    void report(ObjectNode out) {
        out.put("utilisation", meanUtilisation());
        out.put("meanBusyWorkers", meanBusyWorkers());
        out.put("instances", instances());
        if (lastDecision != null) {
            out.put("lastScalingDecision", lastDecision.explanation());
        }
    }
}
