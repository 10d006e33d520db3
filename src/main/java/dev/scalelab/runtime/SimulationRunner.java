package dev.scalelab.runtime;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.sim.EventProfiler;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.RunStoppedException;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.World;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
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
public final class SimulationRunner implements AutoCloseable {
    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;
    public static final long PUBLISH_INTERVAL_NANOS = 16_000_000L;
    /** How far one press of "step" advances a paused simulation. */
    public static final long STEP_NANOS = 100 * Simulation.NANOS_PER_MILLI;
    /** Wall time the simulation thread may spend on events before it publishes and looks at commands. */
    private static final long WORK_SLICE_NANOS = 12_000_000L;
    private static final int EVENTS_PER_CHUNK = 4096;
    private static final long PROFILE_INTERVAL_NANOS = 1_000_000_000L;

    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    private final AtomicReference<ProfileTable> profile = new AtomicReference<>(ProfileTable.EMPTY);
    private final Thread thread;
    private volatile boolean closed;

    // Simulation-thread state.
    private World world;
    /** Race mode: a second world, same scenario and seed, another balancer strategy; null otherwise. */
    private World race;
    private boolean paused;
    private boolean finished;
    private double speed = 1.0;
    private long anchorWallNanos;
    private long anchorVirtualNanos;
    private boolean lagging;
    private String failure;
    private long frameCounter;
    private long lastPublishWall;
    private long rateWindowStartWall;
    private long rateWindowStartEvents;
    private double eventsPerSecond;
    /** Serves every world this runner runs (both in race mode), so the profile goes on across resets. */
    private final EventProfiler profiler = new EventProfiler(System::nanoTime, EventProfiler.DEFAULT_SAMPLE_EVERY);
    private EventProfiler.Profile profiledUntil = EventProfiler.Profile.EMPTY;
    private long profiledUntilWall = System.nanoTime();

    public SimulationRunner(Scenario scenario, boolean startPaused) {
        this.world = profiled(new World(scenario));
        this.paused = startPaused;
        this.thread = new Thread(this::loop, "scalelab-simulation");
        this.thread.setDaemon(true);
        publish(System.nanoTime());
    }

    public void start() {
        thread.start();
    }

    /** The newest published frame; never null. */
    public Frame latest() {
        return latest.get();
    }

    /** The simulator's profile over the last wall second it ran; never null. Any thread may call it. */
    public ProfileTable profile() {
        return profile.get();
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
                world = profiled(new World(world.restartScenario()));
                if (race != null) {
                    race = profiled(new World(race.restartScenario()));
                }
                finished = false;
                failure = null;
            }
            paused = false;
            reanchor();
        });
    }

    public void pause() {
        submit(() -> paused = true);
    }

    /**
     * Advances a paused simulation by {@link #STEP_NANOS} of virtual time, never past the scenario's
     * duration: the step that reaches it finishes the run, and a finished run does not move.
     */
    public void step() {
        submit(() -> {
            paused = true;
            long end = endNanos();
            long now = world.simulation().nowNanos();
            if (finished || now >= end) {
                return;
            }
            world.advanceTo(Math.min(now + STEP_NANOS, end));
            if (race != null) {
                race.advanceTo(world.simulation().nowNanos());
            }
            finished = world.simulation().nowNanos() >= end;
        });
    }

    private long endNanos() {
        assert onSimulationThread();
        return Simulation.secondsToNanos(world.currentScenario().durationSeconds());
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
            world = profiled(new World(Parameter.BALANCER_STRATEGY.applyTo(scenario, left.id())));
            race = profiled(new World(Parameter.BALANCER_STRATEGY.applyTo(scenario, right.id())));
            finished = false;
            failure = null;
            reanchor();
        });
    }

    /** Leaves race mode; the left world runs on. */
    public void stopRace() {
        submit(() -> race = null);
    }

    /** Race mode: changes the right world's strategy at once (the left one's is balancer.strategy). */
    public void setRaceStrategy(Strategy right) {
        submit(() -> {
            if (race != null) {
                race.advanceTo(race.commandTimeNanos());
                race.applyUserChange(Parameter.BALANCER_STRATEGY, right.id());
            }
        });
    }

    /** Starts over from {@code scenario}, at virtual time zero, leaving race mode. */
    public void reset(Scenario scenario) {
        Objects.requireNonNull(scenario);
        submit(() -> {
            race = null;
            world = profiled(new World(scenario));
            finished = false;
            failure = null;
            reanchor();
        });
    }

    /**
     * Changes a parameter of the running simulation. {@code value} must come from
     * {@link Parameter#parse} or {@link Parameter#validate}. The change takes effect at the next
     * whole millisecond of virtual time and is recorded on the run's timeline.
     */
    public void set(Parameter parameter, Object value) {
        Objects.requireNonNull(parameter);
        Objects.requireNonNull(value);
        submit(() -> {
            for (World w : worlds()) {
                w.advanceTo(w.commandTimeNanos());
                w.applyUserChange(parameter, value);
            }
        });
    }

    /**
     * Changes one field of a dependency, such as {@code dependencies[0].retry.maxAttempts} (see
     * {@code ScenarioFiles.isDependencyField}); a value the scenario file would refuse is refused
     * with a log line, and the run goes on.
     */
    public void setDependencyField(String path, Object value) {
        Objects.requireNonNull(path);
        Objects.requireNonNull(value);
        submit(() -> {
            for (World w : worlds()) {
                w.advanceTo(w.commandTimeNanos());
                w.applyUserCommand(Scenario.TimelineEntry.set(0, path, value));
            }
        });
    }

    /**
     * Runs an action on the pool ({@code target} is an instance id such as "i-2", or null where the
     * action needs none; {@code value} its value, such as the speed factor of slow-instance, or null;
     * {@code durationSeconds} how long a fault lasts, 0 for actions without one). Recorded like a
     * parameter change.
     */
    public void act(Action action, String target, Double value, double durationSeconds) {
        Objects.requireNonNull(action);
        submit(() -> {
            for (World w : worlds()) {
                w.advanceTo(w.commandTimeNanos());
                w.applyUserCommand(Scenario.TimelineEntry.action(0, action, target, value, durationSeconds));
            }
        });
    }

    // ------------------------------------------------------------------ teaching: breakpoints, undo, seek

    /**
     * The conditions at which the run pauses, for every world this runner starts from now on (they
     * survive Reset and scenario changes). A hit pauses the run and is published in
     * {@link RunStatus#breakpointHit()} until Play.
     */
    public void setBreakpoints(java.util.List<dev.scalelab.world.Breakpoint> breakpoints) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Takes back the user's last {@code set} (of a parameter or a dependency field) by setting the
     * value it replaced, as a new recorded change at the current time; actions (kill an instance) are
     * moments, not settings, and are not undone. Does nothing when there is nothing to undo.
     */
    public void undo() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Gives again the change {@link #undo()} took back last; a new change by the user clears what can be redone. */
    public void redo() {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Applies a timeline command now, as if the user gave it (a {@code set} of any field the timeline
     * accepts, or an action): lessons use it for their steps' changes. Recorded like any change.
     */
    public void apply(Scenario.TimelineEntry command) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Plays on and pauses exactly at virtual time {@code atSeconds} (every event at or before it has
     * run), or earlier at a breakpoint or at the scenario's end.
     */
    public void playUntil(double atSeconds) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Starts {@code scenario} over and runs it, as fast as it goes, to virtual time {@code atSeconds},
     * paused there (breakpoints do not stop a seek). The future completes with the frame published at
     * that moment. Lessons' Back uses it: a deterministic re-run to the start of a step.
     */
    public CompletableFuture<Frame> seek(Scenario scenario, double atSeconds) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The scenario that replays the run so far: the initial scenario plus the user's recorded changes. */
    public CompletableFuture<Scenario> recordedScenario() {
        CompletableFuture<Scenario> result = new CompletableFuture<>();
        submit(() -> result.complete(world.recordedScenario()));
        return result;
    }

    /**
     * The scenario to start over from on Reset: the initial one, its own timeline kept, with the
     * user's parameter changes folded into its starting values ("reset keeps my settings").
     */
    public CompletableFuture<Scenario> restartScenario() {
        CompletableFuture<Scenario> result = new CompletableFuture<>();
        submit(() -> result.complete(world.restartScenario()));
        return result;
    }

    /** The live scenario with every change and scaling decision so far applied, without its timeline. */
    public CompletableFuture<Scenario> currentScenario() {
        CompletableFuture<Scenario> result = new CompletableFuture<>();
        submit(() -> result.complete(world.currentScenario().withTimeline(java.util.List.of())));
        return result;
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private java.util.List<World> worlds() {
        assert onSimulationThread();
        return race == null ? java.util.List.of(world) : java.util.List.of(world, race);
    }

    /** {@code w}, its events handed to the runner's profiler. */
    private World profiled(World w) {
        w.simulation().setProfiler(profiler);
        return w;
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
        rateWindowStartWall = System.nanoTime();
        while (!closed) {
            try {
                boolean dirty = runCommands();
                if (paused || failure != null) {
                    if (dirty) {
                        publish(System.nanoTime());
                    }
                    LockSupport.parkNanos(PUBLISH_INTERVAL_NANOS);
                    continue;
                }
                boolean caughtUp = advanceOneSlice();
                long now = System.nanoTime();
                if (now - lastPublishWall >= PUBLISH_INTERVAL_NANOS || finished) {
                    publish(now);
                }
                if (caughtUp && !closed) {
                    // Nothing is due before the next frame at this speed: sleep until about then.
                    LockSupport.parkNanos(Math.max(1_000_000L, PUBLISH_INTERVAL_NANOS - (System.nanoTime() - lastPublishWall)));
                }
            } catch (Throwable t) {
                failure = describeFailure(t);
                paused = true;
                publish(System.nanoTime());
            }
        }
    }

    /**
     * What the user is shown when the simulation thread stops: a run that outgrew this machine says
     * what to lower in one line; anything else is a defect, shown with its stack for the report.
     */
    private String describeFailure(Throwable t) {
        if (t instanceof RunStoppedException) {
            return t.getMessage();
        }
        if (t instanceof OutOfMemoryError) {
            // The world that filled the heap is dropped on Reset; until then nothing more is allocated for it.
            return "the run stopped at t = " + Math.round(world.nowSeconds()) + " s: Java ran out of memory ("
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap); lower the arrival rate, the queue capacity "
                    + "or the number of instances, or give Java more memory (java -Xmx…)";
        }
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
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

    /** Advances toward the wall-clock target for at most one work slice; true when caught up. */
    private boolean advanceOneSlice() {
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
        boolean reached;
        do {
            reached = world.advance(target, EVENTS_PER_CHUNK);
            if (race != null) {
                race.advanceTo(world.simulation().nowNanos());
            }
        } while (!reached && System.nanoTime() - sliceStart < WORK_SLICE_NANOS && commands.isEmpty());
        if (world.simulation().nowNanos() >= endNanos && reached) {
            finished = true;
            paused = true;
        }
        if (speed != MAX_SPEED) {
            boolean behind = !reached && System.nanoTime() - sliceStart >= WORK_SLICE_NANOS;
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

    private void reanchor() {
        assert onSimulationThread();
        anchorWallNanos = System.nanoTime();
        anchorVirtualNanos = world.simulation().nowNanos();
    }

    private void publish(long wallNow) {
        assert onSimulationThread();
        long events = world.simulation().eventsFired();
        if (wallNow - rateWindowStartWall >= 500_000_000L) {
            eventsPerSecond = (events - rateWindowStartEvents) * 1e9 / (wallNow - rateWindowStartWall);
            rateWindowStartWall = wallNow;
            rateWindowStartEvents = events;
        } else if (events < rateWindowStartEvents) { // after a reset
            rateWindowStartEvents = events;
        }
        if (paused) {
            eventsPerSecond = 0;
        }
        if (wallNow - profiledUntilWall >= PROFILE_INTERVAL_NANOS) {
            EventProfiler.Profile now = profiler.profile();
            profile.set(ProfileTable.of(now.since(profiledUntil), (wallNow - profiledUntilWall) / 1e9));
            profiledUntil = now;
            profiledUntilWall = wallNow;
        }
        latest.set(new Frame(world.snapshot(),
                new RunStatus(++frameCounter, paused, finished, speed, eventsPerSecond, lagging, failure),
                race == null ? null : race.snapshot()));
        lastPublishWall = wallNow;
    }
}
