package dev.scalelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void simulateWritesTheReportFieldsOutsideToolsUse(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("mm1.json");
        Files.writeString(scenario, dev.scalelab.world.QueueingFidelityTestAccess.MM1);
        Path report = dir.resolve("out/report.json");
        Path csv = dir.resolve("series.csv");
        CliRun r = run("simulate", "--scenario", scenario.toString(), "--duration", "300", "--out", report.toString(),
                "--timeseries", csv.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(report.toFile());
        for (String path : List.of("/requests/completed", "/requests/rejected", "/requests/throughputPerSecond",
                "/latencyMs/mean", "/latencyMs/p50", "/latencyMs/p99", "/balancer/perInstance/i-0", "/events", "/wallMillis")) {
            assertTrue(!j.at(path).isMissingNode(), path);
        }
        assertEquals(80, j.at("/requests/throughputPerSecond").asDouble(), 3);
        // The only instance receives every offered request.
        assertEquals(j.at("/requests/offered").asLong(), j.at("/balancer/perInstance/i-0").asLong());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(dev.scalelab.world.Sample.CSV_HEADER, rows.get(0));
        assertEquals(301, rows.size());
        assertTrue(rows.get(300).startsWith("300,"));
    }

    @Test
    void seedOverrideChangesTheRunAndTheSameSeedRepeatsIt() {
        String a = run("simulate", "--scenario", "default", "--duration", "30", "--seed", "1").out();
        String b = run("simulate", "--scenario", "default", "--duration", "30", "--seed", "1").out();
        String c = run("simulate", "--scenario", "default", "--duration", "30", "--seed", "2").out();
        String strip = "\"wallMillis\" : \\d+";
        assertEquals(a.replaceAll(strip, ""), b.replaceAll(strip, ""));
        assertTrue(!a.replaceAll(strip, "").equals(c.replaceAll(strip, "")));
    }

    @Test
    void aScenarioWhoseQueuesCouldFillTheHeapIsRefusedBeforeItRunsWithExitCode2(@TempDir Path dir) throws Exception {
        // Refused by arithmetic on the scenario before any world is made, so nothing big is allocated here.
        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, "{\"schema\":1,\"durationSeconds\":60,\"workload\":{\"arrival\":{\"ratePerSecond\":1000000}},"
                + "\"service\":{\"instances\":500,\"workersPerInstance\":1,\"queueCapacity\":10000000,"
                + "\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":10000}}}");
        Path report = dir.resolve("report.json");
        CliRun r = run("simulate", "--scenario", huge.toString(), "--out", report.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + huge + ": not run: up to 5,000,000,500 requests at once"), r.err());
        assertTrue(r.err().contains("or give Java at least"), r.err());
        assertFalse(Files.exists(report));
    }

    @Test
    void badArgumentsAndBadScenariosGiveOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        CliRun unknownPreset = run("simulate", "--scenario", "nope");
        assertEquals(2, unknownPreset.code());
        assertTrue(unknownPreset.err().startsWith("error: --scenario: no file or preset named \"nope\""), unknownPreset.err());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"schema\":1,\"service\":{\"workersPerInstance\":0}}");
        CliRun badFile = run("simulate", "--scenario", bad.toString());
        assertEquals(2, badFile.code());
        assertEquals("error: " + bad + ": service.workersPerInstance: 0 is out of range; a whole number from 1 to 1024\n",
                badFile.err());

        CliRun badSeed = run("simulate", "--scenario", "default", "--seed", "abc");
        assertEquals(2, badSeed.code());
        assertEquals(1, badSeed.err().strip().lines().count());
        assertTrue(badSeed.err().contains("--seed"));

        CliRun badDuration = run("simulate", "--scenario", "default", "--duration", "-3");
        assertEquals(2, badDuration.code());
        assertTrue(badDuration.err().startsWith("error: --duration: -3 is out of range"), badDuration.err());

        CliRun unknownOption = run("simulate", "--scenario", "default", "--speed", "3");
        assertEquals(2, unknownOption.code());
        assertEquals(1, unknownOption.err().strip().lines().count());
    }

    @Test
    void presetsListsEveryBuiltInScenario() {
        CliRun r = run("presets");
        assertEquals(0, r.code());
        for (String name : dev.scalelab.world.Presets.names()) {
            assertTrue(r.out().contains(name + " "), name);
        }
    }

    @Test
    void traceWritesOneRowPerDownstreamAttemptAndTheReportHasTheMeshCacheAndDatabaseFields(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("calls.csv");
        Path report = dir.resolve("storm.json");
        CliRun r = run("simulate", "--scenario", "retry-storm", "--duration", "70", "--out", report.toString(),
                "--trace", trace.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> rows = Files.readAllLines(trace);
        assertEquals(dev.scalelab.engine.resilience.AttemptRecord.CSV_HEADER, rows.get(0));
        JsonNode j = new ObjectMapper().readTree(report.toFile());
        // Every attempt sent or rejected is one row.
        long attempts = 0;
        for (JsonNode d : j.get("dependencies")) {
            attempts += d.get("attemptsSent").asLong() + d.get("breakerRejections").asLong() + d.get("bulkheadRejections").asLong();
        }
        assertEquals(attempts, rows.size() - 1, 0.01 * attempts);
        assertTrue(rows.stream().anyMatch(row -> row.contains(",payments-protected,") && row.contains("OPEN")));
        assertTrue(j.at("/retries/amplification").asDouble() > 1.0);
        JsonNode transitions = j.at("/breakers/1/transitions");
        assertEquals("CLOSED", transitions.get(0).get("from").asText());
        assertEquals("OPEN", transitions.get(0).get("to").asText());
        assertTrue(transitions.get(0).get("atSeconds").asDouble() >= 60);

        Path cacheReport = dir.resolve("cache.json");
        assertEquals(0, run("simulate", "--scenario", "cache-stampede", "--duration", "40", "--out", cacheReport.toString()).code());
        JsonNode c = new ObjectMapper().readTree(cacheReport.toFile());
        for (String path : List.of("/cache/hitRatio", "/cache/levels/0/hitRatio", "/cache/levels/1/hitRatio", "/cache/optimalHitRatio")) {
            assertTrue(c.at(path).isNumber(), path);
        }
        assertTrue(c.at("/cache/optimalHitRatio").asDouble() > c.at("/cache/hitRatio").asDouble());

        Path dbReport = dir.resolve("db.json");
        assertEquals(0, run("simulate", "--scenario", "resharding", "--duration", "100", "--out", dbReport.toString()).code());
        JsonNode d = new ObjectMapper().readTree(dbReport.toFile());
        assertEquals(0.8, d.at("/database/movedFraction").asDouble(), 0.01);
        assertEquals(d.at("/database/keysMoved").asDouble(), 0.8 * 20_000, 200);
        assertEquals(5, d.at("/database/perShard").size());
        for (String path : List.of("/database/staleReads", "/database/lostWrites", "/database/perShard/0/keys")) {
            assertTrue(d.at(path).isNumber(), path);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static void assertOneLineError(CliRun r, String prefix) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(prefix), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unusableOutputPathsGiveOneLineNamingTheOptionExitCode2AndLeaveNothing(@TempDir Path dir) throws Exception {
        Path afile = Files.writeString(dir.resolve("afile"), "x");
        Path adir = Files.createDirectory(dir.resolve("adir"));
        for (String option : List.of("--out", "--timeseries", "--trace")) {
            String example = option.equals("--out") ? "report.json" : option.equals("--timeseries") ? "series.csv" : "calls.csv";
            CliRun underAFile = run("simulate", "--scenario", "default", "--duration", "5", option, afile.resolve("r.json").toString());
            assertOneLineError(underAFile, "error: " + option + ": " + afile.resolve("r.json") + ": " + afile + " is not a directory");

            CliRun aDirectory = run("simulate", "--scenario", "default", "--duration", "5", option, adir.toString());
            assertEquals("error: " + option + ": " + adir + ": is a directory; give a file name such as " + adir.resolve(example) + "\n",
                    aDirectory.err());
            assertEquals(2, aDirectory.code());

            CliRun empty = run("simulate", "--scenario", "default", "--duration", "5", option, "");
            assertEquals("error: " + option + ": empty; give a file name such as " + example + "\n", empty.err());
            assertEquals(2, empty.code());

            // Fail even for root: /proc takes no new files, /sys is read-only or refuses them.
            for (String system : List.of("/proc/r.json", "/sys/r.json")) {
                if (Files.isDirectory(Path.of(system).getParent())) {
                    CliRun r = run("simulate", "--scenario", "default", "--duration", "5", option, system);
                    assertOneLineError(r, "error: " + option + ": " + system + ": cannot create a file in " + Path.of(system).getParent() + ": ");
                    assertFalse(Files.exists(Path.of(system)));
                }
            }
            // Nothing behind: no hidden temporary file (a failed --timeseries used to leave one), nothing in adir.
            assertEquals(List.of("adir", "afile"), names(dir), option);
            assertEquals(List.of(), names(adir), option);
        }
        // A good output next to a bad one: the directory made for the good one is gone too.
        if (Files.isDirectory(Path.of("/proc"))) {
            CliRun mixed = run("simulate", "--scenario", "default", "--duration", "5", "--out", dir.resolve("new/r.json").toString(),
                    "--timeseries", "/proc/x.csv");
            assertOneLineError(mixed, "error: --timeseries: /proc/x.csv: ");
            assertEquals(List.of("adir", "afile"), names(dir));
        }
    }

    @Test
    void twoOutputsOnOneFileAreRefusedBeforeTheRun(@TempDir Path dir) throws Exception {
        Files.createDirectory(dir.resolve("y"));
        String x = dir.resolve("x").toString();
        String[][] cases = {
                {"--out", x, "--timeseries", x},
                {"--out", x, "--trace", dir + "/./x"},
                {"--timeseries", x, "--trace", dir + "/y/../x"},
                {"--out", "./target/cli-same-file.csv", "--timeseries", "target/cli-same-file.csv"},
        };
        for (String[] c : cases) {
            CliRun r = run("simulate", "--scenario", "retry-storm", "--duration", "5", c[0], c[1], c[2], c[3]);
            assertOneLineError(r, "error: " + c[2] + ": ");
            assertTrue(r.err().endsWith(": the same file as " + c[0] + "; give each output its own file\n"), r.err());
            assertEquals(List.of("y"), names(dir));
        }
        assertFalse(Files.exists(Path.of("target/cli-same-file.csv")));
        // The same file reached through a link is the same file too.
        Path real = Files.writeString(dir.resolve("real.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        CliRun linked = run("simulate", "--scenario", "default", "--duration", "5", "--out", real.toString(), "--timeseries", link.toString());
        assertOneLineError(linked, "error: --timeseries: " + link + ": the same file as --out");
        assertEquals("old", Files.readString(real));
    }

    @Test
    void messagesQuoteAtMostAboutEightyCharactersOfAValue(@TempDir Path dir) {
        String huge = "x".repeat(6_000_000);
        List<CliRun> results = List.of(
                run("simulate", "--scenario", huge),
                run("simulate", "--scenario", "default", "--seed", huge),
                run("simulate", "--scenario", "default", "--seed=" + huge),
                run("simulate", "--scenario", "default", "--duration", huge + "s"),
                run("simulate", "--scenario", "default", "--" + huge),
                run("simulate", "--scenario", "default", "--duration", "5", "--out", dir.resolve(huge).toString()),
                run("simulate", "--scenario", "default", "--duration", "5", "--out", dir.resolve(huge).resolve("r.json").toString()));
        for (CliRun r : results) {
            String start = r.err().substring(0, Math.min(300, r.err().length()));
            assertEquals(2, r.code(), start);
            assertEquals(1, r.err().lines().count(), start);
            assertTrue(r.err().length() < 400, r.err().length() + ": " + start);
            assertTrue(r.err().contains("xxx…xxx"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertTrue(results.get(0).err().startsWith("error: --scenario: no file or preset named \"xxx"), results.get(0).err());
        assertTrue(results.get(5).err().startsWith("error: --out: "), results.get(5).err());
    }

    @Test
    void anEmptyScenarioOrADirectorySaysWhatToGive(@TempDir Path dir) {
        CliRun empty = run("simulate", "--scenario", "");
        assertEquals("error: --scenario: empty; give a scenario file or a preset name (presets: "
                + String.join(", ", dev.scalelab.world.Presets.names()) + ")\n", empty.err());
        assertEquals(2, empty.code());
        CliRun directory = run("simulate", "--scenario", dir.toString());
        assertEquals("error: --scenario: " + dir + ": is a directory; give a scenario file (JSON) or a preset name\n", directory.err());
        assertEquals(2, directory.code());
    }

    @Test
    void durationFollowsTheScenarioFilesRule() {
        String range = "; a number from 0.001 to 10000000 seconds\n";
        for (String tooSmallOrLarge : List.of("1e-9", "0", "-3", "0.0005", "10000000.5", "2e7", "Infinity", "-Infinity")) {
            CliRun r = run("simulate", "--scenario", "default", "--duration", tooSmallOrLarge);
            assertEquals("error: --duration: " + tooSmallOrLarge + " is out of range" + range, r.err());
            assertEquals(2, r.code());
        }
        for (String notANumber : List.of("NaN", "abc", "5d", "0x10")) {
            CliRun r = run("simulate", "--scenario", "default", "--duration", notANumber);
            assertEquals("error: --duration: \"" + notANumber + "\" is not a number" + range, r.err());
            assertEquals(2, r.code());
        }
        // One rule: what a scenario file accepts as durationSeconds, --duration accepts (checked without running).
        for (String v : List.of("1e-9", "0.0005", "0.001", "0.002", "1", "3600", "10000000", "10000001", "2e7")) {
            boolean file;
            try {
                dev.scalelab.world.ScenarioFiles.parse("{\"schema\":1,\"durationSeconds\":" + v + "}");
                file = true;
            } catch (dev.scalelab.world.ScenarioException e) {
                file = false;
            }
            boolean cli;
            try {
                SimulateCommand.duration(v);
                cli = true;
            } catch (Cli.UsageException e) {
                cli = false;
            }
            assertEquals(file, cli, v);
        }
        assertEquals(0, run("simulate", "--scenario", "default", "--duration", "0.002").code());
        assertThrows(Cli.UsageException.class, () -> SimulateCommand.duration(" "));
    }

    @Test
    void helpListsTheCommands() {
        for (String[] args : List.of(new String[] {"help"}, new String[] {"--help"}, new String[] {"-h"})) {
            CliRun r = run(args);
            assertEquals(0, r.code(), args[0] + ": " + r.err());
            for (String command : List.of("simulate", "presets", "bench")) {
                assertTrue(r.out().contains(command), args[0] + " lists " + command + ": " + r.out());
            }
            assertTrue(Cli.isCommand(args[0]), args[0]);
        }
        CliRun simulate = run("help", "simulate");
        assertEquals(0, simulate.code());
        assertTrue(simulate.out().contains("--timeseries"), simulate.out());

        assertOneLineError(run(), "error: a command is needed");
        assertOneLineError(run("frobnicate"), "error: ");
    }

    @Test
    void aTraceOfAScenarioWithoutDependenciesIsHeaderOnlyAndSaysWhy(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("calls.csv");
        CliRun r = run("simulate", "--scenario", "default", "--duration", "20", "--trace", trace.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("note: --trace: this scenario has no dependencies, so the trace has no rows\n", r.err());
        assertEquals(List.of(dev.scalelab.engine.resilience.AttemptRecord.CSV_HEADER), Files.readAllLines(trace));
    }

    @Test
    void sigtermDuringARunLeavesNoTemporaryFilesAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("series.csv");
        Path report = dir.resolve("sub/report.json");
        Files.writeString(csv, "old");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.scalelab.Main",
                "simulate", "--scenario", "full-stack", "--duration", "1000000", "--timeseries", csv.toString(),
                "--out", report.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            // Wait until the run is under way and writing: its temporary series file has rows in it.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!temporarySeriesHasRows(dir) && System.nanoTime() < deadline) {
                assertTrue(p.isAlive(), () -> "exited early: " + read(dir.resolve("stderr.txt")));
                Thread.sleep(50);
            }
            assertTrue(temporarySeriesHasRows(dir), "the run did not start writing its series within 60 s");
            p.destroy(); // SIGTERM on Linux and macOS
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        String err = read(dir.resolve("stderr.txt"));
        assertEquals("", err);
        assertEquals(List.of("series.csv", "stderr.txt"), names(dir)); // no .tmp, no "sub" made for the report
        assertEquals("old", Files.readString(csv));
    }

    private static boolean temporarySeriesHasRows(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".series.csv."))
                    .anyMatch(f -> f.toFile().length() > 0);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void devicesAreWrittenInPlace() throws Exception {
        Path devNull = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull)
                && Files.exists(Path.of("/dev/full")));
        CliRun discarded = run("simulate", "--scenario", "default", "--duration", "2", "--out", "/dev/null",
                "--timeseries", "/dev/null");
        assertEquals(0, discarded.code(), discarded.err());
        assertTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "/dev/null is still a device");
        CliRun full = run("simulate", "--scenario", "default", "--duration", "2", "--out", "/dev/full");
        assertEquals(2, full.code());
        assertEquals("error: --out: /dev/full: cannot write: no space left on device\n", full.err());
        assertTrue(!Files.isRegularFile(Path.of("/dev/full")));
    }
}
