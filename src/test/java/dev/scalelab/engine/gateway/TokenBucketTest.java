package dev.scalelab.engine.gateway;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {
    private static final long MS = 1_000_000L;

    /**
     * From a full bucket, a stream faster than the rate (one request every {@code gapMicros}) gets
     * exactly floor(burst + rate·t) through in [0, t]: every token is taken at the first arrival
     * after it accrues, and each accrual instant lies on the arrivals' grid or the floor leaves it out.
     */
    @ParameterizedTest
    @CsvSource({
            "10, 5, 1, 1000, 15",
            "3, 2, 1, 1000, 5",
            "2.5, 3, 10, 1000, 28",
            "1000, 1, 2, 100, 2001",
            "7, 2.5, 1, 1000, 9",
            "100, 100, 300, 1000, 30100",
            "0.5, 10, 3600, 100000, 1810"})
    void aStreamFasterThanTheRatePassesExactlyBurstPlusRateTimesT(double rate, double burst, double seconds, long gapMicros,
                                                                  long expected) {
        TokenBucket bucket = new TokenBucket(rate, burst);
        long end = Math.round(seconds * 1e9);
        long passed = 0;
        for (long t = 0; t <= end; t += gapMicros * 1000) {
            if (bucket.tryAcquire(t)) {
                passed++;
            }
        }
        assertEquals(expected, passed);
        assertEquals((long) Math.floor(burst + rate * seconds), passed);
    }

    @Test
    void anyIntervalOfARandomStreamPassesAtMostBurstPlusRateTimesItsLength() {
        TokenBucket bucket = new TokenBucket(20, 5);
        SplittableRandom random = new SplittableRandom(7);
        long[] passedAt = new long[200_000];
        int n = 0;
        long t = 0;
        for (int i = 0; i < 200_000; i++) {
            t += (long) (-Math.log(1 - random.nextDouble()) * 1e9 / 60); // Poisson at 3× the rate
            if (bucket.tryAcquire(t)) {
                passedAt[n++] = t;
            }
        }
        // The tightest windows start and end on passes: k passes in [a, b] need k <= burst + rate·(b − a).
        int first = 0;
        for (int last = 0; last < n; last++) {
            while (first < last && passedAt[last] - passedAt[first] > 10_000 * MS) {
                first++;
            }
            for (int k = first; k <= last; k++) {
                double allowed = 5 + 20 * (passedAt[last] - passedAt[k]) / 1e9;
                assertTrue(last - k + 1 <= allowed + 1e-9, "more than burst + rate·t passed");
            }
        }
    }

    @Test
    void aQuietBucketRefillsToItsBurstAndNoFurther() {
        TokenBucket bucket = new TokenBucket(10, 3);
        for (int i = 0; i < 3; i++) {
            assertTrue(bucket.tryAcquire(0));
        }
        assertFalse(bucket.tryAcquire(0));
        assertEquals(0.5, bucket.tokens(50 * MS), 1e-12);
        assertEquals(3, bucket.available(3600_000 * MS));
        assertEquals(3.0, bucket.tokens(3600_000 * MS));
    }

    @Test
    void reconfiguringKeepsTheTokensCappedAtTheNewBurstAndRefillsAtTheNewRate() {
        TokenBucket bucket = new TokenBucket(10, 20);
        bucket.reconfigure(100, 5, 0); // 20 tokens, capped at 5
        assertEquals(5.0, bucket.tokens(0));
        for (int i = 0; i < 5; i++) {
            assertTrue(bucket.tryAcquire(0));
        }
        assertFalse(bucket.tryAcquire(9 * MS));
        assertTrue(bucket.tryAcquire(10 * MS)); // one token after 10 ms at 100/s
        bucket.reconfigure(1, 50, 10 * MS); // the bucket is empty: 0 tokens kept
        assertEquals(0.0, bucket.tokens(10 * MS), 1e-12);
        assertEquals(2.0, bucket.tokens(2010 * MS), 1e-12);
    }
}
