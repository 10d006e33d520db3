package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.resilience.AttemptRecord;
import dev.scalelab.engine.resilience.AttemptTrace;
import dev.scalelab.engine.resilience.Backoff;
import dev.scalelab.engine.resilience.BreakerConfig;
import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.engine.resilience.BreakerTransition;
import dev.scalelab.engine.resilience.DependencyConfig;
import dev.scalelab.engine.resilience.DownstreamService;
import dev.scalelab.engine.resilience.Fault;
import dev.scalelab.engine.resilience.MeshClient;
import dev.scalelab.engine.resilience.MeshConfig;
import dev.scalelab.engine.resilience.MeshStats;
import dev.scalelab.engine.resilience.RetryBudgetConfig;
import dev.scalelab.engine.resilience.RetryPolicy;
import dev.scalelab.engine.resilience.ScheduledFault;
import dev.scalelab.sim.RandomStreams;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The downstream services and the mesh clients that reach them. A request calls each dependency
 * in scenario order, with that dependency's call probability, one after the other; the first
 * failure fails the request. Confined to the simulation thread.
 */
final class MeshSystem implements Subsystem {
    private static final int SNAPSHOT_TRANSITIONS = 20;

    private final Simulation sim;
    private final World world;
    private final List<Scenario.Dependency> config;
    private final RandomStreams streams;
    /** Counters of clients replaced by a reconfiguration, per dependency, so totals never go backwards. */
    private final List<long[]> retired = new ArrayList<>();
    private final List<MeshClient> clients = new ArrayList<>();
    private final SplittableRandom callRandom;
    private final List<BreakerTransition> transitions = new ArrayList<>();
    private static final int TRANSITION_CAPACITY = 10_000;
    /** Per dependency: whether it has breaker columns in the time series, and its totals at the last row. */
    private final List<Boolean> breakerColumns = new ArrayList<>();
    private final List<long[]> columnTotals = new ArrayList<>();

    MeshSystem(World world, Simulation sim, List<Scenario.Dependency> config, RandomStreams streams) {
        this.world = world;
        this.sim = sim;
        this.config = new ArrayList<>(config);
        this.streams = streams;
        this.callRandom = streams.stream("dependencies.calls");
        for (Scenario.Dependency d : config) {
            clients.add(client(d, service(d), null));
            retired.add(new long[5]);
        }
    }

    private DownstreamService service(Scenario.Dependency d) {
        return new DownstreamService(sim, new DependencyConfig(d.name(), d.instances(), d.workersPerInstance(),
                d.queueCapacity(), d.serviceTime().toDistribution(), d.errorRate(), 1.0), streams.stream("dependency." + d.name()));
    }

    private MeshClient client(Scenario.Dependency d, DownstreamService service, MeshClient predecessor) {
        MeshClient client = new MeshClient(sim, service, meshConfig(d), streams.stream("mesh." + d.name()), predecessor);
        client.breaker().addTransitionListener(t -> {
            if (transitions.size() < TRANSITION_CAPACITY) {
                transitions.add(t);
            }
            LogEntry line = world.log(Source.BREAKER, d.name() + ": " + t.from() + " -> " + t.to() + ", " + t.reason());
            if (opens(t.to())) {
                world.breakpoints().breakerOpened(d.name(), line);
            }
        });
        if (trace != null) {
            client.setTrace(trace);
        }
        return client;
    }

    /**
     * Applies a change of the dependency field {@code path} ({@code dependencies[i].…}) that the
     * world's current scenario already holds: the mesh owns every dependency field.
     */
    void applyField(String path) {
        int i = ScenarioFiles.dependencyIndex(path);
        reconfigure(i, world.currentScenario().dependencies().get(i));
    }

    /**
     * New settings for dependency {@code i}. The mesh client is rebuilt (its breaker starts CLOSED
     * with an empty window, as a redeployed sidecar's would); the service itself is rebuilt only
     * when its own settings changed, and keeps its faults otherwise. Calls in flight finish on the
     * objects that started them.
     */
    private void reconfigure(int i, Scenario.Dependency d) {
        Scenario.Dependency old = config.get(i);
        MeshClient oldClient = clients.get(i);
        BreakerState was = oldClient.breaker().state();
        int windowCalls = oldClient.breaker().windowTotals().totalCalls();
        MeshClient s = oldClient;
        long[] r = retired.get(i);
        r[0] += s.requests();
        r[1] += s.attemptsSent();
        r[2] += s.retries();
        r[3] += s.retriesDeniedByBudget();
        r[4] += s.breakerRejections();
        boolean serviceChanged = old.instances() != d.instances() || old.workersPerInstance() != d.workersPerInstance()
                || old.queueCapacity() != d.queueCapacity() || !old.serviceTime().equals(d.serviceTime())
                || old.errorRate() != d.errorRate();
        DownstreamService service = serviceChanged ? service(d) : oldClient.dependency();
        config.set(i, d);
        MeshClient fresh = client(d, service, oldClient);
        clients.set(i, fresh);
        if (old.breaker() != null || d.breaker() != null) {
            breakerRebuilt(d.name(), old.breaker() != null, d.breaker() != null, was, windowCalls, fresh.breaker().state());
        }
    }

    /**
     * A new mesh client means a new breaker: its state and window start over whatever the old one
     * had seen. Said in the log (a decision entry) and, with a trace, as a row of its own.
     */
    private void breakerRebuilt(String name, boolean had, boolean has, BreakerState was, int windowCalls, BreakerState now) {
        String message;
        if (!had) {
            message = name + ": breaker added by a settings change, " + now + "; its window starts empty";
        } else if (!has) {
            message = name + ": breaker removed by a settings change (was " + was + "); calls are no longer guarded";
        } else {
            message = name + ": breaker rebuilt by a settings change, " + now + (was == now ? " as before" : " (was " + was + ")")
                    + "; its window starts empty" + (windowCalls > 0 ? " (it held " + windowCalls + " calls)" : "");
        }
        world.log(Source.BREAKER, message);
        if (trace != null) {
            trace.end(AttemptRecord.breakerRebuilt(trace.begin(), sim.nowNanos(), name, was, now));
        }
    }

    /** Whether a breaker in {@code state} turns calls away: what a "breaker opens" breakpoint watches for. */
    private static boolean opens(BreakerState state) {
        return state == BreakerState.OPEN || state == BreakerState.FORCED_OPEN;
    }

    /** A breaker setting of a dependency ({@code dependencies[0].breaker.mode}): before the first, it has none. */
    static boolean isBreakerField(String path) {
        return path.matches("dependencies\\[\\d+]\\.breaker\\..+");
    }

    static MeshConfig meshConfig(Scenario.Dependency d) {
        return meshConfig(d.breaker(), d.retry(), d.timeoutMs(), d.maxConcurrentCalls());
    }

    /** The sidecar's settings for a call with this breaker (null for none), retry, timeout (0: none) and bulkhead (0: none). */
    public static MeshConfig meshConfig(Scenario.Breaker breakerSpec, Scenario.Retry r, double timeoutMs, int maxConcurrentCalls) {
        MeshConfig m = MeshConfig.unprotected();
        if (breakerSpec != null) {
            Scenario.Breaker b = breakerSpec;
            BreakerConfig breaker = b.mode().equals("consecutive")
                    ? BreakerConfig.consecutive(b.consecutiveFailures(), Math.round(b.waitDurationInOpenStateMs()))
                    : BreakerConfig.custom()
                    .slidingWindow(b.slidingWindowType().equals("time-based") ? BreakerConfig.WindowType.TIME_BASED
                            : BreakerConfig.WindowType.COUNT_BASED, b.slidingWindowSize())
                    .minimumNumberOfCalls(b.minimumNumberOfCalls())
                    .failureRateThresholdPercent((float) b.failureRateThreshold())
                    .slowCallRateThresholdPercent((float) b.slowCallRateThreshold())
                    .slowCallDurationThresholdMillis(Math.round(b.slowCallDurationThresholdMs()))
                    .permittedNumberOfCallsInHalfOpenState(b.permittedNumberOfCallsInHalfOpenState())
                    .waitDurationInOpenState(Backoff.fixed(Math.max(1, Math.round(b.waitDurationInOpenStateMs()))))
                    .automaticTransitionFromOpenToHalfOpenEnabled(b.automaticTransition())
                    .build();
            m = m.withBreaker(breaker);
        }
        if (r.maxAttempts() > 1) {
            long initial = Math.max(1, Math.round(r.initialIntervalMs()));
            Backoff backoff = switch (r.backoff()) {
                case "fixed" -> Backoff.fixed(initial);
                case "linear" -> Backoff.linear(initial);
                case "exponential" -> Backoff.exponential(initial, r.multiplier());
                default -> Backoff.none();
            };
            if (backoff.kind() != Backoff.Kind.NONE) {
                backoff = backoff.withCap(Math.round(r.maxIntervalMs()));
                if (!r.jitter().equals("none")) {
                    backoff = backoff.withJitter(Backoff.Jitter.valueOf(r.jitter().toUpperCase()));
                }
            }
            m = m.withRetry(new RetryPolicy(r.maxAttempts(), backoff));
        }
        m = m.withRetryBudget(switch (r.budget()) {
            case "envoy" -> new RetryBudgetConfig.Envoy(r.budgetPercent(), 3);
            case "finagle" -> new RetryBudgetConfig.Finagle(10, 10, r.budgetPercent() / 100);
            default -> new RetryBudgetConfig.Unlimited();
        });
        m = m.withTimeoutMillis(Math.round(timeoutMs));
        if (maxConcurrentCalls > 0) {
            m = m.withMaxConcurrentCalls(maxConcurrentCalls);
        }
        return m;
    }

    /** Calls the dependencies of one request in order; {@code done} hears whether all it called succeeded. */
    void call(long requestId, Consumer<Boolean> done) {
        // Which dependencies a request needs is drawn up front, one draw per dependency, so the
        // stream is consumed the same way whatever the calls' outcomes.
        long needed = 0;
        for (int i = 0; i < clients.size(); i++) {
            if (callRandom.nextDouble() < config.get(i).callProbability()) {
                needed |= 1L << i;
            }
        }
        callFrom(0, needed, requestId, done);
    }

    private void callFrom(int index, long needed, long requestId, Consumer<Boolean> done) {
        int i = index;
        while (i < clients.size() && (needed & (1L << i)) == 0) {
            i++;
        }
        if (i == clients.size()) {
            done.accept(true);
            return;
        }
        int next = i + 1;
        clients.get(i).call(requestId, result -> {
            if (result.success()) {
                callFrom(next, needed, requestId, done);
            } else {
                done.accept(false);
            }
        });
    }

    /** The trace of every client, old and new, so that its rows are in start order across dependencies. */
    private AttemptTrace trace;

    void setTrace(Consumer<AttemptRecord> sink) {
        this.trace = sink == null ? null : new AttemptTrace(sink::accept);
        for (MeshClient c : clients) {
            c.setTrace(trace);
        }
    }

    /** Writes the trace rows still held (the run is over); attempts in flight have none. */
    void flushTrace() {
        if (trace != null) {
            trace.flush();
        }
    }

    // ------------------------------------------------------------------ time series

    @Override
    public void declareColumns(SampleColumns columns, Scenario initial) {
        for (int i = 0; i < initial.dependencies().size(); i++) {
            Scenario.Dependency d = initial.dependencies().get(i);
            String prefix = SampleColumns.name(d.name());
            while (columns.taken(prefix + "_requests_per_s")) {
                prefix = prefix + "_" + i;
            }
            columns.add(prefix + "_requests_per_s");
            columns.add(prefix + "_attempts_per_s");
            boolean breaker = d.breaker() != null || columns.timelineSets(initial, "dependencies[" + i + "].breaker.");
            breakerColumns.add(breaker);
            if (breaker) {
                columns.add(prefix + "_not_permitted_per_s");
                columns.add(prefix + "_breaker_state");
            }
            columnTotals.add(new long[3]);
        }
    }

    @Override
    public void columnValues(List<String> cells) {
        for (int i = 0; i < breakerColumns.size(); i++) {
            long[] now = totals(i);
            long[] last = columnTotals.get(i);
            cells.add(Long.toString(now[0] - last[0]));
            cells.add(Long.toString(now[1] - last[1]));
            if (breakerColumns.get(i)) {
                boolean has = config.get(i).breaker() != null;
                cells.add(has ? Long.toString(now[2] - last[2]) : "");
                cells.add(has ? breakerState(i).name() : "");
            }
            columnTotals.set(i, now);
        }
    }

    /** Since the start of the run, across rebuilds: {requests, attempts sent, calls the breaker did not permit}. */
    long[] totals(int i) {
        MeshClient s = clients.get(i);
        long[] r = retired.get(i);
        return new long[] {s.requests() + r[0], s.attemptsSent() + r[1], s.breakerRejections() + r[4]};
    }

    BreakerState breakerState(int i) {
        return clients.get(i).breaker().state();
    }

    // ------------------------------------------------------------------ faults

    boolean inject(Action action, String target, Double value, double durationSeconds) {
        MeshClient client = clients.stream().filter(c -> c.dependencyName().equals(target)).findFirst().orElse(null);
        if (client == null) {
            world.log(Source.MESH, action.id() + " " + target + ": no such dependency");
            return false;
        }
        Fault fault = switch (action) {
            case ERROR_RATE -> new Fault.ExtraErrorRate(value == null ? 1 : value);
            case LATENCY -> new Fault.AddedLatency(value == null ? 1000 : value);
            case OUTAGE -> new Fault.Outage(Fault.OutageMode.REFUSE);
            default -> throw new IllegalArgumentException(action.id());
        };
        long now = sim.nowNanos();
        client.dependency().inject(fault, now, now + Simulation.secondsToNanos(durationSeconds));
        world.log(Source.MESH, target + ": " + fault.describe() + " for " + Parameter.format(durationSeconds) + " s");
        return true;
    }

    // ------------------------------------------------------------------ views

    /** The dependencies' mesh clients as they stand (a reconfiguration replaces one), for the run's history to read. */
    List<MeshClient> clients() {
        return clients;
    }

    List<Snapshot.DependencyView> view(int points) {
        List<Snapshot.DependencyView> out = new ArrayList<>();
        long now = sim.nowNanos();
        for (int i = 0; i < clients.size(); i++) {
            MeshClient c = clients.get(i);
            DownstreamService d = c.dependency();
            List<String> faults = new ArrayList<>();
            for (ScheduledFault f : d.activeFaults()) {
                if (f.activeAt(now)) {
                    faults.add(f.fault().describe() + " until " + Parameter.format(Math.round(f.untilNanos() / 1e8) / 10.0) + " s");
                }
            }
            List<BreakerTransition> recent = c.breaker().recentTransitions();
            recent = recent.subList(Math.max(0, recent.size() - SNAPSHOT_TRANSITIONS), recent.size());
            out.add(new Snapshot.DependencyView(c.dependencyName(), config.get(i).callProbability(), c.stats(),
                    c.breaker().view(), List.copyOf(recent), d.busyWorkers(), d.servers(), d.queueLength(),
                    d.currentErrorRate(), List.copyOf(faults), tail(c.offeredLoadPerSecond(), points),
                    tail(c.requestsPerSecond(), points)));
        }
        return out;
    }

    private static double[] tail(double[] series, int points) {
        return Arrays.copyOfRange(series, Math.max(0, series.length - points), series.length);
    }

    @Override
    public void report(ObjectNode root) {
        ArrayNode breakers = root.putArray("breakers");
        long requests = 0;
        long attemptsSent = 0;
        long retries = 0;
        long denied = 0;
        for (int i = 0; i < clients.size(); i++) {
            MeshClient c = clients.get(i);
            MeshStats s = c.stats();
            long[] old = retired.get(i);
            requests += s.requests() + old[0];
            attemptsSent += s.attemptsSent() + old[1];
            retries += s.retries() + old[2];
            denied += s.retriesDeniedByBudget() + old[3];
            ObjectNode b = breakers.addObject();
            b.put("dependency", c.dependencyName());
            b.put("state", c.breaker().view().state().name());
            b.put("callsNotPermitted", s.breakerRejections() + old[4]);
            ArrayNode t = b.putArray("transitions");
            for (BreakerTransition tr : transitions) {
                if (tr.breaker().equals(c.breaker().view().name())) {
                    t.addObject().put("atSeconds", tr.atNanos() / 1e9).put("from", tr.from().name()).put("to", tr.to().name())
                            .put("reason", tr.reason());
                }
            }
        }
        ObjectNode r = root.putObject("retries");
        r.put("requests", requests);
        r.put("attempts", attemptsSent);
        r.put("retries", retries);
        r.put("deniedByBudget", denied);
        r.put("amplification", requests == 0 ? 1.0 : attemptsSent / (double) requests);
        ArrayNode deps = root.putArray("dependencies");
        for (MeshClient c : clients) {
            // Since its mesh client's last (re)configuration.
            MeshStats s = c.stats();
            ObjectNode o = deps.addObject();
            o.put("name", c.dependencyName()).put("requests", s.requests()).put("succeeded", s.succeeded())
                    .put("failed", s.failed()).put("attemptsSent", s.attemptsSent()).put("amplification",
                            Double.isNaN(s.amplification()) ? 1.0 : s.amplification())
                    .put("timeouts", s.timeouts()).put("errors", s.errors()).put("breakerRejections", s.breakerRejections())
                    .put("bulkheadRejections", s.bulkheadRejections()).put("retriesDeniedByBudget", s.retriesDeniedByBudget());
            if (s.latency().count() > 0) {
                o.put("p99Ms", s.latency().p99Ms());
            }
        }
    }
}
