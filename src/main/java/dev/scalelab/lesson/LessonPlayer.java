package dev.scalelab.lesson;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.BreakpointHit;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;

import java.util.List;

/**
 * Plays a lesson headless on one world, step by step, the way the app does on its runner: the
 * lesson tests use it to check that every step's run stops where it says and every prediction has
 * an answer; the app uses {@link #scenarioAtStep} and {@link #startSecondsOf} for Back.
 *
 * <p>A step starts at the next whole millisecond after the previous step stopped (where a command
 * given now takes effect: {@link World#commandTimeNanos()}): every event up to then runs, the
 * first change applies there and each further one a millisecond later (as the runner gives each
 * command its own next millisecond), all recorded like the user's own; then the run goes on to the step's
 * stop. This is what the runner does with a command given while paused. So Back to step k is: start
 * {@link #scenarioAtStep}(k), run it to {@code startSecondsOf(k) - 0.001} (or to where step k - 1
 * stopped) and apply step k's changes as the user would; they land at {@code startSecondsOf(k)}
 * exactly, and the step replays bit for bit.
 */
public final class LessonPlayer {

    /**
     * What a step's run came to.
     *
     * @param stoppedAtSeconds the virtual time the run paused at
     * @param hit              the breakpoint that stopped it, or null for a time
     * @param probeValue       the prediction's probe there, or NaN without a prediction
     * @param answer           the index of the choice that holds it, -1 without a prediction
     * @param snapshot         the world there
     */
    public record Outcome(double stoppedAtSeconds, BreakpointHit hit, double probeValue, int answer, Snapshot snapshot) {
    }

    /** A step's start is one command granule (a millisecond) after the previous stop at most. */
    static final double COMMAND_GRANULE_SECONDS = 0.001;

    private final Lesson lesson;
    private final World world;
    private final double[] startSeconds;
    private final Scenario[] scenarios;
    /** The world at each step's start, before its changes: what a replay of {@link #scenarioAtStep} reaches. */
    private final Snapshot[] startSnapshots;
    private int next;

    public LessonPlayer(Lesson lesson) {
        this.lesson = lesson;
        this.world = new World(lesson.start());
        int n = lesson.steps().size();
        this.startSeconds = new double[n];
        this.scenarios = new Scenario[n];
        this.startSnapshots = new Snapshot[n];
    }

    /** Applies step {@code index}'s changes and runs it; steps must be played in order from 0. */
    public Outcome play(int index) {
        if (index != next) {
            throw new IllegalStateException("step " + index + " played out of order: the next step is " + next);
        }
        Step step = lesson.steps().get(index);
        String at = lesson.id() + ": steps[" + index + "]";
        world.advanceTo(world.commandTimeNanos());
        startSeconds[index] = world.nowSeconds();
        scenarios[index] = world.recordedScenario();
        startSnapshots[index] = world.snapshot();
        boolean first = true;
        for (Scenario.TimelineEntry change : step.changes()) {
            // The runner gives each command its own next millisecond, as the user's clicks would get.
            if (!first) {
                world.advanceTo(world.commandTimeNanos());
            }
            first = false;
            world.applyUserCommand(change);
        }
        next++;
        BreakpointHit hit = null;
        RunUntil until = step.runUntil();
        if (until != null && until.breakpoint() == null) {
            if (until.atSeconds() < world.nowSeconds()) {
                throw new LessonException(at + ".runUntil.atSeconds: " + until.atSeconds()
                        + " s is already past: the run is at " + world.nowSeconds() + " s");
            }
            world.advanceTo(Simulation.secondsToNanos(until.atSeconds()));
        } else if (until != null) {
            hit = runToBreakpoint(until, at);
        }
        Snapshot snapshot = world.snapshot();
        Prediction p = step.prediction();
        double value = p == null ? Double.NaN : p.probe().value(snapshot);
        return new Outcome(world.nowSeconds(), hit, value, p == null ? -1 : p.answer(value), snapshot);
    }

    private BreakpointHit runToBreakpoint(RunUntil until, String at) {
        world.setBreakpoints(List.of(until.breakpoint()));
        try {
            long limit = Simulation.secondsToNanos(until.limitSeconds());
            BreakpointHit hit = null;
            while (hit == null && !world.advance(limit, Integer.MAX_VALUE)) {
                hit = world.takeBreakpointHit();
            }
            if (hit == null) {
                hit = world.takeBreakpointHit(); // it may have fired on the very last event before the limit
            }
            if (hit == null) {
                throw new LessonException(at + ".runUntil.breakpoint: " + until.breakpoint().id()
                        + " did not fire by " + until.limitSeconds() + " s");
            }
            return hit;
        } finally {
            world.setBreakpoints(List.of());
        }
    }

    /** The virtual time at which step {@code index} started (its changes applied); after it was played. */
    public double startSecondsOf(int index) {
        requirePlayed(index);
        return startSeconds[index];
    }

    /**
     * The scenario that replays the lesson up to the start of step {@code index}: the start with every
     * earlier step's changes on its timeline at the moments they were applied. Re-running it to
     * {@link #startSecondsOf} gives the exact state at the start of that step.
     */
    public Scenario scenarioAtStep(int index) {
        requirePlayed(index);
        return scenarios[index];
    }

    /** The world at step {@code index}'s start, before its changes (for the replay tests). */
    Snapshot startSnapshotOf(int index) {
        requirePlayed(index);
        return startSnapshots[index];
    }

    private void requirePlayed(int index) {
        if (index < 0 || index >= next) {
            throw new IllegalStateException("step " + index + " has not been played: " + next + " played so far");
        }
    }
}
