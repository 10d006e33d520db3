package dev.scalelab.runtime;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.BreakpointHit;

import java.util.function.BooleanSupplier;

/**
 * Where a {@link SimulationRunner}'s run stands between two work slices: paused or playing, finished,
 * failed, stopped at a breakpoint, or playing until a set time. Every frame publishes it in its
 * {@link RunStatus}. The runner's commands, its loop, its seeks ({@link TimeTravel}) and its frames
 * ({@link FramePublisher}) read and write the one instance, so its fields are plain: it is confined
 * to the simulation thread (the runner's constructor aside, before that thread starts).
 */
final class PlayState {
    /** {@link #stopAtNanos} when no {@link SimulationRunner#playUntil} is pending. */
    static final long NO_STOP = Long.MAX_VALUE;

    private final RunWorlds worlds;
    private final BooleanSupplier onSimulationThread;

    boolean paused;
    boolean finished;
    /** What stopped the run with an error, as the user is shown it ({@link RunMeter#describeFailure}); null while none did. */
    String failure;
    /** The breakpoint that paused the run, published until it plays again; else null. */
    BreakpointHit hit;
    /** Where a {@link SimulationRunner#playUntil} pauses, or {@link #NO_STOP}. */
    long stopAtNanos = NO_STOP;

    /** {@code onSimulationThread} tells whether the caller is on the runner's simulation thread (or it has not started). */
    PlayState(RunWorlds worlds, boolean paused, BooleanSupplier onSimulationThread) {
        this.worlds = worlds;
        this.paused = paused;
        this.onSimulationThread = onSimulationThread;
    }

    /** The main world's scenario duration: a run never goes past it. */
    long endNanos() {
        assert onSimulationThread.getAsBoolean();
        return Simulation.secondsToNanos(worlds.main().currentScenario().durationSeconds());
    }

    /**
     * Takes a breakpoint hit from the worlds, if one fired: the run pauses and shows it. Returns
     * whether one did.
     */
    boolean takeHit() {
        assert onSimulationThread.getAsBoolean();
        BreakpointHit h = worlds.takeHit();
        if (h == null) {
            return false;
        }
        hit = h;
        paused = true;
        stopAtNanos = NO_STOP;
        return true;
    }
}
