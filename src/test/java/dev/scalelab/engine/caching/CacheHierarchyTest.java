package dev.scalelab.engine.caching;

import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hierarchy in virtual time: an in-process L1 (1 ms) per instance, a shared L2 (5 ms), a
 * store that reads in 20 ms and writes in 10 ms.
 */
class CacheHierarchyTest {
    private static final long MS = Simulation.NANOS_PER_MILLI;

    private final Simulation simulation = new Simulation();
    private final FixedLatencyStore store = new FixedLatencyStore(simulation, 20, 10);

    /** What one request saw: when it completed, which level served it, and whether it was stale. */
    private record Completion(long atNanos, int servedBy, boolean stale) {
    }

    private final List<Completion> completions = new ArrayList<>();

    private CacheHierarchy hierarchy(WritePolicy writePolicy, boolean exclusive, boolean coalescing, int l1Capacity) {
        CacheHierarchyConfig config = new CacheHierarchyConfig(List.of(
                new CacheLevelConfig("L1", Scope.INSTANCE, l1Capacity, "lru", 0, 0, 1),
                new CacheLevelConfig("L2", Scope.SHARED, 100, "lru", 0, 0, 5)),
                exclusive, writePolicy, 1000, coalescing, 0, 16);
        return new CacheHierarchy(simulation, config, store, new SplittableRandom(1));
    }

    private CacheHierarchy inclusive(WritePolicy writePolicy) {
        return hierarchy(writePolicy, false, true, 10);
    }

    private void request(CacheHierarchy cache, int key, int instance, boolean isRead) {
        cache.get(key, instance, isRead,
                (servedBy, stale) -> completions.add(new Completion(simulation.nowNanos(), servedBy, stale)));
    }

    private Completion readAndRun(CacheHierarchy cache, int key, int instance) {
        request(cache, key, instance, true);
        simulation.runUntil(simulation.nowNanos() + 1000 * MS);
        return completions.get(completions.size() - 1);
    }

    @Test
    void aMissEverywhereLoadsOnceAndFillsBothLevels() {
        CacheHierarchy cache = inclusive(WritePolicy.CACHE_ASIDE);
        Completion first = readAndRun(cache, 7, 0);
        assertEquals(26 * MS, first.atNanos()); // 1 + 5 + 20
        assertEquals(CacheHierarchy.SERVED_BY_STORE, first.servedBy());
        assertTrue(cache.levelCopy(0, 0).contains(7, simulation.nowNanos()));
        assertTrue(cache.levelCopy(1, 0).contains(7, simulation.nowNanos()));

        long start = simulation.nowNanos();
        Completion second = readAndRun(cache, 7, 0);
        assertEquals(start + MS, second.atNanos());
        assertEquals(0, second.servedBy());
    }

    @Test
    void anL2HitIsPromotedIntoTheAskingInstancesL1() {
        CacheHierarchy cache = inclusive(WritePolicy.CACHE_ASIDE);
        readAndRun(cache, 7, 0);
        assertNull(cache.levelCopy(0, 1)); // instance 1 has no L1 yet

        long start = simulation.nowNanos();
        Completion fromL2 = readAndRun(cache, 7, 1);
        assertEquals(start + 6 * MS, fromL2.atNanos());
        assertEquals(1, fromL2.servedBy());
        assertTrue(cache.levelCopy(0, 1).contains(7, simulation.nowNanos()));
        assertEquals(0, readAndRun(cache, 7, 1).servedBy());

        assertEquals(2, cache.levelCount());
        assertEquals(2, cache.levelCopies(0).size()); // one L1 per instance
        assertEquals(1, cache.levelCopies(1).size());
        LevelStats l1 = cache.levelStats(0); // summed over instances 0 and 1
        assertEquals(2, l1.misses());
        assertEquals(1, l1.hits());
        assertEquals(20, l1.capacity());
        LevelStats l2 = cache.levelStats(1);
        assertEquals(1, l2.misses());
        assertEquals(1, l2.hits());
        HierarchyStats stats = cache.stats();
        assertEquals(3, stats.reads());
        assertEquals(2, stats.cacheReads());
        assertEquals(1, stats.storeLoads());
        assertEquals(2.0 / 3, stats.hitRatio(), 1e-12);
    }

    @Test
    void coalescingTurnsFiftyConcurrentMissesOfAnExpiredHotKeyIntoOneLoad() {
        CacheHierarchy cache = inclusive(WritePolicy.CACHE_ASIDE);
        readAndRun(cache, 7, 0);
        cache.expireNow(7);
        assertEquals(1, cache.levelStats(0).expiries());
        assertEquals(1, cache.levelStats(1).expiries());
        for (int i = 0; i < 50; i++) {
            request(cache, 7, i % 5, true);
        }
        simulation.runUntil(simulation.nowNanos() + 1000 * MS);
        assertEquals(2, store.readsByKey.get(7)); // the first load and one for the stampede
        HierarchyStats stats = cache.stats();
        assertEquals(2, stats.storeLoads());
        assertEquals(49, stats.coalescedReads());
        assertEquals(0, stats.duplicateLoads());
        assertEquals(51, stats.reads());
    }

    @Test
    void withoutCoalescingEveryConcurrentMissLoads() {
        CacheHierarchy cache = hierarchy(WritePolicy.CACHE_ASIDE, false, false, 10);
        readAndRun(cache, 7, 0);
        cache.expireNow(7);
        for (int i = 0; i < 50; i++) {
            request(cache, 7, i % 5, true);
        }
        simulation.runUntil(simulation.nowNanos() + 6 * MS + 1);
        assertEquals(50, cache.loadsInFlight(7));
        simulation.runUntil(simulation.nowNanos() + 1000 * MS);
        assertEquals(51, store.readsByKey.get(7));
        assertEquals(49, cache.stats().duplicateLoads());
        assertEquals(0, cache.loadsInFlight(7));
    }

    @Test
    void writeBackAcknowledgesAtOnceAndLosesUnflushedWritesWhenTheLevelFails() {
        CacheHierarchy cache = inclusive(WritePolicy.WRITE_BACK);
        for (int key = 1; key <= 5; key++) {
            request(cache, key, 0, false);
        }
        simulation.runUntil(500 * MS);
        assertEquals(5 * MS, completions.get(0).atNanos()); // acknowledged once L2 (the slower) has it
        assertEquals(1, completions.get(0).servedBy()); // L2 holds the dirty copies
        assertEquals(5, cache.levelStats(1).dirtyEntries());
        assertEquals(0, store.writes);

        cache.failLevel(1);
        assertEquals(5, cache.levelStats(1).lostDirtyWrites());
        assertEquals(0, cache.levelStats(1).occupancy());
        simulation.runUntil(2000 * MS); // the flush timers find nothing to flush
        assertEquals(0, store.writes);

        // Instance 1 has no L1 copy: it loads version 0 from the store after version 1 was acknowledged.
        assertTrue(readAndRun(cache, 3, 1).stale());
        assertEquals(1, cache.stats().staleReads());
    }

    @Test
    void writeBackFlushesAfterTheDelayAndOnAFlushAction() {
        CacheHierarchy cache = inclusive(WritePolicy.WRITE_BACK);
        request(cache, 1, 0, false);
        simulation.runUntil(1004 * MS);
        assertEquals(0, store.writes);
        simulation.runUntil(1005 * MS); // acknowledged at 5 ms, flushed 1000 ms later
        assertEquals(1, store.writes);
        assertEquals(0, cache.levelStats(1).dirtyEntries());

        request(cache, 2, 0, false);
        simulation.runUntil(1100 * MS);
        cache.flushAll(); // the dirty copy is written back, not lost
        assertEquals(2, store.writes);
        assertEquals(0, cache.levelStats(1).lostDirtyWrites());
        simulation.runUntil(3000 * MS);
        assertEquals(2, store.writes);
        assertFalse(readAndRun(cache, 2, 1).stale());
    }

    @Test
    void cacheAsideLeavesAStaleCopyWhenAReloadRacesTheInvalidation() {
        CacheHierarchy cache = inclusive(WritePolicy.CACHE_ASIDE);
        request(cache, 7, 0, true); // misses at 1 and 6 ms, reads the store (version 0) from 6 to 26 ms
        simulation.runUntil(2 * MS);
        request(cache, 7, 0, false); // store write 2-12 ms, invalidations at 13 and 17 ms, ack at 17 ms
        simulation.runUntil(100 * MS);
        assertEquals(17 * MS, completions.get(0).atNanos());
        Completion racingRead = completions.get(1);
        assertEquals(26 * MS, racingRead.atNanos());
        assertFalse(racingRead.stale()); // it began before the write was acknowledged
        assertEquals(0, cache.levelStats(0).invalidations()); // nothing was cached yet at 13 and 17 ms
        assertEquals(0, cache.levelStats(1).invalidations());

        Completion later = readAndRun(cache, 7, 0); // the fill at 26 ms put version 0 back
        assertEquals(0, later.servedBy());
        assertTrue(later.stale());
        assertEquals(1, cache.stats().staleReads());
    }

    @Test
    void writeThroughLeavesNoStaleCopyBehind() {
        CacheHierarchy cache = inclusive(WritePolicy.WRITE_THROUGH);
        request(cache, 7, 0, true);
        simulation.runUntil(2 * MS);
        request(cache, 7, 0, false); // copies updated at 3 and 7 ms, store 7-17 ms, ack at 17 ms
        simulation.runUntil(100 * MS);
        assertEquals(17 * MS, completions.get(0).atNanos());
        assertEquals(1, store.writes);
        Completion later = readAndRun(cache, 7, 0); // the late fill of version 0 did not replace version 1
        assertEquals(0, later.servedBy());
        assertFalse(later.stale());
        assertEquals(0, cache.stats().staleReads());
    }

    @Test
    void writeAroundLeavesTheCachedCopyUntilItsTtl() {
        CacheHierarchy cache = inclusive(WritePolicy.WRITE_AROUND);
        readAndRun(cache, 7, 0);
        request(cache, 7, 0, false);
        simulation.runUntil(simulation.nowNanos() + 100 * MS);
        assertEquals(1, store.writes);
        assertTrue(readAndRun(cache, 7, 0).stale());
        assertFalse(readAndRun(cache, 8, 0).stale()); // never written: the next read misses to the store
    }

    @Test
    void anExclusiveHierarchyKeepsOneCopyAndDemotesEvictions() {
        CacheHierarchy cache = hierarchy(WritePolicy.CACHE_ASIDE, true, true, 2);
        readAndRun(cache, 1, 0);
        assertTrue(cache.levelCopy(0, 0).contains(1, simulation.nowNanos()));
        assertFalse(cache.levelCopy(1, 0).contains(1, simulation.nowNanos()));
        readAndRun(cache, 2, 0);
        readAndRun(cache, 3, 0); // L1 holds 2 entries: key 1 is evicted into L2
        assertFalse(cache.levelCopy(0, 0).contains(1, simulation.nowNanos()));
        assertTrue(cache.levelCopy(1, 0).contains(1, simulation.nowNanos()));

        assertEquals(1, readAndRun(cache, 1, 0).servedBy()); // hit in L2, moved up; key 2 moves down
        assertTrue(cache.levelCopy(0, 0).contains(1, simulation.nowNanos()));
        assertFalse(cache.levelCopy(1, 0).contains(1, simulation.nowNanos()));
        assertTrue(cache.levelCopy(1, 0).contains(2, simulation.nowNanos()));
        assertEquals(3, cache.stats().storeLoads());
    }

    @Test
    void aDroppedInstanceTakesItsCopyButNotItsCounts() {
        CacheHierarchy cache = inclusive(WritePolicy.CACHE_ASIDE);
        readAndRun(cache, 7, 3);
        readAndRun(cache, 7, 3);
        cache.dropInstance(3);
        assertNull(cache.levelCopy(0, 3));
        assertEquals(1, cache.levelStats(0).hits());
        assertEquals(0, cache.levelStats(0).occupancy());
        assertEquals(1, cache.levelStats(1).occupancy());
    }
}
