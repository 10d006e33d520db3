package dev.scalelab.engine.data;

import java.util.Arrays;

/**
 * Queries counted in 100 ms buckets, so the load over the last full second can be read at any time
 * without changing anything (reading a view never alters the run).
 */
final class LoadWindow {
    static final long BUCKET_NANOS = 100_000_000L;
    static final int BUCKETS_PER_WINDOW = 10;

    private final long[] counts = new long[BUCKETS_PER_WINDOW + 1];
    private final long[] bucketOfSlot = new long[BUCKETS_PER_WINDOW + 1];

    LoadWindow() {
        Arrays.fill(bucketOfSlot, -1);
    }

    void add(long nowNanos) {
        long bucket = nowNanos / BUCKET_NANOS;
        int slot = (int) (bucket % counts.length);
        if (bucketOfSlot[slot] != bucket) {
            bucketOfSlot[slot] = bucket;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    /** Queries in the ten full buckets before the one containing {@code nowNanos}: one second. */
    long lastSecond(long nowNanos) {
        long current = nowNanos / BUCKET_NANOS;
        long sum = 0;
        for (int slot = 0; slot < counts.length; slot++) {
            long bucket = bucketOfSlot[slot];
            if (bucket >= current - BUCKETS_PER_WINDOW && bucket < current) {
                sum += counts[slot];
            }
        }
        return sum;
    }
}
