package dev.scalelab.ui.charts;

import dev.scalelab.world.Snapshot;

/**
 * When a panel's charts take new points: only when a new per-second sample exists, and at most
 * four times a wall second, so that at high speed the charts do not rebuild every frame. A sample
 * time that goes backwards (a reset) is taken at once. FX thread only.
 */
public final class ChartPacer {
    public static final long MIN_UPDATE_INTERVAL_NANOS = 250_000_000L;

    private double chartedUntilSeconds = Double.NaN;
    private long chartedAtNanos;

    /** The time of the newest per-second sample in {@code series}, or NaN before the first one. */
    public static double newestSampleSeconds(Snapshot.Series series) {
        return series.size() == 0 ? Double.NaN : series.timeSeconds()[series.size() - 1];
    }

    /** True when {@code newestSampleSeconds} has not been charted and the charts may redraw at {@code nowNanos}. */
    public boolean due(double newestSampleSeconds, long nowNanos) {
        if (Double.compare(newestSampleSeconds, chartedUntilSeconds) == 0) {
            return false;
        }
        boolean restarted = !(newestSampleSeconds > chartedUntilSeconds); // also the first points, and an empty series
        if (!restarted && nowNanos - chartedAtNanos < MIN_UPDATE_INTERVAL_NANOS) {
            return false;
        }
        chartedUntilSeconds = newestSampleSeconds;
        chartedAtNanos = nowNanos;
        return true;
    }
}
