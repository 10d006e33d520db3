package dev.scalelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.practice.Headline;
import dev.scalelab.runtime.ParallelRuns;
import dev.scalelab.runtime.Summary;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Report;
import dev.scalelab.world.Scenario;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.scalelab.world.World;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;

/**
 * Several seeds of one scenario ({@code simulate --seeds}, each point of a {@code sweep}): the
 * scenario's seed and the next ones, run in parallel, and their headline figures
 * ({@link Headline}) summarised by mean, standard deviation and 95 % confidence interval.
 */
final class SeedRuns {
    static final int MAX_SEEDS = 1000;
    static final int MAX_THREADS = 256;

    private SeedRuns() {
    }

    /** {@code --seeds}: 1 when not given. */
    static int count(Integer seeds) {
        if (seeds == null) {
            return 1;
        }
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new Cli.UsageException("--seeds: " + seeds + " is out of range; a whole number from 1 to " + MAX_SEEDS);
        }
        return seeds;
    }

    /** {@code --threads} for {@code runs} runs: one per core when not given, never more than the runs. */
    static int threads(Integer threads, int runs) {
        if (threads == null) {
            return ParallelRuns.threadsFor(runs);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new Cli.UsageException("--threads: " + threads + " is out of range; a whole number from 1 to " + MAX_THREADS);
        }
        return Math.max(1, Math.min(threads, runs));
    }

    /** The seed of run {@code k} (from 0) of {@code s}: its own seed, then the next ones. */
    static long seed(Scenario s, int k) {
        return s.seed() + k;
    }

    /** How a message names one run: the scenario as the user gave it, and the seed. */
    static String label(String scenarioArgument, long seed) {
        return Quote.shorten(scenarioArgument) + " (seed " + seed + ")";
    }

    /**
     * The headline figures of one run of {@code s} to its end, on a world of its own that may fill
     * {@code requestMemoryBytes} with requests; a run that stops early is one line starting with {@code label}.
     */
    static double[] figures(Scenario s, String label, long requestMemoryBytes, BooleanSupplier stop) {
        World world = new World(s, requestMemoryBytes);
        SimulateCommand.runToEnd(world, s, label, stop);
        return Headline.readAll(Report.of(world, 0));
    }

    /** What {@link #run} gives: each seed's figures, in seed order, and the report's {@code seeds} section. */
    record Result(List<double[]> perSeed, ObjectNode section) {
    }

    /**
     * Runs {@code n} seeds of {@code s} on {@code threads} threads: the first on {@code first} (a
     * world of {@code s} itself, which the caller has wired to its outputs) by {@code runFirst},
     * the others on worlds of their own. The result does not depend on the thread count.
     */
    static Result run(Scenario s, int n, int threads, String scenarioArgument, World first, Consumer<BooleanSupplier> runFirst) {
        long memory = ParallelRuns.requestMemoryBytes(threads);
        List<ParallelRuns.Run<double[]>> runs = new ArrayList<>(n);
        runs.add(stop -> {
            runFirst.accept(stop);
            return Headline.readAll(Report.of(first, 0));
        });
        for (int k = 1; k < n; k++) {
            Scenario seeded = s.withSeed(seed(s, k));
            runs.add(stop -> figures(seeded, label(scenarioArgument, seeded.seed()), memory, stop));
        }
        List<double[]> perSeed = ParallelRuns.run(runs, threads, "scalelab-seeds", null, null);
        return new Result(perSeed, section(s.seed(), perSeed));
    }

    /**
     * The report's {@code seeds} section: {@code count}, {@code first} (the seeds are first, first + 1, …),
     * {@code confidence} (0.95) and, under {@code figures}, for each headline figure every seed has,
     * its {@code mean}, {@code sd} (sample, n − 1), {@code ciLow} and {@code ciHigh} (Student's t) and
     * {@code perSeed} (in seed order), each rounded as the report rounds the figure.
     */
    static ObjectNode section(long firstSeed, List<double[]> perSeed) {
        ObjectNode section = JsonNodeFactory.instance.objectNode();
        section.put("count", perSeed.size());
        section.put("first", firstSeed);
        section.put("confidence", Summary.CONFIDENCE);
        ObjectNode figures = section.putObject("figures");
        Headline[] all = Headline.values();
        for (int i = 0; i < all.length; i++) {
            double[] values = column(perSeed, i);
            if (values == null) {
                continue;
            }
            Headline h = all[i];
            Summary sum = Summary.of(values);
            ObjectNode f = figures.putObject(h.key());
            f.put("mean", h.round(sum.mean()));
            f.put("sd", h.round(sum.sd()));
            f.put("ciLow", h.round(sum.ciLow()));
            f.put("ciHigh", h.round(sum.ciHigh()));
            ArrayNode seeds = f.putArray("perSeed");
            for (double v : values) {
                seeds.add(v);
            }
        }
        return section;
    }

    /** Figure {@code i} of every run, or null when a run lacks it. */
    static double[] column(List<double[]> runs, int i) {
        double[] values = new double[runs.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = runs.get(k)[i];
            if (Double.isNaN(values[k])) {
                return null;
            }
        }
        return values;
    }
}
