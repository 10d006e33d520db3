package dev.scalelab.ui.charts;

import dev.scalelab.world.RunHistory;

/**
 * When a panel's charts redraw in the whole-run mode of its {@link RunRange}: at once when the user
 * zoomed, panned or switched, or the charts changed width, or the run went back (a seek, a reset);
 * when the history grew, at most once a wall second ({@link #GROWTH_INTERVAL_NANOS}): a whole-run
 * redraw lays out hundreds of points per line, and over a long run one more second barely moves it. It also says once when the user switched back to the live window, which the panel then
 * redraws afresh. FX thread only.
 */
public final class WholeRunPacer {
    /** How often a growing run redraws the whole-run charts. */
    public static final long GROWTH_INTERVAL_NANOS = 1_000_000_000L;

    private final RunRange range;
    private long drawnRevision = -1;
    private long drawnSeconds = -1;
    private double drawnWidth = -1;
    private long drawnAtNanos;
    private boolean wasWholeRun;

    public WholeRunPacer(RunRange range) {
        this.range = range;
    }

    /** True once after the user switched from the whole run back to the live window. */
    public boolean leftWholeRun() {
        boolean left = wasWholeRun && !range.isWholeRun();
        wasWholeRun = range.isWholeRun();
        if (left) {
            drawnRevision = -1;
        }
        return left;
    }

    /** The next {@link #due} says yes: what the charts show changed in a way the range does not know (another source). */
    public void invalidate() {
        drawnRevision = -1;
    }

    /** True when the whole run should be drawn now, for {@code history} on charts {@code widthPixels} wide. */
    public boolean due(RunHistory.View history, double widthPixels, long nowNanos) {
        if (!range.isWholeRun()) {
            return false;
        }
        wasWholeRun = true;
        long seconds = history.seconds();
        boolean asked = range.revisionProperty().get() != drawnRevision || widthPixels != drawnWidth || seconds < drawnSeconds;
        boolean grew = seconds > drawnSeconds && nowNanos - drawnAtNanos >= GROWTH_INTERVAL_NANOS;
        if (!asked && !grew) {
            return false;
        }
        drawnRevision = range.revisionProperty().get();
        drawnSeconds = seconds;
        drawnWidth = widthPixels;
        drawnAtNanos = nowNanos;
        return true;
    }
}
