package dev.scalelab.practice;

import dev.scalelab.world.Scenario;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Grades a design against a challenge: runs it headless at full speed, with the challenge's hidden
 * incidents, on {@code seeds} seeds (the start's seed and the next ones; see
 * {@link Challenge#gradingSeeds}), and measures every requirement in each run's report. Runs are
 * independent and deterministic, so they may run on several threads; the verdict is the same
 * whatever the thread count. For a failed requirement it finds when it broke (from the run's
 * per-second samples) and why (the decision log before that moment), see {@link Breach}.
 */
public final class Grader {
    /** Told after each seed's run ends; called from the grading threads. */
    public interface Listener {
        void seedDone(int done, int total);
    }

    private Grader() {
    }

    /**
     * The verdict on {@code design}. A design that changes a field the challenge fixes still runs
     * and is graded, but fails ({@link Verdict#violations}). {@code cancelled} is polled between
     * slices of simulated time: when it turns true the grading stops with a
     * {@link CancellationException}.
     */
    public static Verdict grade(Challenge challenge, Scenario design, int seeds, Listener listener, BooleanSupplier cancelled) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * The fields {@code design} changed that the challenge fixes: every leaf of the scenario file's
     * tree (see {@link dev.scalelab.world.ScenarioFiles#tree}) that differs from the start's and is
     * not under one of {@link Challenge#knobs}; {@code name}, {@code description} and {@code seed}
     * are always free. One line each, naming the field and both values.
     */
    public static List<String> violations(Challenge challenge, Scenario design) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Out of 100: 60 × the share of requirements met, and, only when every requirement is met and
     * nothing fixed was changed, 40 × (1 − costPerHour / {@link Challenge#scoreCostPerHour}),
     * clamped to [0, 40]; rounded to a whole number. Meeting every requirement always scores more
     * than missing one; among designs that meet them all, the cheaper scores more.
     */
    public static int score(Challenge challenge, List<RequirementResult> results, boolean noViolations, double costPerHour) {
        throw new UnsupportedOperationException("not built yet");
    }
}
