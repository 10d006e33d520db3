package dev.scalelab.engine.caching;

import dev.scalelab.sim.KeySampler;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Belady's MIN as Caffeine's ClairvoyantPolicy computes it (engines.md §4.3). */
class BeladyTest {

    @Test
    void aCyclicTraceKeepsTheTwoKeysNeededSoonest() {
        // Capacity 2, trace 1 2 3 1 2 3:
        // 1 miss {1}; 2 miss {1,2}; 3 miss, next uses 1@3 2@4 3@5: 3 is farthest and bypassed {1,2};
        // 1 hit; 2 hit; 3 miss. 2 hits (LRU would have none).
        assertEquals(2, Belady.hits(new int[] {1, 2, 3, 1, 2, 3}, 2));
    }

    @Test
    void theTextbookReferenceStringGetsTwelveHitsWithBypass() {
        // Silberschatz's string, 3 frames. Misses at positions 0 (7), 1 (0), 2 (1), 3 (2: evict 7,
        // next at 17), 5 (3: evict 1, next at 13), 7 (4: never used again, bypassed; demand-paging
        // OPT would evict 0 and miss it at 10), 13 (1: evict 3, never used again), 17 (7: evict 2
        // or 7, both never used again). 8 misses, 12 hits; OPT without bypass has 9 faults.
        int[] trace = {7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1};
        assertEquals(12, Belady.hits(trace, 3));
    }

    @Test
    void edgeCapacitiesHitNothingOrEveryRepeat() {
        int[] trace = {4, 4, 5, 4, 5, 6};
        assertEquals(0, Belady.hits(trace, 0));
        assertEquals(3, Belady.hits(trace, 3)); // every repeat: 4, 4, 5
        assertEquals(2, Belady.hits(trace, 1)); // 4 4 hit, 5 bypassed, 4 hit, 5 and 6 miss
    }

    @Test
    void nextUsesPointToTheSameKeysNextPositionOrPastTheEnd() {
        assertArrayEquals(new int[] {2, 3, 7, 8, 9}, Belady.nextUses(new int[] {1, 2, 1, 2, 9}));
    }

    @Test
    void minOverAZipfTraceMatchesTheTableAndBoundsEveryPolicy() {
        KeySampler zipf = new KeySampler.Zipf(0.8, 1000);
        SplittableRandom random = new SplittableRandom(1);
        int[] trace = new int[300_000];
        for (int i = 0; i < trace.length; i++) {
            trace[i] = zipf.sample(random);
        }
        double min = Belady.hits(trace, 100) / (double) trace.length;
        assertEquals(0.629, min, 0.003); // measured 0.6294
        for (String policy : EvictionPolicy.NAMES) {
            CacheLevel level = Levels.level(policy, 100, 7);
            long hits = 0;
            for (int i = 0; i < trace.length; i++) {
                hits += Levels.access(level, trace[i], i) ? 1 : 0;
            }
            assertTrue(hits / (double) trace.length < min, policy);
        }
    }

    @Test
    void theTraceRecorderKeepsTheLastKeysOldestFirst() {
        KeyTraceRecorder recorder = new KeyTraceRecorder(4);
        for (int key = 1; key <= 6; key++) {
            recorder.record(key);
        }
        assertEquals(6, recorder.recorded());
        assertArrayEquals(new int[] {3, 4, 5, 6}, recorder.toArray());
        assertEquals(2, Belady.hits(new int[] {3, 4, 3, 4}, 2));
    }

    @Test
    void warmUpRequestsAreServedButNotCounted() {
        // 1 2 1 2 | 1 2 with room for 2: the first two requests are compulsory misses, then every
        // request hits. Counting from position 4, both counted requests hit.
        int[] trace = {1, 2, 1, 2, 1, 2};
        assertEquals(4, Belady.hits(trace, 2));
        assertEquals(2, Belady.hits(trace, 2, 4));
        // With room for 1, MIN bypasses 2 (needed later than 1) and keeps 1, which hits at 2 and 4.
        assertEquals(2, Belady.hits(trace, 1));
        assertEquals(1, Belady.hits(trace, 1, 4));
    }
}
