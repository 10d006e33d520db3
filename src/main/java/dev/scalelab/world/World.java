package dev.scalelab.world;

import dev.scalelab.engine.metrics.MetricsRegistry;
import dev.scalelab.engine.resilience.AttemptRecord;
import dev.scalelab.sim.RandomStreams;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The simulated system, wired onto one event kernel: the subsystems (workload, balancer, the pool
 * and its scalers, cache, database, dependencies), the shared request metrics, decision log and
 * timeline, and the {@link RequestPath} between them. Confined to the simulation thread; the UI sees it
 * only through {@link Snapshot}s.
 */
public final class World {
    /** How many points of each time series are kept (one per virtual second). */
    public static final int SERIES_CAPACITY = 3600;
    /** How many points a snapshot carries for the charts. */
    public static final int SNAPSHOT_SERIES_POINTS = 300;
    /** Live commands apply on the next whole millisecond of virtual time: see {@link #commandTimeNanos()}. */
    private static final long COMMAND_GRANULARITY_NANOS = Simulation.NANOS_PER_MILLI;
    /** A queued request's measured footprint: the Request object (56 bytes) and its queue slot. */
    public static final long BYTES_PER_REQUEST = RequestMetrics.BYTES_PER_REQUEST;
    /** Why a drawn system does not run in the panels, and where it does. */
    public static final String DRAWN_SYSTEM = "this scenario draws its own system, which the panels' fixed pipeline does not run; "
            + "open it with Run > Design canvas, or run it with `simulate --scenario FILE`";

    private final Simulation sim = new Simulation();
    /** The scenario the world was made from; {@link #continueAs} gives it another future. */
    private Scenario initial;
    private Scenario current;

    private final DecisionLog log;
    private final BreakpointWatch breakpoints = new BreakpointWatch(sim);
    private final RequestMetrics metrics;
    private final Timeline timeline;
    private final WorkloadSystem workload;
    private final BalancerSystem balancer;
    private final ScalingSystem scaling;
    private final DataSystem data;
    private final CacheSubsystem cache;
    private final MeshSystem mesh;
    private final RuntimeSystem runtime;
    /** The instances' connection pools; null when the scenario has no database. */
    private final ConnectionSystem connections;
    /** The monitor: named metrics the parts record every simulated second. */
    private final MetricsRegistry monitor = new MetricsRegistry();
    private final ProfilerSystem profiler;
    /** The asynchronous path; null when the scenario has no events. */
    private final EventsSystem events;
    /** The API gateway and the per-client counts; null when the scenario has neither a gateway nor client classes. */
    private final GatewaySystem gateway;
    /** The way every request goes, from arrival to answer. */
    final RequestPath path;
    /** Every part, in the order their sections appear in the report and their samples are taken. */
    private final List<Subsystem> parts = new ArrayList<>();
    private final SampleColumns sampleColumns = new SampleColumns();
    /** Every charted series from t = 0, in bounded memory, recorded once per simulated second. */
    private final RunHistory history = new RunHistory();
    private Consumer<Sample> sampleSink;

    /**
     * The most requests the pool can hold at once: every instance it may have (the autoscaler's
     * maximum when there is one) with every worker busy and its queue full. Requests waiting on the
     * cache, the database or a dependency hold a worker, so they are counted among the busy.
     */
    public static long maxRequestsHeld(Scenario scenario) {
        Scenario.Service service = scenario.service();
        Scenario.Autoscaler a = scenario.autoscaler();
        int instances = a != null && a.policy() != Scenario.AutoscalerPolicy.NONE
                ? Math.max(service.instances(), a.maxReplicas()) : service.instances();
        return (long) instances * ((long) service.workersPerInstance() + service.queueCapacity());
    }

    /**
     * Null when the pool's worst-case backlog ({@link #maxRequestsHeld}, at {@link #BYTES_PER_REQUEST}
     * each) fits in {@code requestMemoryBytes}; else the one line that refuses the scenario at load
     * time, saying how much memory it would need. A run that could fill the heap is refused before it
     * starts rather than stopped part-way; the world's own limit stays as the backstop for what this
     * bound leaves out (a vertical scaler's extra workers).
     */
    public static String memoryRefusal(Scenario scenario, long requestMemoryBytes) {
        long held = maxRequestsHeld(scenario);
        long needBytes = held * BYTES_PER_REQUEST;
        if (needBytes <= requestMemoryBytes) {
            return null;
        }
        Scenario.Service service = scenario.service();
        long instances = held / ((long) service.workersPerInstance() + service.queueCapacity());
        // A run may use half the heap for requests: the heap it would need is twice the requests' memory.
        long heapGiB = (2 * needBytes + (1L << 30) - 1) >> 30;
        return String.format(java.util.Locale.ROOT,
                "not run: up to %,d requests at once (%,d instances x (%,d workers + %,d queued)) would need %,d MiB at %d bytes "
                        + "each, and a run may use %,d MiB (half the Java heap); lower service.queueCapacity or the instances, "
                        + "or give Java at least %d GiB (java -Xmx%dg)",
                held, instances, service.workersPerInstance(), service.queueCapacity(), needBytes >> 20, BYTES_PER_REQUEST,
                requestMemoryBytes >> 20, heapGiB, heapGiB);
    }

    public World(Scenario scenario) {
        this(scenario, Runtime.getRuntime().maxMemory() / 2);
    }

    /** A world whose requests may take about {@code requestMemoryBytes} of the heap at once. */
    public World(Scenario scenario, long requestMemoryBytes) {
        if (scenario.topology() != null) {
            // Its sections would be the defaults under a drawing the pipeline does not run: refuse rather than mislead.
            throw new ScenarioException("topology", DRAWN_SYSTEM);
        }
        Part.checkOwners();
        this.initial = scenario;
        this.current = scenario;
        RandomStreams streams = new RandomStreams(scenario.seed());
        log = new DecisionLog(sim);
        log.setListener(breakpoints);
        metrics = new RequestMetrics(sim, requestMemoryBytes);
        // The order below is the order of the first events; a run replays only if it stays.
        workload = new WorkloadSystem(this, sim, scenario.workload(), streams);
        balancer = new BalancerSystem(this, sim, streams);
        scaling = new ScalingSystem(this, sim, scenario.service(), streams);
        balancer.attach(scaling.pool());
        data = scenario.database() == null ? null
                : new DataSystem(this, sim, scenario.database(), scenario.workload().keys().count(), streams.stream("database"));
        connections = data == null ? null : new ConnectionSystem(this, sim, scenario, data, streams, monitor);
        if (connections != null) {
            connections.attach(scaling.pool());
        }
        cache = new CacheSubsystem(this, sim, streams, connections, workload);
        mesh = scenario.dependencies().isEmpty() ? null : new MeshSystem(this, sim, scenario.dependencies(), streams);
        runtime = new RuntimeSystem(this, sim, scaling.pool(), monitor, streams.stream("runtime"));
        events = scenario.events() == null ? null : new EventsSystem(this, sim, scenario, streams);
        gateway = scenario.gateway() == null && scenario.workload().clients().isEmpty() ? null
                : new GatewaySystem(this, sim, scenario, scaling.pool());
        timeline = new Timeline(this, scenario, workload, balancer, scaling, cache, data, mesh, runtime, connections, events,
                gateway);
        profiler = new ProfilerSystem(sim, metrics, monitor, scenario.events() != null, scenario.gateway() != null);
        path = new RequestPath(this, sim, metrics, workload, balancer, scaling, cache, data, connections, mesh, runtime, profiler,
                events, gateway);
        parts.add(metrics);
        if (gateway != null) {
            parts.add(gateway);
        }
        parts.addAll(List.of(scaling, balancer, log, cache));
        if (data != null) {
            parts.add(data);
            parts.add(connections);
        }
        if (mesh != null) {
            parts.add(mesh);
        }
        parts.add(runtime);
        parts.add(profiler);
        if (events != null) {
            parts.add(events);
        }
        parts.add(new MonitorSystem(sim, metrics, scaling.pool(), monitor));
        for (Subsystem part : parts) {
            part.declareColumns(sampleColumns, scenario);
        }

        workload.start(scenario.workload().arrival());
        sim.schedule(RequestMetrics.SAMPLE_PERIOD_NANOS, this::takeSample);
        scaling.startScrapes();
        log(Source.WORLD, "started: " + DecisionLog.describe(scenario));
        scaling.startScalers();
        if (events != null) {
            events.start();
        }
    }

    // ------------------------------------------------------------------ running

    public Simulation simulation() {
        return sim;
    }

    public Scenario initialScenario() {
        return initial;
    }

    /**
     * Whether this world, run from its scenario to now, is exactly where a new world of {@code other}
     * run to now would be: the same scenario but for the timeline after now, the same timeline
     * commands applied so far and none of the user's, and the same time-series columns (which the
     * timeline's later settings decide at the start). A checkpoint parked at a moment serves seeks
     * on any scenario it can continue as.
     */
    public boolean canContinueAs(Scenario other) {
        return other.withTimeline(List.of()).equals(initial.withTimeline(List.of()))
                && timeline.samePastAs(other, sim.nowNanos())
                && sampleColumns.sameTimelineAnswers(other);
    }

    /** From now on the world runs {@code other}'s timeline, as if made from it; see {@link #canContinueAs}. */
    public void continueAs(Scenario other) {
        if (!canContinueAs(other)) {
            throw new IllegalArgumentException("this world cannot go on as that scenario: they differ before "
                    + sim.nowSeconds() + " s");
        }
        initial = other;
        current = current.withTimeline(other.timeline());
        timeline.continueAs(other);
    }

    /** The scenario as it stands now, with every parameter change and scaling decision applied so far. */
    public Scenario currentScenario() {
        return current;
    }

    /** A subsystem's change of the scenario (a scaler's new replica count or size, a parameter set). */
    void replaceScenario(Scenario next) {
        current = next;
    }

    public double nowSeconds() {
        return sim.nowSeconds();
    }

    /**
     * Runs every event and timeline command up to {@code untilNanos}, through any breakpoint (a hit
     * on the way is kept for {@link #takeBreakpointHit()}).
     */
    public void advanceTo(long untilNanos) {
        while (!advance(untilNanos, Integer.MAX_VALUE)) {
            // Only a breakpoint stops an unlimited advance: go on from where it stopped.
        }
    }

    /**
     * Runs events up to {@code untilNanos}, but at most about {@code maxEvents} of them. Returns true
     * when the world has reached {@code untilNanos}: every event and timeline command due by then
     * has run. Timeline commands run after all events at or before their time, the same rule that
     * live commands follow, so a recorded run replays exactly. Returns false early, right after
     * the event that tripped it, when a breakpoint fires; the next call goes on from there.
     */
    public boolean advance(long untilNanos, int maxEvents) {
        sim.clearStop();
        return timeline.advance(sim, untilNanos, maxEvents);
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
     * field is refused with a log line; the run goes on. Returns whether it was applied (and recorded).
     */
    public boolean applyUserCommand(Scenario.TimelineEntry command) {
        return timeline.applyUser(command, sim.nowNanos() / 1e9);
    }

    /** A {@code set} of one parameter by the user; see {@link #applyUserCommand}. */
    public void applyUserChange(Parameter p, Object value) {
        applyUserCommand(Scenario.TimelineEntry.set(0, p.path(), value));
    }

    /** Requests in the system now: arrived, and neither answered, failed nor rejected. */
    public long requestsInSystem() {
        return metrics.inSystem();
    }

    /** How many of the user's commands this world has applied and recorded. */
    public int userCommandCount() {
        return timeline.userCommandCount();
    }

    /**
     * The scenario that replays this run: the initial one with the user's commands merged, in time
     * order, into its timeline.
     */
    public Scenario recordedScenario() {
        return timeline.recordedScenario();
    }

    /**
     * The initial scenario with the user's parameter changes folded into its starting values, its
     * own timeline kept: where Reset starts over. Actions (kill an instance) are not folded in:
     * they happened at a moment, not to a setting.
     */
    public Scenario restartScenario() {
        return timeline.restartScenario();
    }

    /** Hears every sample with its parts' columns (see {@link #sampleCsvHeader()}); set it before the run starts. */
    public void setSampleSink(Consumer<Sample> sink) {
        this.sampleSink = sink;
    }

    /** The time-series header: {@link Sample#CSV_HEADER} and the columns of this scenario's parts. */
    public String sampleCsvHeader() {
        return sampleColumns.header();
    }

    /** The trace hook of {@code simulate --trace}: one record per downstream call attempt, in start order. */
    public void setAttemptTrace(Consumer<AttemptRecord> trace) {
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

    // ------------------------------------------------------------------ breakpoints

    /**
     * The conditions the run pauses at (replacing any before). When one becomes true the kernel
     * stops right after the event that made it true, so {@link #advance} returns false early and
     * {@link #takeBreakpointHit()} says which. Setting breakpoints never changes the run itself.
     */
    public void setBreakpoints(List<Breakpoint> breakpoints) {
        this.breakpoints.set(breakpoints);
    }

    /** The breakpoint that fired since the last call, or null; clears it. */
    public BreakpointHit takeBreakpointHit() {
        return breakpoints.take();
    }

    /** Where the parts report what a breakpoint may watch. */
    BreakpointWatch breakpoints() {
        return breakpoints;
    }

    // ------------------------------------------------------------------ between the subsystems

    void instanceAdded(ServiceInstance in) {
        balancer.instanceAdded(in);
        if (runtime != null) { // the initial instances come before the runtime, which takes them when it is made
            runtime.instanceAdded(in);
        }
        if (connections != null) {
            connections.instanceAdded(in);
        }
    }

    void instanceRemoved(ServiceInstance in) {
        CacheSystem c = cache.cache();
        if (c != null) {
            c.instanceGone(in.number);
        }
        balancer.instanceRemoved(in);
        runtime.instanceRemoved(in);
        if (connections != null) {
            connections.instanceRemoved(in);
        }
    }

    void routingChanged() {
        balancer.routingChanged();
    }

    void keysChanged(Source by) {
        cache.keysChanged(by);
    }

    LogEntry log(Source source, String message) {
        return log.log(source, message);
    }

    DecisionLog decisionLog() {
        return log;
    }

    /** The monitor: every part records its metrics here each simulated second. */
    public MetricsRegistry monitor() {
        return monitor;
    }

    TraceBuffer traceBuffer() {
        return profiler.traceBuffer();
    }

    /** Test hook: hears every answered request (completed or failed) once its phases are closed. */
    void setAnsweredHook(Consumer<Request> hook) {
        path.setAnsweredHook(hook);
    }

    private void takeSample() {
        long now = sim.nowNanos();
        Sample sample = metrics.sample(scaling.pool());
        for (Subsystem part : parts) {
            part.sample();
        }
        history.record(sample, scaling.pool(), data, mesh == null ? List.of() : mesh.clients(), current.dependencies(), log,
                this::recordPartsHistory);
        breakpoints.sampled(sample, data == null ? -1 : data.staleReadsLastSecond());
        if (sampleSink != null) {
            // The parts' columns are formatted for the sink alone: a run without one (the app, bench) skips them.
            sample = sample.withParts(sampleColumns.values(parts));
            metrics.withParts(sample);
            sampleSink.accept(sample);
        }
        sim.schedule(now + RequestMetrics.SAMPLE_PERIOD_NANOS, this::takeSample);
    }

    /** The series the parts keep themselves, into the run's history (reading only). */
    private void recordPartsHistory(RunHistory h) {
        CacheSystem c = cache.cache();
        if (c != null) {
            c.recordHistory(h);
        }
        runtime.recordHistory(h);
        if (connections != null) {
            connections.recordHistory(h);
        }
        profiler.recordHistory(h);
        if (events != null) {
            events.recordHistory(h);
        }
    }

    // ------------------------------------------------------------------ views

    public Snapshot snapshot() {
        int n = SNAPSHOT_SERIES_POINTS;
        CacheSystem c = cache.cache();
        return new Snapshot(sim.nowSeconds(), sim.eventsFired(), current, scaling.instanceViews(), metrics.offered(),
                metrics.completed(), metrics.rejectedCount(), metrics.failedCount(), metrics.lastSample(),
                metrics.totalLatency(), metrics.seriesView(n), metrics.dispatches(), log.lineCount(), log.recent(),
                scaling.view(), balancer.view(), c == null ? null : c.view(n), data == null ? null : data.view(n),
                mesh == null ? List.of() : mesh.view(n), performanceView(n), events == null ? null : events.view(n),
                gateway == null ? null : gateway.view(), history.view());
    }

    /** Bytes the run's history holds now (bounded: see {@link RunHistory}). */
    public long historyBytes() {
        return history.retainedBytes();
    }

    /** The Performance panel's view: the heaps and connection pools this scenario has, and the profile. */
    private PerformanceView performanceView(int n) {
        return new PerformanceView(runtime.view(n), connections == null ? null : connections.view(n), profiler.view(n));
    }

    /** Every part's section of the report, in order. */
    List<Subsystem> parts() {
        return parts;
    }

    List<Decision> decisions() {
        return log.decisions();
    }
}
