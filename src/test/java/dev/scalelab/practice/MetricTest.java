package dev.scalelab.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MetricTest {
    private static final JsonNode REPORT = read("""
            {"requests": {"offered": 1000, "completed": 900, "failed": 40, "rejected": 30, "timedOut": 10, "limited": 15, "shed": 5},
             "latencyMs": {"p99": 120.5, "p999": 300.25},
             "cost": {"meanPerHour": 0.384},
             "cache": {"hitRatio": 0.75, "reads": 800, "staleReads": 20},
             "database": {"reads": 400, "staleReads": 10, "lostAcknowledgedWrites": 3, "movedFraction": 0.25},
             "retries": {"amplification": 1.5},
             "breakers": [{"dependency": "payments", "state": "CLOSED"}, {"dependency": "search", "state": "OPEN"},
                          {"dependency": "audit", "state": "DISABLED"}],
             "events": {"topics": [{"name": "orders", "lagMax": 42, "endToEndMs": {"p50": 12, "p99": 880.5}}]},
             "gateway": {"limited": 15, "shed": 5,
                         "perClient": {"mobile": {"offered": 400, "completed": 380, "limited": 12, "shed": 2, "p99Ms": 95.5}}}}""");

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void eachMetricReadsItsFormula() {
        assertEquals(120.5, Metric.P99_MS.measure(REPORT, null));
        assertEquals(300.25, Metric.P999_MS.measure(REPORT, null));
        // failed + rejected + timedOut + shed; the 15 limited (429) are not errors.
        assertEquals((40 + 30 + 10 + 5) / 1000.0, Metric.ERROR_RATIO.measure(REPORT, null));
        assertEquals(0.9, Metric.AVAILABILITY.measure(REPORT, null));
        assertEquals(0.384, Metric.COST_PER_HOUR.measure(REPORT, null));
        assertEquals(0.75, Metric.HIT_RATIO.measure(REPORT, null));
        assertEquals(20 / 800.0, Metric.CACHE_STALE_RATIO.measure(REPORT, null));
        assertEquals(10 / 400.0, Metric.DB_STALE_RATIO.measure(REPORT, null));
        assertEquals(3, Metric.LOST_WRITES.measure(REPORT, null));
        assertEquals(0.25, Metric.KEYS_MOVED_FRACTION.measure(REPORT, null));
        assertEquals(1.5, Metric.AMPLIFICATION.measure(REPORT, null));
        assertEquals(1, Metric.BREAKER_CLOSED_AT_END.measure(REPORT, "payments"));
        assertEquals(0, Metric.BREAKER_CLOSED_AT_END.measure(REPORT, "search"));
        assertEquals(1, Metric.BREAKER_CLOSED_AT_END.measure(REPORT, "audit"));
        assertEquals(880.5, Metric.END_TO_END_P99_MS.measure(REPORT, "orders"));
        assertEquals(42, Metric.LAG_MAX.measure(REPORT, "orders"));
        assertEquals(95.5, Metric.CLIENT_P99_MS.measure(REPORT, "mobile"));
        assertEquals(380 / 400.0, Metric.CLIENT_SUCCESS_RATIO.measure(REPORT, "mobile"));
        assertEquals(12 / 400.0, Metric.CLIENT_LIMITED_RATIO.measure(REPORT, "mobile"));
    }

    @Test
    void withoutAGatewayTheErrorRatioHasNoShedRequests() {
        JsonNode r = read("""
                {"requests": {"offered": 200, "completed": 190, "failed": 6, "rejected": 4, "timedOut": 0}}""");
        assertEquals(0.05, Metric.ERROR_RATIO.measure(r, null));
        assertEquals(0.95, Metric.AVAILABILITY.measure(r, null));
    }

    @Test
    void aRunWithoutReadsHasNoStaleReads() {
        JsonNode r = read("""
                {"cache": {"hitRatio": 0, "reads": 0, "staleReads": 0}, "database": {"reads": 0, "staleReads": 0}}""");
        assertEquals(0, Metric.CACHE_STALE_RATIO.measure(r, null));
        assertEquals(0, Metric.DB_STALE_RATIO.measure(r, null));
    }

    @Test
    void aMissingPartIsNamedWithTheField() {
        JsonNode none = read("{\"requests\": {\"offered\": 1}}");
        assertEquals("cache.hitRatio: the design has no cache", message(Metric.HIT_RATIO, none, null));
        assertEquals("database.staleReads: the design has no database", message(Metric.DB_STALE_RATIO, none, null));
        assertEquals("retries.amplification: the design has no dependencies", message(Metric.AMPLIFICATION, none, null));
        assertEquals("breakers[dependency = ledger]: the design has no dependency named \"ledger\"",
                message(Metric.BREAKER_CLOSED_AT_END, REPORT, "ledger"));
        assertEquals("events.topics[orders]: the design has no events section", message(Metric.LAG_MAX, none, "orders"));
        assertEquals("events.topics[clicks]: the design has no topic named \"clicks\"", message(Metric.LAG_MAX, REPORT, "clicks"));
        assertEquals("gateway.perClient.mobile: the design has no gateway and no client classes",
                message(Metric.CLIENT_P99_MS, none, "mobile"));
        assertEquals("gateway.perClient.batch: the design has no client named \"batch\"",
                message(Metric.CLIENT_SUCCESS_RATIO, REPORT, "batch"));
        assertEquals("requests.completed: the report has no such number", message(Metric.AVAILABILITY, none, null));
    }

    private static String message(Metric m, JsonNode report, String target) {
        return assertThrows(IllegalArgumentException.class, () -> m.measure(report, target)).getMessage();
    }
}
