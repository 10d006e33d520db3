package dev.scalelab.engine.resilience;

import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.scalelab.engine.resilience.BreakerState.CLOSED;
import static dev.scalelab.engine.resilience.BreakerState.HALF_OPEN;
import static dev.scalelab.engine.resilience.BreakerState.OPEN;
import static dev.scalelab.engine.resilience.CallOutcome.ERROR;
import static dev.scalelab.engine.resilience.CallOutcome.SLOW_ERROR;
import static dev.scalelab.engine.resilience.CallOutcome.SLOW_SUCCESS;
import static dev.scalelab.engine.resilience.CallOutcome.SUCCESS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transition sequences on hand-made outcome sequences, checked against engines.md §2.1. */
class CircuitBreakerTest {
    private static final long MS = Simulation.NANOS_PER_MILLI;
    private static final long S = Simulation.NANOS_PER_SECOND;

    private final Simulation sim = new Simulation();

    private CircuitBreaker breaker(BreakerConfig config) {
        return new CircuitBreaker("payments", config, sim, new SplittableRandom(7));
    }

    private static BreakerConfig.Builder countWindow(int size, int minimumCalls) {
        return BreakerConfig.custom().slidingWindow(BreakerConfig.WindowType.COUNT_BASED, size)
                .minimumNumberOfCalls(minimumCalls).waitDurationInOpenState(Backoff.fixed(1000));
    }

    /** One permitted call of 10 ms: 'S' success, 'E' error. */
    private static void calls(CircuitBreaker b, String outcomes) {
        for (char c : outcomes.toCharArray()) {
            assertTrue(b.tryAcquirePermission(), "permission for " + c);
            if (c == 'S') {
                b.onSuccess(10 * MS);
            } else {
                b.onError(10 * MS);
            }
        }
    }

    private static BreakerTransition last(CircuitBreaker b) {
        List<BreakerTransition> ts = b.recentTransitions();
        return ts.get(ts.size() - 1);
    }

    @Test
    void belowTheMinimumNumberOfCallsEvenAllFailuresNeverTrip() {
        CircuitBreaker b = breaker(countWindow(10, 5).build());
        calls(b, "EEEE");
        assertEquals(CLOSED, b.state());
        assertEquals(4, b.windowTotals().failedCalls());
        calls(b, "E");
        assertEquals(OPEN, b.state());
        assertEquals("failure rate 100.0% ≥ 50% over 5 calls; open for 1000 ms (opening 1)", last(b).reason());
    }

    @Test
    void exactlyFiftyPercentTripsBecauseTheComparisonIsInclusive() {
        CircuitBreaker b = breaker(countWindow(10, 10).build());
        calls(b, "SSSSSSEEEE"); // 40% over 10 calls
        assertEquals(CLOSED, b.state());
        assertEquals(40f, b.windowTotals().failureRatePercent());
        calls(b, "E"); // the ring evicts the oldest success: 5 of 10 = 50%
        assertEquals(OPEN, b.state());
        BreakerTransition t = last(b);
        assertEquals(CLOSED, t.from());
        assertEquals("failure rate 50.0% ≥ 50% over 10 calls; open for 1000 ms (opening 1)", t.reason());
        assertEquals(1, b.openings());
    }

    @Test
    void aCountWindowSmallerThanTheMinimumIsEvaluatedAfterWindowSizeCalls() {
        // Defaults: minimumNumberOfCalls 100, but a 10-call ring caps the effective minimum at 10.
        CircuitBreaker b = breaker(BreakerConfig.custom().slidingWindow(BreakerConfig.WindowType.COUNT_BASED, 10).build());
        calls(b, "SSSSSEEEE");
        assertEquals(CLOSED, b.state());
        calls(b, "E");
        assertEquals(OPEN, b.state());
    }

    @Test
    void openMovesToHalfOpenOnlyStrictlyAfterTheWait() {
        CircuitBreaker b = breaker(countWindow(4, 4).build());
        sim.runUntil(200 * MS);
        calls(b, "EEEE");
        assertEquals(OPEN, b.state());
        assertEquals(1000 * MS, b.remainingWaitNanos());

        sim.runUntil(1200 * MS); // exactly openedAt + wait: still rejected
        assertFalse(b.tryAcquirePermission());
        assertEquals(OPEN, b.state());
        assertEquals(1, b.notPermittedCalls());

        sim.runUntil(1200 * MS + 1); // one nanosecond after: the call goes through as a trial
        assertTrue(b.tryAcquirePermission());
        assertEquals(HALF_OPEN, b.state());
        assertEquals(9, b.halfOpenPermitsLeft());
        assertEquals("first call 1000.000 ms after opening, wait of 1000 ms over; 10 trial calls", last(b).reason());
    }

    @Test
    void halfOpenClosesAfterThePermittedTrialCallsSucceed() {
        CircuitBreaker b = breaker(countWindow(10, 10).permittedNumberOfCallsInHalfOpenState(3).build());
        calls(b, "EEEEEEEEEE");
        sim.runUntil(1001 * MS);
        calls(b, "SS");
        assertEquals(HALF_OPEN, b.state());
        assertTrue(b.tryAcquirePermission()); // the third and last permit
        assertFalse(b.tryAcquirePermission());
        assertEquals(1, b.notPermittedCalls());
        b.onSuccess(10 * MS);
        assertEquals(CLOSED, b.state());
        assertEquals("failure rate 0.0% < 50% and slow-call rate 0.0% < 100% (slow > 60000 ms) over 3 trial calls",
                last(b).reason());
        assertEquals(0, b.openings());
        assertEquals(0, b.windowTotals().totalCalls()); // a fresh CLOSED window
    }

    @Test
    void halfOpenReopensWithAttemptsPlusOneAndTheExponentialWaitGrows() {
        CircuitBreaker b = breaker(countWindow(10, 10).permittedNumberOfCallsInHalfOpenState(3)
                .waitDurationInOpenState(Backoff.exponential(1000, 2)).build());
        calls(b, "EEEEEEEEEE");
        assertEquals(1000 * MS, b.remainingWaitNanos());
        sim.runUntil(1001 * MS);
        calls(b, "SEE");
        assertEquals(OPEN, b.state());
        assertEquals(2, b.openings());
        assertEquals("failure rate 66.7% ≥ 50% over 3 trial calls; open for 2000 ms (opening 2)", last(b).reason());
        assertEquals(2000 * MS, b.remainingWaitNanos());
        sim.runUntil(3001 * MS);
        assertFalse(b.tryAcquirePermission());
        sim.runUntil(3001 * MS + 1);
        assertTrue(b.tryAcquirePermission());
        assertEquals(HALF_OPEN, b.state());
    }

    @Test
    void halfOpenDecidesAfterTheSmallerOfMinimumCallsAndPermittedCalls() {
        CircuitBreaker b = breaker(countWindow(10, 2).permittedNumberOfCallsInHalfOpenState(5).build());
        calls(b, "EE");
        sim.runUntil(1001 * MS);
        calls(b, "E");
        assertEquals(HALF_OPEN, b.state());
        calls(b, "S"); // 2 of 5 permitted calls decide: 50% ≥ 50%
        assertEquals(OPEN, b.state());
        assertEquals(2, b.openings());
    }

    @Test
    void automaticTransitionFiresExactlyAtTheWait() {
        CircuitBreaker b = breaker(countWindow(4, 4).waitDurationInOpenState(Backoff.fixed(5000))
                .automaticTransitionFromOpenToHalfOpenEnabled(true).build());
        sim.runUntil(100 * MS);
        calls(b, "EEEE");
        sim.runUntil(5100 * MS - 1);
        assertEquals(OPEN, b.state());
        sim.runUntil(5100 * MS);
        assertEquals(HALF_OPEN, b.state());
        assertEquals(5100 * MS, last(b).atNanos());
        assertEquals("automatic transition after the wait of 5000 ms; 10 trial calls", last(b).reason());
    }

    @Test
    void aStaleAutomaticTransitionDoesNothingAfterAnExplicitOne() {
        CircuitBreaker b = breaker(countWindow(4, 4).automaticTransitionFromOpenToHalfOpenEnabled(true).build());
        calls(b, "EEEE");
        b.transitionToClosedState();
        sim.runUntil(2 * S);
        assertEquals(CLOSED, b.state());
        assertEquals(2, b.transitionCount());
    }

    @Test
    void slowCallRateTripsAndSlowMeansStrictlyLongerThanTheThreshold() {
        CircuitBreaker b = breaker(countWindow(5, 5).slowCallDurationThresholdMillis(200).slowCallRateThresholdPercent(60).build());
        long[] durationsMs = {250, 250, 200, 100};
        for (long d : durationsMs) {
            assertTrue(b.tryAcquirePermission());
            b.onSuccess(d * MS);
        }
        assertEquals(CLOSED, b.state());
        assertTrue(b.tryAcquirePermission());
        b.onSuccess(250 * MS); // 3 slow of 5 = 60%
        assertEquals(OPEN, b.state());
        assertEquals("slow-call rate 60.0% ≥ 60% (slow > 200 ms) over 5 calls; open for 1000 ms (opening 1)", last(b).reason());
        assertArrayEquals(new CallOutcome[]{SLOW_SUCCESS, SLOW_SUCCESS, SUCCESS, SUCCESS, SLOW_SUCCESS}, b.recentOutcomes());
    }

    @Test
    void theWindowViewShowsAllFourOutcomesOldestFirst() {
        CircuitBreaker b = breaker(countWindow(4, 100).slowCallDurationThresholdMillis(100).failureRateThresholdPercent(75).build());
        b.onSuccess(50 * MS);
        b.onSuccess(150 * MS);
        b.onError(50 * MS);
        b.onError(150 * MS);
        BreakerView v = b.view();
        assertArrayEquals(new CallOutcome[]{SUCCESS, SLOW_SUCCESS, ERROR, SLOW_ERROR}, v.recentOutcomes());
        assertEquals(50f, v.failureRatePercent());
        assertEquals(50f, v.slowCallRatePercent());
        assertEquals(4, v.bufferedCalls());
        assertEquals(4, v.minimumCalls()); // min(100, 4)
        assertEquals(CLOSED, v.state());
    }

    @Test
    void callsStartedBeforeTheTripRecordIntoTheCarriedWindowButNeverTransition() {
        CircuitBreaker b = breaker(countWindow(4, 4).build());
        // Four calls are permitted while CLOSED; the first four to end fail and trip the breaker.
        for (int i = 0; i < 7; i++) {
            assertTrue(b.tryAcquirePermission());
        }
        for (int i = 0; i < 4; i++) {
            b.onError(10 * MS);
        }
        assertEquals(OPEN, b.state());
        for (int i = 0; i < 3; i++) {
            b.onSuccess(10 * MS);
        }
        assertEquals(OPEN, b.state());
        assertEquals(new WindowTotals(4, 1, 0), b.windowTotals());
        assertEquals(1, b.transitionCount());
    }

    @Test
    void maxWaitInHalfOpenForcesTheConfiguredState() {
        CircuitBreaker toOpen = breaker(countWindow(2, 2).maxWaitDurationInHalfOpenStateMillis(5000).build());
        calls(toOpen, "EE");
        sim.runUntil(1001 * MS);
        assertTrue(toOpen.tryAcquirePermission());
        sim.runUntil(6001 * MS);
        assertEquals(OPEN, toOpen.state());
        assertEquals(2, toOpen.openings());
        assertEquals("still half-open after maxWaitDurationInHalfOpenState 5000 ms; open for 1000 ms (opening 2)",
                last(toOpen).reason());

        CircuitBreaker toClosed = breaker(countWindow(2, 2).maxWaitDurationInHalfOpenStateMillis(5000)
                .transitionToStateAfterWaitDuration(CLOSED).build());
        calls(toClosed, "EE");
        sim.runUntil(7002 * MS);
        assertTrue(toClosed.tryAcquirePermission());
        sim.runUntil(12002 * MS);
        assertEquals(CLOSED, toClosed.state());
    }

    @Test
    void metricsOnlyRecordsButNeverTrips() {
        CircuitBreaker b = breaker(countWindow(10, 5).build());
        b.transitionToMetricsOnlyState();
        calls(b, "EEEEEEEEEEEEEEEEEEEE");
        assertEquals(BreakerState.METRICS_ONLY, b.state());
        assertEquals(100f, b.view().failureRatePercent());
        assertEquals(1, b.transitionCount());
    }

    @Test
    void forcedOpenRejectsUntilAnExplicitReset() {
        CircuitBreaker b = breaker(countWindow(10, 5).build());
        b.transitionToForcedOpenState();
        for (int i = 0; i < 3; i++) {
            assertFalse(b.tryAcquirePermission());
        }
        sim.runUntil(3600 * S);
        assertFalse(b.tryAcquirePermission());
        assertEquals(BreakerState.FORCED_OPEN, b.state());
        assertEquals(4, b.notPermittedCalls());
        assertEquals(1, b.openings());
        b.reset();
        assertEquals(CLOSED, b.state());
        assertEquals("reset (explicit)", last(b).reason());
    }

    @Test
    void disabledPermitsEverythingAndRecordsNothing() {
        CircuitBreaker b = breaker(countWindow(10, 5).initialState(BreakerState.DISABLED).build());
        calls(b, "EEEEEEEEEEEEEEEEEEEE");
        assertEquals(BreakerState.DISABLED, b.state());
        assertEquals(0, b.windowTotals().totalCalls());
        assertEquals(0, b.transitionCount());
    }

    @Test
    void consecutiveModeOpensAfterNFailuresInARowThenOneTrialCallDecides() {
        CircuitBreaker b = breaker(BreakerConfig.consecutive(3, 1000));
        calls(b, "EESEE"); // the success resets the streak
        assertEquals(CLOSED, b.state());
        calls(b, "E");
        assertEquals(OPEN, b.state());
        assertEquals("3 consecutive failures ≥ 3; open for 1000 ms (opening 1)", last(b).reason());

        sim.runUntil(1000 * MS + 1);
        assertTrue(b.tryAcquirePermission());
        assertFalse(b.tryAcquirePermission()); // one trial call only
        b.onError(10 * MS);
        assertEquals(OPEN, b.state());
        assertEquals(2, b.openings());

        sim.runUntil(2001 * MS);
        calls(b, "S");
        assertEquals(CLOSED, b.state());
        assertEquals("trial call succeeded", last(b).reason());
    }

    @Test
    void timeBasedBucketsExpireSoOldCallsStopCounting() {
        BreakerConfig config = BreakerConfig.custom().slidingWindow(BreakerConfig.WindowType.TIME_BASED, 10)
                .minimumNumberOfCalls(5).build();

        // Four failures at 0.5 s and one at 9.9 s are in the same 10-second window: 5 calls, 100%.
        CircuitBreaker within = breaker(config);
        sim.runUntil(500 * MS);
        calls(within, "EEEE");
        sim.runUntil(9900 * MS);
        assertEquals(4, within.windowTotals().totalCalls());
        calls(within, "E");
        assertEquals(OPEN, within.state());

        // At 10.0 s (virtual second 10) the window covers seconds 1..10: second 0 has expired.
        Simulation sim2 = new Simulation();
        CircuitBreaker expired = new CircuitBreaker("orders", config, sim2, new SplittableRandom(7));
        sim2.runUntil(500 * MS);
        calls(expired, "EEEE");
        sim2.runUntil(9999 * MS);
        assertEquals(4, expired.windowTotals().totalCalls());
        sim2.runUntil(10_000 * MS);
        assertEquals(0, expired.windowTotals().totalCalls());
        calls(expired, "E");
        assertEquals(CLOSED, expired.state());
        assertArrayEquals(new CallOutcome[]{ERROR}, expired.recentOutcomes());
        sim2.runUntil(100 * S); // far beyond the window
        assertEquals(WindowTotals.EMPTY, expired.windowTotals());
    }

    @Test
    void timeBasedMinimumIsNotCappedByTheWindowSize() {
        // TIME_BASED window of 2 s with minimumNumberOfCalls 5: 4 failures do not trip.
        CircuitBreaker b = breaker(BreakerConfig.custom().slidingWindow(BreakerConfig.WindowType.TIME_BASED, 2)
                .minimumNumberOfCalls(5).build());
        calls(b, "EEEE");
        assertEquals(CLOSED, b.state());
        calls(b, "E");
        assertEquals(OPEN, b.state());
    }

    @Test
    void transitionsGoToListenersAndOnlyTheLastOnesAreKept() {
        CircuitBreaker b = breaker(countWindow(10, 5).build());
        List<BreakerTransition> heard = new ArrayList<>();
        b.addTransitionListener(heard::add);
        for (int i = 0; i < 150; i++) {
            b.transitionToForcedOpenState();
            b.transitionToClosedState();
        }
        assertEquals(300, heard.size());
        assertEquals(300, b.transitionCount());
        assertEquals(CircuitBreaker.TRANSITIONS_KEPT, b.recentTransitions().size());
        assertEquals(heard.get(100), b.recentTransitions().get(0));
    }

    @Test
    void aReleasedHalfOpenPermitCanBeTakenAgain() {
        CircuitBreaker b = breaker(countWindow(2, 2).permittedNumberOfCallsInHalfOpenState(1).build());
        calls(b, "EE");
        sim.runUntil(1001 * MS);
        assertTrue(b.tryAcquirePermission());
        assertFalse(b.tryAcquirePermission());
        b.releasePermission(); // the call was never made
        assertEquals(1, b.halfOpenPermitsLeft());
        assertTrue(b.tryAcquirePermission());
    }

    @Test
    void modesAreChosenByNameAndConfigsDescribeThemselves() {
        assertEquals(BreakerConfig.Mode.CONSECUTIVE, BreakerConfig.Mode.fromId("consecutive"));
        assertEquals(BreakerConfig.Mode.SLIDING_WINDOW, BreakerConfig.Mode.fromId("resilience4j"));
        assertEquals("count window of 100 calls, minimum 100 calls, failure rate ≥ 50%, slow-call rate ≥ 100% "
                + "(slow > 60000 ms), 10 trial calls, open for fixed 60000 ms", BreakerConfig.ofDefaults().describe());
        assertEquals("5 consecutive failures open it for fixed 30000 ms, then one trial call",
                BreakerConfig.consecutive(5, 30_000).describe());
        assertEquals("time window of 10 s, minimum 20 calls, failure rate ≥ 12.5%, slow-call rate ≥ 100% (slow > 60000 ms), "
                        + "10 trial calls, open for exponential 1000 ms x 2.0, automatic half-open",
                BreakerConfig.custom().slidingWindow(BreakerConfig.WindowType.TIME_BASED, 10).minimumNumberOfCalls(20)
                        .failureRateThresholdPercent(12.5f).waitDurationInOpenState(Backoff.exponential(1000, 2))
                        .automaticTransitionFromOpenToHalfOpenEnabled(true).build().describe());
    }

    @Test
    void invalidSettingsAreRejectedAsResilience4jDoes() {
        assertThrows(IllegalArgumentException.class,
                () -> BreakerConfig.custom().failureRateThresholdPercent(0).build());
        assertThrows(IllegalArgumentException.class,
                () -> BreakerConfig.custom().slidingWindow(BreakerConfig.WindowType.COUNT_BASED, 0).build());
        assertThrows(IllegalArgumentException.class,
                () -> BreakerConfig.custom().initialState(OPEN).build());
        assertThrows(IllegalArgumentException.class,
                () -> BreakerConfig.Mode.fromId("hystrix"));
    }
}
