package dev.scalelab.world.network;

import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Source;
import dev.scalelab.world.Topology;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A drawn service watched as the pipeline's Scaling panel sees its pool: its instances as
 * {@link Snapshot.InstanceView}s, its scalers as {@link Snapshot.Scaling}, and its figures per second
 * (arrivals, answers, p50/p99, ready and desired instances, ρ, cost), all read from what the node
 * and its {@link ServiceScaler} already count.
 */
final class ServiceWatch extends Watch {
    private final ServiceNode service;
    /**
     * Read before the node's tick takes its second's latencies: their median (of those since the
     * autoscaler's last sync, when it synced within the second: its p95 takes them too).
     */
    private double secondP50Ms = Double.NaN;
    /** Answers and hand-offs the node recorded up to the last second. */
    private long answersAtSecond;
    private double busyAtSecond;
    private double workersAtSecond;
    /** Each instance's busy worker-nanoseconds at the last second, for its utilisation over the second. */
    private final Map<ServiceNode.Instance, Double> instanceBusyAtSecond = new IdentityHashMap<>();
    private final Map<ServiceNode.Instance, Double> instanceUtilisation = new IdentityHashMap<>();
    private Topology.Node shownSpec;
    private Scenario shownScenario;

    ServiceWatch(Network net, ServiceNode service) {
        super(net, service);
        this.service = service;
        busyAtSecond = service.load.busyWorkerNanos;
        workersAtSecond = service.load.workerNanos;
        answersAtSecond = service.latency.totalCount();
        long now = net.sim.nowNanos();
        for (ServiceNode.Instance in : service.instances) {
            instanceBusyAtSecond.put(in, busyNanos(in, now));
        }
    }

    @Override
    void beforeTick() {
        secondP50Ms = service.latency.intervalPercentileMs(50);
    }

    @Override
    void take(boolean partial) {
        long now = net.sim.nowNanos();
        double busy = service.load.busyWorkerNanos - busyAtSecond;
        double workers = service.load.workerNanos - workersAtSecond;
        busyAtSecond = service.load.busyWorkerNanos;
        workersAtSecond = service.load.workerNanos;
        long answers = service.latency.totalCount();
        long answered = answers - answersAtSecond;
        answersAtSecond = answers;
        put(RunHistory.Keys.OFFERED, partial ? Double.NaN : service.arrivalsPerSecond);
        put(RunHistory.Keys.THROUGHPUT, partial ? Double.NaN : answered);
        put(RunHistory.Keys.REJECTED, partial ? Double.NaN : service.ownErrorsPerSecond);
        put(RunHistory.Keys.FAILED, partial ? Double.NaN : service.errorsPerSecond);
        put(RunHistory.Keys.P50_MS, partial ? Double.NaN : secondP50Ms);
        put(RunHistory.Keys.P99_MS, partial ? Double.NaN : service.secondP99Ms);
        put(RunHistory.Keys.INSTANCES, partial ? Double.NaN : service.instances());
        put(RunHistory.Keys.DESIRED_INSTANCES, partial ? Double.NaN : service.scaler.spec());
        put(RunHistory.Keys.UTILIZATION, partial ? Double.NaN : workers == 0 ? 0 : busy / workers);
        put(RunHistory.Keys.COST_PER_HOUR, partial ? Double.NaN : service.costPerHour());
        put(RunHistory.Keys.COST_DOLLARS, partial ? Double.NaN : service.dollars);
        instanceUtilisation.clear();
        Map<ServiceNode.Instance, Double> seen = new IdentityHashMap<>();
        for (ServiceNode.Instance in : service.instances) {
            double b = busyNanos(in, now);
            Double before = instanceBusyAtSecond.get(in);
            if (before != null && in.workers > 0 && !partial) {
                instanceUtilisation.put(in, Math.min(1, (b - before) / ((double) in.workers * Simulation.NANOS_PER_SECOND)));
            }
            seen.put(in, b);
        }
        instanceBusyAtSecond.clear();
        instanceBusyAtSecond.putAll(seen);
    }

    /** Busy worker-nanoseconds of {@code in} until {@code now}, read without flushing its integral. */
    private static double busyNanos(ServiceNode.Instance in, long now) {
        return in.busyNanos + (double) in.busy * (now - in.busySinceNanos);
    }

    @Override
    Source source(String explanation) {
        if (explanation == service.scaler.lastDecisionText()) {
            return Source.AUTOSCALER;
        }
        if (explanation == service.scaler.lastVerticalText()) {
            return Source.VERTICAL;
        }
        return explanation.startsWith("set ") ? Source.USER : Source.POOL;
    }

    @Override
    Snapshot view() {
        long now = net.sim.nowNanos();
        List<Snapshot.InstanceView> instances = new ArrayList<>(service.instances.size());
        for (ServiceNode.Instance in : service.instances) {
            instances.add(instanceView(service, in, instanceUtilisation.getOrDefault(in, 0.0), now, in.number));
        }
        Topology.Node spec = service.spec;
        Snapshot.Scaling scaling = new Snapshot.Scaling(spec.autoscaler().policy().id(), service.scaler.spec(),
                service.instances(), service.scaler.targetSize.id(), service.scaler.rolling(), service.costPerHour(),
                service.dollars, service.scaler.lastDecisionText(), service.scaler.lastVerticalText(),
                spec.verticalScaler().policy().id());
        LatencySummary latency = service.latency.total();
        return new Snapshot(net.sim.nowSeconds(), net.sim.eventsFired(), scenario(spec), List.copyOf(instances),
                service.arrivals, latency.count(), service.ownErrors, service.errors, null, latency, series(),
                new Snapshot.Dispatches(0, new int[0], new byte[0]), logCount(), log(), scaling, null, null, null,
                List.of(), null, null, null, history());
    }

    /**
     * Instance {@code in} of {@code s} as the pipeline's pool view draws one, numbered {@code number}
     * (its number in the service, or across the network where a cache's copies are told apart by it).
     */
    static Snapshot.InstanceView instanceView(ServiceNode s, ServiceNode.Instance in, double utilisation, long now, int number) {
        return new Snapshot.InstanceView(number, in.name, Snapshot.InstanceState.of(in.lifecycle), in.workers, in.busy,
                in.queue.size(), s.pool().queueCapacity(), 0, 0, utilisation, in.size.id(), in.size.vcpus(), progress(in, now),
                false, in.speed, in.size.costPerHour(), in.weight, in.errorRate);
    }

    /** How far {@code in} is through provisioning or booting, 0 to 1; 1 outside them, as the pipeline's instance says. */
    private static double progress(ServiceNode.Instance in, long now) {
        long start;
        long end;
        if (in.lifecycle == Lifecycle.PROVISIONING) {
            start = in.startNanos;
            end = in.bootsAtNanos;
        } else if (in.lifecycle == Lifecycle.BOOTING) {
            start = in.bootsAtNanos;
            end = in.readyAtNanos;
        } else {
            return 1;
        }
        return end <= start || now >= end ? 1 : Math.max(0, (now - start) / (double) (end - start));
    }

    /**
     * The node's sections in a scenario of their own: the service, autoscaler and vertical scaler are
     * the node's as they run now; the other sections are the defaults, which the Scaling panel does not read.
     */
    private Scenario scenario(Topology.Node spec) {
        if (spec != shownSpec) {
            Scenario d = Scenario.DEFAULT;
            Scenario run = net.scenario();
            shownScenario = new Scenario(node.id, "", "", List.of(), run.seed(), run.durationSeconds(), d.workload(),
                    spec.service(), spec.autoscaler(), spec.verticalScaler(), null, d.balancer(), null, null, List.of(), null,
                    null, List.of());
            shownSpec = spec;
        }
        return shownScenario;
    }

    private Snapshot.Series series() {
        return new Snapshot.Series(times(), recent(RunHistory.Keys.OFFERED), recent(RunHistory.Keys.THROUGHPUT),
                recent(RunHistory.Keys.REJECTED), recent(RunHistory.Keys.FAILED), recent(RunHistory.Keys.P50_MS),
                recent(RunHistory.Keys.P99_MS), recent(RunHistory.Keys.INSTANCES), recent(RunHistory.Keys.DESIRED_INSTANCES),
                recent(RunHistory.Keys.UTILIZATION), recent(RunHistory.Keys.COST_PER_HOUR), recent(RunHistory.Keys.COST_DOLLARS));
    }
}
