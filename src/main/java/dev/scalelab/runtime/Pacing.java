package dev.scalelab.runtime;

import dev.scalelab.world.World;

import java.util.function.BooleanSupplier;

/**
 * How fast a {@link SimulationRunner}'s virtual time goes against wall time: the speed, the anchor
 * (the wall and virtual times the speed counts from, set again whenever the speed or the run's time
 * changes), whether the run lags behind its speed, and how far the simulation thread backs off while
 * the UI's frames come late ({@link FrameBackoff}). Only wall-time pacing lives here: whatever the
 * pace, the world runs the same events in the same order.
 *
 * <p>Threads: {@link #frameShown} and {@link #backedOffSlices} may be called from any thread (the
 * back-off takes the FX thread's reports); everything else is the simulation thread's (the runner's
 * constructor aside, before that thread starts), so the fields are plain.
 */
final class Pacing {
    private final RunWorlds worlds;
    private final BooleanSupplier onSimulationThread;
    /** Virtual seconds per wall second, or {@link SimulationRunner#MAX_SPEED}. */
    private double speed = 1.0;
    private long anchorWallNanos;
    private long anchorVirtualNanos;
    private boolean lagging;
    /** How far this thread backs off while the UI's frames come late (issue 17): wall-time pacing only. */
    private final FrameBackoff backoff = new FrameBackoff();

    /** {@code onSimulationThread} tells whether the caller is on the runner's simulation thread (or it has not started). */
    Pacing(RunWorlds worlds, BooleanSupplier onSimulationThread) {
        this.worlds = worlds;
        this.onSimulationThread = onSimulationThread;
    }

    double speed() {
        return speed;
    }

    boolean atMaxSpeed() {
        return speed == SimulationRunner.MAX_SPEED;
    }

    /** Whether the last work slice ran out of wall time short of where the speed would have the run. */
    boolean lagging() {
        return lagging;
    }

    /** Sets the speed; it counts from here. */
    void setSpeed(double newSpeed) {
        speed = newSpeed;
        reanchor();
    }

    /** The speed counts from now and from the main world's time now. */
    void reanchor() {
        assert onSimulationThread.getAsBoolean();
        anchorWallNanos = System.nanoTime();
        anchorVirtualNanos = worlds.main().simulation().nowNanos();
    }

    /**
     * Where a work slice that starts at wall time {@code sliceStart} runs to: where the speed has got
     * since the anchor, never past {@code endNanos}; at max speed, {@code endNanos}.
     */
    long targetNanos(long sliceStart, long endNanos) {
        if (speed == SimulationRunner.MAX_SPEED) {
            return endNanos;
        }
        long target = anchorVirtualNanos + (long) ((sliceStart - anchorWallNanos) * speed);
        return Math.min(target, endNanos);
    }

    /**
     * After a work slice of at most {@code sliceNanos} that started at {@code sliceStart} and ran
     * {@code world} toward its {@link #targetNanos} ({@code reached} whether it got there): a slice that
     * ran out of time short of it lags. Returns whether the run caught up with its speed, so that
     * nothing is due before the next frame; never at max speed, where there is nothing to catch up with.
     */
    boolean sliceEnded(World world, long sliceStart, long sliceNanos, boolean reached) {
        if (speed != SimulationRunner.MAX_SPEED) {
            boolean behind = !reached && System.nanoTime() - sliceStart >= sliceNanos;
            if (behind) {
                // Do not build up a debt of virtual time: run as fast as we can from here.
                anchorVirtualNanos = world.simulation().nowNanos();
                anchorWallNanos = System.nanoTime();
            }
            lagging = behind;
        } else {
            lagging = false;
        }
        return reached && speed != SimulationRunner.MAX_SPEED;
    }

    // ------------------------------------------------------------------ backing off for the UI

    /** The UI drew a pulse at {@code nowNanos}; any thread (see {@link FrameBackoff#frameShown}). */
    void frameShown(long nowNanos) {
        backoff.frameShown(nowNanos);
    }

    /** Work slices after which the simulation thread slept to leave the UI room; any thread. */
    long backedOffSlices() {
        return backoff.backedOffSlices();
    }

    /** Whether late frames hold the thread back at all now. */
    boolean backingOff() {
        return backoff.level() > 0;
    }

    /** Whether the thread runs flat out: at max speed, behind its speed, or backing off already. */
    boolean saturated() {
        return speed == SimulationRunner.MAX_SPEED || lagging || backoff.level() > 0;
    }

    /** The wall time of the next work slice; see {@link FrameBackoff#sliceNanos}. */
    long sliceNanos(long fullNanos, boolean saturated) {
        return backoff.sliceNanos(fullNanos, saturated);
    }

    /** Judges the UI's frames reported since the last call, at {@code nowNanos}; see {@link FrameBackoff#update}. */
    void judgeFrames(long nowNanos) {
        backoff.update(nowNanos);
    }

    /** The least wall time between two published frames; see {@link FrameBackoff#publishIntervalNanos}. */
    long publishIntervalNanos(long fullNanos, boolean saturated) {
        return backoff.publishIntervalNanos(fullNanos, saturated);
    }

    /** How long to sleep after a work slice; 0 when the frames are on time. See {@link FrameBackoff#pauseNanos}. */
    long backOffNanos(boolean saturated) {
        return backoff.pauseNanos(saturated);
    }

    /** Counts a slice after which the thread backed off (for tests and the frame statistics). */
    void countBackedOff() {
        backoff.countBackedOff();
    }
}
