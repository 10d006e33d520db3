package dev.scalelab.engine.caching;

import dev.scalelab.sim.KeySampler;

import java.util.SplittableRandom;

/** Helpers to drive a single level with a key stream, outside the simulation. */
final class Levels {
    private Levels() {
    }

    static CacheLevel level(String policy, int capacity, long seed) {
        return new CacheLevel(new CacheLevelConfig("L", Scope.SHARED, capacity, policy, 0, 0, 0), 0, 16,
                new SplittableRandom(seed));
    }

    /** Runs {@code warmup} then {@code measured} IRM requests (get, put on miss); returns the measured hit ratio. */
    static double irmHitRatio(CacheLevel level, KeySampler keys, SplittableRandom random, int warmup, int measured) {
        long hits = 0;
        for (int i = 0; i < warmup + measured; i++) {
            boolean hit = access(level, keys.sample(random), i);
            if (hit && i >= warmup) {
                hits++;
            }
        }
        return (double) hits / measured;
    }

    /** One request at time {@code t} ns: a lookup, and a fill on a miss. */
    static boolean access(CacheLevel level, int key, long t) {
        if (level.lookup(key, t) != CacheLevel.NOT_FOUND) {
            return true;
        }
        level.put(key, t, 0, 0, false);
        return false;
    }
}
