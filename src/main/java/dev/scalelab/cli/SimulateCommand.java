package dev.scalelab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.resilience.AttemptRecord;
import dev.scalelab.runtime.ParallelRuns;
import dev.scalelab.seeds.SweepValues;
import dev.scalelab.runtime.ProfileTable;
import dev.scalelab.sim.EventProfiler;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.AtomicFiles;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Report;
import dev.scalelab.world.RunStoppedException;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFields;
import dev.scalelab.world.ScenarioSource;
import dev.scalelab.world.World;
import dev.scalelab.world.network.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a scenario headless in virtual time and write its report (JSON).")
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "FILE|PRESET",
            description = "A scenario file (JSON, schema 1) or the name of a preset (see `presets`).")
    String scenario;

    @Option(names = "--seed", paramLabel = "N", description = "Overrides the scenario's seed.")
    Long seed;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Overrides the scenario's durationSeconds (0.001 to 10000000).")
    String durationSeconds;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Sets a field of the scenario for this run, checked as the scenario file is "
                    + "(such as service.instances=8 or dependencies[0].retry.maxAttempts=3); repeatable. "
                    + "The fields are those of scenario.schema.json.")
    List<String> sets = new ArrayList<>();

    // Strings, not Paths: an empty path must be an error of its own, not the current directory.
    @Option(names = "--out", paramLabel = "report.json", description = "Write the report here (default: standard output).")
    String out;

    @Option(names = "--report-md", paramLabel = "report.md",
            description = "For a drawn system (a scenario with a topology): write the design, its parameters, insights and "
                    + "results as Markdown here, with its charts as SVG files beside it (report-throughput.svg, report-p99.svg).")
    String reportMd;

    @Option(names = "--timeseries", paramLabel = "file.csv",
            description = "Write one row per simulated second here; for a drawn system on the network engine, the run's "
                    + "figures and then each node's (nodes.<id>.…) and each edge's (edges.<from>-><to>.…).")
    String timeseries;

    @Option(names = "--trace", paramLabel = "calls.csv",
            description = "Write one row per downstream call attempt, in start order: sequence, start, end and duration (ns), "
                    + "dependency, request, attempt, outcome, slow, breaker state before and after; and a row per breaker rebuilt. "
                    + "For a drawn system on the network engine, the attempts over its edges with a sidecar (a timeout, "
                    + "retries, a breaker or a concurrency limit), the dependency named from->to.")
    String trace;

    @Option(names = "--profile",
            description = "After the run, print the simulator's own profile: wall time per subsystem and event type "
                    + "(events, wall ms, share, ns per event), the most first; every event is timed, which slows the run a little. "
                    + "It goes to standard error when the report goes to standard output. The run itself is the same.")
    boolean profile;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Run N seeds (1 to " + SeedRuns.MAX_SEEDS + "; default 1): the scenario's seed, or --seed, and the next ones, "
                    + "in parallel. The report is the first seed's, with a `seeds` section: each headline figure's mean, "
                    + "standard deviation, 95%% confidence interval and per-seed values. --timeseries, --trace and --profile "
                    + "describe the first seed's run.")
    Integer seeds;

    @Option(names = "--threads", paramLabel = "N",
            description = "How many runs go at once with --seeds (default: one per core). The results do not depend on it.")
    Integer threads;

    @Override
    public Integer call() {
        Scenario s = load(scenario);
        for (String set : sets) {
            DesignRun.checkSet(s, set);
            s = set(s, set);
        }
        if (seed != null) {
            s = s.withSeed(seed);
        }
        if (durationSeconds != null) {
            s = s.withDurationSeconds(duration(durationSeconds));
        }
        int n = SeedRuns.count(seeds);
        if (s.topology() != null) {
            Scenario lowered = Pipeline.lower(s);
            if (lowered == null) {
                OutputFile report = OutputFile.of("--out", out, "report.json");
                OutputFile markdown = OutputFile.of("--report-md", reportMd, "report.md");
                OutputFile series = OutputFile.of("--timeseries", timeseries, "series.csv");
                OutputFile calls = OutputFile.of("--trace", trace, "calls.csv");
                List<OutputFile> outputs = new ArrayList<>();
                for (OutputFile o : new OutputFile[] {report, markdown, series, calls}) {
                    if (o != null) {
                        outputs.add(o);
                    }
                }
                OutputFile.checkAll(outputs);
                return DesignRun.simulate(spec, s, n, SeedRuns.threads(threads, n), report, markdown, series, calls, profile);
            }
            // The pipeline's shape: its engine runs it, with every panel's figures in the report.
            s = lowered;
        }
        if (reportMd != null) {
            throw new Cli.UsageException("--report-md: describes a drawn system the fixed pipeline cannot run; this scenario "
                    + "runs on the pipeline, whose report is --out (JSON)");
        }
        int poolSize = SeedRuns.threads(threads, n);
        String refusal = World.memoryRefusal(s, ParallelRuns.requestMemoryBytes(poolSize));
        if (refusal != null) {
            throw new Cli.UsageException(Quote.shorten(scenario) + ": " + refusal);
        }
        OutputFile report = OutputFile.of("--out", out, "report.json");
        OutputFile series = OutputFile.of("--timeseries", timeseries, "series.csv");
        OutputFile calls = OutputFile.of("--trace", trace, "calls.csv");
        List<OutputFile> outputs = new ArrayList<>();
        for (OutputFile o : new OutputFile[] {report, series, calls}) {
            if (o != null) {
                outputs.add(o);
            }
        }
        OutputFile.checkAll(outputs);

        // Every temporary file exists before the run starts; closing without a commit deletes them
        // (try-with-resources closes in reverse order, so a directory made for one is empty by then).
        try (AtomicFiles.Pending reportFile = report == null ? null : report.open();
             AtomicFiles.Pending seriesFile = series == null ? null : series.open();
             AtomicFiles.Pending callsFile = calls == null ? null : calls.open()) {
            if (calls != null && s.dependencies().isEmpty()) {
                // A header-only file is still right for tools that read it; a person should know why it is empty.
                spec.commandLine().getErr().println("note: --trace: this scenario has no dependencies, so the trace has no rows");
                spec.commandLine().getErr().flush();
            }
            World world = new World(s, ParallelRuns.requestMemoryBytes(poolSize));
            if (seriesFile != null) {
                // Rows stream to the temporary file, so memory stays bounded however long the run.
                Writer w = seriesFile.writer();
                writeRow(series, w, world.sampleCsvHeader());
                world.setSampleSink(sample -> writeRow(series, w, sample.toCsv()));
            }
            if (callsFile != null) {
                Writer w = callsFile.writer();
                writeRow(calls, w, AttemptRecord.CSV_HEADER);
                world.setAttemptTrace(record -> writeRow(calls, w, record.toCsvRow()));
            }
            EventProfiler profiler = profiler(profile);
            world.simulation().setProfiler(profiler);
            long start = System.nanoTime();
            ObjectNode seedsSection = null;
            long firstNanos;
            if (n == 1) {
                run(world, s);
                firstNanos = System.nanoTime() - start;
            } else {
                // The first seed's world is the one with the outputs; the others only give their figures.
                long[] firstWall = new long[1];
                Scenario first = s;
                SeedRuns.Result result = SeedRuns.run(first, n, poolSize, scenario, world, stop -> {
                    long t0 = System.nanoTime();
                    runToEnd(world, first, SeedRuns.label(scenario, first.seed()), stop);
                    firstWall[0] = System.nanoTime() - t0;
                });
                seedsSection = result.section();
                firstNanos = firstWall[0];
            }
            long wallNanos = System.nanoTime() - start;
            long wallMillis = wallNanos / 1_000_000;
            ObjectNode reportJson = Report.of(world, wallMillis);
            if (seedsSection != null) {
                reportJson.set("seeds", seedsSection);
            }
            String json = Report.toJson(reportJson);
            if (reportFile != null) {
                writeText(report, reportFile.writer(), json);
            }
            if (callsFile != null) {
                world.flushAttemptTrace();
            }
            commit(series, seriesFile);
            commit(calls, callsFile);
            commit(report, reportFile);
            if (reportFile == null) {
                spec.commandLine().getOut().print(json);
                spec.commandLine().getOut().flush();
            }
            printProfile(spec, reportFile == null, profiler, firstNanos);
        }
        return Cli.EXIT_OK;
    }

    /** {@code --profile}'s profiler, or null without it. */
    static EventProfiler profiler(boolean profile) {
        // Every event timed: exact counts, and rare costly events (a per-second sample) are not left to chance.
        return profile ? new EventProfiler(System::nanoTime, 1) : null;
    }

    /**
     * After the run: {@code profiler}'s table (nothing when it is null) of a run that took
     * {@code runNanos} of wall time, to standard error when the report went to standard output.
     */
    static void printProfile(CommandSpec spec, boolean reportOnStandardOutput, EventProfiler profiler, long runNanos) {
        if (profiler == null) {
            return;
        }
        // Standard output may be the report, which must stay JSON.
        java.io.PrintWriter table = reportOnStandardOutput ? spec.commandLine().getErr() : spec.commandLine().getOut();
        table.print(ProfileTable.text(profiler.profile(), runNanos));
        table.flush();
    }

    /**
     * Runs the world to the scenario's end. A run that outgrows the heap stops with one line saying
     * what ran out and what to lower (exit 2); the outputs' temporary files are deleted on the way
     * out, and files already there are left as they were.
     */
    private void run(World world, Scenario s) {
        runToEnd(world, s, Quote.shorten(scenario), null);
    }

    /**
     * Runs {@code world} (of scenario {@code s}) to its end; {@code stop} (null: never) is polled
     * every few milliseconds of work. A run that stops for want of memory is one line, starting
     * with {@code label} (the scenario, and the seed when there are several), naming what to lower.
     */
    static void runToEnd(World world, Scenario s, String label, BooleanSupplier stop) {
        try {
            if (stop == null) {
                world.advanceTo(Simulation.secondsToNanos(s.durationSeconds()));
            } else {
                ParallelRuns.toEnd(world, s.durationSeconds(), stop);
            }
        } catch (RunStoppedException stopped) {
            throw new Cli.UsageException(label + ": " + stopped.getMessage());
        } catch (OutOfMemoryError e) {
            // Past the world's own limit (a heap shared with something else): still one line, not a trace.
            throw new Cli.UsageException(label + ": the run stopped at t = " + Math.round(world.nowSeconds())
                    + " s: Java ran out of memory (" + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap); lower the arrival rate, "
                    + "the queue capacity or the number of instances, or give Java more memory (java -Xmx…)");
        }
    }

    /** One CSV row and its line break. */
    static void writeRow(OutputFile output, Writer w, String row) {
        try {
            w.write(row);
            w.write(System.lineSeparator());
        } catch (IOException e) {
            throw output.writeFailed(e);
        }
    }

    static void writeText(OutputFile output, Writer w, String text) {
        try {
            w.write(text);
        } catch (IOException e) {
            throw output.writeFailed(e);
        }
    }

    static void commit(OutputFile output, AtomicFiles.Pending file) {
        if (file == null) {
            return;
        }
        try {
            file.commit();
        } catch (IOException e) {
            throw output.writeFailed(e);
        }
    }

    /** {@code --duration}: the same range as the scenario file's durationSeconds. */
    static double duration(String text) {
        String t = text.trim();
        double seconds = SweepValues.isDecimal(t) ? Double.parseDouble(t)
                : t.matches("[+-]?Infinity") ? Double.parseDouble(t) : Double.NaN;
        if (Double.isNaN(seconds)) {
            throw new Cli.UsageException("--duration: " + (t.isEmpty() ? "empty" : Quote.of(t) + " is not a number")
                    + "; " + Scenario.DURATION_RANGE);
        }
        if (!Scenario.isValidDuration(seconds)) {
            throw new Cli.UsageException("--duration: " + Quote.shorten(t) + " is out of range; " + Scenario.DURATION_RANGE);
        }
        return seconds;
    }

    /**
     * {@code s} with one {@code --set PATH=VALUE} applied: the value is checked by the field's spec,
     * as a scenario file's would be, and a mistake names {@code --set PATH}.
     */
    static Scenario set(Scenario s, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new Cli.UsageException("--set: " + Quote.of(assignment) + " is not PATH=VALUE, such as service.instances=8");
        }
        return set(s, "--set", assignment.substring(0, eq).trim(), assignment.substring(eq + 1).trim());
    }

    /**
     * {@code s} with the field at {@code path} set to {@code text}, checked by the field's spec as a
     * scenario file's value would be; a mistake is one line naming {@code option} and the path
     * ({@code --set service.instances: 0 is out of range; …}).
     */
    static Scenario set(Scenario s, String option, String path, String text) {
        String named = option + " " + Quote.shorten(path);
        try {
            return ScenarioFields.with(s, path, dev.scalelab.compare.Differences.parse(ScenarioFields.spec(path), named, text));
        } catch (ScenarioException e) {
            throw new Cli.UsageException(e.field().startsWith(option) ? e.getMessage() : option + " " + e.getMessage());
        }
    }

    static Scenario load(String nameOrFile) {
        try {
            return ScenarioSource.load(nameOrFile).scenario();
        } catch (ScenarioException e) {
            throw new Cli.UsageException(e.getMessage());
        }
    }
}
