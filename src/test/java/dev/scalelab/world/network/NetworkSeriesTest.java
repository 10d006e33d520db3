package dev.scalelab.world.network;

import dev.scalelab.engine.resilience.AttemptOutcome;
import dev.scalelab.engine.resilience.AttemptRecord;
import dev.scalelab.engine.resilience.MeshStats;
import dev.scalelab.sim.EventProfiler;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code simulate --timeseries}, {@code --trace} and {@code --profile} read from a network run:
 * one row per simulated second whose rates add up to the run's totals, one trace row per attempt of a
 * sidecar's calls, every event seen by the profiler; and the run the same with all of them or none.
 */
class NetworkSeriesTest {
    /** Clients → web → (forward) api, which reads a cache over a database and calls a flaky payments API behind a sidecar. */
    static final String DESIGN = """
            {"schema":1,"name":"outputs","seed":11,"durationSeconds":30,
             "topology":{"nodes":[
               {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":200},
                "keys":{"distribution":"zipf","alpha":0.9,"count":2000},"readRatio":0.8}},
               {"id":"web","kind":"service","service":{"instances":2,"workersPerInstance":16}},
               {"id":"api","kind":"service","service":{"instances":2,"workersPerInstance":16}},
               {"id":"redis","kind":"cache","cache":{"levels":[{"name":"L1","capacity":500,"policy":"lru","ttlSeconds":60,"latencyMs":0.5}]}},
               {"id":"db","kind":"database"},
               {"id":"pay","kind":"external","external":{"latency":{"distribution":"lognormal","meanMs":40,"p99Ms":200},"errorRate":0.2}}],
              "edges":[{"from":"users","to":"web"},{"from":"web","to":"api","mode":"forward"},
                       {"from":"api","to":"redis"},{"from":"redis","to":"db"},
                       {"from":"api","to":"pay","traffic":"writes"%s}]}}
            """;
    /** The payments edge's sidecar: a timeout, two retries and a breaker. */
    static final String SIDECAR = ",\"timeoutMs\":100,\"retry\":{\"maxAttempts\":3},\"breaker\":{\"failureRateThreshold\":30}";

    static Scenario design() {
        return ScenarioFiles.parse(DESIGN.formatted(SIDECAR));
    }

    /** The CSV's header and rows, split into cells. */
    private static List<String[]> cells(List<String> lines) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.split(",", -1));
        }
        return out;
    }

    private static double sum(List<String[]> rows, int column) {
        double s = 0;
        for (String[] r : rows) {
            s += Double.parseDouble(r[column]);
        }
        return s;
    }

    @Test
    void oneRowPerSecondWhoseRatesAddUpToTheRunsTotals() {
        Network net = new Network(design());
        List<String> lines = new ArrayList<>();
        lines.add(net.seriesCsvHeader());
        net.setSeriesSink(lines::add);
        net.run();
        List<String> header = Arrays.asList(lines.get(0).split(","));
        List<String[]> rows = cells(lines.subList(1, lines.size()));
        assertThat(rows).hasSize(30);
        assertThat(header).startsWith("time_s", "offered_per_s", "throughput_per_s", "failed_per_s", "limited_per_s",
                "shed_per_s", "mean_ms", "p50_ms", "p90_ms", "p99_ms", "cost_dollars");
        assertThat(header).contains("nodes.web.instances_count", "nodes.api.queued_count", "nodes.redis.hit_ratio",
                "nodes.db.utilization_ratio", "edges.api->pay.attempts_per_s", "edges.api->pay.breaker_state");
        // A cache has no instances, and an external API of unknown capacity no queue: no column for them.
        assertThat(header).doesNotContain("nodes.redis.instances_count", "nodes.pay.queued_count");
        for (String[] r : rows) {
            assertThat(r).hasSize(header.size());
        }
        assertThat(rows.get(0)[0]).isEqualTo("1");
        assertThat(rows.get(29)[0]).isEqualTo("30");
        assertThat(sum(rows, header.indexOf("offered_per_s"))).isEqualTo(net.arrivals("users"));
        assertThat(sum(rows, header.indexOf("throughput_per_s"))).isEqualTo(net.completed()).isGreaterThan(4000);
        assertThat(sum(rows, header.indexOf("failed_per_s"))).isEqualTo(net.failed()).isPositive();
        assertThat(sum(rows, header.indexOf("nodes.api.arrivals_per_s"))).isEqualTo(net.arrivals("api"));
        assertThat(sum(rows, header.indexOf("nodes.pay.errors_per_s"))).isEqualTo(net.errors("pay"));
        long crossed = net.report().get("edges").get(4).get("crossed").asLong();
        assertThat(sum(rows, header.indexOf("edges.api->pay.requests_per_s"))).isEqualTo(crossed);
        // Each second's p99 is the one the network keeps for its chart, and the last row's cost the report's.
        double[] p99 = net.p99MsPerSecond();
        for (int i = 0; i < 30; i++) {
            String cell = rows.get(i)[header.indexOf("p99_ms")];
            assertThat(cell).isEqualTo(Double.isNaN(p99[i]) ? "" : String.format(Locale.ROOT, "%.4f", p99[i]));
        }
        assertThat(rows.get(29)[header.indexOf("cost_dollars")])
                .isEqualTo(String.format(Locale.ROOT, "%.6f", net.report().get("totals").get("costDollars").asDouble()));
        for (String[] r : rows) {
            double hit = r[header.indexOf("nodes.redis.hit_ratio")].isEmpty() ? 0 : Double.parseDouble(r[header.indexOf("nodes.redis.hit_ratio")]);
            assertThat(hit).isBetween(0.0, 1.0);
            assertThat(r[header.indexOf("edges.api->pay.breaker_state")]).isIn("CLOSED", "OPEN", "HALF_OPEN");
        }
    }

    @Test
    void theTraceHasOneRowPerAttemptOfTheSidecarInStartOrder() {
        Network net = new Network(design());
        assertThat(net.hasSidecars()).isTrue();
        List<AttemptRecord> trace = new ArrayList<>();
        net.setAttemptTrace(trace::add);
        net.run();
        net.flushAttemptTrace();
        MeshStats stats = net.node("api").out.stream().filter(l -> l.to.id.equals("pay")).findFirst().orElseThrow().mesh.stats();
        // Every attempt has its row but those still in flight when the run ends.
        assertThat((long) trace.size()).isEqualTo(stats.attempts() - stats.attemptsInFlight()).isGreaterThan(1000);
        assertThat(trace.stream().filter(r -> r.outcome() == AttemptOutcome.TIMEOUT).count()).isEqualTo(stats.timeouts());
        assertThat(trace.stream().filter(r -> r.outcome() == AttemptOutcome.REJECTED_BY_BREAKER).count())
                .isEqualTo(stats.breakerRejections());
        for (int i = 0; i < trace.size(); i++) {
            AttemptRecord r = trace.get(i);
            assertThat(r.seq()).isEqualTo(i);
            assertThat(r.dependency()).isEqualTo("api->pay");
            if (i > 0) {
                assertThat(r.startNanos()).isGreaterThanOrEqualTo(trace.get(i - 1).startNanos());
            }
        }
    }

    @Test
    void theProfilerSeesEveryEventOfTheNetworkByTheClassThatOwnsIt() {
        Network net = new Network(design());
        EventProfiler profiler = new EventProfiler(System::nanoTime, 1);
        net.simulation().setProfiler(profiler);
        net.run();
        EventProfiler.Profile p = profiler.profile();
        assertThat(p.eventsSeen()).isEqualTo(net.simulation().eventsFired()).isEqualTo(p.eventsTimed());
        assertThat(p.rows().stream().mapToLong(EventProfiler.Row::timedEvents).sum()).isEqualTo(p.eventsSeen());
        // The network's tick: one a simulated second.
        assertThat(p.rows()).anySatisfy(r -> {
            assertThat(r.subsystem()).isEqualTo("Network");
            assertThat(r.timedEvents()).isEqualTo(30);
        });
        assertThat(p.rows()).extracting(EventProfiler.Row::subsystem).contains("ClientsNode", "MeshClient");
    }

    @Test
    void theRunIsTheSameWithEveryOutputOrNone() {
        Network plain = new Network(design());
        plain.run();
        Network recorded = new Network(design());
        List<String> rows = new ArrayList<>();
        recorded.setSeriesSink(rows::add);
        recorded.setAttemptTrace(r -> { });
        recorded.simulation().setProfiler(new EventProfiler(System::nanoTime, 1));
        recorded.run();
        recorded.flushAttemptTrace();
        assertThat(rows).hasSize(30);
        assertThat(recorded.reportJson()).isEqualTo(plain.reportJson());
        assertThat(recorded.p99MsPerSecond()).isEqualTo(plain.p99MsPerSecond());
        assertThat(recorded.simulation().eventsFired()).isEqualTo(plain.simulation().eventsFired());
    }

    @Test
    void aDrawingWithoutASidecarHasNothingToTrace() {
        Network net = new Network(ScenarioFiles.parse(DESIGN.formatted("")));
        assertThat(net.hasSidecars()).isFalse();
        assertThat(net.seriesCsvHeader()).doesNotContain("attempts_per_s");
    }
}
