package dev.scalelab.practice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.runtime.ParallelRuns;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Report;
import dev.scalelab.world.RunStoppedException;
import dev.scalelab.world.Sample;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.World;
import dev.scalelab.world.network.Network;
import dev.scalelab.world.network.Pipeline;
import dev.scalelab.world.network.PipelineFigures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** How much simulated time runs between two looks at the cancel flag. */
    private static final double SLICE_SECONDS = 5;

    private Grader() {
    }

    /**
     * The verdict on {@code design}. A design that changes a field the challenge fixes still runs
     * and is graded, but fails ({@link Verdict#violations}). {@code cancelled} is polled between
     * slices of simulated time: when it turns true the grading stops with a
     * {@link CancellationException}. A drawing of the pipeline's shape is graded as its sections
     * ({@link Pipeline#lower}); a drawing of another shape on the network engine ({@link DrawnGrading}).
     *
     * @throws ScenarioException when {@code design} is a drawing that cannot run (its reason, by path)
     */
    public static Verdict grade(Challenge challenge, Scenario design, int seeds, Listener listener, BooleanSupplier cancelled) {
        return grade(challenge, design, seeds, Math.min(2, Runtime.getRuntime().availableProcessors()), listener, cancelled);
    }

    /** {@link #grade(Challenge, Scenario, int, Listener, BooleanSupplier)} on {@code threads} threads. */
    static Verdict grade(Challenge challenge, Scenario design, int seeds, int threads, Listener listener,
                         BooleanSupplier cancelled) {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds: at least 1, got " + seeds);
        }
        Scenario sections = Pipeline.lower(design);
        if (sections == null) {
            Network.check(design); // a drawing that cannot run at all is the candidate's to fix, not a failed grading
        }
        List<String> violations = violations(challenge, design);
        List<Long> seedList = challenge.gradingSeeds(seeds);
        long requestMemoryBytes = ParallelRuns.requestMemoryBytes(threads);
        List<ParallelRuns.Run<SeedRun>> tasks = new ArrayList<>(seeds);
        for (long seed : seedList) {
            tasks.add(sections != null ? stop -> run(challenge, sections, seed, requestMemoryBytes, stop)
                    : stop -> runDrawing(challenge, design, seed, stop));
        }
        ParallelRuns.Listener told = listener == null ? null : listener::seedDone;
        List<SeedRun> runs = ParallelRuns.run(tasks, threads, "scalelab-grader", told, cancelled);
        return verdict(challenge, seedList, violations, runs);
    }

    /** What one seed's run left behind: what each requirement measured, and each failure's breach. */
    private record SeedRun(long seed, double[] values, Breach[] breaches, double costPerHour, double[] predictions) {
    }

    private static SeedRun run(Challenge challenge, Scenario design, long seed, long requestMemoryBytes,
                               BooleanSupplier cancelled) {
        Scenario graded;
        try {
            graded = challenge.graded(design, seed);
        } catch (ScenarioException e) {
            // The design removed a part the hidden incidents act on (a dependency, a shard): nothing to run.
            return unrunnable(challenge, seed, "the design cannot take the challenge's incidents: " + e.getMessage());
        }
        World world = new World(graded, requestMemoryBytes);
        List<Sample> samples = new ArrayList<>((int) Math.min(graded.durationSeconds() + 1, 3_600));
        world.setSampleSink(samples::add);
        String stopped = null;
        double end = graded.durationSeconds();
        try {
            for (double t = 0; t < end; ) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("grading cancelled");
                }
                t = Math.min(end, t + SLICE_SECONDS);
                world.advanceTo(Simulation.secondsToNanos(t));
            }
        } catch (RunStoppedException e) {
            // The design overran the machine (queues without bound under overload): it fails every requirement, saying why.
            stopped = "the run stopped at " + Figures.clock(e.atSeconds()) + ": " + e.getMessage();
        }
        return measured(challenge, graded.seed(), Report.of(world, 0), samples, stopped);
    }

    /**
     * One seed's run of a drawing of another shape than the pipeline's, on the network engine (see
     * {@link DrawnGrading}), with its seconds read from the network's per-second record.
     */
    private static SeedRun runDrawing(Challenge challenge, Scenario drawing, long seed, BooleanSupplier cancelled) {
        Network net;
        try {
            net = new Network(DrawnGrading.graded(challenge, drawing, seed));
        } catch (ScenarioException e) {
            return unrunnable(challenge, seed, "the design cannot take the challenge's incidents: " + e.getMessage());
        }
        for (double t = 0; t < net.durationSeconds(); ) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("grading cancelled");
            }
            t = Math.min(net.durationSeconds(), t + SLICE_SECONDS);
            net.runUntil(t);
        }
        return measured(challenge, seed, PipelineFigures.of(net), PipelineFigures.samples(net), null);
    }

    /** What each requirement and prediction measured in a finished run's report, and each failure's breach. */
    private static SeedRun measured(Challenge challenge, long seed, ObjectNode report, List<Sample> samples, String stopped) {
        List<Requirement> requirements = challenge.requirements();
        double[] values = new double[requirements.size()];
        Breach[] breaches = new Breach[requirements.size()];
        for (int i = 0; i < requirements.size(); i++) {
            Requirement r = requirements.get(i);
            String problem = stopped;
            double value = Double.NaN;
            if (problem == null) {
                try {
                    value = r.metric().measure(report, r.target());
                } catch (IllegalArgumentException missing) {
                    problem = missing.getMessage();
                }
            }
            values[i] = value;
            if (problem != null) {
                breaches[i] = new Breach(seed, Double.NaN, problem, Breaches.whyOverRun(report));
            } else if (!r.met(value)) {
                breaches[i] = Breaches.find(r, value, seed, samples, report);
            }
        }
        double[] predictions = new double[challenge.predictions().size()];
        for (int i = 0; i < predictions.length; i++) {
            Prediction p = challenge.predictions().get(i);
            try {
                predictions[i] = p.metric().measure(report, p.target());
            } catch (IllegalArgumentException missing) {
                predictions[i] = Double.NaN;
            }
        }
        double cost = report.path("cost").path("meanPerHour").asDouble(Double.NaN);
        return new SeedRun(seed, values, breaches, cost, predictions);
    }

    private static SeedRun unrunnable(Challenge challenge, long seed, String why) {
        int n = challenge.requirements().size();
        double[] values = new double[n];
        Breach[] breaches = new Breach[n];
        for (int i = 0; i < n; i++) {
            values[i] = Double.NaN;
            breaches[i] = new Breach(seed, Double.NaN, why, List.of());
        }
        double[] predictions = new double[challenge.predictions().size()];
        Arrays.fill(predictions, Double.NaN);
        return new SeedRun(seed, values, breaches, Double.NaN, predictions);
    }

    private static Verdict verdict(Challenge challenge, List<Long> seeds, List<String> violations, List<SeedRun> runs) {
        List<RequirementResult> results = new ArrayList<>();
        List<Requirement> requirements = challenge.requirements();
        for (int i = 0; i < requirements.size(); i++) {
            Requirement r = requirements.get(i);
            List<Double> perSeed = new ArrayList<>(runs.size());
            boolean passed = true;
            int worst = -1;
            for (int k = 0; k < runs.size(); k++) {
                double v = runs.get(k).values()[i];
                perSeed.add(v);
                if (!r.met(v)) {
                    passed = false;
                    if (worst < 0 || worse(r, v, runs.get(worst).values()[i])) {
                        worst = k;
                    }
                }
            }
            double overall = worst >= 0 ? runs.get(worst).values()[i] : worstOf(r, perSeed);
            results.add(new RequirementResult(r, perSeed, overall, passed, worst >= 0 ? runs.get(worst).breaches()[i] : null));
        }
        double cost = 0;
        for (SeedRun run : runs) {
            cost += run.costPerHour();
        }
        cost /= runs.size();
        Map<String, Double> predictions = new LinkedHashMap<>();
        for (int i = 0; i < challenge.predictions().size(); i++) {
            double sum = 0;
            for (SeedRun run : runs) {
                sum += run.predictions()[i];
            }
            predictions.put(challenge.predictions().get(i).id(), sum / runs.size());
        }
        boolean passed = violations.isEmpty() && results.stream().allMatch(RequirementResult::passed);
        int score = score(challenge, results, violations.isEmpty(), cost);
        return new Verdict(challenge.id(), seeds, passed, score, violations, results, cost, predictions);
    }

    /** Whether {@code a} misses {@code r} by more than {@code b} does; a value not measured (NaN) is the worst. */
    private static boolean worse(Requirement r, double a, double b) {
        if (Double.isNaN(b)) {
            return false;
        }
        if (Double.isNaN(a)) {
            return true;
        }
        return r.max() != null ? a > b : a < b;
    }

    private static double worstOf(Requirement r, List<Double> values) {
        double w = values.get(0);
        for (double v : values) {
            if (worse(r, v, w)) {
                w = v;
            }
        }
        return w;
    }

    /**
     * The fields {@code design} changed that the challenge fixes: every leaf of the scenario file's
     * tree (see {@link dev.scalelab.world.ScenarioFiles#tree}) that differs from the start's and is
     * not under one of {@link Challenge#knobs}; {@code name}, {@code description} and {@code seed}
     * are always free. One line each, naming the field and both values.
     */
    public static List<String> violations(Challenge challenge, Scenario design) {
        Scenario sections = Pipeline.lower(design);
        return sections != null ? Violations.of(challenge, sections) : DrawnGrading.violations(challenge, design);
    }

    /**
     * Out of 100: 60 × the share of requirements met, and, only when every requirement is met and
     * nothing fixed was changed, 40 × (1 − costPerHour / {@link Challenge#scoreCostPerHour}),
     * clamped to [0, 40]; rounded to a whole number. Meeting every requirement always scores more
     * than missing one; among designs that meet them all, the cheaper scores more.
     */
    public static int score(Challenge challenge, List<RequirementResult> results, boolean noViolations, double costPerHour) {
        int met = 0;
        for (RequirementResult r : results) {
            if (r.passed()) {
                met++;
            }
        }
        double points = results.isEmpty() ? 60 : 60.0 * met / results.size();
        if (met == results.size() && noViolations && challenge.scoreCostPerHour() > 0 && Double.isFinite(costPerHour)) {
            points += 40 * Math.max(0, Math.min(1, 1 - costPerHour / challenge.scoreCostPerHour()));
        }
        return (int) Math.round(points);
    }
}
