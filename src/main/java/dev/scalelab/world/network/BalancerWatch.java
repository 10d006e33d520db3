package dev.scalelab.world.network;

import dev.scalelab.engine.balancing.LoadBalancingStrategy;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.Sample;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Source;
import dev.scalelab.world.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A drawn balancer watched as the pipeline's Load balancing panel sees its balancer: its picks within
 * the pool of one edge ({@link BalancerPicks}: the decision strip and the flying dots), that pool's
 * instances with each one's picks, its strategy's last comparison, and which instances its
 * {@link BalancerHealth} excludes now and why. A drawn balancer keeps a strategy of its own per edge
 * and first picks the edge by weight, so one pool is shown: its first edge's, in the order drawn
 * ({@link #shownEdge}); the others' picks are not in the record. Per second, its arrivals, answers,
 * p50/p99 (its callers' view: the service's time behind it included), the pool's ready and desired
 * instances, and each instance's share of the second's picks, under the pipeline's history keys.
 */
final class BalancerWatch extends Watch {
    private final RouterNode balancer;
    private final Link shown;
    private final ServiceNode service;
    private final BalancerPicks picks;
    private double secondP50Ms = Double.NaN;
    private long answersAtSecond;
    private long rejectedAtSecond;
    private Sample lastSample;
    private Topology.Node shownSpec;
    private Topology.Node shownPool;
    private Scenario shownScenario;

    /** @throws ScenarioException naming the node when no service is behind it */
    BalancerWatch(Network net, RouterNode balancer) {
        super(net, balancer);
        if (balancer.out.isEmpty()) {
            throw new ScenarioException("nodes." + balancer.id, "no service is behind " + balancer.id + ": it picks no instance to show");
        }
        this.balancer = balancer;
        this.shown = shownEdge(balancer);
        this.service = (ServiceNode) shown.to;
        this.picks = new BalancerPicks(shown);
        balancer.picks = picks;
        answersAtSecond = balancer.latency.totalCount();
    }

    /** The edge whose pool the panel shows: the first drawn, which the window names when there are more. */
    static Link shownEdge(RouterNode balancer) {
        return balancer.out.get(0);
    }

    @Override
    void stop() {
        if (balancer.picks == picks) {
            balancer.picks = null;
        }
    }

    @Override
    void beforeTick() {
        secondP50Ms = balancer.latency.intervalPercentileMs(50);
    }

    @Override
    void take(boolean partial) {
        long answers = balancer.latency.totalCount();
        long answered = answers - answersAtSecond;
        answersAtSecond = answers;
        long rejected = picks.rejected() - rejectedAtSecond;
        rejectedAtSecond = picks.rejected();
        long total = 0;
        for (ServiceNode.Instance in : service.instances) {
            total += picks.routedThisSecond(in);
        }
        // Each instance's share of the second's picks, as the pipeline's history has its instances' (NaN for a second without any).
        for (ServiceNode.Instance in : service.instances) {
            put(RunHistory.Keys.sharePercent(in.name), partial || total == 0 ? Double.NaN : 100.0 * picks.routedThisSecond(in) / total);
        }
        picks.secondOver();
        put(RunHistory.Keys.OFFERED, partial ? Double.NaN : balancer.arrivalsPerSecond);
        put(RunHistory.Keys.THROUGHPUT, partial ? Double.NaN : answered);
        put(RunHistory.Keys.REJECTED, partial ? Double.NaN : rejected);
        put(RunHistory.Keys.FAILED, partial ? Double.NaN : balancer.errorsPerSecond);
        put(RunHistory.Keys.P50_MS, partial ? Double.NaN : secondP50Ms);
        put(RunHistory.Keys.P99_MS, partial ? Double.NaN : balancer.secondP99Ms);
        put(RunHistory.Keys.INSTANCES, partial ? Double.NaN : service.instances());
        put(RunHistory.Keys.DESIRED_INSTANCES, partial ? Double.NaN : service.scaler.spec());
        if (!partial) {
            int queued = 0;
            for (ServiceNode.Instance in : service.instances) {
                queued += in.queue.size();
            }
            lastSample = new Sample(net.sim.nowSeconds(), balancer.arrivalsPerSecond, answered, rejected, balancer.errorsPerSecond,
                    Double.NaN, secondP50Ms, balancer.secondP99Ms, service.instances(), service.scaler.spec(), Double.NaN, queued,
                    service.costPerHour(), service.dollars);
        }
    }

    @Override
    Source source(String explanation) {
        if (explanation.startsWith("set ")) {
            return Source.USER;
        }
        if (explanation.contains(" healthy: ") || explanation.contains(" unhealthy: ")) {
            return Source.HEALTH;
        }
        return explanation.startsWith("panic ") || explanation.startsWith("out of panic ") ? Source.BALANCER : Source.OUTLIER;
    }

    @Override
    Snapshot view() {
        long now = net.sim.nowNanos();
        List<Snapshot.InstanceView> instances = new ArrayList<>(service.instances.size());
        for (ServiceNode.Instance in : service.instances) {
            Snapshot.InstanceView v = ServiceWatch.instanceView(service, in, in.workers == 0 ? 0 : Math.min(1, in.busy / (double) in.workers),
                    now, in.number);
            instances.add(new Snapshot.InstanceView(v.number(), v.id(), v.state(), v.workers(), v.busy(), v.queued(), v.queueCapacity(),
                    picks.routed(in), picks.rejected(in), v.utilization(), v.size(), v.vcpus(), v.progress(), v.warmingUp(),
                    v.speedFactor(), v.costPerHour(), v.weight(), v.errorRate()));
        }
        LoadBalancingStrategy strategy = balancer.strategyOf(shown);
        BalancerHealth health = balancer.healthOf(service);
        Map<String, String> excluded = health == null ? Map.of() : health.excluded();
        Snapshot.BalancerView view = new Snapshot.BalancerView(strategy.id(), health != null && health.inPanic(), excluded,
                strategy.explainLastPick());
        LatencySummary latency = balancer.latency.total();
        return new Snapshot(net.sim.nowSeconds(), net.sim.eventsFired(), scenario(), List.copyOf(instances), balancer.arrivals,
                latency.count(), picks.rejected(), balancer.errors, lastSample, latency, series(), picks.dispatches(), logCount(), log(),
                null, view, null, null, List.of(), null, null, null, history());
    }

    /**
     * The balancer's section as it runs now, with the shown pool's service, autoscaler and vertical
     * scaler, in a scenario of its own; the other sections are the defaults, which the panel does not read.
     */
    private Scenario scenario() {
        Topology.Node spec = balancer.spec;
        Topology.Node pool = service.spec;
        if (spec == shownSpec && pool == shownPool) {
            return shownScenario; // a live change replaces a node's section, so the same one is unchanged
        }
        Scenario d = Scenario.DEFAULT;
        Scenario run = net.scenario();
        shownScenario = new Scenario(node.id, "", "", List.of(), run.seed(), run.durationSeconds(), d.workload(), pool.service(),
                pool.autoscaler(), pool.verticalScaler(), null, spec.balancer(), null, null, List.of(), null, null, List.of());
        shownSpec = spec;
        shownPool = pool;
        return shownScenario;
    }

    private Snapshot.Series series() {
        double[] times = times();
        double[] none = new double[times.length];
        java.util.Arrays.fill(none, Double.NaN);
        return new Snapshot.Series(times, recent(RunHistory.Keys.OFFERED), recent(RunHistory.Keys.THROUGHPUT),
                recent(RunHistory.Keys.REJECTED), recent(RunHistory.Keys.FAILED), recent(RunHistory.Keys.P50_MS),
                recent(RunHistory.Keys.P99_MS), recent(RunHistory.Keys.INSTANCES), recent(RunHistory.Keys.DESIRED_INSTANCES), none, none,
                none);
    }
}
