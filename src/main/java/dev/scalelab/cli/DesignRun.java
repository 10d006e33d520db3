package dev.scalelab.cli;

import dev.scalelab.engine.resilience.AttemptRecord;
import dev.scalelab.sim.EventProfiler;
import dev.scalelab.world.AtomicFiles;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Topology;
import dev.scalelab.world.network.DesignReport;
import dev.scalelab.world.network.Network;
import dev.scalelab.world.network.PipelineFigures;
import dev.scalelab.practice.Headline;
import dev.scalelab.runtime.ParallelRuns;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code simulate} for a drawn system the fixed pipeline cannot run: the {@link Network} runs it and
 * the report has the run's totals and each node's figures under {@code nodes.<id>}; {@code --seeds}
 * adds the headline figures over several seeds, as for the pipeline; {@code --report-md} adds the
 * design as a Markdown document with its charts beside it; {@code --timeseries}, {@code --trace} and
 * {@code --profile} record the run as they record the pipeline's.
 */
final class DesignRun {
    /** The scenario sections a topology's nodes replace: a --set of one of them would change nothing. */
    private static final Set<String> REPLACED = Set.of("workload", "service", "autoscaler", "verticalScaler", "gateway",
            "balancer", "cache", "database", "dependencies");

    private DesignRun() {
    }

    /** Refuses a {@code --set} of a section that {@code s}'s topology replaces, naming the node fields to set instead. */
    static void checkSet(Scenario s, String assignment) {
        Topology t = s.topology();
        int eq = assignment.indexOf('=');
        if (t == null || eq <= 0) {
            return;
        }
        String path = assignment.substring(0, eq).trim();
        String root = path.split("[.\\[]", 2)[0];
        if (!REPLACED.contains(root)) {
            return;
        }
        List<String> where = new ArrayList<>();
        for (int i = 0; i < t.nodes().size(); i++) {
            Topology.Node n = t.nodes().get(i);
            String section = switch (n.nodeKind()) {
                case CLIENTS -> "workload";
                case SERVICE -> root.equals("autoscaler") || root.equals("verticalScaler") ? root : "service";
                case GATEWAY -> "gateway";
                case BALANCER -> "balancer";
                case CACHE -> "cache";
                case DATABASE -> "database";
                default -> "";
            };
            if (section.equals(root)) {
                where.add("topology.nodes[" + i + "]." + path + " (" + n.id() + ")");
            }
        }
        throw new Cli.UsageException("--set " + Quote.shorten(path) + ": this scenario draws its own system, so its " + root
                + " comes from its nodes; " + (where.isEmpty() ? "it has no node with one" : "set " + String.join(" or ", where)));
    }

    /**
     * Runs the design (with {@code seeds} above 1, that many seeds on {@code threads} threads, the
     * report being the first seed's with a {@code seeds} section as the pipeline's), then writes the
     * report (or prints it) and the Markdown document, each atomically. {@code series} (one row per
     * simulated second), {@code calls} (one row per attempt of a sidecar's calls) and {@code profile}
     * describe the first seed's run, as the pipeline's do; the files stream as it runs, and none of
     * them changes it.
     */
    static int simulate(CommandSpec spec, Scenario s, int seeds, int threads, OutputFile report, OutputFile markdown,
                        OutputFile series, OutputFile calls, boolean profile) {
        Network net;
        try {
            net = new Network(s);
        } catch (dev.scalelab.world.ScenarioException e) {
            throw new Cli.UsageException(e.getMessage());
        }
        List<AtomicFiles.Pending> charts = new ArrayList<>();
        String json;
        // Every temporary file exists before the run starts; closing without a commit deletes them.
        try (AtomicFiles.Pending reportFile = report == null ? null : report.open();
             AtomicFiles.Pending mdFile = markdown == null ? null : markdown.open();
             AtomicFiles.Pending seriesFile = series == null ? null : series.open();
             AtomicFiles.Pending callsFile = calls == null ? null : calls.open()) {
            if (callsFile != null && !net.hasSidecars()) {
                // A header-only file is still right for tools that read it; a person should know why it is empty.
                spec.commandLine().getErr().println("note: --trace: this drawing has no sync edge with a timeout, retries, "
                        + "a breaker or a concurrency limit (a sidecar), so the trace has no rows");
                spec.commandLine().getErr().flush();
            }
            if (seriesFile != null) {
                Writer w = seriesFile.writer();
                SimulateCommand.writeRow(series, w, net.seriesCsvHeader());
                net.setSeriesSink(row -> SimulateCommand.writeRow(series, w, row));
            }
            if (callsFile != null) {
                Writer w = callsFile.writer();
                SimulateCommand.writeRow(calls, w, AttemptRecord.CSV_HEADER);
                net.setAttemptTrace(record -> SimulateCommand.writeRow(calls, w, record.toCsvRow()));
            }
            EventProfiler profiler = SimulateCommand.profiler(profile);
            net.simulation().setProfiler(profiler);
            long[] firstNanos = new long[1];
            if (seeds > 1) {
                List<ParallelRuns.Run<double[]>> runs = new ArrayList<>(seeds);
                runs.add(stop -> {
                    long t0 = System.nanoTime();
                    net.run();
                    firstNanos[0] = System.nanoTime() - t0;
                    return Headline.readAll(PipelineFigures.of(net));
                });
                for (int k = 1; k < seeds; k++) {
                    Scenario seeded = s.withSeed(SeedRuns.seed(s, k));
                    runs.add(stop -> {
                        Network other = new Network(seeded);
                        other.run();
                        return Headline.readAll(PipelineFigures.of(other));
                    });
                }
                List<double[]> perSeed = ParallelRuns.run(runs, threads, "scalelab-seeds", null, null);
                com.fasterxml.jackson.databind.node.ObjectNode r = net.report();
                r.set("seeds", SeedRuns.section(s.seed(), perSeed));
                json = Network.json(r);
            } else {
                long t0 = System.nanoTime();
                net.run();
                firstNanos[0] = System.nanoTime() - t0;
                json = net.reportJson();
            }
            if (callsFile != null) {
                net.flushAttemptTrace();
            }
            if (reportFile != null) {
                write(report, reportFile, json);
            }
            if (mdFile != null) {
                Path md = markdown.path();
                String stem = md.getFileName().toString().replaceFirst("\\.(md|markdown)$", "");
                write(markdown, mdFile, DesignReport.markdown(net, stem));
                List<String> names = DesignReport.chartNames(stem);
                List<String> svgs = DesignReport.charts(net);
                for (int i = 0; i < names.size(); i++) {
                    Path chart = md.toAbsolutePath().resolveSibling(names.get(i));
                    try {
                        AtomicFiles.Pending p = AtomicFiles.open(chart);
                        charts.add(p);
                        p.writer().write(svgs.get(i));
                    } catch (IOException e) {
                        throw markdown.writeFailed(e);
                    }
                }
            }
            for (AtomicFiles.Pending p : charts) {
                commit(markdown, p);
            }
            commit(markdown, mdFile);
            commit(series, seriesFile);
            commit(calls, callsFile);
            commit(report, reportFile);
            if (report == null) {
                spec.commandLine().getOut().print(json);
                spec.commandLine().getOut().println();
                spec.commandLine().getOut().flush();
            }
            SimulateCommand.printProfile(spec, report == null, profiler, firstNanos[0]);
        } finally {
            // A chart not committed (the run or a write failed) leaves no temporary file behind.
            charts.forEach(AtomicFiles.Pending::close);
        }
        return Cli.EXIT_OK;
    }

    private static void write(OutputFile output, AtomicFiles.Pending file, String text) {
        SimulateCommand.writeText(output, file.writer(), text);
    }

    private static void commit(OutputFile output, AtomicFiles.Pending file) {
        SimulateCommand.commit(output, file);
    }
}
