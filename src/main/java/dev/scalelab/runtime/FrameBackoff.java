package dev.scalelab.runtime;

/**
 * How far the simulation thread backs off for the UI. On a machine with two cores, a simulation
 * thread that runs flat out (max speed, or a speed it cannot keep up with) leaves the FX thread and
 * the renderer one core between them, and frames come late. The FX thread reports each pulse here
 * ({@link #frameShown}, one volatile write); the simulation thread judges the reports between its
 * work slices ({@link #update}) and keeps a back-off level from 0 to {@link #MAX_LEVEL}: each level
 * halves its work slice, sleeps {@link #PAUSE_PER_LEVEL_NANOS} more between slices and publishes
 * frames less often (fewer snapshots to build and fewer new frames for the panels to take in).
 *
 * <p>The budget is the 95th percentile of the frame interval, so the level follows the share of late
 * frames (over {@link #LATE_NANOS}) among the last {@link #WINDOW_FRAMES}, not single frames: above
 * {@link #ALLOWED_LATE} of them the level rises (at most once per {@link #RAISE_INTERVAL_NANOS}, so the
 * window sees the effect of one rise before the next), and after {@link #RECOVER_FRAMES} frames in a
 * row with at most {@link #CALM_LATE} late in the window it falls again. A dropped frame (over
 * {@link #DROPPED_NANOS}) or a pulse that does not come raises it at once. Single frames are not
 * judged against the budget: timer jitter alone makes a few per cent of them a little late, which is
 * within a 95th percentile. Judging single frames against 20 ms instead left the 95th percentile at
 * 18 to 20 ms at 100x and max (measured on two cores with software rendering); with this rule it is
 * at or under 17.5 ms there, and at max the simulation gets 20 to 35 % of its unthrottled pace: the
 * price of the budget on such a machine.
 *
 * <p>Only wall-time pacing changes: the world runs the same events in the same order, whatever the
 * slices, so a run backed off gives the same report. With no UI (tests, a window that stopped
 * pulsing for {@link #UI_GONE_NANOS}) the level is 0.
 *
 * <p>{@link #frameShown} may be called from any thread; everything else is the simulation thread's.
 * No method reads the clock: times come in as arguments, so a test drives it with made-up ones.
 */
public final class FrameBackoff {
    /** A pulse interval above this is a late frame: the budget of the 95th percentile (a 60 Hz pulse is 16.7 ms apart). */
    public static final long LATE_NANOS = 17_500_000L;
    /** A pulse interval above this dropped a frame: the level rises at once. */
    public static final long DROPPED_NANOS = 25_000_000L;
    /** The frames whose lateness is counted: one second at 60 Hz. */
    public static final int WINDOW_FRAMES = 60;
    /** Late frames in the window above which the level rises: 5 %, the 95th percentile's share. */
    public static final int ALLOWED_LATE = 3;
    /** Late frames in the window at or under which the frames count as calm. */
    public static final int CALM_LATE = 1;
    public static final int MAX_LEVEL = 4;
    /** Sleep between work slices per level of back-off. */
    public static final long PAUSE_PER_LEVEL_NANOS = 2_000_000L;
    /** The shortest work slice: a slice runs whole chunks of events anyway. */
    public static final long MIN_SLICE_NANOS = 1_000_000L;
    /** The level rises at most this often, however many late frames come. */
    public static final long RAISE_INTERVAL_NANOS = 250_000_000L;
    /** Calm frames in a row (half a second at 60 Hz) that lower the level by one. */
    public static final int RECOVER_FRAMES = 30;
    /** No pulse for this long: the window is hidden or gone; nobody is waiting for frames. */
    public static final long UI_GONE_NANOS = 2_000_000_000L;

    // Written by the FX thread.
    private volatile long lastFrameNanos;
    private volatile long lastIntervalNanos;
    private long previousFrameNanos;

    // The simulation thread's.
    private int level;
    private long judgedFrameNanos;
    private long raisedAtNanos = Long.MIN_VALUE / 2;
    private int onTimeInARow;
    /** Whether each of the last {@link #WINDOW_FRAMES} frames was late, as a ring. */
    private final boolean[] lateRing = new boolean[WINDOW_FRAMES];
    private int ringNext;
    private int lateInWindow;
    private volatile long backedOffSlices;

    /** The UI drew a pulse at {@code nowNanos} ({@code System.nanoTime()} time, as an AnimationTimer's). */
    public void frameShown(long nowNanos) {
        long previous = previousFrameNanos;
        previousFrameNanos = nowNanos;
        if (previous != 0) {
            lastIntervalNanos = nowNanos - previous;
        }
        lastFrameNanos = nowNanos;
    }

    /** Judges the frames reported since the last call, at {@code nowNanos}; returns the level now. */
    public int update(long nowNanos) {
        long frameAt = lastFrameNanos;
        if (frameAt == 0 || nowNanos - frameAt > UI_GONE_NANOS) {
            level = 0; // no UI is drawing: nothing to leave room for
            onTimeInARow = 0;
            return level;
        }
        if (frameAt != judgedFrameNanos) {
            judgedFrameNanos = frameAt;
            long interval = lastIntervalNanos;
            if (interval <= 0) {
                return level;
            }
            boolean late = interval > LATE_NANOS;
            lateInWindow += (late ? 1 : 0) - (lateRing[ringNext] ? 1 : 0);
            lateRing[ringNext] = late;
            ringNext = (ringNext + 1) % WINDOW_FRAMES;
            if (interval > DROPPED_NANOS || lateInWindow > ALLOWED_LATE) {
                raise(nowNanos);
            } else if (lateInWindow <= CALM_LATE && ++onTimeInARow >= RECOVER_FRAMES) {
                onTimeInARow = 0;
                level = Math.max(0, level - 1);
            }
        } else if (nowNanos - frameAt > DROPPED_NANOS) {
            raise(nowNanos); // the next pulse is overdue: a frame is dropped already
        }
        return level;
    }

    private void raise(long nowNanos) {
        onTimeInARow = 0;
        if (nowNanos - raisedAtNanos >= RAISE_INTERVAL_NANOS) {
            raisedAtNanos = nowNanos;
            level = Math.min(MAX_LEVEL, level + 1);
        }
    }

    public int level() {
        return level;
    }

    /** The wall time of one work slice: {@code fullNanos} halved per level, when the thread is saturated. */
    public long sliceNanos(long fullNanos, boolean saturated) {
        return saturated ? Math.max(MIN_SLICE_NANOS, fullNanos >> level) : fullNanos;
    }

    /** How long to sleep after a work slice of a saturated thread; 0 when the frames are on time. */
    public long pauseNanos(boolean saturated) {
        return saturated ? level * PAUSE_PER_LEVEL_NANOS : 0;
    }

    /** The least wall time between two published frames: {@code fullNanos} once more per level. */
    public long publishIntervalNanos(long fullNanos, boolean saturated) {
        return saturated ? fullNanos * (1 + level) : fullNanos;
    }

    /** Counts a slice after which the thread backed off (for tests and the frame statistics). */
    void countBackedOff() {
        backedOffSlices++;
    }

    /** Slices after which the simulation thread slept for the UI, since the start. */
    public long backedOffSlices() {
        return backedOffSlices;
    }
}
