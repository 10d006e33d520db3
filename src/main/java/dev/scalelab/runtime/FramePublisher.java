package dev.scalelab.runtime;

import dev.scalelab.world.World;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * What a {@link SimulationRunner} shows the UI: the newest {@link Frame} (the main world's snapshot,
 * a comparison's second one, and the {@link RunStatus} built from the run's {@link PlayState} and
 * {@link Pacing}), the run's branches as of that frame, and the meter that measures events per
 * second and the simulator's profile ({@link RunMeter}).
 *
 * <p>Threads: {@link #publish} and the rest run on the simulation thread (the runner's constructor
 * aside, before that thread starts); {@link #latest}, {@link #branches} and {@link #profile} may be
 * read from any thread: they read what was published last, through atomic references.
 */
final class FramePublisher {
    private final RunWorlds worlds;
    private final PlayState play;
    private final Pacing pacing;
    private final BooleanSupplier onSimulationThread;
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    /** The run's branches as last published: with each frame, so the two agree. */
    private final AtomicReference<Branches.View> branchView = new AtomicReference<>();
    private long frameCounter;
    private long lastPublishWall;
    /** Events per second and the simulator's profile; its profiler serves every world this runner runs. */
    private final RunMeter meter;

    /** {@code onSimulationThread} tells whether the caller is on the runner's simulation thread (or it has not started). */
    FramePublisher(RunMeter meter, RunWorlds worlds, PlayState play, Pacing pacing, BooleanSupplier onSimulationThread) {
        this.meter = meter;
        this.worlds = worlds;
        this.play = play;
        this.pacing = pacing;
        this.onSimulationThread = onSimulationThread;
    }

    /** The newest published frame; any thread. */
    Frame latest() {
        return latest.get();
    }

    /** The run's branches as last published; any thread. */
    Branches.View branches() {
        return branchView.get();
    }

    /** The simulator's profile over the last wall second it ran; any thread. */
    ProfileTable profile() {
        return meter.profile();
    }

    /** When the last frame was published ({@code System.nanoTime()} time). */
    long lastPublishWall() {
        return lastPublishWall;
    }

    /** The meter's first rate window starts at {@code wallNow}. */
    void startMeter(long wallNow) {
        meter.start(wallNow);
    }

    /** Publishes the branches as they are now, ahead of the next frame (a rename or a delete changes nothing else). */
    void publishBranches() {
        branchView.set(worlds.branches().view());
    }

    void publish(long wallNow) {
        assert onSimulationThread.getAsBoolean();
        World world = worlds.main();
        double eventsPerSecond = meter.measure(wallNow, world.simulation().eventsFired(), play.paused);
        ChangeHistory history = worlds.history();
        branchView.set(worlds.branches().view()); // before the frame: whoever sees the frame sees its branches
        latest.set(new Frame(world.snapshot(),
                new RunStatus(++frameCounter, play.paused, play.finished, pacing.speed(), eventsPerSecond, pacing.lagging(),
                        play.failure, play.hit, history.modified(), history.undoDepth(), history.redoDepth()),
                worlds.race() == null ? null : worlds.race().snapshot(), worlds.comparison()));
        lastPublishWall = wallNow;
    }
}
