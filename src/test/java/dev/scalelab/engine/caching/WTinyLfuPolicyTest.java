package dev.scalelab.engine.caching;

import dev.scalelab.sim.KeySampler;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** W-TinyLFU against Caffeine v3.2.4's semantics as engines.md §4.1 states them. */
class WTinyLfuPolicyTest {

    private static WTinyLfuPolicy policy(int capacity, SplittableRandom random) {
        return new WTinyLfuPolicy(capacity, new int[capacity + 1], random, slot -> { });
    }

    private static WTinyLfuPolicy policyOf(CacheLevel level) {
        return (WTinyLfuPolicy) level.policy();
    }

    @Test
    void regionsAreOnePercentWindowAndEightyPercentOfMainProtected() {
        WTinyLfuPolicy small = policy(50, new SplittableRandom(1));
        assertEquals(1, small.windowMaximum()); // 50 - (long) 49.5
        assertEquals(39, small.protectedMaximum()); // (long) (0.8 x 49)
        WTinyLfuPolicy large = policy(10_000, new SplittableRandom(1));
        assertEquals(100, large.windowMaximum());
        assertEquals(7920, large.protectedMaximum());
    }

    @Test
    void theSketchStartsWhenTheCacheIsHalfFull() {
        CacheLevel level = Levels.level("w-tinylfu", 100, 1);
        for (int key = 0; key < 49; key++) {
            level.put(key, 0, 0, 0, false);
        }
        assertFalse(policyOf(level).sketch().isInitialized());
        level.put(49, 0, 0, 0, false);
        FrequencySketch sketch = policyOf(level).sketch();
        assertTrue(sketch.isInitialized());
        assertEquals(1000, sketch.sampleSize()); // 10 x max
        assertEquals(1, sketch.frequency(49)); // the 50th insert is the first one counted
        assertEquals(0, sketch.frequency(48));
    }

    @Test
    void countersSaturateAtFifteenAndAgingHalvesThem() {
        FrequencySketch sketch = new FrequencySketch();
        sketch.ensureCapacity(64); // 64 longs, sample size 640
        for (int i = 0; i < 20; i++) {
            sketch.increment(7);
        }
        assertEquals(15, sketch.frequency(7));
        int key = 1000;
        int sizeBefore = sketch.size();
        while (sketch.size() >= sizeBefore) { // until the 640th counted increment resets the sketch
            sizeBefore = sketch.size();
            sketch.increment(key++);
        }
        assertEquals(7, sketch.frequency(7)); // 15 >>> 1
        assertTrue(sketch.size() < 320); // (640 - odd/4) / 2; measured 258
    }

    @Test
    void admissionNeedsAHigherFrequencyAndWarmCandidatesWinOneTimeIn128() {
        WTinyLfuPolicy policy = policy(64, new SplittableRandom(5));
        policy.sketch().ensureCapacity(64);
        for (int i = 0; i < 6; i++) {
            policy.sketch().increment(1); // candidate 1: frequency 6
            policy.sketch().increment(2); // victim 2: frequency 6, then 7
        }
        policy.sketch().increment(2);
        for (int i = 0; i < 5; i++) {
            policy.sketch().increment(3); // candidate 3: frequency 5
        }
        assertTrue(policy.admit(2, 1)); // 7 > 6
        int admittedWarm = 0;
        int admittedCool = 0;
        for (int trial = 0; trial < 128_000; trial++) {
            admittedWarm += policy.admit(1, 2) ? 1 : 0; // 6 < 7 but >= 6: the 1/128 lottery
            admittedCool += policy.admit(3, 2) ? 1 : 0; // 5: never
        }
        assertEquals(1000, admittedWarm, 100); // expected 1000, sd 31; measured 983
        assertEquals(0, admittedCool);
    }

    @Test
    void aCandidateTooRareForTheMainSpaceIsEvictedAtOnce() {
        CacheLevel level = Levels.level("w-tinylfu", 50, 1);
        for (int round = 0; round < 3; round++) {
            for (int key = 0; key < 50; key++) {
                Levels.access(level, key, 0); // keys 0-49 are seen three times
            }
        }
        Levels.access(level, 1000, 0); // new key in the window pushes key 49 out as a candidate: 3 vs 3 keeps the victim
        Levels.access(level, 1001, 0); // 1000 (frequency 1) now faces probation's oldest: rejected
        assertFalse(level.contains(1000, 0));
        assertTrue(level.contains(1001, 0)); // in the window
        assertEquals(2, level.stats().evictions());

        int[] keys = new int[51];
        int[] residentsByRegion = new int[3];
        for (int slot = 0; slot < level.snapshotKeys(51, keys); slot++) {
            if (keys[slot] != CacheLevel.EMPTY_SLOT) {
                residentsByRegion[level.segmentOf(slot)]++;
            }
        }
        assertEquals(WTinyLfuPolicy.WINDOW, level.segmentOf(level.slotOf(1001)));
        assertEquals(1, residentsByRegion[WTinyLfuPolicy.WINDOW]);
        assertEquals(10, residentsByRegion[WTinyLfuPolicy.PROBATION]);
        assertEquals(39, residentsByRegion[WTinyLfuPolicy.PROTECTED]);
    }

    @Test
    void theFirstClimbShrinksTheWindowToOneEntry() {
        // A sample is 10 x max = 10,000 requests after the sketch starts; the first step is -6.25% of
        // max (-62), but the window (10) can only give 9 to protected.
        CacheLevel level = Levels.level("w-tinylfu", 1000, 1);
        Levels.irmHitRatio(level, new KeySampler.Zipf(0.9, 100_000), new SplittableRandom(3), 0, 15_000);
        assertEquals(1, policyOf(level).windowMaximum());
        assertEquals(801, policyOf(level).protectedMaximum());
    }

    @Test
    void theClimberGrowsTheWindowWhenRecencyPays() {
        // A working set of 800 keys sliding by 400 every 5,000 requests: frequency history misleads.
        CacheLevel level = Levels.level("w-tinylfu", 1000, 7);
        long t = 0;
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < 5000; i++) {
                Levels.access(level, round * 400 + (i % 800), t++);
            }
        }
        assertEquals(127, policyOf(level).windowMaximum());
        assertEquals(675, policyOf(level).protectedMaximum()); // 990 - 127 = 863 main; protected gave up 117
    }
}
