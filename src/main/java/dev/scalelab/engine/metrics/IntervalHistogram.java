package dev.scalelab.engine.metrics;

import org.HdrHistogram.Histogram;

/**
 * One interval's latencies in exactly the buckets of an HdrHistogram with 3 significant digits
 * and a unit of 1 (2,048 sub-buckets, the upper half of each for the buckets above the first),
 * that also remembers the lowest and highest bucket it has filled. Summarizing and clearing then
 * go over those buckets alone: HdrHistogram's reset clears all 180 KB of its counts and its
 * lookups by value recompute the bucket at every step, once per simulated second, which was most
 * of the default scenario's per-second sample. The figures are HdrHistogram's to the bit (see
 * LatencyRecorderTest); equivalent values come from a reference Histogram of the same layout.
 *
 * <p>A bitmap marks the buckets filled, so the walks go from filled bucket to filled bucket: a
 * second's few hundred latencies spread from 1 ms to 1 s over some ten thousand buckets, and
 * stepping over the empty ones one by one was a few per cent of the default scenario's run.
 */
final class IntervalHistogram {
    private static final int SUB_BUCKET_HALF_COUNT_MAGNITUDE = 10;
    private static final int SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_COUNT_MAGNITUDE;
    private static final long SUB_BUCKET_MASK = 2L * SUB_BUCKET_HALF_COUNT - 1;
    /** 64 minus the unit magnitude (0) minus the sub-bucket count's magnitude (11). */
    private static final int LEADING_ZERO_COUNT_BASE = 64 - 11;

    /** Of the same layout, for its equivalent-value arithmetic only; it records nothing. */
    private final Histogram layout;
    private final long[] counts;
    /** Bit i of word i / 64 is set when counts[i] is not 0. */
    private final long[] filled;
    private long totalCount;
    private int lowestIndex = Integer.MAX_VALUE;
    private int highestIndex = -1;

    IntervalHistogram(long highestTrackableValue) {
        layout = new Histogram(highestTrackableValue, 3);
        counts = new long[index(highestTrackableValue) + 1];
        filled = new long[(counts.length + 63) >>> 6];
    }

    /** The first filled bucket at or after {@code from}, or -1; {@code from} at most the highest filled. */
    private int nextFilled(int from) {
        int word = from >>> 6;
        long bits = filled[word] & (-1L << from);
        while (bits == 0) {
            if (++word > (highestIndex >>> 6)) {
                return -1;
            }
            bits = filled[word];
        }
        return (word << 6) + Long.numberOfTrailingZeros(bits);
    }

    /** HdrHistogram's countsArrayIndex for a unit magnitude of 0. */
    static int index(long value) {
        int bucket = LEADING_ZERO_COUNT_BASE - Long.numberOfLeadingZeros(value | SUB_BUCKET_MASK);
        int subBucket = (int) (value >>> bucket);
        return ((bucket + 1) << SUB_BUCKET_HALF_COUNT_MAGNITUDE) + (subBucket - SUB_BUCKET_HALF_COUNT);
    }

    /** HdrHistogram's valueFromIndex: the lowest value of bucket {@code index}. */
    static long valueOf(int index) {
        int bucket = (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
        int subBucket = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
        if (bucket < 0) {
            subBucket -= SUB_BUCKET_HALF_COUNT;
            bucket = 0;
        }
        return (long) subBucket << bucket;
    }

    /**
     * The width of bucket {@code index}: HdrHistogram's sizeOfEquivalentValueRange of its lowest
     * value, so that value's median equivalent is valueOf + width / 2 and its highest equivalent
     * valueOf + width - 1, found here without the layout's lookups by value (once per filled bucket
     * every simulated second).
     */
    static long widthOf(int index) {
        return 1L << Math.max(0, (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1);
    }

    /** Records a value from 0 to the highest trackable value. */
    void record(long value) {
        int i = index(value);
        counts[i]++;
        filled[i >>> 6] |= 1L << i;
        totalCount++;
        if (i < lowestIndex) {
            lowestIndex = i;
        }
        if (i > highestIndex) {
            highestIndex = i;
        }
    }

    long totalCount() {
        return totalCount;
    }

    void reset() {
        if (highestIndex >= 0) {
            for (int i = nextFilled(lowestIndex); i >= 0; i = i == highestIndex ? -1 : nextFilled(i + 1)) {
                counts[i] = 0;
            }
            for (int w = lowestIndex >>> 6; w <= highestIndex >>> 6; w++) {
                filled[w] = 0;
            }
        }
        totalCount = 0;
        lowestIndex = Integer.MAX_VALUE;
        highestIndex = -1;
    }

    /** As {@link LatencyRecorder#summarize(Histogram)}: mean, p50, p90, p99, p99.9 and max, in ms. */
    LatencySummary summarize() {
        long count = totalCount;
        if (count == 0) {
            return LatencySummary.EMPTY;
        }
        long need50 = LatencyRecorder.countAtPercentile(50, count);
        long need90 = LatencyRecorder.countAtPercentile(90, count);
        long need99 = LatencyRecorder.countAtPercentile(99, count);
        long need999 = LatencyRecorder.countAtPercentile(99.9, count);
        long p50 = -1;
        long p90 = -1;
        long p99 = -1;
        long p999 = -1;
        double sum = 0;
        long seen = 0;
        for (int i = lowestIndex; i >= 0; i = i == highestIndex ? -1 : nextFilled(i + 1)) {
            long c = counts[i];
            long v = valueOf(i);
            long width = widthOf(i);
            sum += (double) (v + (width >> 1)) * (double) c;
            long before = seen;
            seen += c;
            if (seen >= need50 && before < need999) {
                long top = v + width - 1;
                if (p50 < 0) {
                    p50 = top;
                }
                if (p90 < 0 && seen >= need90) {
                    p90 = top;
                }
                if (p99 < 0 && seen >= need99) {
                    p99 = top;
                }
                if (p999 < 0 && seen >= need999) {
                    p999 = top;
                }
            }
        }
        double mean = sum * 1.0 / count;
        long max = layout.highestEquivalentValue(valueOf(highestIndex));
        return new LatencySummary(count, mean / 1000.0, p50 / 1000.0, p90 / 1000.0, p99 / 1000.0, p999 / 1000.0,
                max / 1000.0);
    }

    /** As HdrHistogram's getValueAtPercentile for a percentile above 0; -1 when empty. */
    long valueAtPercentile(double percentile) {
        if (totalCount == 0) {
            return -1;
        }
        long need = LatencyRecorder.countAtPercentile(percentile, totalCount);
        long seen = 0;
        for (int i = lowestIndex; i >= 0; i = i == highestIndex ? -1 : nextFilled(i + 1)) {
            seen += counts[i];
            if (seen >= need) {
                return layout.highestEquivalentValue(valueOf(i));
            }
        }
        return layout.highestEquivalentValue(valueOf(highestIndex)); // not reached: need <= totalCount
    }
}
