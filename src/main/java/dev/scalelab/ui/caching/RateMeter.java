package dev.scalelab.ui.caching;

/**
 * A per-second rate from a running total seen in successive frames: the increase over at least one
 * virtual second, so a figure holds still long enough to read and does not jump with every frame.
 * A total that goes back or a clock that goes back (a new run) starts over.
 */
final class RateMeter {
    private static final double WINDOW_SECONDS = 1.0;

    private double windowStartSeconds = Double.NaN;
    private long windowStartTotal;
    private double perSecond = Double.NaN;

    void update(double timeSeconds, long total) {
        if (Double.isNaN(windowStartSeconds) || timeSeconds < windowStartSeconds || total < windowStartTotal) {
            windowStartSeconds = timeSeconds;
            windowStartTotal = total;
            perSecond = Double.NaN;
            return;
        }
        double elapsed = timeSeconds - windowStartSeconds;
        if (elapsed >= WINDOW_SECONDS) {
            perSecond = (total - windowStartTotal) / elapsed;
            windowStartSeconds = timeSeconds;
            windowStartTotal = total;
        }
    }

    /** The rate over the last full window, or NaN before one has passed. */
    double perSecond() {
        return perSecond;
    }

    void reset() {
        windowStartSeconds = Double.NaN;
        perSecond = Double.NaN;
    }
}
