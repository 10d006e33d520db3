package dev.scalelab.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.resilience.AttemptOutcome;
import dev.scalelab.engine.resilience.AttemptRecord;
import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What outside tools read: the trace, the decisions with their inputs, the time series and the report's numbers. */
class OutputsTest {

    private static void runTo(World w, double seconds) {
        w.advanceTo(Simulation.secondsToNanos(seconds));
    }

    /** A change by the user at about {@code seconds}, as the app makes it. */
    private static void set(World w, double seconds, String path, Object value) {
        runTo(w, seconds);
        w.advanceTo(w.commandTimeNanos());
        w.applyUserCommand(Scenario.TimelineEntry.set(0, path, value));
    }

    private static List<Decision> from(World w, Source source) {
        return w.decisions().stream().filter(d -> d.source() == source).toList();
    }

    /** Every request calls "pay", which always fails: a breaker of 10 calls at 50% opens and stays open 60 s. */
    private static final String FAILING_PAY = "{\"schema\":1,\"seed\":3,\"durationSeconds\":30,"
            + "\"workload\":{\"arrival\":{\"ratePerSecond\":50}},"
            + "\"dependencies\":[{\"name\":\"pay\",\"errorRate\":1.0,\"retry\":{\"maxAttempts\":1},"
            + "\"breaker\":{\"slidingWindowSize\":10,\"minimumNumberOfCalls\":10,\"failureRateThreshold\":50,"
            + "\"waitDurationInOpenStateMs\":60000}}]}";

    @Test
    void aBreakerRebuiltByASettingsChangeIsLoggedAndTracedWithItsStateReset() {
        World w = new World(ScenarioFiles.parse(FAILING_PAY));
        List<AttemptRecord> rows = new ArrayList<>();
        w.setAttemptTrace(rows::add);
        runTo(w, 10);
        set(w, 10, "dependencies[0].breaker.failureRateThreshold", 30.0);
        long changedAt = w.simulation().nowNanos();
        runTo(w, 11);
        w.flushAttemptTrace();

        List<String> breakerLog = from(w, Source.BREAKER).stream().map(Decision::message).toList();
        // It opened after its first 10 calls; the change rebuilt it CLOSED with an empty window.
        assertTrue(breakerLog.get(0).startsWith("pay: CLOSED -> OPEN"), breakerLog.toString());
        assertEquals("pay: breaker rebuilt by a settings change, CLOSED (was OPEN); its window starts empty (it held 10 calls)",
                breakerLog.get(1));
        Decision change = w.decisions().stream().filter(d -> d.message().startsWith("dependencies[0]")).findFirst().orElseThrow();
        assertEquals("dependencies[0].breaker.failureRateThreshold: 50 -> 30", change.message());
        assertEquals(Map.of("parameter", "dependencies[0].breaker.failureRateThreshold", "from", 50.0, "to", 30.0,
                "by", "user"), change.fields());

        AttemptRecord rebuilt = rows.stream().filter(r -> r.outcome() == AttemptOutcome.BREAKER_REBUILT).findFirst().orElseThrow();
        assertEquals(changedAt, rebuilt.startNanos());
        assertEquals(changedAt, rebuilt.endNanos());
        assertEquals(BreakerState.OPEN, rebuilt.breakerStateBefore());
        assertEquals(BreakerState.CLOSED, rebuilt.breakerStateAfter());
        assertTrue(rebuilt.toCsvRow().endsWith(",pay,,,BREAKER_REBUILT,,OPEN,CLOSED"), rebuilt.toCsvRow());
        // Before it, calls were rejected by the open breaker; after it, they are sent again.
        int at = rows.indexOf(rebuilt);
        assertEquals(AttemptOutcome.REJECTED_BY_BREAKER, rows.get(at - 1).outcome());
        assertEquals(AttemptOutcome.FAILURE, rows.get(at + 1).outcome());
        assertEquals(BreakerState.CLOSED, rows.get(at + 1).breakerStateBefore());
        // Sorted by start time, numbered in order.
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i, rows.get(i).seq());
            assertTrue(i == 0 || rows.get(i - 1).startNanos() <= rows.get(i).startNanos());
        }
    }

    @Test
    void settingABreakerFieldOnADependencyWithoutOneSaysNoBreakerRatherThanNull() {
        World w = new World(ScenarioFiles.parse("{\"schema\":1,\"seed\":3,\"workload\":{\"arrival\":{\"ratePerSecond\":20}},"
                + "\"dependencies\":[{\"name\":\"pay\"}]}"));
        set(w, 5, "dependencies[0].breaker.mode", "resilience4j");
        List<String> messages = w.decisions().stream().map(Decision::message).toList();
        assertTrue(messages.contains("dependencies[0].breaker.mode: no breaker -> resilience4j"), messages.toString());
        assertTrue(messages.contains("pay: breaker added by a settings change, CLOSED; its window starts empty"), messages.toString());
        assertFalse(messages.stream().anyMatch(m -> m.contains("null")), messages.toString());
    }

    // ------------------------------------------------------------------ decisions

    private static final String HPA = "{\"schema\":1,\"seed\":9,\"durationSeconds\":120,"
            + "\"workload\":{\"arrival\":{\"ratePerSecond\":450}},"
            + "\"service\":{\"instances\":2,\"workersPerInstance\":4,\"queueCapacity\":1000,"
            + "\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":25},\"bootSeconds\":20,\"provisionSeconds\":0},"
            + "\"autoscaler\":{\"policy\":\"hpa\",\"minReplicas\":1,\"maxReplicas\":20,\"targetUtilization\":50}}";

    @Test
    void anAutoscalerSettingChangedDuringTheRunIsAnAutoscalerDecisionWithOldAndNewValue() {
        World w = new World(ScenarioFiles.parse(HPA));
        set(w, 30, "autoscaler.targetUtilization", 60);
        runTo(w, 60);
        List<Decision> changes = from(w, Source.AUTOSCALER);
        assertEquals(1, changes.size());
        Decision d = changes.get(0);
        assertEquals("autoscaler.targetUtilization: 50 -> 60", d.message());
        assertEquals(Map.of("parameter", "autoscaler.targetUtilization", "from", 50, "to", 60, "by", "user"), d.fields());

        JsonNode report = Report.of(w, 0);
        JsonNode entry = null;
        for (JsonNode n : report.get("decisions")) {
            if (n.get("source").asText().equals("autoscaler")) {
                entry = n;
            }
        }
        assertNotNull(entry);
        assertEquals("autoscaler.targetUtilization", entry.get("parameter").asText());
        assertEquals(50, entry.get("from").asInt());
        assertEquals(60, entry.get("to").asInt());
        assertEquals("user", entry.get("by").asText());
        // The HPA's later decisions use the new target, and say so in their inputs.
        JsonNode last = null;
        for (JsonNode n : report.get("decisions")) {
            if (n.get("source").asText().equals("hpa")) {
                last = n;
            }
        }
        assertEquals(60, last.at("/inputs/targetUtilizationPercent").asInt());
    }

    @Test
    void everyHpaDecisionInTheReportCarriesItsInputsAndTheyAddUp() {
        World w = new World(ScenarioFiles.parse(HPA));
        runTo(w, 120);
        JsonNode report = Report.of(w, 0);
        int seen = 0;
        for (JsonNode n : report.get("decisions")) {
            if (!n.get("source").asText().equals("hpa")) {
                continue;
            }
            seen++;
            JsonNode in = n.get("inputs");
            long usage = in.get("cpuUsageMillicores").asLong();
            long request = in.get("cpuRequestMillicores").asLong();
            int ready = in.get("readyPods").asInt();
            // medium instances request 2 vCPUs: 2000m each.
            assertEquals(2000L * ready, request, n.toString());
            int utilization = (int) (usage * 100 / request);
            assertEquals(utilization, in.get("utilizationPercent").asInt(), n.toString());
            assertEquals(utilization / 50.0, in.get("usageRatio").asDouble(), 1e-5, n.toString());
            assertEquals(0.1, in.get("scaleUpTolerance").asDouble());
            assertEquals(0.1, in.get("scaleDownTolerance").asDouble());
            for (String count : List.of("unreadyPods", "missingPods", "ignoredPods")) {
                assertTrue(in.get(count).isInt(), count);
            }
            if (in.get("unreadyPods").asInt() == 0 && in.get("missingPods").asInt() == 0
                    && Math.abs(utilization / 50.0 - 1) > 0.1) {
                // No second pass: the proposal is ceil(ratio x ready pods).
                assertEquals((int) Math.ceil(utilization / 50.0 * ready), n.get("desiredReplicas").asInt(), n.toString());
            }
        }
        assertEquals(8, seen); // one sync every 15 s
    }

    // ------------------------------------------------------------------ time series

    @Test
    void aScenarioWithoutCacheDatabaseDependenciesOrAutoscalerHasOnlyTheBaseColumns() {
        World w = new World(ScenarioFiles.parse("{\"schema\":1}"));
        assertEquals(Sample.CSV_HEADER, w.sampleCsvHeader());
        List<Sample> samples = new ArrayList<>();
        w.setSampleSink(samples::add);
        runTo(w, 2);
        assertEquals(Sample.CSV_HEADER.split(",").length, samples.get(1).toCsv().split(",", -1).length);
    }

    @Test
    void theTimeSeriesHasAColumnPerPartNamedWithItsUnit() {
        Scenario s = Presets.load("full-stack");
        World w = new World(s);
        assertEquals(Sample.CSV_HEADER + ",autoscaler_proposed_replicas_count,autoscaler_desired_replicas_count,"
                + "cache_hit_ratio,cache_l1_hit_ratio,cache_l2_hit_ratio,cache_store_loads_per_s,"
                + "db_queries_per_s,db_stale_reads_per_s,db_keys_moved_count,"
                + "payments_requests_per_s,payments_attempts_per_s,payments_not_permitted_per_s,payments_breaker_state",
                w.sampleCsvHeader());
        for (String column : w.sampleCsvHeader().split(",")) {
            assertTrue(column.matches(".*_(s|ms|per_s|ratio|count|dollars|per_hour|state)"), column);
        }
    }

    @Test
    void perDependencyColumnsAddUpToTheTotalsAndFollowTheBreaker() {
        World w = new World(ScenarioFiles.parse(FAILING_PAY));
        List<Sample> samples = new ArrayList<>();
        w.setSampleSink(samples::add);
        runTo(w, 30);
        String[] header = w.sampleCsvHeader().split(",");
        int requests = Arrays.asList(header).indexOf("pay_requests_per_s");
        int attempts = Arrays.asList(header).indexOf("pay_attempts_per_s");
        int notPermitted = Arrays.asList(header).indexOf("pay_not_permitted_per_s");
        int state = Arrays.asList(header).indexOf("pay_breaker_state");
        assertTrue(requests > 0 && attempts > 0 && notPermitted > 0 && state > 0);
        long sumRequests = 0;
        long sumAttempts = 0;
        long sumNotPermitted = 0;
        for (Sample sample : samples) {
            String[] row = sample.toCsv().split(",", -1);
            assertEquals(header.length, row.length);
            sumRequests += Long.parseLong(row[requests]);
            sumAttempts += Long.parseLong(row[attempts]);
            sumNotPermitted += Long.parseLong(row[notPermitted]);
            // One attempt per request (no retry): each request is either sent or not permitted.
            assertEquals(Long.parseLong(row[requests]), Long.parseLong(row[attempts]) + Long.parseLong(row[notPermitted]));
        }
        ObjectNode report = Report.of(w, 0);
        JsonNode pay = report.get("dependencies").get(0);
        assertEquals(pay.get("requests").asLong(), sumRequests);
        assertEquals(pay.get("attemptsSent").asLong(), sumAttempts);
        assertEquals(pay.get("breakerRejections").asLong(), sumNotPermitted);
        // The breaker opened once, after its first 10 calls, and stays open (60 s wait): the state
        // column is CLOSED before that second and OPEN from the next sample on.
        JsonNode opened = report.at("/breakers/0/transitions/0");
        assertEquals("OPEN", opened.get("to").asText());
        double openedAt = opened.get("atSeconds").asDouble();
        for (Sample sample : samples) {
            String[] row = sample.toCsv().split(",", -1);
            String expected = sample.timeSeconds() < openedAt ? "CLOSED" : "OPEN";
            assertEquals(expected, row[state], "at " + sample.timeSeconds());
            if (sample.timeSeconds() >= openedAt + 1) {
                // A whole second with the breaker open: nothing is sent, every call is not permitted.
                assertEquals("0", row[attempts]);
                assertEquals(row[requests], row[notPermitted]);
            }
        }
        // The 10 calls that filled the window, and those already sent when the 10th failed.
        assertTrue(sumAttempts >= 10 && sumAttempts < 15, "attempts " + sumAttempts);
    }

    // ------------------------------------------------------------------ the report's numbers

    @Test
    void reportNumbersAreRoundedToWhatTheyMean() {
        assertEquals(25.666, Report.round(25.666324034573964, "mean", "latencyMs"));
        assertEquals(155.903, Report.round(155.90251, "p99Ms", "dependencies"));
        assertEquals(300.136334904, Report.round(300.136334904, "atSeconds", "transitions"));
        assertEquals(0.03, Report.round(0.0256, "totalDollars", "cost"));
        assertEquals(0.4288, Report.round(0.42876, "meanPerHour", "cost"));
        assertEquals(0.970002, Report.round(0.9700024898089723, "hitRatio", "cache"));
        assertEquals(0.20028, Report.round(0.20027972027972028, "loadShare", "perShard"));
        assertEquals(3999.64, Report.round(3999.6375, "throughputPerSecond", "requests"));

        World w = new World(Presets.load("full-stack"));
        runTo(w, 60);
        String json = Report.toJson(Report.of(w, 0));
        Matcher m = Pattern.compile("\"(\\w+)\" : (-?\\d+\\.\\d+(E-?\\d+)?)").matcher(json);
        int numbers = 0;
        while (m.find()) {
            numbers++;
            String name = m.group(1);
            String digits = m.group(2).replaceFirst("E.*", "").replace("-", "").replace(".", "").replaceFirst("^0+", "");
            if (name.endsWith("Seconds")) {
                assertTrue(m.group(2).length() - m.group(2).indexOf('.') - 1 <= 9, m.group());
            } else {
                assertTrue(digits.length() <= 6 || name.endsWith("Ms") && m.group(2).split("\\.")[1].length() <= 3
                        || isLatency(json, m.start()), m.group());
            }
        }
        assertTrue(numbers > 50);
        assertTrue(json.contains("\"totalDollars\" : "));
    }

    /** Inside the latencyMs object, whose fields are milliseconds: 3 decimals. */
    private static boolean isLatency(String json, int at) {
        int open = json.lastIndexOf("\"latencyMs\" : {", at);
        return open >= 0 && json.indexOf('}', open) > at;
    }
}
