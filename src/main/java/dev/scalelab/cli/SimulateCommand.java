package dev.scalelab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Report;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.World;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

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

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Overrides the scenario's durationSeconds.")
    Double durationSeconds;

    @Option(names = "--out", paramLabel = "report.json", description = "Write the report here (default: standard output).")
    Path out;

    @Option(names = "--timeseries", paramLabel = "file.csv", description = "Write one row per simulated second here.")
    Path timeseries;

    @Option(names = "--trace", paramLabel = "calls.csv",
            description = "Write one row per downstream call attempt, in start order: sequence, start, end and duration (ns), "
                    + "dependency, request, attempt, outcome, slow, breaker state before and after; and a row per breaker rebuilt.")
    Path trace;

    @Override
    public Integer call() throws IOException {
        Scenario s = load(scenario);
        if (seed != null) {
            s = s.withSeed(seed);
        }
        if (durationSeconds != null) {
            if (!(durationSeconds > 0) || durationSeconds > 1e7) {
                throw new Cli.UsageException("--duration: " + durationSeconds + " is out of range; expected above 0 to 10000000 seconds");
            }
            s = s.withDurationSeconds(durationSeconds);
        }
        World world = new World(s);
        Path csvTmp = null;
        java.io.BufferedWriter csvWriter = null;
        if (timeseries != null) {
            // Rows stream to a temporary file, so memory stays bounded however long the run.
            Path target = timeseries.toAbsolutePath();
            Files.createDirectories(target.getParent());
            csvTmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            csvWriter = Files.newBufferedWriter(csvTmp);
            csvWriter.write(world.sampleCsvHeader());
            csvWriter.newLine();
            java.io.BufferedWriter w = csvWriter;
            world.setSampleSink(sample -> {
                try {
                    w.write(sample.toCsv());
                    w.newLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        Path traceTmp = null;
        java.io.BufferedWriter traceWriter = null;
        if (trace != null) {
            Path target = trace.toAbsolutePath();
            Files.createDirectories(target.getParent());
            traceTmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            traceWriter = Files.newBufferedWriter(traceTmp);
            traceWriter.write(dev.scalelab.engine.resilience.AttemptRecord.CSV_HEADER);
            traceWriter.newLine();
            java.io.BufferedWriter w = traceWriter;
            world.setAttemptTrace(record -> {
                try {
                    w.write(record.toCsvRow());
                    w.newLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        long start = System.nanoTime();
        world.advanceTo(Simulation.secondsToNanos(s.durationSeconds()));
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        ObjectNode report = Report.of(world, wallMillis);
        if (csvWriter != null) {
            csvWriter.close();
            java.nio.file.Files.move(csvTmp, timeseries.toAbsolutePath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        if (traceWriter != null) {
            world.flushAttemptTrace();
            traceWriter.close();
            Files.move(traceTmp, trace.toAbsolutePath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        String json = Report.toJson(report);
        if (out == null) {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
        } else {
            ScenarioFiles.writeAtomically(out, json);
        }
        return Cli.EXIT_OK;
    }

    static Scenario load(String nameOrFile) {
        Path file = Path.of(nameOrFile);
        try {
            if (Files.exists(file)) {
                return ScenarioFiles.read(file);
            }
            Scenario preset = Presets.load(nameOrFile);
            if (preset != null) {
                return preset;
            }
        } catch (ScenarioException e) {
            throw new Cli.UsageException(nameOrFile + ": " + e.getMessage());
        }
        throw new Cli.UsageException("--scenario: no file or preset named \"" + nameOrFile + "\" (presets: "
                + String.join(", ", Presets.names()) + ")");
    }
}
