package dev.scalelab.ui.charts;

/**
 * The slice of virtual time a panel's live charts show: at least {@code windowSeconds} back from the
 * newest per-second point, starting on a tick so that the axis reads 40, 60, 80 … rather than 51,
 * 71, 91 … (it therefore spans the window plus up to one tick, and moves a tick at a time). Until
 * the window is full the lines grow from the left of a fixed axis. It also remembers which points
 * the charts already show, so each update appends only the new ones.
 *
 * <p>FX thread only, as the charts it serves.
 */
public final class TimeWindow {
    private final double windowSeconds;
    private final double tickSeconds;
    private double shownUntilSeconds = Double.NEGATIVE_INFINITY;
    private double newestSeconds;
    private double startSeconds;
    private double endSeconds;
    private int firstNew;

    public TimeWindow(double windowSeconds, double tickSeconds) {
        this.windowSeconds = windowSeconds;
        this.tickSeconds = tickSeconds;
        endSeconds = windowSeconds;
    }

    /**
     * Moves the window to the newest of {@code times[0, size)}.
     *
     * @return false when the series started over (empty, or older than what is shown): a new run,
     *         whose lines the caller clears before appending
     */
    public boolean advance(double[] times, int size) {
        newestSeconds = size == 0 ? 0 : times[size - 1];
        boolean sameRun = size > 0 && newestSeconds >= shownUntilSeconds;
        if (!sameRun) {
            shownUntilSeconds = Double.NEGATIVE_INFINITY;
        }
        startSeconds = Math.max(0, Math.floor((newestSeconds - windowSeconds) / tickSeconds) * tickSeconds);
        firstNew = size;
        while (firstNew > 0 && times[firstNew - 1] > shownUntilSeconds && times[firstNew - 1] >= startSeconds) {
            firstNew--;
        }
        endSeconds = newestSeconds <= windowSeconds ? windowSeconds : startSeconds + windowSeconds + tickSeconds;
        return sameRun;
    }

    /** The index of the first point to append: the points from here on are new and inside the window. */
    public int firstNew() {
        return firstNew;
    }

    /** True when the newest point is one the charts have not shown yet. */
    public boolean newestIsNew(int size) {
        return size > 0 && newestSeconds > shownUntilSeconds;
    }

    /** Records that the charts now show everything up to the newest point. */
    public void shown(int size) {
        if (size > 0) {
            shownUntilSeconds = newestSeconds;
        }
    }

    /** The time axis's lower bound, on a tick. */
    public double startSeconds() {
        return startSeconds;
    }

    /** The time axis's upper bound. */
    public double endSeconds() {
        return endSeconds;
    }
}
