package dev.scalelab.engine.resilience;

import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mesh client on the Simulation: order of the layers, measures, trace, budgets and a retry storm. */
class MeshClientTest {
    private static final long MS = Simulation.NANOS_PER_MILLI;
    private static final long S = Simulation.NANOS_PER_SECOND;

    private final Simulation sim = new Simulation();
    private final List<CallResult> results = new ArrayList<>();
    private final List<AttemptRecord> trace = new ArrayList<>();

    private MeshClient client(DependencyConfig dependency, MeshConfig config) {
        DownstreamService service = new DownstreamService(sim, dependency, new SplittableRandom(11));
        MeshClient client = new MeshClient(sim, service, config, new SplittableRandom(12));
        client.setTrace(new AttemptTrace(trace::add));
        return client;
    }

    private static DependencyConfig constant(int servers, double serviceMs, double errorRate) {
        return new DependencyConfig("inventory", 1, servers, 1000, new Distribution.Constant(serviceMs), errorRate, 1);
    }

    @Test
    void retriesWaitTheBackoffAndTheTraceRecordsEveryAttempt() {
        MeshClient c = client(constant(1, 10, 1.0),
                MeshConfig.unprotected().withRetry(new RetryPolicy(3, Backoff.exponential(500, 1.5))));
        c.call(7, results::add);
        sim.runUntil(10 * S);

        // Attempts at 0, 0 + 10 + 500 and 510 + 10 + 750 ms; the call ends when the third fails.
        assertEquals(List.of(0L, 510L, 1270L), trace.stream().map(r -> r.startNanos() / MS).toList());
        assertTrue(trace.stream().allMatch(r -> r.outcome() == AttemptOutcome.FAILURE && r.durationNanos() == 10 * MS));
        // seq, start, end and duration in ns, dependency, request, attempt, outcome, slow, breaker before/after.
        assertEquals("1,510000000,520000000,10000000,inventory,7,2,FAILURE,false,DISABLED,DISABLED", trace.get(1).toCsvRow());
        assertEquals(AttemptRecord.CSV_HEADER.split(",").length, trace.get(1).toCsvRow().split(",").length);

        CallResult r = results.get(0);
        assertEquals(new CallResult(7, "inventory", false, CallResult.Failure.ERROR, 1280 * MS, 3, false), r);
        MeshStats s = c.stats();
        assertEquals(3, s.attemptsSent());
        assertEquals(2, s.retries());
        assertEquals(3, s.errors());
        assertEquals(3.0, s.amplification());
    }

    @Test
    void aClientRebuiltWithNewSettingsKeepsTheDependencysLatencyAndHistory() {
        DownstreamService service = new DownstreamService(sim, constant(4, 20, 0), new SplittableRandom(11));
        MeshClient first = new MeshClient(sim, service, MeshConfig.unprotected(), new SplittableRandom(12));
        for (int i = 0; i < 10; i++) {
            first.call(i, results::add);
        }
        sim.runUntil(S);
        MeshClient second = new MeshClient(sim, service, MeshConfig.unprotected().withRetry(new RetryPolicy(2, Backoff.none())),
                new SplittableRandom(12), first);
        for (int i = 10; i < 15; i++) {
            second.call(i, results::add);
        }
        sim.runUntil(2 * S);
        // Ten calls of 20 ms on four servers (the queue makes them 20, 40 and 60 ms), then five more:
        // the rebuilt client's histogram holds all fifteen.
        assertEquals(15, second.latency().total().count());
        assertEquals(10 + 5, second.stats().latency().count());
        // Its own counters start at the rebuild; the world adds the retired ones (MeshSystem.retired).
        assertEquals(5, second.stats().requests());
    }

    @Test
    void aPerAttemptTimeoutIsABreakerFailureAndTheDependencyStillDoesTheWork() {
        BreakerConfig breaker = BreakerConfig.custom().slidingWindow(BreakerConfig.WindowType.COUNT_BASED, 5)
                .minimumNumberOfCalls(5).waitDurationInOpenState(Backoff.fixed(10_000)).build();
        MeshClient c = client(constant(5, 500, 0), MeshConfig.unprotected().withBreaker(breaker).withTimeoutMillis(100));
        for (int i = 0; i < 5; i++) {
            c.call(i, results::add);
        }
        sim.runUntil(200 * MS);
        assertEquals(5, c.stats().timeouts());
        assertTrue(results.stream().allMatch(r -> r.failure() == CallResult.Failure.TIMEOUT && r.durationNanos() == 100 * MS));
        assertEquals(BreakerState.OPEN, c.breaker().state());
        assertEquals("failure rate 100.0% ≥ 50% over 5 calls; open for 10000 ms (opening 1)",
                c.breaker().recentTransitions().get(0).reason());
        assertEquals(0, c.bulkhead().inUse()); // timed-out attempts free their slot

        c.call(5, results::add);
        sim.runUntil(S);
        assertEquals(CallResult.Failure.BREAKER_OPEN, results.get(5).failure());
        assertEquals(AttemptOutcome.REJECTED_BY_BREAKER, trace.get(5).outcome());
        assertEquals(BreakerState.OPEN, trace.get(5).breakerStateBefore());
        assertEquals(5, c.stats().attemptsSent());
        assertEquals(5, c.dependency().served()); // the abandoned calls were served anyway
    }

    @Test
    void breakerRejectionsAreNotRetried() {
        MeshClient c = client(constant(1, 10, 0), MeshConfig.unprotected().withRetry(new RetryPolicy(3, Backoff.none())));
        c.breaker().transitionToForcedOpenState();
        for (int i = 0; i < 4; i++) {
            c.call(i, results::add);
        }
        sim.runUntil(S);
        assertTrue(results.stream().allMatch(r -> r.failure() == CallResult.Failure.BREAKER_OPEN && r.attempts() == 1));
        MeshStats s = c.stats();
        assertEquals(4, s.breakerRejections());
        assertEquals(0, s.attemptsSent());
        assertEquals(0, s.retries());
        assertEquals(4, c.breaker().notPermittedCalls());
    }

    @Test
    void aFullBulkheadRejectsWithoutRetryAndWithoutTellingTheBreaker() {
        BreakerConfig breaker = BreakerConfig.custom().slidingWindow(BreakerConfig.WindowType.COUNT_BASED, 3)
                .minimumNumberOfCalls(3).build();
        MeshClient c = client(constant(10, 100, 0), MeshConfig.unprotected().withBreaker(breaker)
                .withRetry(new RetryPolicy(3, Backoff.none())).withMaxConcurrentCalls(2));
        for (int i = 0; i < 5; i++) {
            c.call(i, results::add);
        }
        sim.runUntil(S);
        assertEquals(3, results.stream().filter(r -> r.failure() == CallResult.Failure.BULKHEAD_FULL && r.attempts() == 1).count());
        assertEquals(2, results.stream().filter(CallResult::success).count());
        assertEquals(3, c.stats().bulkheadRejections());
        assertEquals(BreakerState.CLOSED, c.breaker().state());
        assertEquals(2, c.breaker().windowTotals().totalCalls());
    }

    @Test
    void successesSlowerThanTheBreakersThresholdAreTracedAsSlow() {
        BreakerConfig breaker = BreakerConfig.custom().slowCallDurationThresholdMillis(100).build();
        MeshClient c = client(constant(1, 150, 0), MeshConfig.unprotected().withBreaker(breaker));
        c.call(1, results::add);
        sim.runUntil(S);
        assertEquals(AttemptOutcome.SLOW_SUCCESS, trace.get(0).outcome());
        assertEquals(CallOutcome.SLOW_SUCCESS, c.breaker().recentOutcomes()[0]);
        assertTrue(results.get(0).success());
    }

    @Test
    void theCallbackNeverRunsInsideCall() {
        MeshClient c = client(constant(1, 10, 0), MeshConfig.unprotected());
        c.breaker().transitionToForcedOpenState();
        c.call(1, results::add);
        assertTrue(results.isEmpty());
        sim.runUntil(sim.nowNanos());
        assertEquals(1, results.size());
    }

    // ---------------------------------------------------------------- budgets and the retry storm

    private static final DependencyConfig INVENTORY =
            new DependencyConfig("inventory", 4, 8, 1000, new Distribution.Exponential(20), 0, 1);

    /** One client on its own simulation, with Poisson arrivals and an outage. */
    private record Run(Simulation sim, MeshClient client, List<CallResult> results) {
        /**
         * Arrivals at {@code ratePerSecond} until {@code endNanos}; the dependency is down in
         * {@code mode} from {@code outageFromNanos} to {@code outageUntilNanos}.
         */
        static Run withOutage(MeshConfig config, double ratePerSecond, Fault.OutageMode mode,
                              long outageFromNanos, long outageUntilNanos, long endNanos) {
            Simulation sim = new Simulation();
            DownstreamService service = new DownstreamService(sim, INVENTORY, new SplittableRandom(11));
            service.inject(new Fault.Outage(mode), outageFromNanos, outageUntilNanos);
            MeshClient client = new MeshClient(sim, service, config, new SplittableRandom(12));
            List<CallResult> results = new ArrayList<>();
            SplittableRandom arrivals = new SplittableRandom(13);
            long[] nextId = {0};
            Runnable[] arrive = new Runnable[1];
            arrive[0] = () -> {
                client.call(nextId[0]++, results::add);
                long gapNanos = (long) (-Math.log(1 - arrivals.nextDouble()) / ratePerSecond * S);
                if (sim.nowNanos() + gapNanos < endNanos) {
                    sim.scheduleIn(gapNanos, arrive[0]::run);
                }
            };
            sim.schedule(0, arrive[0]::run);
            return new Run(sim, client, results);
        }
    }

    @Test
    void finagleBudgetCapsRetriesAtTwentyPercentPlusTenPerSecondUnderASustainedOutage() {
        RetryPolicy naive = new RetryPolicy(3, Backoff.none());
        Run unlimited = Run.withOutage(MeshConfig.unprotected().withRetry(naive), 100, Fault.OutageMode.REFUSE, 0, 61 * S, 60 * S);
        unlimited.sim().runUntil(61 * S);
        assertEquals(2.0, unlimited.client().stats().retries() / (double) unlimited.client().stats().requests());

        Run budgeted = Run.withOutage(MeshConfig.unprotected().withRetry(naive).withRetryBudget(RetryBudgetConfig.Finagle.ofDefaults()),
                100, Fault.OutageMode.REFUSE, 0, 61 * S, 60 * S);
        budgeted.sim().runUntil(61 * S);
        MeshStats s = budgeted.client().stats();
        // 100 requests/s for 60 s: 20% of them plus 10 retries/s = 30 retries/s instead of 200/s.
        assertEquals(5949, s.requests());
        assertEquals(s.requests(), s.failed());
        assertEquals(0.30, s.retries() / (double) s.requests(), 0.01);
        assertEquals(1.30, s.amplification(), 0.01);
        assertEquals(budgeted.results().stream().filter(CallResult::retryDeniedByBudget).count(), s.retriesDeniedByBudget());
    }

    @Test
    void envoyBudgetCapsConcurrentRetriesAtTwentyPercentOfActiveRequests() {
        RetryPolicy naive = new RetryPolicy(3, Backoff.none());
        Run run = Run.withOutage(MeshConfig.unprotected().withRetry(naive).withTimeoutMillis(1000)
                .withRetryBudget(RetryBudgetConfig.Envoy.ofDefaults()), 100, Fault.OutageMode.HANG, 0, 61 * S, 60 * S);
        MeshClient c = run.client();
        EnvoyRetryBudget budget = (EnvoyRetryBudget) c.retryBudget();
        int peakRetries = 0;
        int peakInFlight = 0;
        for (long t = 0; t <= 60 * S; t += 10 * MS) {
            run.sim().runUntil(t);
            peakRetries = Math.max(peakRetries, budget.activeRetries());
            peakInFlight = Math.max(peakInFlight, c.bulkhead().inUse()); // every attempt in flight holds a slot
        }
        MeshStats s = c.stats();
        // Every attempt hangs for the 1 s timeout, so ~100 first attempts are in flight; retries R
        // may be at most 20% of all in flight, R <= 0.2 (100 + R): at most a quarter of the requests.
        assertTrue(peakRetries <= 0.2 * peakInFlight, peakRetries + " retries at " + peakInFlight + " in flight");
        double retriesPerRequest = s.retries() / (double) s.requests();
        assertTrue(retriesPerRequest >= 0.20 && retriesPerRequest <= 0.25, "retries per request " + retriesPerRequest);
    }

    private static double loadRatio(MeshClient c, int fromSecond, int untilSecond) {
        double[] offered = c.offeredLoadPerSecond();
        double[] requests = c.requestsPerSecond();
        double o = 0;
        double r = 0;
        for (int i = fromSecond; i < untilSecond; i++) {
            o += offered[i];
            r += requests[i];
        }
        return o / r;
    }

    @Test
    void naiveRetriesTripleTheLoadInAnOutageWhileBreakerBackoffAndBudgetKeepItNearOne() {
        // 200 requests/s for 120 s; the dependency refuses connections from 30 s to 60 s.
        MeshConfig naive = MeshConfig.unprotected().withRetry(new RetryPolicy(3, Backoff.none())).withTimeoutMillis(1000);
        Run storm = Run.withOutage(naive, 200, Fault.OutageMode.REFUSE, 30 * S, 60 * S, 120 * S);
        storm.sim().runUntil(121 * S);
        assertEquals(3.0, loadRatio(storm.client(), 30, 60), 0.02);
        assertEquals(1.0, loadRatio(storm.client(), 0, 30), 0.001);
        assertEquals(1.5, storm.client().stats().amplification(), 0.02); // 90 s at 1x, 30 s at 3x

        MeshConfig guarded = naive
                .withBreaker(BreakerConfig.custom().slidingWindow(BreakerConfig.WindowType.COUNT_BASED, 50)
                        .minimumNumberOfCalls(20).permittedNumberOfCallsInHalfOpenState(5)
                        .waitDurationInOpenState(Backoff.fixed(5000)).build())
                .withRetry(new RetryPolicy(3, Backoff.exponential(100, 2).withCap(2000).withJitter(Backoff.Jitter.FULL)))
                .withRetryBudget(RetryBudgetConfig.Finagle.ofDefaults());
        Run calm = Run.withOutage(guarded, 200, Fault.OutageMode.REFUSE, 30 * S, 60 * S, 120 * S);
        calm.sim().runUntil(121 * S);
        MeshClient c = calm.client();
        double[] offered = c.offeredLoadPerSecond();
        double[] requests = c.requestsPerSecond();
        for (int i = 0; i < 120; i++) {
            assertTrue(offered[i] <= 1.1 * requests[i], "second " + i + ": " + offered[i] + " attempts for " + requests[i] + " requests");
        }
        assertTrue(loadRatio(c, 30, 60) < 0.05, "the open breaker sheds the load: " + loadRatio(c, 30, 60));
        assertTrue(c.stats().amplification() <= 1.0, "amplification " + c.stats().amplification());

        List<BreakerTransition> transitions = c.breaker().recentTransitions();
        BreakerTransition trip = transitions.get(0);
        assertEquals(BreakerState.OPEN, trip.to());
        assertTrue(trip.atNanos() > 30 * S && trip.atNanos() < 31 * S, "trips within a second of the outage");
        assertEquals(BreakerState.CLOSED, c.breaker().state()); // and recovers after it
        assertTrue(transitions.get(transitions.size() - 1).atNanos() > 60 * S);
    }

    @Test
    void theSameSeedsGiveTheSameRunBitForBit() {
        MeshConfig config = MeshConfig.unprotected()
                .withRetry(new RetryPolicy(4, Backoff.exponential(50, 2).withJitter(Backoff.Jitter.DECORRELATED)))
                .withTimeoutMillis(200);
        Run first = Run.withOutage(config, 100, Fault.OutageMode.HANG, 5 * S, 10 * S, 20 * S);
        Run second = Run.withOutage(config, 100, Fault.OutageMode.HANG, 5 * S, 10 * S, 20 * S);
        first.sim().runUntil(30 * S);
        second.sim().runUntil(30 * S);
        assertTrue(first.client().stats().retries() > 1000);
        assertEquals(first.client().stats(), second.client().stats());
        assertEquals(first.results(), second.results());
    }

    // ------------------------------------------------------------------ the trace

    @Test
    void traceRowsAreInStartOrderEvenWhenALaterAttemptEndsFirst() {
        // One slot in the bulkhead and a dependency that takes 200 ms against a 100 ms timeout:
        // request 1 starts at 0 and times out at 100 ms; request 2 starts at 20 ms and is rejected at
        // once by the full bulkhead. Request 2's row is complete first, but request 1 started first.
        BreakerConfig breaker = BreakerConfig.custom().slowCallDurationThresholdMillis(50).minimumNumberOfCalls(100).build();
        MeshClient c = client(constant(1, 200, 0), MeshConfig.unprotected().withBreaker(breaker).withTimeoutMillis(100)
                .withMaxConcurrentCalls(1));
        c.call(1, results::add);
        sim.runUntil(20 * MS);
        c.call(2, results::add);
        sim.runUntil(S);
        assertEquals(2, trace.size());
        assertEquals("0,0,100000000,100000000,inventory,1,1,TIMEOUT,true,CLOSED,CLOSED", trace.get(0).toCsvRow());
        assertEquals("1,20000000,20000000,0,inventory,2,1,REJECTED_BY_BULKHEAD,,CLOSED,CLOSED", trace.get(1).toCsvRow());
        // The results came the other way round.
        assertEquals(2, results.get(0).requestId());
    }

    @Test
    void aFailureIsSlowOnlyWhenItTakesStrictlyLongerThanTheThreshold() {
        // Resilience4j: slow when duration > slowCallDurationThreshold, failures included.
        BreakerConfig breaker = BreakerConfig.custom().slowCallDurationThresholdMillis(50).minimumNumberOfCalls(100).build();
        MeshClient atThreshold = client(constant(1, 50, 1.0), MeshConfig.unprotected().withBreaker(breaker));
        atThreshold.call(1, results::add);
        sim.runUntil(S);
        MeshClient above = client(new DependencyConfig("slow-inventory", 1, 1, 1000, new Distribution.Constant(51), 1.0, 1),
                MeshConfig.unprotected().withBreaker(breaker));
        above.call(2, results::add);
        sim.runUntil(2 * S);
        assertEquals(AttemptOutcome.FAILURE, trace.get(0).outcome());
        assertEquals(50 * MS, trace.get(0).durationNanos());
        assertEquals(Boolean.FALSE, trace.get(0).slow());
        assertEquals(CallOutcome.ERROR, atThreshold.breaker().recentOutcomes()[0]);
        assertEquals(AttemptOutcome.FAILURE, trace.get(1).outcome());
        assertEquals(51 * MS, trace.get(1).durationNanos());
        assertEquals(Boolean.TRUE, trace.get(1).slow());
        assertEquals(CallOutcome.SLOW_ERROR, above.breaker().recentOutcomes()[0]);
    }

    @Test
    void theAttemptThatTripsTheBreakerShowsItOpenAfterwards() {
        BreakerConfig breaker = BreakerConfig.custom().slidingWindow(BreakerConfig.WindowType.COUNT_BASED, 2)
                .minimumNumberOfCalls(2).waitDurationInOpenState(Backoff.fixed(10_000)).build();
        MeshClient c = client(constant(2, 10, 1.0), MeshConfig.unprotected().withBreaker(breaker));
        c.call(1, results::add);
        c.call(2, results::add);
        sim.runUntil(S);
        assertEquals(List.of(BreakerState.CLOSED, BreakerState.OPEN),
                trace.stream().map(AttemptRecord::breakerStateAfter).toList());
        assertEquals(List.of(0L, 1L), trace.stream().map(AttemptRecord::seq).toList());
    }
}
