package dev.scalelab.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.sim.EventProfiler;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Action;
import dev.scalelab.world.Breakpoint;
import dev.scalelab.world.BreakpointHit;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Report;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.World;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one {@link World} on a background thread, advancing virtual time at speed x wall time.
 *
 * <p>Threads: every public method may be called from any thread (the UI's). They only enqueue a
 * command, which the simulation thread runs between events; the world itself never leaves that
 * thread. The newest {@link Frame} is published into an {@link AtomicReference} at most once per
 * {@link #PUBLISH_INTERVAL_NANOS}, and the UI polls it once per frame. The private methods that
 * touch the world assert that they run on the simulation thread.
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
    private static final long WORK_SLICE_NANOS = 12_000_000L;
    private static final int EVENTS_PER_CHUNK = 4096;
    /** {@link #stopAtNanos} when no {@link #playUntil} is pending. */
    private static final long NO_STOP = Long.MAX_VALUE;

    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    /** The run's branches as last published: with each frame, so the two agree. */
    private final AtomicReference<Branches.View> branchView = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closed;

    // Simulation-thread state.
    /** The main world, the race world in race mode, their breakpoints and the user's change history. */
    private final RunWorlds worlds;
    private boolean paused;
    private boolean finished;
    private double speed = 1.0;
    private long anchorWallNanos;
    private long anchorVirtualNanos;
    private boolean lagging;
    private String failure;
    private long frameCounter;
    private long lastPublishWall;
    /** Events per second and the simulator's profile; its profiler serves every world this runner runs. */
    private final RunMeter meter = new RunMeter();
    /** The breakpoint that paused the run, published until it plays again; else null. */
    private BreakpointHit hit;
    /** Where a {@link #playUntil} pauses, or {@link #NO_STOP}. */
    private long stopAtNanos = NO_STOP;
    /** A {@link #seek} in progress: its future and target; null when none. */
    private CompletableFuture<Frame> seekFuture;
    private long seekNanos;
    /** Worlds parked along the run, which a seek starts from instead of t = 0. */
    private final Checkpoints checkpoints;
    /** The user's commands given while a seek runs: they take effect where it arrives, not part-way. */
    private final List<Runnable> afterSeek = new ArrayList<>();
    /** A fork's seek: the run plays on where it arrives if it was playing when the user made the change. */
    private boolean playAfterSeek;
    /** How far this thread backs off while the UI's frames come late (issue 17): wall-time pacing only. */
    private final FrameBackoff backoff = new FrameBackoff();

    public SimulationRunner(Scenario scenario, boolean startPaused) {
        this(scenario, startPaused, Checkpoints.FIRST_EVENTS_PER_MARK);
    }

    /** A runner whose checkpoints are {@code eventsPerCheckpoint} events apart at first (tests use short runs). */
    SimulationRunner(Scenario scenario, boolean startPaused, long eventsPerCheckpoint) {
        this.checkpoints = Checkpoints.forHeap(Runtime.getRuntime().maxMemory(), eventsPerCheckpoint);
        this.worlds = new RunWorlds(scenario, meter.profiler());
        this.paused = startPaused;
        this.thread = new Thread(this::loop, "scalelab-simulation");
        this.thread.setDaemon(true);
        publish(System.nanoTime());
    }

    public void start() {
        thread.start();
    }

    /** The newest published frame; never null. */
    @Override
    public Frame latest() {
        return latest.get();
    }

    /**
     * The UI drew a pulse at {@code nowNanos} (the FX thread calls this once per pulse): when pulses
     * come late while this thread runs flat out, it backs off (see {@link FrameBackoff}).
     */
    public void frameShown(long nowNanos) {
        backoff.frameShown(nowNanos);
    }

    /** Work slices after which the simulation thread slept to leave the UI room; any thread. */
    public long backedOffSlices() {
        return backoff.backedOffSlices();
    }

    /** The main world's report as {@code simulate --out} writes it, with {@code wallMillis} 0 (tests: the same run, bit for bit). */
    CompletableFuture<String> reportJson() {
        return fromSimulationThread(() -> dev.scalelab.world.Report.toJson(dev.scalelab.world.Report.of(worlds.main(), 0)));
    }

    /** The simulator's profile over the last wall second it ran; never null. Any thread may call it. */
    public ProfileTable profile() {
        return meter.profile();
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
            if (finished) {
                startAgain();
            }
            hit = null;
            stopAtNanos = NO_STOP; // Play runs on past a playUntil that a breakpoint cut short
            paused = false;
            reanchor();
        });
    }

    /** Play at the end of a run: it starts again from t = 0, as Reset does, in race mode both worlds. */
    private void startAgain() {
        assert onSimulationThread();
        worlds.startAgain();
        finished = false;
        failure = null;
    }

    public void pause() {
        submit(() -> paused = true);
    }

    /**
     * Advances a paused simulation by {@link #STEP_NANOS} of virtual time, never past the scenario's
     * duration: the step that reaches it finishes the run, and a finished run does not move. A
     * breakpoint on the way ends the step right after the event that tripped it; a step clears the
     * hit shown before it.
     */
    public void step() {
        submit(() -> {
            paused = true;
            hit = null;
            stopAtNanos = NO_STOP;
            long end = endNanos();
            long now = worlds.main().simulation().nowNanos();
            if (finished || now >= end) {
                return;
            }
            World world = worlds.main();
            long target = Math.min(now + STEP_NANOS, end);
            boolean reached;
            do { // a breakpoint on the way ends the step where it fired
                reached = world.advance(target, Integer.MAX_VALUE);
            } while (!reached && !takeHit());
            if (worlds.race() != null) {
                worlds.race().advanceTo(world.simulation().nowNanos());
                takeHit();
            }
            finished = reached && world.simulation().nowNanos() >= end;
        });
    }

    private long endNanos() {
        assert onSimulationThread();
        return Simulation.secondsToNanos(worlds.main().currentScenario().durationSeconds());
    }

    /** Virtual seconds per wall second, such as 0.1, 1, 10, 100 or {@link #MAX_SPEED}. */
    public void setSpeed(double newSpeed) {
        if (!(newSpeed > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + newSpeed);
        }
        submit(() -> {
            speed = newSpeed;
            reanchor();
        });
    }

    /**
     * Race mode: starts over at virtual time zero with two worlds, the same scenario and seed, the
     * left one balancing with {@code left} and the right one with {@code right}. They advance in
     * lockstep and receive the same commands, so every difference comes from the strategy.
     */
    public void startRace(Scenario scenario, Strategy left, Strategy right) {
        Objects.requireNonNull(scenario);
        submit(() -> {
            startOver();
            worlds.startRace(scenario, left, right);
            reanchor();
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
            startOver();
            worlds.startCompare(a, b, labels);
            reanchor();
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
            startOver();
            worlds.start(scenario);
            reanchor();
        });
    }

    /**
     * What every start from a new scenario does before making its worlds: a seek in progress is
     * called off, and nothing is finished, failed or hit.
     */
    private void startOver() {
        assert onSimulationThread();
        if (worlds.race() == null) {
            checkpoints.offer(worlds.main()); // a seek forward again may go on from it
        }
        cancelSeek();
        finished = false;
        failure = null;
        hit = null;
        stopAtNanos = NO_STOP;
    }

    private void cancelSeek() {
        afterSeek.clear();
        playAfterSeek = false;
        if (seekFuture != null) {
            seekFuture.completeExceptionally(new CancellationException("another scenario was started before the seek arrived"));
            seekFuture = null;
        }
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
        submit(() -> userCommand(() -> worlds.set(parameter.path(), value)));
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
        submit(() -> userCommand(() -> worlds.set(path, value)));
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
        submit(() -> userCommand(() -> worlds.act(Scenario.TimelineEntry.action(0, action, target, value, durationSeconds))));
    }

    /** Runs a command of the user's on the worlds; a breakpoint passed on the way to its command time pauses. */
    private void userCommand(Runnable command) {
        assert onSimulationThread();
        if (seekFuture != null) {
            afterSeek.add(command);
            return;
        }
        if (worlds.forkNeeded()) {
            // A change at a moment the run went back to: a new branch, its world re-run to this
            // moment as a seek does (frames on the way), and the change applied where it arrives.
            boolean playing = !paused;
            long now = worlds.fork((child, atNanos) -> parkedFor(child, atNanos / 1e9));
            if (now < 0) {
                // The run's world went on as the new branch (it had only replayed the parent's past): no re-run.
                command.run();
                takeHit();
                return;
            }
            beginSeek(now / 1e9, new CompletableFuture<>());
            playAfterSeek = playing;
            afterSeek.add(command);
            return;
        }
        command.run();
        takeHit();
    }

    // ------------------------------------------------------------------ teaching: breakpoints, undo, seek

    /**
     * The conditions at which the run pauses, for every world this runner starts from now on (they
     * survive Reset and scenario changes). A hit pauses the run and is published in
     * {@link RunStatus#breakpointHit()} until Play.
     */
    public void setBreakpoints(List<Breakpoint> breakpoints) {
        List<Breakpoint> copy = List.copyOf(breakpoints);
        submit(() -> worlds.setBreakpoints(copy, seekFuture == null)); // a seek installs them when it arrives
    }

    /**
     * Takes back the user's last {@code set} (of a parameter or a dependency field) by setting the
     * value it replaced, as a new recorded change at the current time; actions (kill an instance) are
     * moments, not settings, and are not undone. Does nothing when there is nothing to undo.
     */
    public void undo() {
        submit(() -> userCommand(worlds::undo));
    }

    /** Gives again the change {@link #undo()} took back last; a new change by the user clears what can be redone. */
    public void redo() {
        submit(() -> userCommand(worlds::redo));
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
            submit(() -> userCommand(() -> worlds.set(c.path(), c.value())));
        } else {
            submit(() -> userCommand(() -> worlds.act(c)));
        }
    }

    /**
     * Plays on and pauses exactly at virtual time {@code atSeconds} (every event at or before it has
     * run), or earlier at a breakpoint or at the scenario's end.
     */
    public void playUntil(double atSeconds) {
        if (!(atSeconds >= 0) || Double.isInfinite(atSeconds)) {
            throw new IllegalArgumentException("playUntil: atSeconds must be a time from 0 on, got " + atSeconds);
        }
        submit(() -> {
            if (finished) {
                startAgain();
            }
            hit = null;
            long at = Math.min(Simulation.secondsToNanos(atSeconds), endNanos());
            if (at < worlds.main().simulation().nowNanos()) {
                stopAtNanos = NO_STOP;
                paused = true; // already past it: nothing runs
                return;
            }
            stopAtNanos = at;
            paused = false;
            reanchor();
        });
    }

    /**
     * Starts {@code scenario} over and runs it, as fast as it goes, to virtual time {@code atSeconds},
     * paused there (breakpoints do not stop a seek). The future completes with the frame published at
     * that moment. Lessons' Back uses it: a deterministic re-run to the start of a step.
     */
    public CompletableFuture<Frame> seek(Scenario scenario, double atSeconds) {
        Objects.requireNonNull(scenario);
        if (!(atSeconds >= 0) || Double.isInfinite(atSeconds)) {
            throw new IllegalArgumentException("seek: atSeconds must be a time from 0 on, got " + atSeconds);
        }
        CompletableFuture<Frame> arrived = new CompletableFuture<>();
        submit(() -> {
            startOver();
            worlds.startUnwatched(scenario, parkedFor(scenario, atSeconds)); // breakpoints are installed on arrival
            beginSeek(atSeconds, arrived);
        });
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
        submit(() -> {
            startOver();
            Scenario current = worlds.branches().current().scenario();
            worlds.startUnwatched(current, parkedFor(current, atSeconds));
            beginSeek(atSeconds, arrived);
        });
        return arrived;
    }

    /**
     * Switches to branch {@code id}: its scenario re-run to {@code atSeconds}, or to the furthest it
     * got when that is earlier, paused there. An unknown branch fails the future and changes nothing.
     */
    public CompletableFuture<Frame> switchBranch(int id, double atSeconds) {
        checkTime("switchBranch", atSeconds);
        CompletableFuture<Frame> arrived = new CompletableFuture<>();
        submit(() -> {
            if (worlds.branches().view().byId(id) == null) {
                arrived.completeExceptionally(new IllegalArgumentException("branch " + id + ": there is no such branch"));
                return;
            }
            startOver();
            Branch b = worlds.switchBranch(id, to -> parkedFor(to.scenario(), switchTime(to, atSeconds)));
            beginSeek(switchTime(b, atSeconds), arrived);
        });
        return arrived;
    }

    /** Where a switch to {@code b} arrives: {@code atSeconds}, or the furthest the branch got when that is earlier. */
    private static double switchTime(Branch b, double atSeconds) {
        return Math.min(atSeconds, Math.max(b.forkSeconds(), b.reachedSeconds()));
    }

    /** A world parked on the way to {@code atSeconds} that can go on as {@code scenario}, taken for a seek; null for none. */
    private World parkedFor(Scenario scenario, double atSeconds) {
        long at = Math.min(Simulation.secondsToNanos(atSeconds), Simulation.secondsToNanos(scenario.durationSeconds()));
        return checkpoints.take(scenario, at);
    }

    /** The run's branches as last published; never null. Any thread. */
    public Branches.View branches() {
        return branchView.get();
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
                branchView.set(worlds.branches().view());
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

    /** After the worlds start: the run pauses and goes, as fast as it can, to {@code atSeconds}; see {@link #advanceSeek()}. */
    private void beginSeek(double atSeconds, CompletableFuture<Frame> arrived) {
        assert onSimulationThread();
        paused = true;
        seekNanos = Math.min(Simulation.secondsToNanos(atSeconds), endNanos());
        seekFuture = arrived;
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
        reanchor();
        meter.start(System.nanoTime());
        while (!closed) {
            try {
                boolean dirty = runCommands();
                // The builder of checkpoints rests while the user waits (a seek), the run needs the cores, or frames come late.
                checkpoints.setBusy(seekFuture != null || (speed == MAX_SPEED && !paused && !finished) || lagging || backoff.level() > 0);
                if (seekFuture != null && failure == null) {
                    advanceSeek();
                    continue;
                }
                if (paused || failure != null) {
                    if (dirty) {
                        publish(System.nanoTime());
                    }
                    LockSupport.parkNanos(PUBLISH_INTERVAL_NANOS);
                    continue;
                }
                // Late frames back it off at a set speed too: a smooth window first (the status bar shows the lag).
                boolean saturated = speed == MAX_SPEED || lagging || backoff.level() > 0;
                boolean caughtUp = advanceOneSlice(backoff.sliceNanos(WORK_SLICE_NANOS, saturated));
                long now = System.nanoTime();
                backoff.update(now);
                if (now - lastPublishWall >= backoff.publishIntervalNanos(PUBLISH_INTERVAL_NANOS, saturated) || finished || paused) {
                    publish(now);
                }
                if (caughtUp && !closed) {
                    // Nothing is due before the next frame at this speed: sleep until about then.
                    LockSupport.parkNanos(Math.max(1_000_000L, PUBLISH_INTERVAL_NANOS - (System.nanoTime() - lastPublishWall)));
                } else if (backoff.pauseNanos(saturated) > 0 && !paused && !closed) {
                    // The UI's frames are late and this thread runs flat out: leave its threads the core a while.
                    backoff.countBackedOff();
                    LockSupport.parkNanos(backoff.pauseNanos(saturated));
                }
            } catch (Throwable t) {
                failure = RunMeter.describeFailure(t, worlds.main().nowSeconds());
                paused = true;
                publish(System.nanoTime());
                if (seekFuture != null) {
                    seekFuture.completeExceptionally(t);
                    seekFuture = null;
                }
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
        long endNanos = endNanos();
        long target;
        if (speed == MAX_SPEED) {
            target = endNanos;
        } else {
            target = anchorVirtualNanos + (long) ((sliceStart - anchorWallNanos) * speed);
            target = Math.min(target, endNanos);
        }
        target = Math.min(target, stopAtNanos);
        World world = worlds.main();
        boolean reached;
        boolean stopped;
        do {
            reached = world.advance(target, EVENTS_PER_CHUNK);
            if (worlds.race() != null) {
                worlds.race().advanceTo(world.simulation().nowNanos());
            }
            stopped = takeHit();
        } while (!reached && !stopped && System.nanoTime() - sliceStart < sliceNanos && commands.isEmpty());
        checkpoints.played(world);
        if (world.simulation().nowNanos() >= endNanos && reached) {
            finished = true;
            paused = true;
        }
        if (reached && world.simulation().nowNanos() >= stopAtNanos) {
            stopAtNanos = NO_STOP; // playUntil arrived: every event at or before it has run
            paused = true;
        }
        if (speed != MAX_SPEED) {
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
        return reached && speed != MAX_SPEED;
    }

    /**
     * Takes a breakpoint hit from the worlds, if one fired: the run pauses and shows it. Returns
     * whether one did.
     */
    private boolean takeHit() {
        assert onSimulationThread();
        BreakpointHit h = worlds.takeHit();
        if (h == null) {
            return false;
        }
        hit = h;
        paused = true;
        stopAtNanos = NO_STOP;
        return true;
    }

    /**
     * One work slice of a seek: as fast as the machine goes, publishing the time reached as it goes.
     * On arrival the breakpoints are installed, the frame there is published and the future completes with it.
     */
    private void advanceSeek() {
        assert onSimulationThread();
        long sliceStart = System.nanoTime();
        World world = worlds.main();
        boolean reached;
        do {
            reached = world.advance(seekNanos, EVENTS_PER_CHUNK);
        } while (!reached && System.nanoTime() - sliceStart < WORK_SLICE_NANOS && commands.isEmpty());
        checkpoints.played(world);
        long now = System.nanoTime();
        if (!reached) {
            if (now - lastPublishWall >= PUBLISH_INTERVAL_NANOS) {
                publish(now);
            }
            return;
        }
        worlds.watch();
        finished = world.simulation().nowNanos() >= endNanos();
        CompletableFuture<Frame> arrived = seekFuture;
        seekFuture = null;
        List<Runnable> given = List.copyOf(afterSeek);
        afterSeek.clear();
        given.forEach(this::userCommand);
        if (playAfterSeek && !finished && hit == null) {
            paused = false;
        }
        playAfterSeek = false;
        reanchor();
        publish(now);
        arrived.complete(latest.get());
    }

    private void reanchor() {
        assert onSimulationThread();
        anchorWallNanos = System.nanoTime();
        anchorVirtualNanos = worlds.main().simulation().nowNanos();
    }

    private void publish(long wallNow) {
        assert onSimulationThread();
        World world = worlds.main();
        double eventsPerSecond = meter.measure(wallNow, world.simulation().eventsFired(), paused);
        ChangeHistory history = worlds.history();
        branchView.set(worlds.branches().view()); // before the frame: whoever sees the frame sees its branches
        latest.set(new Frame(world.snapshot(),
                new RunStatus(++frameCounter, paused, finished, speed, eventsPerSecond, lagging, failure, hit,
                        history.modified(), history.undoDepth(), history.redoDepth()),
                worlds.race() == null ? null : worlds.race().snapshot(), worlds.comparison()));
        lastPublishWall = wallNow;
    }
}
