package dev.scalelab.engine.caching;

/**
 * The popularity estimate behind W-TinyLFU, with the semantics of Caffeine v3.2.4's
 * FrequencySketch: a count-min sketch of 4-bit counters (saturating at 15), depth 4, in a table of
 * ceilPow2(maximum) longs (at least 8) of 16 counters each; an item's four counters lie in one
 * 64-byte block of 8 longs, chosen by a spread of the key's hash; depth i uses the block's i-th
 * pair of longs, and a rehash picks the long of the pair and the counter in it. After sampleSize = 10 x maximum increments
 * that changed a counter, every counter is halved and size = (size - oddCounters/4) / 2 (TinyLFU's
 * reset). The table exists only after {@link #ensureCapacity}; until then every frequency is 0.
 * The key's hash is the int key itself, as Integer.hashCode is in Caffeine.
 */
final class FrequencySketch {
    private static final long RESET_MASK = 0x7777_7777_7777_7777L;
    private static final long ONE_MASK = 0x1111_1111_1111_1111L;

    private long[] table;
    private int sampleSize;
    private int blockMask;
    private int size;

    boolean isInitialized() {
        return table != null;
    }

    /** Creates (or grows) the table for a cache of {@code maximumSize}, forgetting all counts. */
    void ensureCapacity(long maximumSize) {
        int maximum = (int) Math.min(maximumSize, Integer.MAX_VALUE >>> 1);
        if (table != null && table.length >= maximum) {
            return;
        }
        table = new long[Math.max(ceilingPowerOfTwo(maximum), 8)];
        sampleSize = maximumSize == 0 ? 10 : 10 * maximum;
        if (sampleSize <= 0) {
            sampleSize = Integer.MAX_VALUE;
        }
        blockMask = (table.length >>> 3) - 1;
        size = 0;
    }

    /** The increments that trigger aging; also the hill climber's sample length. */
    int sampleSize() {
        return sampleSize;
    }

    /** Increments that changed a counter since the last aging. */
    int size() {
        return size;
    }

    int frequency(int key) {
        if (table == null) {
            return 0;
        }
        int blockHash = spread(key);
        int counterHash = rehash(blockHash);
        int block = (blockHash & blockMask) << 3;
        int frequency = Integer.MAX_VALUE;
        for (int depth = 0; depth < 4; depth++) {
            int h = counterHash >>> (depth << 3);
            int counter = (h >> 1) & 15;
            long word = table[block + (h & 1) + (depth << 1)];
            frequency = Math.min(frequency, (int) ((word >>> (counter << 2)) & 0xfL));
        }
        return frequency;
    }

    void increment(int key) {
        if (table == null) {
            return;
        }
        int blockHash = spread(key);
        int counterHash = rehash(blockHash);
        int block = (blockHash & blockMask) << 3;
        boolean changed = false;
        for (int depth = 0; depth < 4; depth++) {
            int h = counterHash >>> (depth << 3);
            changed |= incrementAt(block + (h & 1) + (depth << 1), (h >> 1) & 15);
        }
        if (changed && ++size == sampleSize) {
            reset();
        }
    }

    private boolean incrementAt(int index, int counter) {
        int shift = counter << 2;
        long mask = 0xfL << shift;
        if ((table[index] & mask) == mask) {
            return false;
        }
        table[index] += 1L << shift;
        return true;
    }

    private void reset() {
        int oddCounters = 0;
        for (int i = 0; i < table.length; i++) {
            oddCounters += Long.bitCount(table[i] & ONE_MASK);
            table[i] = (table[i] >>> 1) & RESET_MASK;
        }
        size = (size - (oddCounters >>> 2)) >>> 1;
    }

    private static int spread(int x) {
        x ^= x >>> 17;
        x *= 0xed5ad4bb;
        x ^= x >>> 11;
        x *= 0xac4c1b51;
        x ^= x >>> 15;
        return x;
    }

    private static int rehash(int x) {
        x *= 0x31848bab;
        x ^= x >>> 14;
        return x;
    }

    private static int ceilingPowerOfTwo(int x) {
        return x <= 1 ? 1 : Integer.highestOneBit(x - 1) << 1;
    }
}
