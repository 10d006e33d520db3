package dev.scalelab.lesson;

import dev.scalelab.world.BreakpointHit;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;

/**
 * Plays a lesson headless on one world, step by step, the way the app does on its runner: the
 * lesson tests use it to check that every step's run stops where it says and every prediction has
 * an answer; the app uses {@link #scenarioAtStep} and {@link #startSecondsOf} for Back.
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

    public LessonPlayer(Lesson lesson) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Applies step {@code index}'s changes and runs it; steps must be played in order from 0. */
    public Outcome play(int index) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The virtual time at which step {@code index} started (its changes applied); after it was played. */
    public double startSecondsOf(int index) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * The scenario that replays the lesson up to the start of step {@code index}: the start with every
     * earlier step's changes on its timeline at the moments they were applied. Re-running it to
     * {@link #startSecondsOf} gives the exact state at the start of that step.
     */
    public Scenario scenarioAtStep(int index) {
        throw new UnsupportedOperationException("not built yet");
    }
}
