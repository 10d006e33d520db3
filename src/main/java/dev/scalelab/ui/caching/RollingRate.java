package dev.scalelab.ui.caching;

/**
 * A per-second rate over the last virtual second, from a running total seen in successive frames:
 * it moves with every frame, so a stampede shows while it happens (and while the run is paused in
 * the middle of it), not only once its second is complete. Samples are kept at least
 * {@link #MIN_SPACING_SECONDS} apart, so the ring covers several seconds at any speed. A clock or a
 * total that goes back (a new run) starts over.
 */
final class RollingRate {
    static final double WINDOW_SECONDS = 1.0;
    private static final double MIN_SPACING_SECONDS = 0.02;
    private static final int CAPACITY = 256;

    private final double[] times = new double[CAPACITY];
    private final long[] totals = new long[CAPACITY];
    private int head;
    private int size;
    private double perSecond = Double.NaN;

    void update(double timeSeconds, long total) {
        if (size > 0) {
            int newest = (head + size - 1) % CAPACITY;
            if (timeSeconds < times[newest] || total < totals[newest]) {
                size = 0; // a new run
            } else if (timeSeconds - times[newest] < MIN_SPACING_SECONDS) {
                perSecond = rateTo(timeSeconds, total);
                return;
            }
        }
        if (size == CAPACITY) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        int slot = (head + size) % CAPACITY;
        times[slot] = timeSeconds;
        totals[slot] = total;
        size++;
        perSecond = rateTo(timeSeconds, total);
    }

    /** Over the newest sample at least a window older than now; NaN until a window has passed. */
    private double rateTo(double timeSeconds, long total) {
        for (int i = size - 1; i >= 0; i--) {
            int slot = (head + i) % CAPACITY;
            if (timeSeconds - times[slot] >= WINDOW_SECONDS - 1e-9) {
                return (total - totals[slot]) / (timeSeconds - times[slot]);
            }
        }
        return Double.NaN;
    }

    /** The rate over the last second (or the shortest span of at least a second the samples allow). */
    double perSecond() {
        return perSecond;
    }
}
