package dev.scalelab.world;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The instances' connection pools in the world: queueing, leaks, refusals, reports and views. */
class ConnectionWorldTest {

    /** One instance, workers never the limit, requests that do only their query. */
    private static String onlyQueries(double ratePerSecond, String pool, String timeline) {
        return "{\"schema\":1,\"seed\":5,\"workload\":{\"arrival\":{\"process\":\"poisson\",\"ratePerSecond\":" + ratePerSecond
                + "},\"readRatio\":1},\"service\":{\"instances\":1,\"workersPerInstance\":1000,\"queueCapacity\":1000,"
                + "\"warmupSeconds\":0,\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":0.001},\"connectionPool\":" + pool + "},"
                + "\"database\":{\"sharding\":{\"shards\":1},\"replicasPerShard\":0,\"readPolicy\":\"primary\",\"connectionLimit\":10000,"
                + "\"queueCapacity\":100000,\"readServiceTime\":{\"distribution\":\"exponential\",\"meanMs\":10}},"
                + "\"timeline\":[" + timeline + "]}";
    }

    private static World run(String json, double seconds) {
        World w = new World(ScenarioFiles.parse(json));
        w.advanceTo(Simulation.secondsToNanos(seconds));
        return w;
    }

    private static List<String> log(World w, Source source) {
        return w.decisions().stream().filter(d -> d.source() == source).map(Decision::message).toList();
    }

    /**
     * Poisson arrivals at 300/s, exponential 10 ms queries, a pool of 4: M/M/4 with a = 3. Erlang C
     * gives C = 0.5094, a mean wait of C / (cμ - λ) = 5.09 ms and a p99 of ln(C / 0.01) / (cμ - λ) = 39.3 ms.
     */
    @Test
    void theWaitForAConnectionIsErlangCsThroughTheWorld() {
        World w = run(onlyQueries(300, "{\"maximumPoolSize\":4,\"minimumIdle\":4,\"connectionTimeoutMs\":3600000,"
                + "\"connectionSetupMs\":0}", ""), 300);
        JsonNode c = Report.of(w, 0).get("pools").get("connections");
        double erlangC = 0.5094;
        double meanMs = erlangC / (400 - 300) * 1000;
        double p99Ms = Math.log(erlangC / 0.01) / (400 - 300) * 1000;
        assertTrue(c.get("acquired").asLong() > 85_000, c.toString());
        assertEquals(meanMs, c.get("waitMsMean").asDouble(), 0.06 * meanMs, c.toString());
        assertEquals(p99Ms, c.get("waitMsP99").asDouble(), 0.06 * p99Ms, c.toString());
        assertEquals(0, c.get("timeouts").asLong());
    }

    /** Queries at 100/s, a tenth of them leaking from 10 s: 10 connections a second, so a pool of 20 is gone in about 2 s. */
    @Test
    void leakedConnectionsDrainThePoolAndLeakDetectionReportsEachOnce() {
        World w = run(onlyQueries(100, "{\"maximumPoolSize\":20,\"minimumIdle\":20,\"connectionTimeoutMs\":250,"
                + "\"leakDetectionThresholdMs\":2000}", "{\"atSeconds\":10,\"command\":\"leak-connections\",\"value\":0.1,"
                + "\"durationSeconds\":60}"), 20);
        JsonNode c = Report.of(w, 0).get("pools").get("connections");
        assertEquals(20, c.get("leaked").asLong());
        assertTrue(c.get("timeouts").asLong() > 500, c.toString());
        List<String> lines = log(w, Source.CONNECTIONS);
        assertEquals(20, lines.stream().filter(l -> l.startsWith("i-0 - Connection leak detection triggered for conn")).count(),
                String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("request failed (connection timeout): i-0 - Connection is not "
                + "available, request timed out after 250ms (total=20, active=20, idle=0, waiting=")), String.join("\n", lines));
        PerformanceView.ConnectionPoolView pool = w.snapshot().performance().connections().instances().get(0);
        assertEquals(List.of(20, 20, 0, 20), List.of(pool.total(), pool.active(), pool.idle(), pool.leaked()));
    }

    /**
     * Three instances with pools of 5 and max_connections 12: the adders open 4 each (one every 10 ms,
     * in turn), then each is refused at 50 ms and after sleeping 250 and 375 ms: 9 refusals in the first second.
     */
    @Test
    void connectionsBeyondMaxConnectionsAreRefusedCountedAndExplained() {
        String json = onlyQueries(1, "{\"maximumPoolSize\":5,\"minimumIdle\":5,\"connectionSetupMs\":10}", "")
                .replace("\"instances\":1,", "\"instances\":3,")
                .replace("\"readPolicy\":\"primary\",", "\"readPolicy\":\"primary\",\"maxConnections\":12,");
        World w = run(json, 1);
        JsonNode c = Report.of(w, 0).get("pools").get("connections");
        assertEquals(9, c.get("refused").asLong());
        PerformanceView.ConnectionsView v = w.snapshot().performance().connections();
        assertEquals(12, v.databaseOpen());
        assertEquals(12, v.maxConnections());
        assertEquals(List.of(4, 4, 4), v.instances().stream().map(PerformanceView.ConnectionPoolView::total).toList());
        assertEquals(List.of("connection pools: 3 instances × 5 connections = 15 of max_connections 12; a query waits at most 30000 ms",
                "3 instances × 5 connections = 15 > max_connections 12: new connections are refused"),
                log(w, Source.CONNECTIONS));
    }

    @Test
    void aScenarioWithoutPoolsHasNoPoolSectionAndSettingAFieldOpensThem() {
        String json = onlyQueries(10, "null", "{\"atSeconds\":5,\"command\":\"set\",\"path\":"
                + "\"service.connectionPool.maximumPoolSize\",\"value\":3}");
        World before = run(json, 4);
        assertNull(Report.of(before, 0).get("pools"));
        assertNull(before.snapshot().performance().connections());
        World after = run(json, 6);
        PerformanceView.ConnectionsView v = after.snapshot().performance().connections();
        assertNotNull(v);
        assertEquals(3, v.maximumPoolSize());
        assertEquals(3, v.instances().get(0).total(), "minimumIdle defaults to 10, clamped to the maximum of 3");
        assertEquals(3.0, after.monitor().get("fleet.connectionPool.idle").value() + after.monitor().get("fleet.connectionPool.active").value());
    }
}
