package dev.scalelab.engine.gateway;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlidingWindowCounterTest {
    private static final long S = 1_000_000_000L;

    /** Cloudflare's worked example: 50 a minute, 42 in the previous minute, 18 in this one, 15 s in: 42 × 0.75 + 18 = 49.5. */
    @Test
    void estimatesCloudflaresWorkedExample() {
        SlidingWindowCounter limiter = new SlidingWindowCounter(50.0 / 60, 60 * S);
        assertEquals(50.0, limiter.limit(), 1e-9);
        for (int i = 0; i < 42; i++) {
            assertTrue(limiter.tryAcquire(i * S));
        }
        for (int i = 0; i < 18; i++) {
            assertTrue(limiter.tryAcquire(75 * S), "request " + i); // 31.5 + i + 1 <= 50
        }
        assertEquals(49.5, limiter.estimate(75 * S), 1e-9);
        assertEquals(0, limiter.available(75 * S));
        assertFalse(limiter.tryAcquire(75 * S)); // 49.5 + 1 > 50
        // 42 × (1 − 27/60) + 18 = 41.1: eight more fit.
        assertEquals(41.1, limiter.estimate(87 * S), 1e-9);
        assertEquals(8, limiter.available(87 * S));
    }

    @Test
    void aWindowAfterAnEmptyOneForgetsEverything() {
        SlidingWindowCounter limiter = new SlidingWindowCounter(10, S);
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.tryAcquire(S / 2));
        }
        assertFalse(limiter.tryAcquire(S / 2));
        assertEquals(7.5, limiter.estimate(S + S / 4), 1e-9); // the previous window's 10 × 0.75
        assertEquals(0.0, limiter.estimate(3 * S), 1e-9);
        assertEquals(10, limiter.available(3 * S));
    }

    @Test
    void aSteadyOverloadPassesAboutTheRate() {
        SlidingWindowCounter limiter = new SlidingWindowCounter(100, S);
        long passed = 0;
        for (long t = 0; t < 100 * S; t += S / 1000) { // 1000/s offered
            if (limiter.tryAcquire(t)) {
                passed++;
            }
        }
        assertEquals(100 * 100, passed, 100); // within one window's worth
    }
}
