package dev.scalelab.engine.metrics;

import org.HdrHistogram.Histogram;

/**
 * Response-time distribution over the whole run and over the current interval, in HdrHistogram
 * with microsecond resolution and 3 significant digits (0.1% relative error) up to one hour.
 */
public final class LatencyRecorder {
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    /** The whole run's histogram; null for a recorder of intervals alone. */
    private final Histogram total;
    private final IntervalHistogram interval = new IntervalHistogram(HIGHEST_MICROS);

    public LatencyRecorder() {
        this(true);
    }

    private LatencyRecorder(boolean keepsTotal) {
        total = keepsTotal ? new Histogram(HIGHEST_MICROS, 3) : null;
    }

    /**
     * A recorder of intervals alone, for a window its owner takes and reads (an autoscaler's
     * latency window): it keeps no whole-run histogram, whose record on every request and 180 KB
     * such a window would pay for nothing. Its whole-run methods throw IllegalStateException.
     */
    public static LatencyRecorder intervalOnly() {
        return new LatencyRecorder(false);
    }

    public void recordNanos(long latencyNanos) {
        long micros = Math.min(HIGHEST_MICROS, Math.max(0, latencyNanos / 1000));
        if (total != null) {
            total.recordValue(micros);
        }
        interval.record(micros);
    }

    public LatencySummary total() {
        return summarize(whole());
    }

    private Histogram whole() {
        if (total == null) {
            throw new IllegalStateException("a recorder of intervals alone keeps no whole-run figures");
        }
        return total;
    }

    /**
     * One percentile of the whole run in whole microseconds (the highest value of its bucket), or
     * -1 when empty: a single walk of the histogram, where {@link #total()} makes seven.
     */
    public long totalPercentileMicros(double percentile) {
        return whole().getTotalCount() == 0 ? -1 : total.getValueAtPercentile(percentile);
    }

    /** Summary of the values recorded since the last call, then starts a new interval. */
    public LatencySummary takeInterval() {
        LatencySummary s = interval.summarize();
        interval.reset();
        return s;
    }

    /** One percentile of the current interval in ms (NaN when empty); the interval goes on (a watcher reads it before its owner takes it). */
    public double intervalPercentileMs(double percentile) {
        return interval.totalCount() == 0 ? Double.NaN : interval.valueAtPercentile(percentile) / 1000.0;
    }

    /** Values recorded since t = 0 (a counter: no walk of the histogram). */
    public long totalCount() {
        return whole().getTotalCount();
    }

    /** One percentile of the current interval in ms (NaN when empty), then starts a new interval. */
    public double takeIntervalPercentileMs(double percentile) {
        double ms = interval.totalCount() == 0 ? Double.NaN : interval.valueAtPercentile(percentile) / 1000.0;
        interval.reset();
        return ms;
    }

    /**
     * HdrHistogram's getValueAtPercentile (for a percentile above 0), walking from the lowest
     * recorded value instead of from zero; the same value, as {@link #summarize} finds it.
     */
    static long valueAtPercentile(Histogram h, double percentile) {
        long need = countAtPercentile(percentile, h.getTotalCount());
        long seen = 0;
        long max = h.getMaxValue();
        for (long v = h.lowestEquivalentValue(h.getMinValue()); v <= max; v = h.nextNonEquivalentValue(v)) {
            seen += h.getCountAtValue(v);
            if (seen >= need) {
                return h.highestEquivalentValue(v);
            }
        }
        return h.getValueAtPercentile(percentile); // not reached: the walk ends at the highest recorded bucket
    }

    public void reset() {
        if (total != null) {
            total.reset();
        }
        interval.reset();
    }

    /**
     * Mean, p50, p90, p99, p99.9 and max in one walk over the recorded buckets, from the lowest to the
     * highest recorded value. HdrHistogram's own getMean and getValueAtPercentile give the same numbers
     * but walk every bucket from zero (the mean through an iterator object per step) five times over;
     * at one summary per simulated second that walk was a fifth of the default scenario's wall time.
     * The figures are bit for bit HdrHistogram's (see LatencyRecorderTest): the mean sums
     * median-equivalent value x count in bucket order as getMean does, and a percentile is the
     * highest equivalent value of the first bucket where the running count reaches
     * max(1, ceil(p' x count / 100)), p' being the percentile nudged one ulp down, as getValueAtPercentile does.
     */
    static LatencySummary summarize(Histogram h) {
        long count = h.getTotalCount();
        if (count == 0) {
            return LatencySummary.EMPTY;
        }
        long need50 = countAtPercentile(50, count);
        long need90 = countAtPercentile(90, count);
        long need99 = countAtPercentile(99, count);
        long need999 = countAtPercentile(99.9, count);
        long p50 = -1;
        long p90 = -1;
        long p99 = -1;
        long p999 = -1;
        double sum = 0;
        long seen = 0;
        long max = h.getMaxValue(); // the highest equivalent value of the highest bucket recorded
        for (long v = h.lowestEquivalentValue(h.getMinValue()); v <= max; v = h.nextNonEquivalentValue(v)) {
            long c = h.getCountAtValue(v);
            if (c == 0) {
                continue;
            }
            sum += (double) h.medianEquivalentValue(v) * (double) c;
            seen += c;
            if (p999 < 0 && seen >= need999) {
                long top = h.highestEquivalentValue(v);
                p999 = top;
                if (p99 < 0) {
                    p99 = top;
                }
                if (p90 < 0) {
                    p90 = top;
                }
                if (p50 < 0) {
                    p50 = top;
                }
            } else if (p99 < 0 && seen >= need99) {
                long top = h.highestEquivalentValue(v);
                p99 = top;
                if (p90 < 0) {
                    p90 = top;
                }
                if (p50 < 0) {
                    p50 = top;
                }
            } else if (p90 < 0 && seen >= need90) {
                long top = h.highestEquivalentValue(v);
                p90 = top;
                if (p50 < 0) {
                    p50 = top;
                }
            } else if (p50 < 0 && seen >= need50) {
                p50 = h.highestEquivalentValue(v);
            }
        }
        double mean = sum * 1.0 / count;
        return new LatencySummary(count, mean / 1000.0, p50 / 1000.0, p90 / 1000.0, p99 / 1000.0, p999 / 1000.0,
                max / 1000.0);
    }

    /** HdrHistogram's getValueAtPercentile target: the running count its bucket must reach. */
    static long countAtPercentile(double percentile, long count) {
        double requested = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0), 100);
        return Math.max(1, (long) Math.ceil(requested * count / 100));
    }
}
