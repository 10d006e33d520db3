package dev.scalelab.engine.resilience;

import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Back-off sequences and jitter bounds: Resilience4j, AWS (engines.md §2.2, §2.3) and Envoy (§2.4). */
class BackoffTest {
    private static final long MS = Simulation.NANOS_PER_MILLI;
    private static final int DRAWS = 20_000;

    private final SplittableRandom random = new SplittableRandom(42);

    @Test
    void resilience4jExponentialTruncatesEveryStep() {
        Backoff b = Backoff.exponential(500, 1.5);
        long[] expected = {500, 750, 1125, 1687, 2530};
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertEquals(expected[attempt - 1], b.intervalMillis(attempt));
            assertEquals(expected[attempt - 1] * MS, b.delayNanos(attempt, 0, random));
        }
        Backoff capped = b.withCap(2000);
        assertEquals(1687, capped.intervalMillis(4));
        assertEquals(2000, capped.intervalMillis(5));
        assertEquals(2000, capped.intervalMillis(60)); // no overflow far out
    }

    @Test
    void fixedLinearAndNoneGiveThePatternNotesIntervals() {
        assertEquals(500, Backoff.fixed(500).intervalMillis(4));
        Backoff linear = Backoff.linear(100);
        assertEquals(100, linear.intervalMillis(1));
        assertEquals(200, linear.intervalMillis(2));
        assertEquals(300, linear.intervalMillis(3));
        assertEquals(0, Backoff.none().delayNanos(3, 0, random));
    }

    @Test
    void fullJitterStaysInZeroToTheIntervalWithHalfItAsMean() {
        Backoff b = Backoff.exponential(100, 2).withCap(1000).withJitter(Backoff.Jitter.FULL);
        double sum = 0;
        for (int i = 0; i < DRAWS; i++) {
            long d = b.delayNanos(3, 0, random); // v = 400 ms
            assertTrue(d >= 0 && d < 400 * MS, "full jitter " + d);
            sum += d;
        }
        assertEquals(200.0, sum / DRAWS / MS, 3.0);
        for (int i = 0; i < DRAWS; i++) {
            assertTrue(b.delayNanos(9, 0, random) < 1000 * MS, "the cap bounds v before the jitter");
        }
    }

    @Test
    void equalJitterStaysInTheUpperHalfWithThreeQuartersAsMean() {
        Backoff b = Backoff.exponential(100, 2).withCap(1000).withJitter(Backoff.Jitter.EQUAL);
        double sum = 0;
        for (int i = 0; i < DRAWS; i++) {
            long d = b.delayNanos(3, 0, random);
            assertTrue(d >= 200 * MS && d < 400 * MS, "equal jitter " + d);
            sum += d;
        }
        assertEquals(300.0, sum / DRAWS / MS, 2.0);
    }

    @Test
    void decorrelatedJitterStaysBetweenBaseAndThreeTimesThePreviousSleepUnderTheCap() {
        Backoff b = Backoff.exponential(100, 2).withCap(1000).withJitter(Backoff.Jitter.DECORRELATED);
        long previous = 0;
        long max = 0;
        for (int i = 0; i < DRAWS; i++) {
            int attempt = i % 5 + 1;
            if (attempt == 1) {
                previous = 0; // a new request starts from sleep0 = base
            }
            long d = b.delayNanos(attempt, previous, random);
            long upper = Math.min(1000 * MS, 3 * (previous == 0 ? 100 * MS : previous));
            assertTrue(d >= 100 * MS && d <= upper, "decorrelated " + d + " after " + previous);
            max = Math.max(max, d);
            previous = d;
        }
        assertEquals(1000 * MS, max); // the cap is reached
    }

    @Test
    void resilience4jRandomizationIsUniformOnXMinusDToXPlusDPlusOne() {
        Backoff b = Backoff.fixed(1000).randomized(0.5);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 50_000; i++) {
            long ms = b.delayNanos(1, 0, random) / MS;
            min = Math.min(min, ms);
            max = Math.max(max, ms);
        }
        assertEquals(500, min);
        assertEquals(1500, max); // [500, 1501) in whole ms: the library's off-by-one reaches 1500
        // Exponential-random: randomize the exponential value, then cap.
        Backoff capped = Backoff.exponential(500, 1.5).withCap(2000).randomized(0.5);
        for (int i = 0; i < DRAWS; i++) {
            long ms = capped.delayNanos(5, 0, random) / MS; // 2530 +/- 1265, then the cap
            assertTrue(ms >= 1265 && ms <= 2000, "randomized then capped " + ms);
        }
    }

    @Test
    void envoyFullJitterBoundsForRetriesOneTwoThreeAndTheMaxInterval() {
        Backoff b = Backoff.envoy(Backoff.ENVOY_BASE_INTERVAL_MILLIS);
        long[] upper = {24, 74, 174};
        for (int retry = 1; retry <= 3; retry++) {
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int i = 0; i < DRAWS; i++) {
                long d = b.delayNanos(retry, 0, random);
                assertEquals(0, d % MS, "whole milliseconds");
                min = Math.min(min, d / MS);
                max = Math.max(max, d / MS);
            }
            assertEquals(0, min);
            assertEquals(upper[retry - 1], max, "retry " + retry);
        }
        // Retry 4: (2^4 - 1) x 25 = 375 exceeds max_interval 250, so draws are capped at 250 (a third of them).
        int atCap = 0;
        for (int i = 0; i < DRAWS; i++) {
            long ms = b.delayNanos(4, 0, random) / MS;
            assertTrue(ms <= 250);
            atCap += ms == 250 ? 1 : 0;
        }
        assertEquals(1.0 / 3, atCap / (double) DRAWS, 0.02);
        assertEquals(375, b.intervalMillis(7)); // the bound stops growing once past max_interval
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Backoff.fixed(0));
        assertThrows(IllegalArgumentException.class, () -> Backoff.exponential(100, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Backoff.none().withJitter(Backoff.Jitter.FULL));
        assertThrows(IllegalArgumentException.class, () -> Backoff.fixed(100).randomized(1.5));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Backoff.none()));
    }

    @Test
    void descriptionsNameTheKindAndJitter() {
        assertEquals("exponential 500 ms x 1.5, cap 10000 ms, full jitter",
                Backoff.exponential(500, 1.5).withCap(10_000).withJitter(Backoff.Jitter.FULL).describe());
        assertEquals("3 attempts, fixed 500 ms", RetryPolicy.ofDefaults().describe());
    }
}
