package dev.scalelab.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API gateway in the world: limits, shedding by priority, the per-client report and its live parameters. */
class GatewayWorldTest {

    private static ObjectNode run(String json, double seconds) {
        World w = new World(ScenarioFiles.parse(json));
        w.advanceTo(Simulation.secondsToNanos(seconds));
        return Report.of(w, 0);
    }

    /**
     * One instance of 4 workers at a constant 10 ms (400 req/s) gets 800 req/s: high 200 req/s,
     * low 600 req/s. The high class alone is half the capacity.
     */
    private static String overload(String shedding) {
        return """
                {"schema": 1, "seed": 3, "durationSeconds": 60,
                 "workload": {"arrival": {"process": "poisson", "ratePerSecond": 800},
                   "clients": [{"name": "checkout", "share": 1, "priority": "high"},
                               {"name": "batch", "share": 3, "priority": "low"}]},
                 "service": {"instances": 1, "workersPerInstance": 4, "queueCapacity": 2000,
                   "serviceTime": {"distribution": "constant", "meanMs": 10}},
                 "gateway": {"shedding": %s, "latencyMs": 0}}
                """.formatted(shedding);
    }

    /**
     * Low requests join the queue only while it holds fewer than the threshold (4); above it only
     * high ones join, at half the pool's rate, so the queue drains. A high request then waits behind
     * at most about the threshold plus the few high ones that came meanwhile: its latency stays under
     * 10 ms × (4 queued / 4 workers + 2) = 30 ms. Without shedding the queue fills to its 2,000
     * places (5 s of work) and every class waits seconds.
     */
    @Test
    void queueLengthSheddingKeepsTheHighClassP99UnderABoundWhileWithoutItTheQueueFills() {
        JsonNode shed = run(overload("{\"mode\": \"queue-length\", \"queueThreshold\": 4}"), 60);
        JsonNode high = shed.at("/gateway/perClient/checkout");
        JsonNode low = shed.at("/gateway/perClient/batch");
        assertTrue(high.get("p99Ms").asDouble() <= 30, "high p99 " + high.get("p99Ms"));
        assertEquals(0, high.get("shed").asLong());
        assertEquals(0, high.get("rejected").asLong());
        assertTrue(low.get("shed").asLong() > low.get("offered").asLong() / 2, "low shed " + low);
        assertEquals(shed.at("/requests/shed").asLong(), low.get("shed").asLong());
        assertEquals(0, shed.at("/requests/rejected").asLong()); // shed is not rejected

        JsonNode none = run(overload("{\"mode\": \"none\"}"), 60);
        assertTrue(none.at("/gateway/perClient/checkout/p99Ms").asDouble() > 1000,
                "unshed high p99 " + none.at("/gateway/perClient/checkout/p99Ms"));
        assertEquals(0, none.at("/requests/shed").asLong());
    }

    @Test
    void delaySheddingShedsTheLowClassOnceTheQueueingDelayStaysAboveTheTarget() {
        ObjectNode report = run(overload("{\"mode\": \"latency\", \"targetDelayMs\": 5, \"intervalMs\": 100}"), 60);
        JsonNode high = report.at("/gateway/perClient/checkout");
        assertEquals(0, high.get("shed").asLong());
        assertTrue(report.at("/gateway/perClient/batch/shed").asLong() > 0);
        assertTrue(high.get("p99Ms").asDouble() < 200, "high p99 " + high.get("p99Ms"));
    }

    /**
     * A per-client bucket of 50 req/s and a burst of 20: the abusive client sends 500 req/s, ten
     * times its quota, and gets exactly one request per token: quota·T + burst, less the last token,
     * which accrues at T = 60 s itself, after the last arrival. The well-behaved client sends
     * 20 req/s and is never limited; neither is ever rejected or failed.
     */
    @Test
    void aPerClientBucketAdmitsTheAbusiveClientItsQuotaAndBurstAndLeavesTheOthersAlone() {
        String json = """
                {"schema": 1, "seed": 11, "durationSeconds": 60,
                 "workload": {"arrival": {"process": "poisson", "ratePerSecond": 520},
                   "clients": [{"name": "good", "share": 20}, {"name": "abusive", "share": 500}]},
                 "service": {"instances": 4, "workersPerInstance": 8,
                   "serviceTime": {"distribution": "constant", "meanMs": 5}},
                 "gateway": {"perClient": {"kind": "token-bucket", "ratePerSecond": 50, "burst": 20}, "latencyMs": 2}}
                """;
        ObjectNode report = run(json, 60);
        JsonNode abusive = report.at("/gateway/perClient/abusive");
        JsonNode good = report.at("/gateway/perClient/good");
        long admitted = abusive.get("offered").asLong() - abusive.get("limited").asLong();
        assertEquals(50 * 60 + 20 - 1, admitted);
        assertEquals(0, good.get("limited").asLong());
        assertTrue(good.get("offered").asLong() > 1000);
        assertEquals(0, report.at("/requests/rejected").asLong());
        assertEquals(0, report.at("/requests/failed").asLong());
        assertEquals(report.at("/requests/limited").asLong(), abusive.get("limited").asLong());
        // Limited requests have no latency: the histogram holds the admitted ones, each 2 ms + 5 ms.
        assertEquals(7.0, report.at("/latencyMs/p50").asDouble(), 0.01);
        assertEquals(7.0, good.get("p99Ms").asDouble(), 0.01);
        assertEquals(2.0, report.at("/latencyBreakdownMs/all/gateway").asDouble());
        assertEquals(5.0, report.at("/latencyBreakdownMs/all/service").asDouble());
    }

    /** The per-second columns add up to the report's totals, second by second. */
    @Test
    void theTimeSeriesColumnsCountEachSecondsLimitedAndShedRequests() {
        World w = new World(Presets.load("api-gateway").withDurationSeconds(30));
        long[] sums = new long[2];
        w.setSampleSink(sample -> {
            sums[0] += Long.parseLong(sample.parts().get("gateway_limited_per_s"));
            sums[1] += Long.parseLong(sample.parts().get("gateway_shed_per_s"));
        });
        assertTrue(w.sampleCsvHeader().endsWith(",gateway_limited_per_s,gateway_shed_per_s"), w.sampleCsvHeader());
        w.advanceTo(Simulation.secondsToNanos(30));
        ObjectNode report = Report.of(w, 0);
        assertEquals(report.at("/gateway/limited").asLong(), sums[0]);
        assertEquals(report.at("/gateway/shed").asLong(), sums[1]);
        assertTrue(sums[1] > 0);
    }

    /**
     * Closed-loop users whose requests are limited think and send again at once, as after any
     * answer: 20 users thinking 10 ms offer about 2,000 req/s, and a global bucket of 100 req/s lets
     * 100 a second through.
     */
    @Test
    void closedLoopUsersGoOnAfterA429() {
        String json = """
                {"schema": 1, "seed": 9, "durationSeconds": 20,
                 "workload": {"arrival": {"process": "closed", "users": 20,
                   "thinkTime": {"distribution": "constant", "meanMs": 10}}},
                 "service": {"instances": 2, "workersPerInstance": 4,
                   "serviceTime": {"distribution": "constant", "meanMs": 5}},
                 "gateway": {"global": {"kind": "token-bucket", "ratePerSecond": 100, "burst": 10}, "latencyMs": 0}}
                """;
        ObjectNode report = run(json, 20);
        long offered = report.at("/requests/offered").asLong();
        long admitted = offered - report.at("/requests/limited").asLong();
        assertTrue(offered > 30_000, "offered " + offered);
        assertTrue(admitted >= 100 * 20 + 10 - 1 && admitted <= 100 * 20 + 10, "admitted " + admitted);
    }

    @Test
    void aGlobalSlidingWindowLimitsAllClientsTogether() {
        String json = """
                {"schema": 1, "seed": 5, "durationSeconds": 30,
                 "workload": {"arrival": {"process": "poisson", "ratePerSecond": 400}},
                 "service": {"instances": 2, "workersPerInstance": 8,
                   "serviceTime": {"distribution": "constant", "meanMs": 5}},
                 "gateway": {"global": {"kind": "sliding-window", "ratePerSecond": 100, "windowSeconds": 1}}}
                """;
        ObjectNode report = run(json, 30);
        JsonNode anonymous = report.at("/gateway/perClient/default");
        long admitted = anonymous.get("offered").asLong() - anonymous.get("limited").asLong();
        assertTrue(Math.abs(admitted - 100 * 30) <= 100, "admitted " + admitted); // within one window's worth
        assertEquals(report.at("/gateway/limited").asLong(), anonymous.get("limited").asLong());
    }

    @Test
    void onlyAScenarioWithAGatewayOrClientClassesHasTheGatewaySections() {
        ObjectNode plain = run("{\"schema\": 1, \"durationSeconds\": 5}", 5);
        assertNull(plain.get("gateway"));
        assertFalse(plain.get("requests").has("limited"));
        assertFalse(plain.get("requests").has("shed"));
        assertFalse(plain.get("latencyBreakdownMs").get("all").has("gateway"));

        ObjectNode classes = run("""
                {"schema": 1, "durationSeconds": 5, "workload": {"clients": [{"name": "a", "share": 1}, {"name": "b", "share": 3}]}}
                """, 5);
        JsonNode a = classes.at("/gateway/perClient/a");
        JsonNode b = classes.at("/gateway/perClient/b");
        assertEquals(classes.at("/requests/offered").asLong(), a.get("offered").asLong() + b.get("offered").asLong());
        assertEquals(0, classes.at("/requests/limited").asLong());
        assertFalse(classes.get("latencyBreakdownMs").get("all").has("gateway")); // no gateway, no hop
        double shareOfB = b.get("offered").asDouble() / classes.at("/requests/offered").asDouble();
        assertEquals(0.75, shareOfB, 0.03);

        World w = new World(ScenarioFiles.parse("{\"schema\": 1, \"workload\": {\"clients\": [{\"name\": \"a\", \"share\": 1}]}}"));
        w.advanceTo(Simulation.secondsToNanos(1));
        assertNull(w.snapshot().gateway()); // the Overview's card is the gateway's
    }

    @Test
    void sharesThatAllAreZeroAreRefusedNamingTheField() {
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(
                "{\"schema\": 1, \"workload\": {\"clients\": [{\"name\": \"a\", \"share\": 0}]}}"));
        assertEquals("workload.clients", e.field());
    }

    @Test
    void theShedderLogsItsEpisodesWithTheirInputsAndTheSnapshotShowsThem() {
        World w = new World(Presets.load("api-gateway"));
        w.advanceTo(Simulation.secondsToNanos(20));
        List<String> lines = new ArrayList<>();
        for (LogEntry e : w.snapshot().recentLog()) {
            if (e.source() == Source.GATEWAY) {
                lines.add(e.message());
            }
        }
        assertFalse(lines.isEmpty());
        // The queue hovers at the threshold, flipping the state request by request; the log follows the
        // episode: it deepens and eases a few times in 20 s, where the state flips thousands of times.
        assertTrue(lines.get(0).matches("shedding low: [0-9.]+ queued per ready instance >= 5"), lines.get(0));
        assertTrue(lines.size() < 10, lines.toString());
        GatewayView view = w.snapshot().gateway();
        assertNotNull(view);
        assertEquals(List.of("mobile", "partner", "scraper"), view.clients().stream().map(GatewayView.ClientView::name).toList());
        GatewayView.ClientView scraper = view.clients().get(2);
        assertEquals("low", scraper.priority());
        assertTrue(scraper.limitedPerSecond() > 700, "scraper limited/s " + scraper.limitedPerSecond());
        assertEquals("queue-length", view.shedding());
    }

    /**
     * An episode of shedding: it deepens at once (low, then normal too, as the queue passes 4 and 8),
     * and eases once a whole second was calm: the second after the overload ends at 40 s still
     * sheds normal requests while the queue drains, the next sheds nothing.
     */
    @Test
    void sheddingDeepensAtOnceAndEasesAfterACalmSecond() {
        String json = """
                {"schema": 1, "seed": 3, "durationSeconds": 44,
                 "workload": {"arrival": {"process": "poisson", "ratePerSecond": 800},
                   "clients": [{"name": "checkout", "share": 1, "priority": "high"},
                               {"name": "web", "share": 1, "priority": "normal"},
                               {"name": "batch", "share": 2, "priority": "low"}]},
                 "service": {"instances": 1, "workersPerInstance": 4, "queueCapacity": 2000,
                   "serviceTime": {"distribution": "constant", "meanMs": 10}},
                 "gateway": {"shedding": {"mode": "queue-length", "queueThreshold": 4}, "latencyMs": 0},
                 "timeline": [{"atSeconds": 40, "command": "set", "path": "workload.arrival.ratePerSecond", "value": 200}]}
                """;
        World w = new World(ScenarioFiles.parse(json));
        w.advanceTo(Simulation.secondsToNanos(43.5));
        List<String> lines = new ArrayList<>();
        for (Decision d : w.decisions()) {
            if (d.source() == Source.GATEWAY) {
                lines.add(Parameter.format(Math.floor(d.atSeconds())) + " " + d.message());
            }
        }
        assertEquals(List.of(
                "0 shedding low: 4 queued per ready instance >= 4",
                "0 shedding low and normal: 8 queued per ready instance >= 8",
                "42 shedding stopped: nothing shed for a second (0 queued per ready instance < 4)"), lines);
    }

    /** Each gateway parameter and client share of the preset is set live through its owner; the run goes on. */
    @Test
    void everyGatewayParameterChangesLive() {
        List<Parameter> gatewayParameters = new ArrayList<>(Part.GATEWAY.parameters());
        gatewayParameters.add(Parameter.of("workload.clients[0].share"));
        gatewayParameters.add(Parameter.of("workload.clients[1].share"));
        gatewayParameters.add(Parameter.of("workload.clients[2].share"));
        for (Parameter p : gatewayParameters) {
            World w = new World(Presets.load("api-gateway"));
            w.advanceTo(Simulation.secondsToNanos(0.5));
            Object value = p.read(w.currentScenario());
            if (value instanceof Double d) {
                value = d == 0 ? 10.0 : d * 2;
            } else if (p == Parameter.of("gateway.shedding.mode")) {
                value = "latency";
            }
            w.advanceTo(w.commandTimeNanos());
            w.applyUserChange(p, value);
            Decision last = w.decisions().get(w.decisions().size() - 1);
            assertEquals(p.path(), last.fields().get("parameter"), p.path() + ": " + last.message());
            long before = w.snapshot().completed();
            w.advanceTo(Simulation.secondsToNanos(1.5));
            assertTrue(w.snapshot().completed() > before, p.path());
        }
    }

    /** A new rate keeps the bucket's tokens: an empty bucket given ten times the rate refills from empty. */
    @Test
    void raisingTheQuotaLiveLetsTheAbusiveClientThroughAtTheNewRate() {
        World w = new World(Presets.load("api-gateway").withDurationSeconds(40));
        w.advanceTo(Simulation.secondsToNanos(20));
        w.advanceTo(w.commandTimeNanos());
        w.applyUserChange(Parameter.of("gateway.perClient.ratePerSecond"), 1000.0);
        w.advanceTo(Simulation.secondsToNanos(40));
        JsonNode scraper = Report.of(w, 0).at("/gateway/perClient/scraper");
        long limited = scraper.get("limited").asLong();
        // 20 s at 1,000 req/s offered against 100/s: about 18,000 limited; after the change almost none.
        assertTrue(limited > 17_000 && limited < 19_500, "limited " + limited);
    }
}
