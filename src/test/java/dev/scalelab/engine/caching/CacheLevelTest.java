package dev.scalelab.engine.caching;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A level's expiry, XFetch, counters and views, in virtual nanoseconds. */
class CacheLevelTest {
    private static final long S = 1_000_000_000L;

    private static CacheLevel level(double ttlSeconds, double jitterFraction, double xfetchBeta, long seed) {
        return new CacheLevel(new CacheLevelConfig("L1", Scope.INSTANCE, 10, "lru", ttlSeconds, jitterFraction, 0),
                xfetchBeta, 8, new SplittableRandom(seed));
    }

    @Test
    void anEntryIsValidUntilOneNanosecondBeforeItsExpiry() {
        CacheLevel level = level(10, 0, 0, 1);
        level.put(5, 3 * S, 1, 0, false);
        long expiry = 13 * S;
        assertEquals(expiry, level.expiryNanosAt(level.slotOf(5)));
        assertTrue(level.lookup(5, expiry - 1) != CacheLevel.NOT_FOUND);
        assertEquals(CacheLevel.NOT_FOUND, level.lookup(5, expiry));
        LevelStats stats = level.stats();
        assertEquals(1, stats.hits());
        assertEquals(1, stats.misses());
        assertEquals(1, stats.expiries());
        assertEquals(0, stats.occupancy());
    }

    @Test
    void anOverwriteRestartsTheTimeToLive() {
        CacheLevel level = level(10, 0, 0, 1);
        level.put(5, 0, 1, 0, false);
        level.put(5, 4 * S, 2, 0, false);
        assertTrue(level.contains(5, 13 * S));
        assertFalse(level.contains(5, 14 * S));
        assertEquals(1, level.stats().expiries());
    }

    @Test
    void expiredEntriesLeaveAtTheNextOperationInExpiryOrder() {
        CacheLevel level = level(10, 0, 0, 1);
        level.put(1, 2 * S, 0, 0, false);
        level.put(2, 0, 0, 0, false);
        level.put(3, 5 * S, 0, 0, false);
        level.expireDue(12 * S);
        assertEquals(2, level.stats().expiries());
        assertEquals(1, level.size());
        CacheEventKind[] kinds = new CacheEventKind[8];
        int[] keys = new int[8];
        long[] at = new long[8];
        int n = level.events().copyNewest(2, kinds, keys, at);
        assertEquals(2, n);
        assertEquals(CacheEventKind.EXPIRE, kinds[0]);
        assertEquals(1, keys[0]); // newest first: key 2 (expiry 10 s) left before key 1 (12 s)
        assertEquals(2, keys[1]);
        assertEquals(12 * S, at[0]);
    }

    @Test
    void jitterLengthensEachTtlByLessThanTheFraction() {
        CacheLevel level = level(10, 0.2, 0, 9);
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (int key = 0; key < 10; key++) {
            level.put(key, 0, 0, 0, false);
            long expiry = level.expiryNanosAt(level.slotOf(key));
            shortest = Math.min(shortest, expiry);
            longest = Math.max(longest, expiry);
        }
        assertTrue(shortest >= 10 * S);
        assertTrue(longest < 12 * S);
        assertTrue(longest - shortest > S); // ten draws spread over most of the 2 s
    }

    @Test
    void xfetchRefreshesEarlyWithProbabilityEToTheMinusGapOverDelta() {
        // P(now - delta ln U >= expiry) = e^-(expiry - now)/delta: 2 s before expiry with a 1 s
        // recompute, e^-2 = 0.1353.
        CacheLevel level = level(10, 0, 1.0, 1);
        level.put(5, 0, 1, S, false);
        int trials = 20_000;
        for (int i = 0; i < trials; i++) {
            level.lookup(5, 8 * S);
        }
        LevelStats stats = level.stats();
        assertEquals(Math.exp(-2), (double) stats.earlyRefreshes() / trials, 0.008); // measured 0.1346; sd 0.0024
        assertEquals(stats.earlyRefreshes(), stats.misses());
        assertEquals(1, stats.occupancy()); // the entry keeps serving the others
    }

    @Test
    void snapshotShowsKeysInStableSlots() {
        CacheLevel level = level(0, 0, 0, 1);
        level.put(40, 0, 0, 0, false);
        level.put(41, 0, 0, 0, false);
        level.put(42, 0, 0, 0, false);
        level.remove(41, 0, RemovalCause.EXPLICIT);
        int[] keys = new int[4];
        assertEquals(4, level.snapshotKeys(4, keys));
        assertArrayEquals(new int[] {40, CacheLevel.EMPTY_SLOT, 42, CacheLevel.EMPTY_SLOT}, keys);
        level.put(43, 0, 0, 0, false); // reuses the freed slot
        level.snapshotKeys(4, keys);
        assertArrayEquals(new int[] {40, 43, 42, CacheLevel.EMPTY_SLOT}, keys);
        assertEquals(1, level.stats().invalidations());
    }

    @Test
    void aFullLevelNeverHoldsMoreThanItsCapacity() {
        CacheLevel level = level(0, 0, 0, 1);
        for (int key = 0; key < 1000; key++) {
            level.put(key, key, 0, 0, false);
        }
        assertEquals(10, level.size());
        assertEquals(990, level.stats().evictions());
        assertTrue(level.contains(999, 1000) && level.contains(990, 1000) && !level.contains(989, 1000));
    }
}
