package dev.scalelab.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.sim.EventProfiler;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Action;
import dev.scalelab.world.Breakpoint;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Report;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.World;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Runs one {@link World} on a background thread, advancing virtual time at speed x wall time.
 *
 * <p>Threads: every public method may be called from any thread (the UI's). They only enqueue a
 * command, which the simulation thread runs between events; the world itself never leaves that
 * thread. The newest {@link Frame} is published into an {@link AtomicReference} at most once per
 * {@link #PUBLISH_INTERVAL_NANOS}, and the UI polls it once per frame. The private methods that
 * touch the world assert that they run on the simulation thread.
 *
 * <p>The simulation thread's state is split by what it is about, each part confined to that thread
 * and asserting so: {@link PlayState} (paused, finished, hit, playUntil's stop), {@link Pacing}
 * (speed against wall time, backing off for the UI), {@link TimeTravel} (seek, rewind, branches,
 * the fork a change makes) and {@link FramePublisher} (the frames and the meter). This class keeps
 * the facade, the command queue and the loop that runs the commands and the work slices.
 *
 * <p>The simulator profiles itself all the time, sampled (see {@link EventProfiler}); once a wall
 * second the runner publishes the profile of that second as an immutable {@link ProfileTable}.
 */
public final class SimulationRunner implements AutoCloseable, PanelSource {
    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;
    public static final long PUBLISH_INTERVAL_NANOS = 16_000_000L;
    /** How far one press of "step" advances a paused simulation. */
    public static final long STEP_NANOS = 100 * Simulation.NANOS_PER_MILLI;
    /** Wall time the simulation thread may spend on events before it publishes and looks at commands. */
    static final long WORK_SLICE_NANOS = 12_000_000L;
    static final int EVENTS_PER_CHUNK = 4096;

    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    // Simulation-thread state (the parts say which of their methods other threads may call).
    /** The main world, the race world in race mode, their breakpoints and the user's change history. */
    private final RunWorlds worlds;
    private final PlayState play;
    private final Pacing pacing;
    /** The frames the UI polls, the branches published with them, the meter. */
    private final FramePublisher publisher;
    /** Worlds parked along the run, which a seek starts from instead of t = 0. */
    private final Checkpoints checkpoints;
    /** Seeks, rewind, branches; every command of the user's goes through it (it may wait for a seek or fork). */
    private final TimeTravel travel;

    public SimulationRunner(Scenario scenario, boolean startPaused) {
        this(scenario, startPaused, Checkpoints.FIRST_EVENTS_PER_MARK);
    }

    /** A runner whose checkpoints are {@code eventsPerCheckpoint} events apart at first (tests use short runs). */
    SimulationRunner(Scenario scenario, boolean startPaused, long eventsPerCheckpoint) {
        RunMeter meter = new RunMeter();
        this.checkpoints = Checkpoints.forHeap(Runtime.getRuntime().maxMemory(), eventsPerCheckpoint);
        this.worlds = new RunWorlds(scenario, meter.profiler());
        BooleanSupplier confined = this::onSimulationThread;
        this.play = new PlayState(worlds, startPaused, confined);
        this.pacing = new Pacing(worlds, confined);
        this.publisher = new FramePublisher(meter, worlds, play, pacing, confined);
        this.travel = new TimeTravel(worlds, checkpoints, play, pacing, publisher, () -> !commands.isEmpty(), confined);
        this.thread = new Thread(this::loop, "scalelab-simulation");
        this.thread.setDaemon(true);
        publisher.publish(System.nanoTime());
    }

    public void start() {
        thread.start();
    }

    /** The newest published frame; never null. */
    @Override
    public Frame latest() {
        return publisher.latest();
    }

    /**
     * The UI drew a pulse at {@code nowNanos} (the FX thread calls this once per pulse): when pulses
     * come late while this thread runs flat out, it backs off (see {@link FrameBackoff}).
     */
    public void frameShown(long nowNanos) {
        pacing.frameShown(nowNanos);
    }

    /** Work slices after which the simulation thread slept to leave the UI room; any thread. */
    public long backedOffSlices() {
        return pacing.backedOffSlices();
    }

    /** The main world's report as {@code simulate --out} writes it, with {@code wallMillis} 0 (tests: the same run, bit for bit). */
    CompletableFuture<String> reportJson() {
        return fromSimulationThread(() -> dev.scalelab.world.Report.toJson(dev.scalelab.world.Report.of(worlds.main(), 0)));
    }

    /** The simulator's profile over the last wall second it ran; never null. Any thread may call it. */
    public ProfileTable profile() {
        return publisher.profile();
    }

    /** The worlds parked along the run (tests and the bench look at them). */
    Checkpoints checkpoints() {
        return checkpoints;
    }

    /** The id of the simulation thread, whose allocations the app's own monitor measures. */
    public long simulationThreadId() {
        return thread.getId();
    }

    /**
     * Runs a paused simulation on. A run never goes past its scenario's duration: Play on a finished
     * run starts it again from t = 0, as Reset does (the scenario with the user's changes as its
     * starting values, the same seed), and in race mode both worlds start again.
     */
    public void play() {
        submit(() -> {
            if (play.finished) {
                startAgain();
            }
            play.hit = null;
            play.stopAtNanos = PlayState.NO_STOP; // Play runs on past a playUntil that a breakpoint cut short
            play.paused = false;
            pacing.reanchor();
        });
    }

    /** Play at the end of a run: it starts again from t = 0, as Reset does, in race mode both worlds. */
    private void startAgain() {
        assert onSimulationThread();
        worlds.startAgain();
        play.finished = false;
        play.failure = null;
    }

    public void pause() {
        submit(() -> play.paused = true);
    }

    /**
     * Advances a paused simulation by {@link #STEP_NANOS} of virtual time, never past the scenario's
     * duration: the step that reaches it finishes the run, and a finished run does not move. A
     * breakpoint on the way ends the step right after the event that tripped it; a step clears the
     * hit shown before it.
     */
    public void step() {
        submit(() -> {
            play.paused = true;
            play.hit = null;
            play.stopAtNanos = PlayState.NO_STOP;
            long end = play.endNanos();
            long now = worlds.main().simulation().nowNanos();
            if (play.finished || now >= end) {
                return;
            }
            World world = worlds.main();
            long target = Math.min(now + STEP_NANOS, end);
            boolean reached;
            do { // a breakpoint on the way ends the step where it fired
                reached = world.advance(target, Integer.MAX_VALUE);
            } while (!reached && !play.takeHit());
            if (worlds.race() != null) {
                worlds.race().advanceTo(world.simulation().nowNanos());
                play.takeHit();
            }
            play.finished = reached && world.simulation().nowNanos() >= end;
        });
    }

    /** Virtual seconds per wall second, such as 0.1, 1, 10, 100 or {@link #MAX_SPEED}. */
    public void setSpeed(double newSpeed) {
        if (!(newSpeed > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + newSpeed);
        }
        submit(() -> pacing.setSpeed(newSpeed));
    }

    /**
     * Race mode: starts over at virtual time zero with two worlds, the same scenario and seed, the
     * left one balancing with {@code left} and the right one with {@code right}. They advance in
     * lockstep and receive the same commands, so every difference comes from the strategy.
     */
    public void startRace(Scenario scenario, Strategy left, Strategy right) {
        Objects.requireNonNull(scenario);
        submit(() -> {
            travel.startOver();
            worlds.startRace(scenario, left, right);
            pacing.reanchor();
        });
    }

    /** Leaves race mode; the left world runs on. */
    public void stopRace() {
        submit(worlds::stopRace);
    }

    /**
     * Compares two designs: starts over at virtual time zero with variant {@code a} in the main world
     * and {@code b} in a second one, advanced in lockstep to the same virtual time; the user's
     * commands go to both. Give both the same seed to compare designs rather than luck: B's side is
     * then, bit for bit, the run B would have alone. Frames carry B's snapshot in {@link Frame#race()}
     * and the labels in {@link Frame#comparison()} until {@link #stopCompare}, a reset or another
     * scenario ends the comparison. The run ends at A's duration.
     */
    public void startCompare(Scenario a, String labelA, Scenario b, String labelB, String differences) {
        Objects.requireNonNull(a);
        Objects.requireNonNull(b);
        Comparison labels = new Comparison(labelA, labelB, differences);
        submit(() -> {
            travel.startOver();
            worlds.startCompare(a, b, labels);
            pacing.reanchor();
        });
    }

    /** {@link #startCompare(Scenario, String, Scenario, String, String)} without a line on how they differ. */
    public void startCompare(Scenario a, String labelA, Scenario b, String labelB) {
        startCompare(a, labelA, b, labelB, "");
    }

    /** Ends a comparison: variant B is dropped and A runs on as the one world. */
    public void stopCompare() {
        stopRace();
    }

    /** Race mode: changes the right world's strategy at once (the left one's is balancer.strategy). */
    public void setRaceStrategy(Strategy right) {
        submit(() -> worlds.setRaceStrategy(right));
    }

    /** Starts over from {@code scenario}, at virtual time zero, leaving race mode. */
    public void reset(Scenario scenario) {
        Objects.requireNonNull(scenario);
        submit(() -> {
            travel.startOver();
            worlds.start(scenario);
            pacing.reanchor();
        });
    }

    /**
     * Changes a parameter of the running simulation. {@code value} must come from
     * {@link Parameter#parse} or {@link Parameter#validate}. The change takes effect at the next
     * whole millisecond of virtual time and is recorded on the run's timeline.
     */
    @Override
    public void set(Parameter parameter, Object value) {
        Objects.requireNonNull(parameter);
        Objects.requireNonNull(value);
        submit(() -> travel.userCommand(() -> worlds.set(parameter.path(), value)));
    }

    /**
     * Changes one field of a dependency, such as {@code dependencies[0].retry.maxAttempts} (see
     * {@code ScenarioFiles.isDependencyField}); a value the scenario file would refuse is refused
     * with a log line, and the run goes on.
     */
    @Override
    public void setDependencyField(String path, Object value) {
        Objects.requireNonNull(path);
        Objects.requireNonNull(value);
        submit(() -> travel.userCommand(() -> worlds.set(path, value)));
    }

    /**
     * Runs an action on the pool ({@code target} is an instance id such as "i-2", or null where the
     * action needs none; {@code value} its value, such as the speed factor of slow-instance, or null;
     * {@code durationSeconds} how long a fault lasts, 0 for actions without one). Recorded like a
     * parameter change.
     */
    @Override
    public void act(Action action, String target, Double value, double durationSeconds) {
        Objects.requireNonNull(action);
        submit(() -> travel.userCommand(() -> worlds.act(Scenario.TimelineEntry.action(0, action, target, value, durationSeconds))));
    }

    // ------------------------------------------------------------------ teaching: breakpoints, undo, seek

    /**
     * The conditions at which the run pauses, for every world this runner starts from now on (they
     * survive Reset and scenario changes). A hit pauses the run and is published in
     * {@link RunStatus#breakpointHit()} until Play.
     */
    public void setBreakpoints(List<Breakpoint> breakpoints) {
        List<Breakpoint> copy = List.copyOf(breakpoints);
        submit(() -> worlds.setBreakpoints(copy, !travel.seeking())); // a seek installs them when it arrives
    }

    /**
     * Takes back the user's last {@code set} (of a parameter or a dependency field) by setting the
     * value it replaced, as a new recorded change at the current time; actions (kill an instance) are
     * moments, not settings, and are not undone. Does nothing when there is nothing to undo.
     */
    public void undo() {
        submit(() -> travel.userCommand(worlds::undo));
    }

    /** Gives again the change {@link #undo()} took back last; a new change by the user clears what can be redone. */
    public void redo() {
        submit(() -> travel.userCommand(worlds::redo));
    }

    /**
     * Applies a timeline command now, as if the user gave it (a {@code set} of any field the timeline
     * accepts, or an action): lessons use it for their steps' changes. Recorded like any change.
     * A path the timeline cannot set, an unknown action or a value of the wrong type is refused here
     * with an {@link IllegalArgumentException} naming it; a value that conflicts with the running
     * scenario is refused by the world with a log line, as the user's changes are.
     */
    public void apply(Scenario.TimelineEntry command) {
        Scenario.TimelineEntry c = RunWorlds.checked(Objects.requireNonNull(command));
        if (c.command().equals("set")) {
            submit(() -> travel.userCommand(() -> worlds.set(c.path(), c.value())));
        } else {
            submit(() -> travel.userCommand(() -> worlds.act(c)));
        }
    }

    /**
     * Plays on and pauses exactly at virtual time {@code atSeconds} (every event at or before it has
     * run), or earlier at a breakpoint or at the scenario's end.
     */
    public void playUntil(double atSeconds) {
        checkTime("playUntil", atSeconds);
        submit(() -> {
            if (play.finished) {
                startAgain();
            }
            play.hit = null;
            long at = Math.min(Simulation.secondsToNanos(atSeconds), play.endNanos());
            if (at < worlds.main().simulation().nowNanos()) {
                play.stopAtNanos = PlayState.NO_STOP;
                play.paused = true; // already past it: nothing runs
                return;
            }
            play.stopAtNanos = at;
            play.paused = false;
            pacing.reanchor();
        });
    }

    /**
     * Starts {@code scenario} over and runs it, as fast as it goes, to virtual time {@code atSeconds},
     * paused there (breakpoints do not stop a seek). The future completes with the frame published at
     * that moment. Lessons' Back uses it: a deterministic re-run to the start of a step.
     */
    public CompletableFuture<Frame> seek(Scenario scenario, double atSeconds) {
        Objects.requireNonNull(scenario);
        checkTime("seek", atSeconds);
        CompletableFuture<Frame> arrived = new CompletableFuture<>();
        submit(() -> travel.seek(scenario, atSeconds, arrived));
        return arrived;
    }

    // ------------------------------------------------------------------ branches (rewind and fork)

    /**
     * Goes back (or forward, as far as it got) to {@code atSeconds} on the current branch: a seek of
     * its scenario, so the user's commands after that moment stay ahead and play on as they were.
     * A change given there makes a new branch without them (see {@link Branches#forkNeeded}).
     */
    public CompletableFuture<Frame> rewind(double atSeconds) {
        checkTime("rewind", atSeconds);
        CompletableFuture<Frame> arrived = new CompletableFuture<>();
        submit(() -> travel.rewind(atSeconds, arrived));
        return arrived;
    }

    /**
     * Switches to branch {@code id}: its scenario re-run to {@code atSeconds}, or to the furthest it
     * got when that is earlier, paused there. An unknown branch fails the future and changes nothing.
     */
    public CompletableFuture<Frame> switchBranch(int id, double atSeconds) {
        checkTime("switchBranch", atSeconds);
        CompletableFuture<Frame> arrived = new CompletableFuture<>();
        submit(() -> travel.switchBranch(id, atSeconds, arrived));
        return arrived;
    }

    /** The run's branches as last published; never null. Any thread. */
    public Branches.View branches() {
        return publisher.branches();
    }

    /** Renames a branch; a name {@link Branches#rename} refuses fails the future with its message. */
    public CompletableFuture<Branches.View> renameBranch(int id, String name) {
        return branchCommand(() -> worlds.branches().rename(id, name));
    }

    /** Deletes a branch (not the root, not the current one); a refusal fails the future with its message. */
    public CompletableFuture<Branches.View> deleteBranch(int id) {
        return branchCommand(() -> worlds.branches().delete(id));
    }

    private CompletableFuture<Branches.View> branchCommand(Runnable change) {
        CompletableFuture<Branches.View> result = new CompletableFuture<>();
        submit(() -> {
            try {
                change.run();
                publisher.publishBranches();
                result.complete(worlds.branches().view());
            } catch (IllegalArgumentException refused) {
                result.completeExceptionally(refused);
            }
        });
        return result;
    }

    /** The report of the main world's run so far, as {@code simulate --out} writes it; {@code wallMillis} is 0 (a live run goes at the user's pace). */
    public CompletableFuture<ObjectNode> report() {
        return fromSimulationThread(() -> Report.of(worlds.main(), 0));
    }

    private static void checkTime(String what, double atSeconds) {
        if (!(atSeconds >= 0) || Double.isInfinite(atSeconds)) {
            throw new IllegalArgumentException(what + ": atSeconds must be a time from 0 on, got " + atSeconds);
        }
    }

    /** The scenario that replays the run so far: the initial scenario plus the user's recorded changes. */
    public CompletableFuture<Scenario> recordedScenario() {
        return fromSimulationThread(() -> worlds.main().recordedScenario());
    }

    /** Each world's {@link #recordedScenario}: the main one's, then in a comparison or race the second one's. */
    public CompletableFuture<List<Scenario>> recordedScenarios() {
        return fromSimulationThread(() -> worlds.all().stream().map(World::recordedScenario).toList());
    }

    /**
     * The scenario to start over from on Reset: the initial one, its own timeline kept, with the
     * user's parameter changes folded into its starting values ("reset keeps my settings").
     */
    public CompletableFuture<Scenario> restartScenario() {
        return fromSimulationThread(() -> worlds.main().restartScenario());
    }

    /** The live scenario with every change and scaling decision so far applied, without its timeline. */
    public CompletableFuture<Scenario> currentScenario() {
        return fromSimulationThread(() -> worlds.main().currentScenario().withTimeline(List.of()));
    }

    @Override
    public void close() {
        closed = true;
        checkpoints.close();
        LockSupport.unpark(thread);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What {@code query} gives, computed on the simulation thread (the worlds are confined to it). */
    private <T> CompletableFuture<T> fromSimulationThread(java.util.function.Supplier<T> query) {
        CompletableFuture<T> result = new CompletableFuture<>();
        submit(() -> result.complete(query.get()));
        return result;
    }

    private void submit(Runnable command) {
        commands.add(command);
        LockSupport.unpark(thread);
    }

    // ------------------------------------------------------------------ simulation thread

    /**
     * True on this runner's simulation thread, or before that thread starts: the constructor
     * publishes the first frame, and nothing else runs until {@link #start}.
     */
    private boolean onSimulationThread() {
        return Thread.currentThread() == thread || thread.getState() == Thread.State.NEW;
    }

    private void loop() {
        assert onSimulationThread();
        pacing.reanchor();
        publisher.startMeter(System.nanoTime());
        while (!closed) {
            try {
                boolean dirty = runCommands();
                // The builder of checkpoints rests while the user waits (a seek), the run needs the cores, or frames come late.
                checkpoints.setBusy(travel.seeking() || (pacing.atMaxSpeed() && !play.paused && !play.finished) || pacing.lagging() || pacing.backingOff());
                if (travel.seeking() && play.failure == null) {
                    travel.advanceSeek();
                    continue;
                }
                if (play.paused || play.failure != null) {
                    if (dirty) {
                        publisher.publish(System.nanoTime());
                    }
                    LockSupport.parkNanos(PUBLISH_INTERVAL_NANOS);
                    continue;
                }
                // Late frames back it off at a set speed too: a smooth window first (the status bar shows the lag).
                boolean saturated = pacing.saturated();
                boolean caughtUp = advanceOneSlice(pacing.sliceNanos(WORK_SLICE_NANOS, saturated));
                long now = System.nanoTime();
                pacing.judgeFrames(now);
                if (now - publisher.lastPublishWall() >= pacing.publishIntervalNanos(PUBLISH_INTERVAL_NANOS, saturated) || play.finished || play.paused) {
                    publisher.publish(now);
                }
                if (caughtUp && !closed) {
                    // Nothing is due before the next frame at this speed: sleep until about then.
                    LockSupport.parkNanos(Math.max(1_000_000L, PUBLISH_INTERVAL_NANOS - (System.nanoTime() - publisher.lastPublishWall())));
                } else if (pacing.backOffNanos(saturated) > 0 && !play.paused && !closed) {
                    // The UI's frames are late and this thread runs flat out: leave its threads the core a while.
                    pacing.countBackedOff();
                    LockSupport.parkNanos(pacing.backOffNanos(saturated));
                }
            } catch (Throwable t) {
                play.failure = RunMeter.describeFailure(t, worlds.main().nowSeconds());
                play.paused = true;
                publisher.publish(System.nanoTime());
                travel.failed(t);
            }
        }
    }

    private boolean runCommands() {
        assert onSimulationThread();
        boolean any = false;
        Runnable c;
        while ((c = commands.poll()) != null) {
            c.run();
            any = true;
        }
        return any;
    }

    /** Advances toward the wall-clock target for at most one work slice of {@code sliceNanos}; true when caught up. */
    private boolean advanceOneSlice(long sliceNanos) {
        assert onSimulationThread();
        long sliceStart = System.nanoTime();
        long endNanos = play.endNanos();
        long target = Math.min(pacing.targetNanos(sliceStart, endNanos), play.stopAtNanos);
        World world = worlds.main();
        boolean reached;
        boolean stopped;
        do {
            reached = world.advance(target, EVENTS_PER_CHUNK);
            if (worlds.race() != null) {
                worlds.race().advanceTo(world.simulation().nowNanos());
            }
            stopped = play.takeHit();
        } while (!reached && !stopped && System.nanoTime() - sliceStart < sliceNanos && commands.isEmpty());
        checkpoints.played(world);
        if (world.simulation().nowNanos() >= endNanos && reached) {
            play.finished = true;
            play.paused = true;
        }
        if (reached && world.simulation().nowNanos() >= play.stopAtNanos) {
            play.stopAtNanos = PlayState.NO_STOP; // playUntil arrived: every event at or before it has run
            play.paused = true;
        }
        return pacing.sliceEnded(world, sliceStart, sliceNanos, reached);
    }
}
