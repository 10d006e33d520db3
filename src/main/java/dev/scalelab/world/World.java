package dev.scalelab.world;

import dev.scalelab.engine.balancing.ActiveHealthChecker;
import dev.scalelab.engine.balancing.BalancerConfig;
import dev.scalelab.engine.balancing.LoadBalancingStrategy;
import dev.scalelab.engine.balancing.OutlierDetector;
import dev.scalelab.engine.balancing.PanicThreshold;
import dev.scalelab.engine.balancing.SlowStart;
import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.engine.scaling.HorizontalPodAutoscaler;
import dev.scalelab.engine.scaling.HorizontalPolicy;
import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.engine.scaling.PodMetrics;
import dev.scalelab.engine.scaling.ScalingDecision;
import dev.scalelab.engine.scaling.ScalingInputs;
import dev.scalelab.engine.scaling.TargetTrackingPolicy;
import dev.scalelab.engine.scaling.ThresholdPolicy;
import dev.scalelab.engine.scaling.ThresholdResizePolicy;
import dev.scalelab.engine.scaling.Tolerance;
import dev.scalelab.engine.scaling.VerticalPolicy;
import dev.scalelab.engine.scaling.VpaRecommender;
import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.KeySampler;
import dev.scalelab.sim.RandomStreams;
import dev.scalelab.sim.Simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The simulated system: workload, load balancer, the autoscaled service pool, wired onto one
 * event kernel. Confined to the simulation thread; the UI sees it only through {@link Snapshot}s.
 */
public final class World {
    /** How many points of each time series are kept (one per virtual second). */
    public static final int SERIES_CAPACITY = 3600;
    /** How many points a snapshot carries for the charts. */
    public static final int SNAPSHOT_SERIES_POINTS = 300;
    private static final int DISPATCH_RING = 256;
    private static final int LOG_CAPACITY = 500;
    private static final int SNAPSHOT_LOG_LINES = 200;
    private static final int DECISION_CAPACITY = 10_000;
    private static final long SAMPLE_PERIOD_NANOS = Simulation.NANOS_PER_SECOND;
    /** metrics-server's resolution: each instance's CPU is sampled over this window. */
    static final long METRIC_WINDOW_NANOS = 15 * Simulation.NANOS_PER_SECOND;
    /** VPA's decaying-histogram half-life. */
    private static final long VPA_HALF_LIFE_NANOS = 24 * 3600 * Simulation.NANOS_PER_SECOND;
    /** Live commands apply on the next whole millisecond of virtual time: see {@link #commandTimeNanos()}. */
    private static final long COMMAND_GRANULARITY_NANOS = Simulation.NANOS_PER_MILLI;

    private final Simulation sim = new Simulation();
    private final Scenario initial;
    private Scenario current;

    private final SplittableRandom arrivalRandom;
    private final SplittableRandom keyRandom;
    private final SplittableRandom readRandom;
    private final SplittableRandom serviceRandom;
    private final SplittableRandom balancerRandom;
    private final SplittableRandom thinkRandom;
    private final SplittableRandom errorRandom;

    private KeySampler keys;
    /** The next key of the sequential scan mixed into the workload. */
    private int scanCursor;
    private final SplittableRandom scanRandom;
    private final SplittableRandom sessionRandom;
    private final RandomStreams streams;
    private Distribution serviceTime;
    private final Distribution thinkTime;
    private LoadBalancingStrategy balancer;
    private final ServicePool pool;
    private CacheSystem cache;
    private DataSystem data;
    private MeshSystem mesh;

    // Balancer health handling: passive outlier ejection, active health checks, panic threshold.
    private OutlierDetector outlier;
    private ActiveHealthChecker health;
    private PanicThreshold panic = PanicThreshold.DEFAULT;
    private boolean inPanic;
    private long healthGeneration;

    // Autoscaling.
    private HorizontalPolicy horizontal;
    private HorizontalPodAutoscaler hpa;
    private long syncGeneration;
    private ScalingDecision lastScaling;
    private final LatencyRecorder scalingWindowLatency = new LatencyRecorder();
    private VerticalPolicy vertical;
    private long verticalGeneration;
    private String lastVertical = "";

    private final List<Scenario.TimelineEntry> timeline;
    private int timelineCursor;
    private final List<Scenario.TimelineEntry> recorded = new ArrayList<>();

    // Counters over the whole run.
    private long offered;
    /**
     * Requests this world may hold at once (queued, in service or waiting on the database and
     * dependencies): half the heap at {@link #BYTES_PER_REQUEST} each. Above it the run stops with a
     * message instead of ending in an OutOfMemoryError (500 instances with 100,000-deep queues at
     * 10^6 requests/s fill any heap).
     */
    private final long maxRequestsInSystem;
    /** A queued request's measured footprint: the Request object (56 bytes) and its queue slot. */
    static final long BYTES_PER_REQUEST = 64;
    private long completed;
    private long rejected;
    private long failed;
    private final LatencyRecorder latency = new LatencyRecorder();

    // The current one-second interval.
    private long intervalOffered;
    private long intervalCompleted;
    private long intervalRejected;
    private long intervalFailed;
    private Sample lastSample;
    private final RingSeries seriesTime = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesOffered = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesThroughput = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesRejected = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesFailed = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesP50 = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesP99 = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesInstances = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesDesired = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesUtilization = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesCostPerHour = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesCost = new RingSeries(SERIES_CAPACITY);
    private Consumer<Sample> sampleSink;
    private final SampleColumns sampleColumns;

    private final int[] dispatchInstance = new int[DISPATCH_RING];
    private final byte[] dispatchOutcome = new byte[DISPATCH_RING];
    private long dispatchCount;

    private final ArrayDeque<LogEntry> log = new ArrayDeque<>();
    private long logCount;
    private final List<Decision> decisions = new ArrayList<>();

    // Open workload: the pending arrival belongs to one generation; a rate change starts a new one.
    private long arrivalGeneration;
    // Closed workload: users at index >= activeUsers stop after their current request.
    private final List<User> users = new ArrayList<>();
    private int activeUsers;

    public World(Scenario scenario) {
        this(scenario, Runtime.getRuntime().maxMemory() / 2);
    }

    /** A world whose requests may take about {@code requestMemoryBytes} of the heap at once. */
    public World(Scenario scenario, long requestMemoryBytes) {
        this.maxRequestsInSystem = Math.max(1, requestMemoryBytes / BYTES_PER_REQUEST);
        this.initial = scenario;
        this.current = scenario;
        streams = new RandomStreams(scenario.seed());
        arrivalRandom = streams.stream("workload.arrival");
        scanRandom = streams.stream("workload.scan");
        sessionRandom = streams.stream("workload.sessions");
        keyRandom = streams.stream("workload.keys");
        readRandom = streams.stream("workload.readRatio");
        serviceRandom = streams.stream("service.serviceTime");
        balancerRandom = streams.stream("balancer");
        thinkRandom = streams.stream("workload.thinkTime");
        errorRandom = streams.stream("service.errors");

        keys = keySampler(scenario.workload().keys());
        serviceTime = scenario.service().serviceTime().toDistribution();
        thinkTime = scenario.workload().arrival().thinkTime().toDistribution();
        timeline = scenario.timeline();
        configureBalancer();
        pool = new ServicePool(this, sim, scenario.service());
        routingChanged();
        if (scenario.database() != null) {
            data = new DataSystem(this, sim, scenario.database(), scenario.workload().keys().count(), streams.stream("database"));
        }
        buildCache();
        if (!scenario.dependencies().isEmpty()) {
            mesh = new MeshSystem(this, sim, scenario.dependencies(), streams);
        }
        sampleColumns = new SampleColumns(scenario);

        if (scenario.workload().arrival().process() == Scenario.ArrivalProcess.POISSON) {
            restartArrivals();
        } else {
            setUsers(scenario.workload().arrival().users());
        }
        sim.schedule(SAMPLE_PERIOD_NANOS, this::takeSample);
        sim.schedule(METRIC_WINDOW_NANOS, this::scrapeMetrics);
        log(Source.WORLD, "started: " + describe(scenario));
        configureAutoscaler(true);
        configureVertical();
    }

    private static KeySampler keySampler(Scenario.Keys k) {
        switch (k.distribution()) {
            case ZIPF:
                return new KeySampler.Zipf(k.alpha(), k.count());
            case HOTSPOT:
                return KeySampler.Hotspot.of(k.count(), k.hotTrafficFraction(), k.hotKeyFraction());
            default:
                return new KeySampler.Uniform(k.count());
        }
    }

    /**
     * (Re)builds the cache from the current scenario. The engine takes its levels at construction,
     * so a change of a level's capacity, policy or TTL (or of the key popularity) starts a cold
     * cache; its series and totals carry over. Write policy and coalescing change in place.
     */
    private void buildCache() {
        Scenario.Cache c = current.cache();
        if (c == null) {
            cache = null;
            return;
        }
        dev.scalelab.engine.caching.BackingStore store = data != null ? data : new FixedLatencyStore(sim,
                c.storeLatency().toDistribution(), streams.stream("cache.store"));
        cache = new CacheSystem(sim, c, keys, store, streams.stream("cache"), cache);
    }

    /** The backing store when there is no database section: an answer after a sampled latency. */
    private static final class FixedLatencyStore implements dev.scalelab.engine.caching.BackingStore {
        private final Simulation sim;
        private final Distribution latencyMs;
        private final SplittableRandom random;

        FixedLatencyStore(Simulation sim, Distribution latencyMs, SplittableRandom random) {
            this.sim = sim;
            this.latencyMs = latencyMs;
            this.random = random;
        }

        @Override
        public void read(int key, Event done) {
            sim.scheduleIn(Simulation.millisToNanos(latencyMs.sample(random)), done);
        }

        @Override
        public void write(int key, Event done) {
            sim.scheduleIn(Simulation.millisToNanos(latencyMs.sample(random)), done);
        }
    }

    // ------------------------------------------------------------------ running

    public Simulation simulation() {
        return sim;
    }

    public Scenario initialScenario() {
        return initial;
    }

    /** The scenario as it stands now, with every parameter change and scaling decision applied so far. */
    public Scenario currentScenario() {
        return current;
    }

    public double nowSeconds() {
        return sim.nowSeconds();
    }

    /** Runs every event and timeline command up to {@code untilNanos}. */
    public void advanceTo(long untilNanos) {
        advance(untilNanos, Integer.MAX_VALUE);
    }

    /**
     * Runs events up to {@code untilNanos}, but at most about {@code maxEvents} of them. Returns true
     * when the world has reached {@code untilNanos}: every event and timeline command due by then
     * has run. Timeline commands run after all events at or before their time, the same rule that
     * live commands follow, so a recorded run replays exactly.
     */
    public boolean advance(long untilNanos, int maxEvents) {
        int budget = maxEvents;
        while (true) {
            long barrier = untilNanos;
            boolean timelineDue = false;
            if (timelineCursor < timeline.size()) {
                long t = Simulation.secondsToNanos(timeline.get(timelineCursor).atSeconds());
                if (t <= untilNanos) {
                    barrier = t;
                    timelineDue = true;
                }
            }
            budget -= sim.runUntil(barrier, budget);
            if (sim.nextEventTime() <= barrier) {
                return false; // out of budget
            }
            if (!timelineDue) {
                return true;
            }
            apply(timeline.get(timelineCursor++), Source.TIMELINE);
        }
    }

    /**
     * The virtual time at which a command given now takes effect: the next whole millisecond. The
     * caller first advances to it, so the command runs after every event up to that time, exactly
     * where a replay of the recorded timeline runs it.
     */
    public long commandTimeNanos() {
        long now = sim.nowNanos();
        return (now / COMMAND_GRANULARITY_NANOS + 1) * COMMAND_GRANULARITY_NANOS;
    }

    /**
     * Applies a command from the user at the current time and records it on the timeline. Call
     * after {@code advanceTo(commandTimeNanos())}. A {@code set} value must come from
     * {@link Parameter#parse} or {@link Parameter#validate}. A value that conflicts with another
     * field is refused with a log line; the run goes on.
     */
    public void applyUserCommand(Scenario.TimelineEntry command) {
        Scenario.TimelineEntry at = new Scenario.TimelineEntry(sim.nowNanos() / 1e9, command.command(), command.path(),
                command.target(), command.value(), command.durationSeconds());
        if (apply(at, Source.USER)) {
            recorded.add(at);
        }
    }

    /** A {@code set} of one parameter by the user; see {@link #applyUserCommand}. */
    public void applyUserChange(Parameter p, Object value) {
        applyUserCommand(Scenario.TimelineEntry.set(0, p.path(), value));
    }

    /**
     * The scenario that replays this run: the initial one with the user's commands merged, in time
     * order, into its timeline.
     */
    public Scenario recordedScenario() {
        List<Scenario.TimelineEntry> merged = new ArrayList<>(timeline);
        merged.addAll(recorded);
        merged.sort((a, b) -> Double.compare(a.atSeconds(), b.atSeconds()));
        return initial.withTimeline(merged);
    }

    /**
     * The initial scenario with the user's parameter changes folded into its starting values, its
     * own timeline kept: where Reset starts over. Actions (kill an instance) are not folded in:
     * they happened at a moment, not to a setting.
     */
    public Scenario restartScenario() {
        Scenario s = initial;
        for (Scenario.TimelineEntry e : recorded) {
            if (!e.command().equals("set")) {
                continue;
            }
            try {
                s = ScenarioFiles.isDependencyField(e.path())
                        ? ScenarioFiles.withDependencyField(s, e.path(), e.value())
                        : Parameter.byPath(e.path()).applyTo(s, e.value());
            } catch (ScenarioException conflict) {
                // Valid when it was made, but not on the initial values (a max below the initial min): skip it.
            }
        }
        return s;
    }

    /** Hears every sample with its parts' columns (see {@link #sampleCsvHeader()}); set it before the run starts. */
    public void setSampleSink(Consumer<Sample> sink) {
        this.sampleSink = sink;
    }

    /** The time-series header: {@link Sample#CSV_HEADER} and the columns of this scenario's parts. */
    public String sampleCsvHeader() {
        return sampleColumns.header();
    }

    // ------------------------------------------------------------------ commands

    private boolean apply(Scenario.TimelineEntry e, Source source) {
        if (e.command().equals("set")) {
            if (ScenarioFiles.isDependencyField(e.path())) {
                return applyDependencyField(e.path(), e.value(), source);
            }
            return applyParameter(Parameter.byPath(e.path()), e.value(), source);
        }
        Action action = Action.byId(e.command());
        switch (action) {
            case ADD_INSTANCE:
                log(source, "add-instance: spec " + pool.specReplicas + " -> " + (pool.specReplicas + 1));
                setSpec(pool.specReplicas + 1, null);
                return true;
            case REMOVE_INSTANCE:
                if (pool.specReplicas <= 1) {
                    log(source, "remove-instance refused: the pool keeps at least one instance");
                    return false;
                }
                log(source, "remove-instance" + (e.target() == null ? "" : " " + e.target()) + ": spec "
                        + pool.specReplicas + " -> " + (pool.specReplicas - 1));
                setSpec(pool.specReplicas - 1, e.target());
                return true;
            case KILL_INSTANCE:
                log(source, "kill-instance " + e.target());
                return pool.kill(e.target());
            case SLOW_INSTANCE:
                log(source, "slow-instance " + e.target() + " to " + Parameter.format(((Number) e.value()).doubleValue()));
                return pool.slow(e.target(), ((Number) e.value()).doubleValue());
            case ERROR_INSTANCE:
                log(source, "error-instance " + e.target() + " to " + Parameter.format(((Number) e.value()).doubleValue()));
                return pool.setErrorRate(e.target(), ((Number) e.value()).doubleValue());
            case WEIGHT_INSTANCE:
                log(source, "weight-instance " + e.target() + " to " + Parameter.format(((Number) e.value()).doubleValue()));
                return pool.setWeight(e.target(), ((Number) e.value()).doubleValue());
            case FLUSH_CACHE:
            case EXPIRE_KEY:
            case FAIL_CACHE_LEVEL:
                if (cache == null) {
                    log(source, action.id() + ": this scenario has no cache");
                    return false;
                }
                log(source, action.id() + (e.target() == null ? "" : " " + e.target()) + (e.value() == null ? "" : " " + show(e.value())));
                if (action == Action.FLUSH_CACHE) {
                    return cache.flush(e.target(), this);
                }
                if (action == Action.FAIL_CACHE_LEVEL) {
                    return cache.fail(e.target(), this);
                }
                cache.expire(e.value() == null ? 0 : ((Number) e.value()).intValue(), this);
                return true;
            case ADD_SHARD:
            case REMOVE_SHARD:
            case KILL_PRIMARY:
            case LAG_SPIKE:
                if (data == null) {
                    log(source, action.id() + ": this scenario has no database");
                    return false;
                }
                log(source, action.id() + (e.target() == null ? "" : " " + e.target()) + (e.value() == null ? "" : " " + show(e.value()))
                        + (e.durationSeconds() > 0 ? " for " + Parameter.format(e.durationSeconds()) + " s" : ""));
                return switch (action) {
                    case ADD_SHARD -> data.addShard();
                    case REMOVE_SHARD -> data.removeShard(e.target());
                    case KILL_PRIMARY -> data.killPrimary(e.target());
                    default -> data.lagSpike(e.target(), ((Number) e.value()).doubleValue(), e.durationSeconds());
                };
            case ERROR_RATE:
            case LATENCY:
            case OUTAGE:
                if (mesh == null) {
                    log(source, action.id() + ": this scenario has no dependencies");
                    return false;
                }
                log(source, action.id() + " " + e.target() + (e.value() == null ? "" : " " + show(e.value())) + " for "
                        + Parameter.format(e.durationSeconds()) + " s");
                return mesh.inject(action, e.target(), e.value() == null ? null : ((Number) e.value()).doubleValue(),
                        e.durationSeconds());
            default:
                throw new AssertionError(action);
        }
    }

    private void setSpec(int replicas, String victim) {
        pool.setSpecReplicas(replicas, victim);
        current = current.withService(current.service().withInstances(replicas));
    }

    private boolean applyParameter(Parameter p, Object value, Source source) {
        Object before = p.read(current);
        try {
            current = p.applyTo(current, value);
        } catch (ScenarioException conflict) {
            log(source, "refused: " + conflict.getMessage());
            return false;
        }
        switch (p) {
            case ARRIVAL_RATE:
                if (current.workload().arrival().process() == Scenario.ArrivalProcess.POISSON) {
                    restartArrivals();
                }
                break;
            case USERS:
                if (current.workload().arrival().process() == Scenario.ArrivalProcess.CLOSED) {
                    setUsers((Integer) value);
                }
                break;
            case INSTANCES:
                pool.setSpecReplicas((Integer) value, null);
                break;
            case WORKERS:
            case QUEUE_CAPACITY:
            case PROVISION_SECONDS:
            case BOOT_SECONDS:
            case WARMUP_SECONDS:
                pool.configure(current.service());
                break;
            case SERVICE_TIME_MEAN:
            case SERVICE_TIME_DISTRIBUTION:
                serviceTime = current.service().serviceTime().toDistribution();
                break;
            case SIZE:
                pool.setTargetSize(current.service().size());
                break;
            case BALANCER_STRATEGY:
            case BALANCER_CHOICES:
            case BALANCER_BIAS:
            case RING_VIRTUAL_NODES:
            case SLOW_START:
            case OUTLIER_ERRORS:
            case OUTLIER_BASE_EJECTION:
            case OUTLIER_MAX_EJECTION:
            case HEALTH_CHECK_INTERVAL:
            case HEALTH_CHECK_UNHEALTHY:
            case HEALTH_CHECK_HEALTHY:
            case PANIC_THRESHOLD:
                configureBalancer();
                routingChanged();
                break;
            case AUTOSCALER_POLICY:
            case SYNC_PERIOD:
                configureAutoscaler(true);
                break;
            case MIN_REPLICAS:
            case MAX_REPLICAS:
            case TARGET_UTILIZATION:
            case TOLERANCE:
            case SCALE_UP_STABILIZATION:
            case SCALE_DOWN_STABILIZATION:
            case SCALE_UP_PODS:
            case SCALE_UP_PERCENT:
            case SCALE_UP_PERIOD:
            case SCALE_UP_SELECT:
            case SCALE_DOWN_PODS:
            case SCALE_DOWN_PERCENT:
            case SCALE_DOWN_PERIOD:
            case SCALE_DOWN_SELECT:
            case TARGET_METRIC:
            case TARGET_VALUE:
                configureAutoscaler(false);
                break;
            case VERTICAL_POLICY:
            case VERTICAL_INTERVAL:
            case VERTICAL_UP:
            case VERTICAL_DOWN:
            case VPA_PERCENTILE:
            case VPA_MARGIN:
                configureVertical();
                break;
            case READ_RATIO:
                break;
            case KEY_DISTRIBUTION:
            case KEY_ALPHA:
            case KEY_HOT_TRAFFIC:
            case KEY_HOT_KEYS:
                keys = keySampler(current.workload().keys());
                buildCache();
                if (cache != null) {
                    log(source, "the cache restarts cold under the new key popularity");
                }
                break;
            case KEY_SCAN:
                break;
            case CACHE_WRITE_POLICY:
            case CACHE_COALESCE:
                cache.reconfigure(current.cache());
                break;
            case L1_CAPACITY:
            case L1_POLICY:
            case L1_TTL:
            case L2_CAPACITY:
            case L2_POLICY:
            case L2_TTL:
            case L3_CAPACITY:
            case L3_POLICY:
            case L3_TTL:
                buildCache();
                log(source, "cache rebuilt with the new settings: it starts cold");
                break;
            case DB_STRATEGY:
            case DB_VIRTUAL_NODES:
            case DB_READ_POLICY:
            case DB_CONSISTENCY:
            case DB_REPLICATION:
            case DB_MIGRATION_RATE:
            case DB_MIGRATION_READS:
                data.configure(current.database());
                break;
            default:
                throw new AssertionError(p);
        }
        Object after = p.read(current);
        logChange(source, p.path(), before, after, p.path() + ": " + show(before) + " -> " + show(after));
        return true;
    }

    private boolean applyDependencyField(String path, Object value, Source source) {
        Object before = ScenarioFiles.readDependencyField(current, path);
        try {
            current = ScenarioFiles.withDependencyField(current, path, value);
        } catch (ScenarioException conflict) {
            log(source, "refused: " + conflict.getMessage());
            return false;
        }
        int index = ScenarioFiles.dependencyIndex(path);
        Object after = ScenarioFiles.readDependencyField(current, path);
        String was = before == null && MeshSystem.isBreakerField(path) ? "no breaker" : show(before);
        logChange(source, path, before, after, path + ": " + was + " -> " + show(after));
        mesh.reconfigure(index, current.dependencies().get(index));
        return true;
    }

    private static String show(Object v) {
        return v instanceof Double ? Parameter.format((Double) v) : String.valueOf(v);
    }

    // ------------------------------------------------------------------ balancer

    /**
     * Builds the strategy and the health handling from the current scenario. A change starts them
     * afresh, as a new Envoy cluster configuration does: strategy state, ejections and probe counts
     * begin again.
     */
    private void configureBalancer() {
        Scenario.Balancer b = current.balancer();
        BalancerConfig config = BalancerConfig.DEFAULTS.withChoiceCount(b.choices()).withActiveRequestBias(b.activeRequestBias())
                .withRingVirtualNodes(b.ringVirtualNodes())
                .withSlowStart(b.slowStartSeconds() > 0 ? SlowStart.over(Simulation.secondsToNanos(b.slowStartSeconds())) : SlowStart.OFF);
        balancer = LoadBalancingStrategy.create(b.strategy(), config);
        panic = new PanicThreshold(b.panicThresholdPercent());
        healthGeneration++;
        long generation = healthGeneration;
        outlier = null;
        if (b.outlierConsecutiveErrors() > 0) {
            OutlierDetector.Config d = OutlierDetector.Config.DEFAULTS;
            outlier = new OutlierDetector(new OutlierDetector.Config(b.outlierConsecutiveErrors(),
                    Simulation.secondsToNanos(b.outlierBaseEjectionSeconds()), d.maxEjectionNanos(), d.intervalNanos(),
                    b.outlierMaxEjectionPercent(), d.alwaysEjectOneHost()));
            sim.scheduleIn(outlier.config().intervalNanos(), () -> outlierInterval(generation));
        }
        health = null;
        if (b.healthCheckIntervalSeconds() > 0) {
            health = new ActiveHealthChecker(new ActiveHealthChecker.Config(Simulation.secondsToNanos(b.healthCheckIntervalSeconds()),
                    b.healthCheckUnhealthyThreshold(), b.healthCheckHealthyThreshold()));
            sim.scheduleIn(0, () -> probeAll(generation));
        }
        if (pool != null) {
            for (ServiceInstance in : pool.instances) {
                instanceAdded(in);
            }
        }
    }

    void instanceAdded(ServiceInstance in) {
        if (outlier != null) {
            outlier.addHost(in.id);
        }
        if (health != null) {
            health.addHost(in.id);
        }
    }

    void instanceRemoved(ServiceInstance in) {
        if (cache != null) {
            cache.instanceGone(in.number);
        }
        if (outlier != null) {
            outlier.removeHost(in.id);
        }
        if (health != null) {
            health.removeHost(in.id);
        }
        routingChanged();
    }

    /**
     * Decides which instances the balancer may pick: ready ones that are neither ejected nor failing
     * health checks; in panic (too few of those, as Envoy's healthy_panic_threshold) every ready one.
     */
    void routingChanged() {
        if (pool == null) {
            return;
        }
        int ready = 0;
        int healthy = 0;
        for (ServiceInstance in : pool.instances) {
            if (in.lifecycle == Lifecycle.READY) {
                ready++;
                if (isHealthy(in)) {
                    healthy++;
                }
            }
        }
        boolean panicNow = ready > 0 && panic.inPanic(healthy, ready);
        if (panicNow != inPanic) {
            inPanic = panicNow;
            log(Source.BALANCER, panicNow ? String.format(java.util.Locale.ROOT,
                    "panic: %d of %d ready instances healthy, below %s%%; balancing over all of them", healthy, ready,
                    Parameter.format(panic.thresholdPercent())) : "out of panic: " + healthy + " of " + ready + " healthy");
        }
        for (ServiceInstance in : pool.instances) {
            in.routable = in.lifecycle == Lifecycle.READY && (inPanic || isHealthy(in));
        }
    }

    private boolean isHealthy(ServiceInstance in) {
        return (outlier == null || !outlier.isEjected(in.id)) && (health == null || health.isHealthy(in.id));
    }

    private void outlierInterval(long generation) {
        if (generation != healthGeneration || outlier == null) {
            return;
        }
        for (OutlierDetector.Event e : outlier.onInterval(sim.nowNanos())) {
            log(Source.OUTLIER, e.hostId() + " " + e.action().name().toLowerCase() + ": " + e.reason());
        }
        routingChanged();
        sim.scheduleIn(outlier.config().intervalNanos(), () -> outlierInterval(generation));
    }

    /**
     * One round of active health checks. A probe is cheap and skips the queue: a crashed or booting
     * instance does not answer, one returning errors for most requests answers unhealthy, and a
     * slow (gray-failed) one passes, which is why gray failure is hard to catch.
     */
    private void probeAll(long generation) {
        if (generation != healthGeneration || health == null) {
            return;
        }
        long now = sim.nowNanos();
        for (ServiceInstance in : pool.instances) {
            ActiveHealthChecker.Probe probe = in.lifecycle == Lifecycle.READY || in.lifecycle == Lifecycle.DRAINING
                    ? (in.errorRate >= 0.5 ? ActiveHealthChecker.Probe.UNHEALTHY_RESPONSE : ActiveHealthChecker.Probe.PASSED)
                    : ActiveHealthChecker.Probe.TIMED_OUT;
            health.onProbe(in.id, probe, now).ifPresent(t -> {
                log(Source.HEALTH, t.hostId() + (t.healthy() ? " healthy: " : " unhealthy: ") + t.reason());
                if (t.healthy() && outlier != null) {
                    outlier.onActiveHealthCheckPassed(t.hostId(), now)
                            .ifPresent(e -> log(Source.OUTLIER, e.hostId() + " " + e.action().name().toLowerCase() + ": " + e.reason()));
                }
            });
        }
        routingChanged();
        sim.scheduleIn(health.config().intervalNanos(), () -> probeAll(generation));
    }

    // ------------------------------------------------------------------ autoscaling

    /**
     * Builds the horizontal policy from the current scenario. An HPA keeps its recommendation and
     * scale-event history across edits, as editing a live HPA object does; {@code restartSync}
     * starts a new sync timer (a new policy or period).
     */
    private void configureAutoscaler(boolean restartSync) {
        Scenario.Autoscaler a = current.autoscaler();
        switch (a.policy()) {
            case HPA:
                HorizontalPodAutoscaler.Config config = new HorizontalPodAutoscaler.Config(a.minReplicas(), a.maxReplicas(),
                        (int) a.targetUtilization(), Tolerance.of(a.tolerance()), a.scaleUpRules(), a.scaleDownRules(), a.behavior());
                if (hpa == null || !(horizontal != null && horizontal.id().equals("hpa"))) {
                    hpa = new HorizontalPodAutoscaler(config);
                } else {
                    hpa.setConfig(config);
                }
                horizontal = HorizontalPolicy.hpa(hpa);
                break;
            case THRESHOLD:
                horizontal = new ThresholdPolicy(a.minReplicas(), a.maxReplicas(), (int) a.targetUtilization());
                break;
            case TARGET_TRACKING:
                horizontal = new TargetTrackingPolicy(a.minReplicas(), a.maxReplicas(), a.metric(), a.targetValue(),
                        a.tolerance(), Simulation.secondsToNanos(a.scaleDownStabilizationSeconds()));
                break;
            default:
                horizontal = null;
                hpa = null;
        }
        if (restartSync) {
            syncGeneration++;
            if (horizontal != null) {
                long generation = syncGeneration;
                scalingWindowLatency.takeInterval();
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
        double p95 = scalingWindowLatency.takeIntervalPercentileMs(95);
        int ready = pool.readyCount();
        ScalingDecision d = horizontal.decide(new ScalingInputs(now, pool.specReplicas, pods, p95,
                ready == 0 ? 0 : queued / (double) ready));
        lastScaling = d;
        Source policy = Source.horizontal(d.policy());
        log(policy, d.explanation());
        decide(new Decision(now / 1e9, policy, d.explanation(), d.current(), d.proposed(), d.desired(),
                d.inputs().isEmpty() ? java.util.Map.of() : java.util.Map.of("inputs", d.inputs())));
        if (d.rescale()) {
            setSpec(d.desired(), d.victim());
        }
        sim.schedule(now + Simulation.secondsToNanos(current.autoscaler().syncPeriodSeconds()), () -> autoscalerSync(generation));
    }

    private void configureVertical() {
        Scenario.VerticalScaler v = current.verticalScaler();
        verticalGeneration++;
        switch (v.policy()) {
            case THRESHOLD:
                vertical = new ThresholdResizePolicy(v.upThreshold(), v.downThreshold());
                break;
            case VPA:
                vertical = new VpaRecommender(v.targetPercentile(), v.marginFraction(), VPA_HALF_LIFE_NANOS, sim.nowNanos());
                break;
            default:
                vertical = null;
        }
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
        log(Source.VERTICAL, d.explanation());
        decide(new Decision(now / 1e9, Source.vertical(d.policy()), d.explanation(), -1, -1, -1));
        if (d.resize() && !pool.rolling()) {
            current = current.withService(current.service().withSize(d.desired()));
            pool.setTargetSize(d.desired());
        }
        sim.schedule(now + Simulation.secondsToNanos(current.verticalScaler().intervalSeconds()), () -> verticalSync(generation));
    }

    private void scrapeMetrics() {
        long now = sim.nowNanos();
        for (ServiceInstance in : pool.instances) {
            in.scrape(now, METRIC_WINDOW_NANOS);
        }
        sim.schedule(now + METRIC_WINDOW_NANOS, this::scrapeMetrics);
    }

    private void decide(Decision d) {
        if (decisions.size() < DECISION_CAPACITY) {
            decisions.add(d);
        }
    }

    // ------------------------------------------------------------------ workload

    /** The open workload's next arrival; a rate change starts a new generation and strands the old one. */
    private final class ArrivalEvent implements Event {
        final long generation;

        ArrivalEvent(long generation) {
            this.generation = generation;
        }

        @Override
        public void fire() {
            if (generation != arrivalGeneration) {
                return; // superseded by a rate change
            }
            arrive(-1);
            scheduleArrival(this);
        }
    }

    private void restartArrivals() {
        // Poisson arrivals are memoryless: drawing the next arrival afresh from now is exact.
        arrivalGeneration++;
        scheduleArrival(new ArrivalEvent(arrivalGeneration));
    }

    private void scheduleArrival(ArrivalEvent e) {
        Scenario.Arrival a = current.workload().arrival();
        double next = a.shape().nextArrivalSeconds(a.ratePerSecond(), sim.nowSeconds(), arrivalRandom);
        if (Double.isFinite(next)) {
            sim.schedule(Math.max(sim.nowNanos(), Simulation.secondsToNanos(next)), e);
        }
    }

    /** A closed-loop user: sends, waits for the outcome, thinks, sends again. */
    private final class User implements Event {
        final int index;
        boolean running;

        User(int index) {
            this.index = index;
        }

        @Override
        public void fire() {
            if (index >= activeUsers) {
                running = false; // left when the user count was lowered
                return;
            }
            arrive(index);
        }

        void thinkThenSend() {
            sim.scheduleIn(Simulation.millisToNanos(thinkTime.sample(thinkRandom)), this);
        }
    }

    private void setUsers(int count) {
        activeUsers = count;
        for (int i = 0; i < count; i++) {
            if (i == users.size()) {
                users.add(new User(i));
            }
            User u = users.get(i);
            if (!u.running) {
                u.running = true;
                // The first request comes after one think time, so users do not all start at once.
                u.thinkThenSend();
            }
        }
    }

    private void userDone(int user) {
        users.get(user).thinkThenSend();
    }

    private void arrive(int user) {
        if (offered - completed - failed - rejected >= maxRequestsInSystem) {
            throw tooManyRequests();
        }
        offered++;
        intervalOffered++;
        double scan = current.workload().keys().scanFraction();
        int key = scan > 0 && scanRandom.nextDouble() < scan
                ? scanCursor++ % keys.count() : keys.sample(keyRandom);
        int session = data == null ? 0 : user >= 0 ? user : sessionRandom.nextInt(data.sessionCount());
        Request r = new Request(this, offered, sim.nowNanos(), key, readRandom.nextDouble() < current.workload().readRatio(),
                user, session);
        List<ServiceInstance> instances = pool.instances;
        int index = balancer.pick(instances, RequestHash.of(r.key), sim.nowNanos(), balancerRandom);
        if (index < 0) {
            reject(r, -1, Snapshot.Dispatches.REJECTED_NO_INSTANCE);
            return;
        }
        ServiceInstance in = instances.get(index);
        pool.routed(in);
        r.instance = in;
        if (in.busy < in.workers) {
            recordDispatch(in.number, Snapshot.Dispatches.QUEUED);
            startService(in, r);
        } else if (in.queue.size() < in.queueCapacity) {
            recordDispatch(in.number, Snapshot.Dispatches.QUEUED);
            in.queue.addLast(r);
        } else {
            in.rejected++;
            balancer.onComplete(in, 0, sim.nowNanos());
            reject(r, in.number, Snapshot.Dispatches.REJECTED_QUEUE_FULL);
        }
    }

    private RunStoppedException tooManyRequests() {
        long held = offered - completed - failed - rejected;
        return new RunStoppedException(nowSeconds(), String.format(Locale.ROOT,
                "the run stopped at t = %s s: %,d requests in the system fill the %,d MiB it may use for them; "
                        + "lower workload.arrival.ratePerSecond or service.queueCapacity (now %,d per instance), "
                        + "or give Java more memory (java -Xmx…: a run may use half the heap)",
                Parameter.format(Math.round(nowSeconds() * 1000) / 1000.0), held,
                maxRequestsInSystem * BYTES_PER_REQUEST >> 20, current.service().queueCapacity()));
    }

    private void reject(Request r, int instanceNumber, byte outcome) {
        rejected++;
        intervalRejected++;
        recordDispatch(instanceNumber, outcome);
        if (r.user >= 0) {
            userDone(r.user);
        }
    }

    private void recordDispatch(int instanceNumber, byte outcome) {
        int slot = (int) (dispatchCount++ % DISPATCH_RING);
        dispatchInstance[slot] = instanceNumber;
        dispatchOutcome[slot] = outcome;
    }

    private void startService(ServiceInstance in, Request r) {
        in.busyChanged(sim.nowNanos(), +1);
        in.cpuChanged(sim.nowNanos(), +1);
        double ms = serviceTime.sample(serviceRandom) / in.speed(sim.nowNanos());
        sim.schedule(sim.nowNanos() + Simulation.millisToNanos(ms), r);
    }

    void startQueued(ServiceInstance in) {
        while (in.busy < in.workers && !in.queue.isEmpty()) {
            startService(in, in.queue.pollFirst());
        }
    }

    /**
     * The request's CPU work is done; its worker now waits for the data (cache, then database) and
     * the dependencies, in that order, without using CPU.
     */
    void cpuDone(Request r) {
        ServiceInstance in = r.instance;
        if (in.lifecycle == Lifecycle.FAILED) {
            lostWithInstance(r);
            return;
        }
        in.cpuChanged(sim.nowNanos(), -1);
        if (cache != null) {
            cache.get(r.key, in.number, r.read, (servedBy, stale) -> afterData(r, true));
        } else if (data != null) {
            data.query(r.key, r.read, r.session, ok -> afterData(r, ok));
        } else {
            afterData(r, true);
        }
    }

    private void afterData(Request r, boolean ok) {
        if (!ok || mesh == null) {
            finish(r, ok);
        } else {
            mesh.call(r.id, depsOk -> finish(r, depsOk));
        }
    }

    /** A request whose instance crashed: counted as failed then; the client learns of it now. */
    private void lostWithInstance(Request r) {
        balancer.onComplete(r.instance, sim.nowNanos() - r.arrivalNanos, sim.nowNanos());
        if (r.user >= 0) {
            userDone(r.user);
        }
    }

    private void finish(Request r, boolean ok) {
        ServiceInstance in = r.instance;
        long now = sim.nowNanos();
        long latencyNanos = now - r.arrivalNanos;
        if (in.lifecycle == Lifecycle.FAILED) {
            lostWithInstance(r);
            return;
        }
        in.busyChanged(now, -1);
        balancer.onComplete(in, latencyNanos, now);
        boolean error = !ok || (in.errorRate > 0 && errorRandom.nextDouble() < in.errorRate);
        if (outlier != null) {
            // As Envoy, any 5xx counts: the instance's own errors and those it passes on from below.
            outlier.onResult(in.id, !error, now).ifPresent(e -> {
                log(Source.OUTLIER, e.hostId() + " " + e.action().name().toLowerCase() + ": " + e.reason());
                routingChanged();
            });
        }
        if (error) {
            failed++;
            intervalFailed++;
        } else {
            in.completed++;
            completed++;
            intervalCompleted++;
            latency.recordNanos(latencyNanos);
            scalingWindowLatency.recordNanos(latencyNanos);
        }
        startQueued(in);
        if (in.lifecycle == Lifecycle.DRAINING) {
            pool.removeIfDrained(in);
        }
        if (r.user >= 0) {
            userDone(r.user);
        }
    }

    /** A crash loses what the instance held: queued requests fail now, those in service when they would have ended. */
    int failRequestsOf(ServiceInstance in) {
        int lost = in.busy + in.queue.size();
        failed += lost;
        intervalFailed += lost;
        for (Request r : in.queue) {
            balancer.onComplete(in, sim.nowNanos() - r.arrivalNanos, sim.nowNanos());
            if (r.user >= 0) {
                userDone(r.user);
            }
        }
        in.queue.clear();
        return lost;
    }

    // ------------------------------------------------------------------ metrics

    private void takeSample() {
        long now = sim.nowNanos();
        LatencySummary s = latency.takeInterval();
        double utilization = 0;
        int queued = 0;
        int ready = 0;
        for (ServiceInstance in : pool.instances) {
            double u = in.sampleUtilization(now);
            queued += in.queue.size();
            if (in.lifecycle == Lifecycle.READY) {
                utilization += u;
                ready++;
            }
        }
        double seconds = SAMPLE_PERIOD_NANOS / 1e9;
        lastSample = new Sample(now / 1e9, intervalOffered / seconds, intervalCompleted / seconds,
                intervalRejected / seconds, intervalFailed / seconds, s.meanMs(), s.p50Ms(), s.p99Ms(), ready,
                pool.specReplicas, ready == 0 ? 0 : utilization / ready, queued, pool.costPerHour(), pool.costDollars());
        intervalOffered = 0;
        intervalCompleted = 0;
        intervalRejected = 0;
        intervalFailed = 0;
        seriesTime.append(lastSample.timeSeconds());
        seriesOffered.append(lastSample.offeredPerSecond());
        seriesThroughput.append(lastSample.throughputPerSecond());
        seriesRejected.append(lastSample.rejectedPerSecond());
        seriesFailed.append(lastSample.failedPerSecond());
        seriesP50.append(lastSample.p50Ms());
        seriesP99.append(lastSample.p99Ms());
        seriesInstances.append(lastSample.instances());
        seriesDesired.append(lastSample.desiredInstances());
        seriesUtilization.append(lastSample.utilization());
        seriesCostPerHour.append(lastSample.costPerHour());
        seriesCost.append(lastSample.costDollars());
        if (cache != null) {
            cache.sample();
        }
        if (data != null) {
            data.sample();
        }
        if (sampleSink != null) {
            // The parts' columns are formatted for the sink alone: a run without one (the app, bench) skips them.
            lastSample = lastSample.withParts(sampleColumns.values(this));
            sampleSink.accept(lastSample);
        }
        sim.schedule(now + SAMPLE_PERIOD_NANOS, this::takeSample);
    }

    /** A parameter change: a log line from whoever made it, and a decision with the old and new value. */
    private void logChange(Source source, String path, Object before, Object after, String message) {
        appendLog(source, message);
        decide(Decision.parameterChange(sim.nowSeconds(), source, path, before, after, message));
    }

    private void appendLog(Source source, String message) {
        if (log.size() == LOG_CAPACITY) {
            log.pollFirst();
        }
        log.addLast(new LogEntry(sim.nowSeconds(), source, message));
        logCount++;
    }

    void log(Source source, String message) {
        appendLog(source, message);
        if (!source.logsOnly()) {
            decide(new Decision(sim.nowSeconds(), source, message, -1, -1, -1));
        }
    }

    // ------------------------------------------------------------------ views

    public Snapshot snapshot() {
        long now = sim.nowNanos();
        List<Snapshot.InstanceView> views = new ArrayList<>(pool.instances.size());
        for (ServiceInstance in : pool.instances) {
            views.add(new Snapshot.InstanceView(in.number, in.id, Snapshot.InstanceState.of(in.lifecycle), in.workers,
                    in.busy, in.queue.size(), in.queueCapacity, in.routed, in.rejected, in.lastUtilization,
                    in.size.id(), in.size.vcpus(), in.progress(now), in.warmingUp(now), in.speedFactor,
                    in.size.costPerHour(), in.weight, in.errorRate));
        }
        int n = SNAPSHOT_SERIES_POINTS;
        Snapshot.Series series = new Snapshot.Series(seriesTime.tail(n), seriesOffered.tail(n), seriesThroughput.tail(n),
                seriesRejected.tail(n), seriesFailed.tail(n), seriesP50.tail(n), seriesP99.tail(n), seriesInstances.tail(n),
                seriesDesired.tail(n), seriesUtilization.tail(n), seriesCostPerHour.tail(n), seriesCost.tail(n));
        int k = (int) Math.min(dispatchCount, DISPATCH_RING);
        int[] di = new int[k];
        byte[] dout = new byte[k];
        for (int i = 0; i < k; i++) {
            int slot = (int) ((dispatchCount - k + i) % DISPATCH_RING);
            di[i] = dispatchInstance[slot];
            dout[i] = dispatchOutcome[slot];
        }
        List<LogEntry> recentLog = new ArrayList<>(log);
        if (recentLog.size() > SNAPSHOT_LOG_LINES) {
            recentLog = recentLog.subList(recentLog.size() - SNAPSHOT_LOG_LINES, recentLog.size());
        }
        Snapshot.Scaling scaling = new Snapshot.Scaling(current.autoscaler().policy().id(), pool.specReplicas,
                pool.readyCount(), pool.targetSize.id(), pool.rolling(), pool.costPerHour(), pool.costDollars(),
                lastScaling == null ? "" : lastScaling.explanation(), lastVertical, current.verticalScaler().policy().id());
        java.util.Map<String, String> excluded = new java.util.LinkedHashMap<>();
        for (ServiceInstance in : pool.instances) {
            if (in.lifecycle == Lifecycle.READY) {
                if (outlier != null && outlier.isEjected(in.id)) {
                    excluded.put(in.id, "ejected");
                } else if (health != null && !health.isHealthy(in.id)) {
                    excluded.put(in.id, "unhealthy");
                }
            }
        }
        Snapshot.BalancerView balancerView = new Snapshot.BalancerView(balancer.id(), inPanic, excluded,
                balancer.explainLastPick());
        return new Snapshot(sim.nowSeconds(), sim.eventsFired(), current, List.copyOf(views), offered, completed,
                rejected, failed, lastSample, latency.total(), series,
                new Snapshot.Dispatches(dispatchCount, di, dout), logCount, List.copyOf(recentLog), scaling, balancerView,
                cache == null ? null : cache.view(n), data == null ? null : data.view(n),
                mesh == null ? List.of() : mesh.view(n));
    }

    // Read by Report.
    long offered() { return offered; }
    long completed() { return completed; }
    long rejected() { return rejected; }
    long failed() { return failed; }
    LatencySummary totalLatency() { return latency.total(); }
    ServicePool pool() { return pool; }
    List<Decision> decisions() { return decisions; }
    String balancerId() { return balancer.id(); }
    CacheSystem cache() { return cache; }
    DataSystem data() { return data; }
    MeshSystem mesh() { return mesh; }

    /** The trace hook of {@code simulate --trace}: one record per downstream call attempt, in start order. */
    public void setAttemptTrace(Consumer<dev.scalelab.engine.resilience.AttemptRecord> trace) {
        if (mesh != null) {
            mesh.setTrace(trace);
        }
    }

    /** At the end of a run: writes the trace rows still held for order; attempts in flight have none. */
    public void flushAttemptTrace() {
        if (mesh != null) {
            mesh.flushTrace();
        }
    }

    ScalingDecision lastScaling() { return lastScaling; }
    boolean autoscaling() { return horizontal != null; }

    static String describe(Scenario s) {
        Scenario.Arrival a = s.workload().arrival();
        String load = a.process() == Scenario.ArrivalProcess.POISSON
                ? "Poisson " + Parameter.format(a.ratePerSecond()) + " req/s" + (a.shape().kind() == dev.scalelab.sim.RateShape.Kind.CONSTANT ? "" : " (" + a.shape().kind().id() + ")")
                : a.users() + " users, think " + Parameter.format(a.thinkTime().mean()) + " ms";
        return load + "; " + s.service().instances() + " " + s.service().size().id() + " instances x " + s.service().workersPerInstance()
                + " workers, " + s.service().serviceTime().kind().id() + " service " + Parameter.format(s.service().serviceTime().mean())
                + " ms; " + s.balancer().strategy().id() + "; autoscaler " + s.autoscaler().policy().id() + "; seed " + s.seed();
    }
}
