package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.engine.scaling.HorizontalPodAutoscaler;
import dev.scalelab.engine.scaling.HorizontalPolicy;
import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.engine.scaling.PodMetrics;
import dev.scalelab.engine.scaling.ScalingDecision;
import dev.scalelab.engine.scaling.ScalingInputs;
import dev.scalelab.engine.scaling.VerticalPolicy;
import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.RandomStreams;
import dev.scalelab.sim.Simulation;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The service: its pool of instances (a Kubernetes Deployment, {@link ServicePool}), how long a
 * request takes on one, and the scalers that resize it: a horizontal policy (HPA, threshold,
 * target tracking) and a vertical one (threshold, VPA). Confined to the simulation thread.
 */
final class ScalingSystem implements Subsystem {
    /** A scenario field this part changes live, and the step that applies it: see {@link Live}. */
    @Live @Retention(RUNTIME) @Target(RECORD_COMPONENT)
    @interface Applies { Step value(); String[] fields() default {}; }

    enum Step implements ApplyStep {
        /** spec.replicas: the pool creates or drains instances to match. */
        REPLICAS,
        /** Per-instance settings: running instances take the new workers and queue at once. */
        RECONFIGURE_POOL,
        /** The next request served draws from the new distribution. */
        SERVICE_TIME,
        /** A new size rolls the pool one instance at a time. */
        RESIZE,
        /** A new policy or period: a new sync timer. */
        RESTART_AUTOSCALER,
        /** As editing a live HPA object: recommendations and scale events are kept, the timer runs on. */
        EDIT_AUTOSCALER,
        /** The vertical scaler starts again with a fresh measuring window. */
        RESTART_VERTICAL;
    }

    /** metrics-server's resolution: each instance's CPU is sampled over this window. */
    static final long METRIC_WINDOW_NANOS = 15 * Simulation.NANOS_PER_SECOND;

    private final World world;
    private final Simulation sim;
    private final ServicePool pool;
    private final SplittableRandom serviceRandom;
    private final SplittableRandom errorRandom;
    private Distribution serviceTime;

    private HorizontalPolicy horizontal;
    private HorizontalPodAutoscaler hpa;
    /** Sync timers of an earlier policy or period see a different generation and stop. */
    private long syncGeneration;
    private ScalingDecision lastScaling;
    /** Latencies since the last sync: target tracking's p95. */
    private final LatencyRecorder windowLatency = LatencyRecorder.intervalOnly();
    private VerticalPolicy vertical;
    private long verticalGeneration;
    private String lastVertical = "";
    private boolean autoscalerColumns;

    ScalingSystem(World world, Simulation sim, Scenario.Service service, RandomStreams streams) {
        this.world = world;
        this.sim = sim;
        serviceRandom = streams.stream("service.serviceTime");
        errorRandom = streams.stream("service.errors");
        serviceTime = service.serviceTime().toDistribution();
        pool = new ServicePool(world, sim, service);
    }

    /** Starts the metric scrapes; called once every other part exists, where the world always started them. */
    void startScrapes() {
        sim.schedule(METRIC_WINDOW_NANOS, this::scrapeMetrics);
    }

    /** Starts the scalers the scenario names. */
    void startScalers() {
        configureAutoscaler(true);
        configureVertical();
    }

    ServicePool pool() {
        return pool;
    }

    @Override
    public void apply(Parameter p, Source by) {
        Scenario.Service service = world.currentScenario().service();
        switch ((Step) p.step()) {
            case REPLICAS -> pool.setSpecReplicas(service.instances(), null);
            case RECONFIGURE_POOL -> pool.configure(service);
            case SERVICE_TIME -> serviceTime = service.serviceTime().toDistribution();
            case RESIZE -> pool.setTargetSize(service.size());
            case RESTART_AUTOSCALER -> configureAutoscaler(true);
            case EDIT_AUTOSCALER -> configureAutoscaler(false);
            case RESTART_VERTICAL -> configureVertical();
        }
    }

    /** CPU time of the next request on {@code in}, in milliseconds: a warming or slowed instance takes longer. */
    double serviceMs(ServiceInstance in) {
        return serviceTime.sample(serviceRandom) / in.speed(sim.nowNanos());
    }

    /** Whether {@code in} answers this request with its own error (an error-instance fault). */
    boolean errs(ServiceInstance in) {
        return in.errorRate > 0 && errorRandom.nextDouble() < in.errorRate;
    }

    /** A request was answered after {@code latencyNanos}: target tracking watches the latency. */
    void answered(long latencyNanos) {
        windowLatency.recordNanos(latencyNanos);
    }

    /** Asks the pool for {@code replicas} instances ({@code victim} drains first when it shrinks); the scenario follows. */
    void setSpec(int replicas, String victim) {
        pool.setSpecReplicas(replicas, victim);
        Scenario now = world.currentScenario();
        world.replaceScenario(now.withService(now.service().withInstances(replicas)));
    }

    // ------------------------------------------------------------------ horizontal

    /**
     * Builds the horizontal policy from the current scenario. An HPA keeps its recommendation and
     * scale-event history across edits, as editing a live HPA object does; {@code restartSync}
     * starts a new sync timer (a new policy or period).
     */
    private void configureAutoscaler(boolean restartSync) {
        Scenario.Autoscaler a = world.currentScenario().autoscaler();
        boolean wasHpa = horizontal != null && horizontal.id().equals("hpa");
        hpa = a.policy() == Scenario.AutoscalerPolicy.HPA ? SectionConfigs.hpa(a, wasHpa ? hpa : null) : null;
        horizontal = SectionConfigs.horizontal(a, hpa);
        if (restartSync) {
            syncGeneration++;
            if (horizontal != null) {
                long generation = syncGeneration;
                windowLatency.takeInterval();
                sim.scheduleIn(Simulation.secondsToNanos(a.syncPeriodSeconds()), () -> autoscalerSync(generation));
            }
        }
    }

    private void autoscalerSync(long generation) {
        if (generation != syncGeneration || horizontal == null) {
            return;
        }
        long now = sim.nowNanos();
        List<PodMetrics> pods = new ArrayList<>(pool.instances.size());
        int queued = 0;
        for (ServiceInstance in : pool.instances) {
            pods.add(new PodMetrics(in.id, in.lifecycle, in.lifecycle == Lifecycle.READY, in.runningSinceNanos,
                    in.readyTransitionNanos, in.metricTimestampNanos, in.metricWindowNanos, in.metricUsageMillicores,
                    in.size.millicores()));
            if (in.lifecycle == Lifecycle.READY) {
                queued += in.queue.size();
            }
        }
        double p95 = windowLatency.takeIntervalPercentileMs(95);
        int ready = pool.readyCount();
        ScalingDecision d = horizontal.decide(new ScalingInputs(now, pool.specReplicas, pods, p95,
                ready == 0 ? 0 : queued / (double) ready));
        lastScaling = d;
        Source policy = Source.horizontal(d.policy());
        LogEntry line = world.log(policy, d.explanation());
        world.decisionLog().decide(new Decision(now / 1e9, policy, d.explanation(), d.current(), d.proposed(), d.desired(),
                d.inputs().isEmpty() ? Map.of() : Map.of("inputs", d.inputs())));
        if (d.rescale()) {
            setSpec(d.desired(), d.victim());
        }
        if (d.desired() != d.current()) {
            world.breakpoints().replicasChanged(line);
        }
        sim.schedule(now + Simulation.secondsToNanos(world.currentScenario().autoscaler().syncPeriodSeconds()),
                () -> autoscalerSync(generation));
    }

    @Override
    public void declareColumns(SampleColumns columns, Scenario initial) {
        autoscalerColumns = initial.autoscaler().policy() != Scenario.AutoscalerPolicy.NONE
                || columns.timelineSets(initial, "autoscaler.policy");
        if (autoscalerColumns) {
            columns.add("autoscaler_proposed_replicas_count");
            columns.add("autoscaler_desired_replicas_count");
        }
    }

    @Override
    public void columnValues(List<String> cells) {
        if (autoscalerColumns) {
            ScalingDecision d = horizontal == null ? null : lastScaling;
            cells.add(d == null ? "" : Integer.toString(d.proposed()));
            cells.add(d == null ? "" : Integer.toString(d.desired()));
        }
    }

    // ------------------------------------------------------------------ vertical

    private void configureVertical() {
        Scenario.VerticalScaler v = world.currentScenario().verticalScaler();
        verticalGeneration++;
        vertical = SectionConfigs.vertical(v, sim.nowNanos());
        if (vertical != null) {
            long generation = verticalGeneration;
            for (ServiceInstance in : pool.instances) {
                in.coresSinceLastVertical(sim.nowNanos()); // start a fresh window
            }
            sim.scheduleIn(Simulation.secondsToNanos(v.intervalSeconds()), () -> verticalSync(generation));
        }
    }

    private void verticalSync(long generation) {
        if (generation != verticalGeneration || vertical == null) {
            return;
        }
        long now = sim.nowNanos();
        List<Double> samples = new ArrayList<>();
        double used = 0;
        double capacity = 0;
        for (ServiceInstance in : pool.instances) {
            double cores = in.coresSinceLastVertical(now);
            if (in.lifecycle == Lifecycle.READY) {
                samples.add(cores);
                used += cores;
                capacity += in.size.vcpus();
            }
        }
        double[] s = samples.stream().mapToDouble(Double::doubleValue).toArray();
        InstanceSize size = pool.targetSize;
        VerticalPolicy.VerticalDecision d = vertical.decide(now, size, s, capacity == 0 ? Double.NaN : used / capacity);
        lastVertical = d.explanation();
        world.log(Source.VERTICAL, d.explanation());
        world.decisionLog().decide(new Decision(now / 1e9, Source.vertical(d.policy()), d.explanation(), -1, -1, -1));
        if (d.resize() && !pool.rolling()) {
            Scenario current = world.currentScenario();
            world.replaceScenario(current.withService(current.service().withSize(d.desired())));
            pool.setTargetSize(d.desired());
        }
        sim.schedule(now + Simulation.secondsToNanos(world.currentScenario().verticalScaler().intervalSeconds()),
                () -> verticalSync(generation));
    }

    private void scrapeMetrics() {
        long now = sim.nowNanos();
        for (ServiceInstance in : pool.instances) {
            in.scrape(now, METRIC_WINDOW_NANOS);
        }
        sim.schedule(now + METRIC_WINDOW_NANOS, this::scrapeMetrics);
    }

    // ------------------------------------------------------------------ views

    List<Snapshot.InstanceView> instanceViews() {
        long now = sim.nowNanos();
        List<Snapshot.InstanceView> views = new ArrayList<>(pool.instances.size());
        for (ServiceInstance in : pool.instances) {
            views.add(new Snapshot.InstanceView(in.number, in.id, Snapshot.InstanceState.of(in.lifecycle), in.workers,
                    in.busy, in.queue.size(), in.queueCapacity, in.routed, in.rejected, in.lastUtilization,
                    in.size.id(), in.size.vcpus(), in.progress(now), in.warmingUp(now), in.speedFactor,
                    in.size.costPerHour(), in.weight, in.errorRate));
        }
        return List.copyOf(views);
    }

    Snapshot.Scaling view() {
        Scenario current = world.currentScenario();
        return new Snapshot.Scaling(current.autoscaler().policy().id(), pool.specReplicas,
                pool.readyCount(), pool.targetSize.id(), pool.rolling(), pool.costPerHour(), pool.costDollars(),
                lastScaling == null ? "" : lastScaling.explanation(), lastVertical, current.verticalScaler().policy().id());
    }

    @Override
    public void report(ObjectNode root) {
        double seconds = sim.nowSeconds();
        long now = sim.nowNanos();
        ObjectNode instances = root.putObject("instances");
        instances.put("min", pool.minReady());
        instances.put("max", pool.maxReady());
        instances.put("mean", pool.meanReady());
        instances.put("final", pool.readyCount());
        ArrayNode timeline = instances.putArray("timeline");
        for (double[] point : pool.readyTimeline()) {
            timeline.addObject().put("atSeconds", point[0]).put("count", (int) point[1]);
        }
        ArrayNode live = instances.putArray("live");
        for (ServiceInstance in : pool.instances) {
            long alive = now - Math.max(0, in.createdNanos);
            live.addObject().put("id", in.id).put("state", in.lifecycle.id()).put("size", in.size.id())
                    .put("workers", in.workers).put("completed", in.completed).put("rejected", in.rejected)
                    .put("utilization", alive <= 0 ? 0 : in.busyWorkerNanos(now) / ((double) in.workers * alive));
        }

        ObjectNode cost = root.putObject("cost");
        cost.put("totalDollars", pool.costDollars());
        cost.put("meanPerHour", seconds > 0 ? pool.costDollars() / (seconds / 3600) : pool.costPerHour());
        cost.put("finalPerHour", pool.costPerHour());

        ObjectNode autoscaler = root.putObject("autoscaler");
        autoscaler.put("policy", world.currentScenario().autoscaler().policy().id());
        autoscaler.put("finalReplicas", pool.specReplicas);
        autoscaler.put("finalSize", pool.targetSize.id());
    }
}
