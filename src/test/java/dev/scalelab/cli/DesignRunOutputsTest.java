package dev.scalelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalelab.engine.resilience.AttemptRecord;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.network.Network;
import dev.scalelab.world.network.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code simulate --timeseries}, {@code --trace} and {@code --profile} on a drawn system that runs on
 * the network engine: the pipeline's contracts (atomic files, the first seed's run, the profile beside
 * the report) and a report byte for byte the same as without them.
 */
class DesignRunOutputsTest {
    /** Clients → web → (forward) api, which calls a flaky payments API through a sidecar: no pipeline shape. */
    static final String DESIGN = """
            {"schema":1,"name":"outputs","seed":11,"durationSeconds":30,
             "topology":{"nodes":[
               {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":200},"readRatio":0.8}},
               {"id":"web","kind":"service","service":{"instances":2,"workersPerInstance":16}},
               {"id":"api","kind":"service","service":{"instances":2,"workersPerInstance":16}},
               {"id":"pay","kind":"external","external":{"latency":{"distribution":"lognormal","meanMs":40,"p99Ms":200},"errorRate":0.2}}],
              "edges":[{"from":"users","to":"web"},{"from":"web","to":"api","mode":"forward"},
                       {"from":"api","to":"pay","traffic":"writes"%s}]}}
            """;
    static final String SIDECAR = ",\"timeoutMs\":100,\"retry\":{\"maxAttempts\":3},\"breaker\":{\"failureRateThreshold\":30}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path design(Path dir, String sidecar) throws Exception {
        Path file = dir.resolve("design.json");
        Files.writeString(file, DESIGN.formatted(sidecar));
        assertThat(Pipeline.lower(ScenarioFiles.parse(DESIGN.formatted(sidecar)))).as("runs on the network").isNull();
        return file;
    }

    private static double sum(List<String> lines, String column) {
        int c = Arrays.asList(lines.get(0).split(",")).indexOf(column);
        assertThat(c).as(column).isNotNegative();
        double s = 0;
        for (String line : lines.subList(1, lines.size())) {
            s += Double.parseDouble(line.split(",", -1)[c]);
        }
        return s;
    }

    @Test
    void everyOutputDescribesTheRunAndTheReportIsByteForByteTheSame(@TempDir Path dir) throws Exception {
        Path file = design(dir, SIDECAR);
        Path plain = dir.resolve("plain.json");
        assertThat(CliRun.of("simulate", "--scenario", file.toString(), "--out", plain.toString()).code()).isZero();
        Path report = dir.resolve("report.json");
        Path series = dir.resolve("series.csv");
        Path calls = dir.resolve("calls.csv");
        CliRun run = CliRun.of("simulate", "--scenario", file.toString(), "--out", report.toString(), "--timeseries",
                series.toString(), "--trace", calls.toString(), "--profile");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(Files.readAllBytes(report)).isEqualTo(Files.readAllBytes(plain));
        JsonNode r = JSON.readTree(report.toFile());

        List<String> rows = Files.readAllLines(series);
        assertThat(rows).hasSize(1 + 30);
        assertThat(rows.get(0)).startsWith("time_s,offered_per_s,throughput_per_s,failed_per_s,limited_per_s,shed_per_s,"
                + "mean_ms,p50_ms,p90_ms,p99_ms,cost_dollars,nodes.users.");
        assertThat(sum(rows, "throughput_per_s")).isEqualTo(r.path("totals").path("completed").asDouble()).isGreaterThan(4000);
        assertThat(sum(rows, "failed_per_s")).isEqualTo(r.path("totals").path("failed").asDouble()).isPositive();
        assertThat(sum(rows, "nodes.pay.arrivals_per_s")).isEqualTo(r.path("nodes").path("pay").path("arrivals").asDouble());
        assertThat(sum(rows, "edges.api->pay.requests_per_s")).isEqualTo(r.path("edges").get(2).path("crossed").asDouble());

        // The trace is the network's own, row for row: one per attempt of the sidecar's calls, the edge as the dependency.
        Network net = new Network(ScenarioFiles.parse(DESIGN.formatted(SIDECAR)));
        List<String> expected = new ArrayList<>();
        expected.add(AttemptRecord.CSV_HEADER);
        net.setAttemptTrace(a -> expected.add(a.toCsvRow()));
        net.run();
        net.flushAttemptTrace();
        List<String> traced = Files.readAllLines(calls);
        assertThat(traced).isEqualTo(expected);
        assertThat(traced.size() - 1L).isGreaterThan(1000);
        // Every call over the edge has its first attempt's row, but those still in flight at the end (one timeout at most).
        long first = traced.stream().skip(1).filter(l -> l.split(",")[6].equals("1")).count();
        long crossed = r.path("edges").get(2).path("crossed").asLong();
        assertThat(first).isBetween(crossed - 20, crossed);
        assertThat(traced.get(1).split(",")[4]).isEqualTo("api->pay");

        // With the report in a file the profile is on standard output: every event the network's kernel fired.
        String last = run.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(run.out()).startsWith("subsystem");
        assertThat(last).startsWith(String.format(java.util.Locale.ROOT, "%,d events, every one timed",
                net.simulation().eventsFired()));
        assertThat(run.out()).contains("MeshClient").contains("ClientsNode");
    }

    @Test
    void withTheReportOnStandardOutputTheProfileGoesToStandardError(@TempDir Path dir) throws Exception {
        Path file = design(dir, SIDECAR);
        CliRun plain = CliRun.of("simulate", "--scenario", file.toString());
        CliRun profiled = CliRun.of("simulate", "--scenario", file.toString(), "--profile");
        assertThat(profiled.code()).as(profiled.err()).isZero();
        assertThat(profiled.out()).isEqualTo(plain.out());
        assertThat(profiled.err()).startsWith("subsystem").contains("events, every one timed");
    }

    @Test
    void withSeveralSeedsTheOutputsAreTheFirstSeedsRun(@TempDir Path dir) throws Exception {
        Path file = design(dir, SIDECAR);
        Path one = dir.resolve("one.csv");
        Path oneCalls = dir.resolve("one-calls.csv");
        Path three = dir.resolve("three.csv");
        Path threeCalls = dir.resolve("three-calls.csv");
        assertThat(CliRun.of("simulate", "--scenario", file.toString(), "--timeseries", one.toString(), "--trace",
                oneCalls.toString()).code()).isZero();
        CliRun seeds = CliRun.of("simulate", "--scenario", file.toString(), "--seeds", "3", "--threads", "2", "--timeseries",
                three.toString(), "--trace", threeCalls.toString());
        assertThat(seeds.code()).as(seeds.err()).isZero();
        assertThat(JSON.readTree(seeds.out()).path("seeds").path("count").asInt()).isEqualTo(3);
        assertThat(Files.readAllBytes(three)).isEqualTo(Files.readAllBytes(one));
        assertThat(Files.readAllBytes(threeCalls)).isEqualTo(Files.readAllBytes(oneCalls));
    }

    @Test
    void aDrawingWithoutASidecarGivesAHeaderOnlyTraceAndSaysWhy(@TempDir Path dir) throws Exception {
        Path file = design(dir, "");
        Path calls = dir.resolve("calls.csv");
        CliRun run = CliRun.of("simulate", "--scenario", file.toString(), "--trace", calls.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly(AttemptRecord.CSV_HEADER);
        assertThat(run.err()).startsWith("note: --trace: this drawing has no sync edge with a timeout, retries, a breaker "
                + "or a concurrency limit").contains("so the trace has no rows");
    }

    @Test
    void twoOutputsOnOneFileAreRefusedBeforeTheRunLeavingNothing(@TempDir Path dir) throws Exception {
        Path file = design(dir, SIDECAR);
        Path same = dir.resolve("same.csv");
        CliRun clash = CliRun.of("simulate", "--scenario", file.toString(), "--timeseries", same.toString(), "--trace",
                same.toString());
        assertThat(clash.code()).isEqualTo(2);
        assertThat(clash.err()).contains("--trace").contains("the same file as --timeseries");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("design.json");
        }
    }
}
