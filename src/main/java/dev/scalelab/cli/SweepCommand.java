package dev.scalelab.cli;

import dev.scalelab.practice.Headline;
import dev.scalelab.runtime.ParallelRuns;
import dev.scalelab.seeds.SweepValues;
import dev.scalelab.runtime.Summary;
import dev.scalelab.world.AtomicFiles;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code sweep}: a scenario run over a grid of parameter values (the cartesian product of the
 * {@code --vary} lists), each point on the same K seeds, every run in parallel; one CSV row per
 * point with the headline figures ({@link Headline}): their mean and 95 % interval over the seeds,
 * or the value itself with one seed.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a scenario over a grid of parameter values, on K seeds each, and write one CSV row per point: "
                + "the values varied, then each headline figure's mean and 95%% confidence interval over the seeds "
                + "(the value alone with one seed).")
final class SweepCommand implements Callable<Integer> {
    /** The most runs (points × seeds) one sweep makes. */
    static final int MAX_RUNS = 100_000;

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "FILE|PRESET",
            description = "A scenario file (JSON, schema 1) or the name of a preset (see `presets`).")
    String scenario;

    @Option(names = "--vary", required = true, paramLabel = "PATH=VALUES",
            description = "A field and its values: a list (2,4,8 or round-robin,p2c) or a range FROM..TO:STEP (2..10:2, inclusive). "
                    + "Values are checked as --set checks them. Repeatable: the grid is every combination, the first --vary "
                    + "changing slowest; at most 10,000 points.")
    List<String> varies = new ArrayList<>();

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Sets a field for every run, as simulate --set does; repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "K",
            description = "Seeds per point (1 to " + SeedRuns.MAX_SEEDS + "; default 1): the scenario's seed, or --seed, and the next ones; "
                    + "every point runs on the same seeds.")
    Integer seeds;

    @Option(names = "--seed", paramLabel = "N", description = "Overrides the scenario's seed.")
    Long seed;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Overrides the scenario's durationSeconds (0.001 to 10000000).")
    String durationSeconds;

    @Option(names = "--threads", paramLabel = "N", description = "How many runs go at once (default: one per core). The results do not depend on it.")
    Integer threads;

    @Option(names = "--out", paramLabel = "sweep.csv", description = "Write the CSV here (default: standard output).")
    String out;

    @Override
    public Integer call() {
        Scenario base = SimulateCommand.load(scenario);
        Set<String> setPaths = new HashSet<>();
        for (String set : sets) {
            base = SimulateCommand.set(base, set);
            setPaths.add(set.substring(0, set.indexOf('=')).trim());
        }
        if (seed != null) {
            base = base.withSeed(seed);
        }
        if (durationSeconds != null) {
            base = base.withDurationSeconds(SimulateCommand.duration(durationSeconds));
        }
        List<Vary> grid = new ArrayList<>();
        Set<String> varied = new HashSet<>();
        for (String v : varies) {
            Vary vary = Vary.parse(v, base);
            if (!varied.add(vary.path())) {
                throw new Cli.UsageException("--vary " + vary.path() + ": given twice; give all its values in one --vary");
            }
            if (setPaths.contains(vary.path())) {
                throw new Cli.UsageException("--vary " + vary.path() + ": also given to --set; vary it or set it");
            }
            grid.add(vary);
        }
        int points = Vary.gridSize(grid);
        int k = SeedRuns.count(seeds);
        if ((long) points * k > MAX_RUNS) {
            throw new Cli.UsageException("--seeds: " + k + " seeds × " + points + " points is " + String.format(Locale.ROOT, "%,d", (long) points * k)
                    + " runs; a sweep makes at most " + String.format(Locale.ROOT, "%,d", MAX_RUNS));
        }
        List<List<String>> pointValues = points(grid);
        List<Scenario> scenarios = new ArrayList<>(points);
        for (List<String> values : pointValues) {
            Scenario s = base;
            for (int i = 0; i < grid.size(); i++) {
                s = SimulateCommand.set(s, "--vary", grid.get(i).path(), values.get(i));
            }
            scenarios.add(s);
        }
        OutputFile csv = OutputFile.of("--out", out, "sweep.csv");
        if (csv != null) {
            OutputFile.checkAll(List.of(csv));
        }
        int poolSize = SeedRuns.threads(threads, points * k);
        try (AtomicFiles.Pending file = csv == null ? null : csv.open()) {
            List<double[]> runs = run(scenarios, where(grid, pointValues), k, poolSize, new Progress(spec.commandLine().getErr(), cli != null && cli.errIsTerminal()));
            String text = csv(grid, pointValues, runs, k);
            if (file == null) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            } else {
                try {
                    Writer w = file.writer();
                    w.write(text);
                    file.commit();
                } catch (IOException e) {
                    throw csv.writeFailed(e);
                }
            }
        }
        return Cli.EXIT_OK;
    }

    /** Every combination of the values, the first field's changing slowest. */
    static List<List<String>> points(List<Vary> grid) {
        return SweepValues.points(grid.stream().map(Vary::values).toList());
    }

    /** The headline figures of every (point, seed) run, point by point and seed by seed within a point. */
    private List<double[]> run(List<Scenario> scenarios, List<String> where, int k, int poolSize, ParallelRuns.Listener progress) {
        long memory = ParallelRuns.requestMemoryBytes(poolSize);
        List<ParallelRuns.Run<double[]>> runs = new ArrayList<>(scenarios.size() * k);
        for (int p = 0; p < scenarios.size(); p++) {
            Scenario s = scenarios.get(p);
            for (int i = 0; i < k; i++) {
                Scenario seeded = s.withSeed(SeedRuns.seed(s, i));
                String label = Quote.shorten(scenario) + " at " + where.get(p) + " (seed " + seeded.seed() + ")";
                runs.add(stop -> SeedRuns.figures(seeded, label, memory, stop));
            }
        }
        return ParallelRuns.run(runs, poolSize, "scalelab-sweep", progress, null);
    }

    /** How a message names each point: {@code service.instances=2 balancer.strategy=p2c}. */
    private static List<String> where(List<Vary> grid, List<List<String>> points) {
        List<String> names = new ArrayList<>(points.size());
        for (List<String> values : points) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < grid.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(grid.get(i).path()).append('=').append(Quote.shorten(values.get(i)));
            }
            names.add(sb.toString());
        }
        return names;
    }

    /**
     * The CSV: a header, then one row per point: its values, then per headline figure that some run
     * has, its mean, ciLow and ciHigh over the seeds (with one seed, the value alone); a cell is
     * empty where a run of the point lacks the figure.
     */
    static String csv(List<Vary> grid, List<List<String>> points, List<double[]> runs, int k) {
        Headline[] all = Headline.values();
        List<Integer> figures = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            for (double[] run : runs) {
                if (!Double.isNaN(run[i])) {
                    figures.add(i);
                    break;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (Vary v : grid) {
            header.add(cell(v.path()));
        }
        for (int i : figures) {
            String key = all[i].key();
            if (k == 1) {
                header.add(key);
            } else {
                header.add(key + ".mean");
                header.add(key + ".ciLow");
                header.add(key + ".ciHigh");
            }
        }
        sb.append(String.join(",", header)).append('\n');
        for (int p = 0; p < points.size(); p++) {
            List<String> row = new ArrayList<>();
            for (String value : points.get(p)) {
                row.add(cell(value));
            }
            List<double[]> seeds = runs.subList(p * k, (p + 1) * k);
            for (int i : figures) {
                double[] values = SeedRuns.column(seeds, i);
                Headline h = all[i];
                if (values == null) {
                    row.add("");
                    if (k > 1) {
                        row.add("");
                        row.add("");
                    }
                } else if (k == 1) {
                    row.add(number(values[0]));
                } else {
                    Summary s = Summary.of(values);
                    row.add(number(h.round(s.mean())));
                    row.add(number(h.round(s.ciLow())));
                    row.add(number(h.round(s.ciHigh())));
                }
            }
            sb.append(String.join(",", row)).append('\n');
        }
        return sb.toString();
    }

    /** A number as the report writes it, without a needless ".0" or an exponent: 396.6, 4, 0.000125. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return Vary.plain(new BigDecimal(Double.toString(v)));
    }

    /** A CSV cell: quoted when it holds a comma, a quote or a line break. */
    private static String cell(String s) {
        return s.matches("[^,\"\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /**
     * {@code sweep: 12/40 runs} on standard error: rewritten in place (a carriage return) after every
     * run on a terminal; elsewhere (a log file) a line at every tenth of the runs.
     */
    static final class Progress implements ParallelRuns.Listener {
        private final PrintWriter err;
        private final boolean terminal;
        private int shownTenths = -1;

        Progress(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public synchronized void runDone(int done, int total) {
            String line = "sweep: " + done + "/" + total + " runs";
            if (terminal) {
                err.print("\r" + line + (done == total ? "\n" : ""));
                err.flush();
                return;
            }
            int tenths = (int) ((long) done * 10 / total);
            if (tenths > shownTenths) {
                shownTenths = tenths;
                err.println(line);
                err.flush();
            }
        }
    }
}
