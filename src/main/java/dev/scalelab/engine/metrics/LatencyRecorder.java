package dev.scalelab.engine.metrics;

import org.HdrHistogram.Histogram;

/**
 * Response-time distribution over the whole run and over the current interval, in HdrHistogram
 * with microsecond resolution and 3 significant digits (0.1% relative error) up to one hour.
 */
public final class LatencyRecorder {
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final Histogram total = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram interval = new Histogram(HIGHEST_MICROS, 3);

    public void recordNanos(long latencyNanos) {
        long micros = Math.min(HIGHEST_MICROS, Math.max(0, latencyNanos / 1000));
        total.recordValue(micros);
        interval.recordValue(micros);
    }

    public LatencySummary total() {
        return summarize(total);
    }

    /**
     * One percentile of the whole run in whole microseconds (the highest value of its bucket), or
     * -1 when empty: a single walk of the histogram, where {@link #total()} makes seven.
     */
    public long totalPercentileMicros(double percentile) {
        return total.getTotalCount() == 0 ? -1 : total.getValueAtPercentile(percentile);
    }

    /** Summary of the values recorded since the last call, then starts a new interval. */
    public LatencySummary takeInterval() {
        LatencySummary s = summarize(interval);
        interval.reset();
        return s;
    }

    /** One percentile of the current interval in ms (NaN when empty), then starts a new interval. */
    public double takeIntervalPercentileMs(double percentile) {
        double ms = interval.getTotalCount() == 0 ? Double.NaN : interval.getValueAtPercentile(percentile) / 1000.0;
        interval.reset();
        return ms;
    }

    public void reset() {
        total.reset();
        interval.reset();
    }

    private static LatencySummary summarize(Histogram h) {
        long count = h.getTotalCount();
        if (count == 0) {
            return LatencySummary.EMPTY;
        }
        return new LatencySummary(count, h.getMean() / 1000.0,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0,
                h.getMaxValue() / 1000.0);
    }
}
