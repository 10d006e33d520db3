package dev.scalelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void simulateWritesTheReportFieldsOutsideToolsUse(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("mm1.json");
        Files.writeString(scenario, dev.scalelab.world.QueueingFidelityTestAccess.MM1);
        Path report = dir.resolve("out/report.json");
        Path csv = dir.resolve("series.csv");
        Result r = run("simulate", "--scenario", scenario.toString(), "--duration", "300", "--out", report.toString(),
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
    void badArgumentsAndBadScenariosGiveOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        Result unknownPreset = run("simulate", "--scenario", "nope");
        assertEquals(2, unknownPreset.code());
        assertTrue(unknownPreset.err().startsWith("error: --scenario: no file or preset named \"nope\""), unknownPreset.err());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"schema\":1,\"service\":{\"workersPerInstance\":0}}");
        Result badFile = run("simulate", "--scenario", bad.toString());
        assertEquals(2, badFile.code());
        assertEquals("error: " + bad + ": service.workersPerInstance: 0 is out of range; a whole number from 1 to 1024\n",
                badFile.err());

        Result badSeed = run("simulate", "--scenario", "default", "--seed", "abc");
        assertEquals(2, badSeed.code());
        assertEquals(1, badSeed.err().strip().lines().count());
        assertTrue(badSeed.err().contains("--seed"));

        Result badDuration = run("simulate", "--scenario", "default", "--duration", "-3");
        assertEquals(2, badDuration.code());
        assertTrue(badDuration.err().startsWith("error: --duration: -3.0 is out of range"), badDuration.err());

        Result unknownOption = run("simulate", "--scenario", "default", "--speed", "3");
        assertEquals(2, unknownOption.code());
        assertEquals(1, unknownOption.err().strip().lines().count());
    }

    @Test
    void presetsListsEveryBuiltInScenario() {
        Result r = run("presets");
        assertEquals(0, r.code());
        for (String name : dev.scalelab.world.Presets.names()) {
            assertTrue(r.out().contains(name + " "), name);
        }
    }

    @Test
    void traceWritesOneRowPerDownstreamAttemptAndTheReportHasTheMeshCacheAndDatabaseFields(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("calls.csv");
        Path report = dir.resolve("storm.json");
        Result r = run("simulate", "--scenario", "retry-storm", "--duration", "70", "--out", report.toString(),
                "--trace", trace.toString());
        assertEquals(0, r.code(), r.err());
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
}
