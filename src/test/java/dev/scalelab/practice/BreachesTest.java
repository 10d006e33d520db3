package dev.scalelab.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.world.Sample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BreachesTest {
    private static final Requirement P99 = new Requirement("p99", Metric.P99_MS, null, 100.0, null, null);

    /** One sample per second with these 1-s p99s; 200 offered, 4 ready instances half busy, 3 queued. */
    private static List<Sample> p99s(double... p99Ms) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < p99Ms.length; i++) {
            out.add(new Sample(i + 1, 200, 200, 0, 0, 20, 10, p99Ms[i], 4, 4, 0.5, 3, 0.384, 0));
        }
        return out;
    }

    private static JsonNode report(Object... timeSourceMessage) {
        ObjectNode r = new ObjectMapper().createObjectNode();
        ArrayNode d = r.putArray("decisions");
        for (int i = 0; i < timeSourceMessage.length; i += 3) {
            d.addObject().put("atSeconds", ((Number) timeSourceMessage[i]).doubleValue()).put("source", (String) timeSourceMessage[i + 1])
                    .put("message", (String) timeSourceMessage[i + 2]);
        }
        return r;
    }

    @Test
    void theMomentIsTheFirstStretchOfThreeSecondsOverTheBound() {
        // A lone slow second at 1 s; the stretch starts at 4 s; the second at 5 s answered nothing.
        Breach b = Breaches.find(P99, 180, 7, p99s(50, 150, 50, 50, 150, Double.NaN, 150, 150, 50), report());
        assertEquals(4.0, b.atSeconds());
        assertEquals(7, b.seed());
        assertEquals("at 0:04 the 1-s p99 was 150 ms (target ≤ 100 ms), with 200 req/s offered to 4 ready instances, 50% busy, "
                + "3 queued; over the whole run 180 ms", b.what());
    }

    @Test
    void withoutAStretchTheFirstLoneSecondIsTheMoment() {
        Breach b = Breaches.find(P99, 120, 7, p99s(50, 50, 2100, 50, 130, 50), report());
        assertEquals(2.0, b.atSeconds());
        assertTrue(b.what().startsWith("at 0:02 the 1-s p99 was 2.1 s (target ≤ 100 ms)"), b.what());
    }

    @Test
    void whenNoSecondCrossedTheRunAsAWholeDid() {
        Breach b = Breaches.find(P99, 120, 7, p99s(90, 95, 99), report());
        assertTrue(Double.isNaN(b.atSeconds()));
        assertEquals("no single second crossed it, the run as a whole did: p99 latency 120 ms over the whole run (target ≤ 100 ms)",
                b.what());
    }

    @Test
    void theWhyQuotesTheCausesFirstAndAtMostSixLinesInTimeOrder() {
        JsonNode r = report(
                0, "world", "started",
                40, "hpa", "HPA: desired 4 (no change)",              // more than 30 s before 75 s: out of the window
                50, "pool", "i-4 provisioning",
                55, "hpa", "HPA: ready 4 of 4 -> desired 4 (no change)",
                60, "timeline", "outage payments for 30 s",
                60, "mesh", "payments: outage (connections refused) for 30 s",
                60.2, "breaker", "payments: CLOSED -> OPEN",
                65, "breaker", "payments: OPEN -> HALF_OPEN",
                65.1, "breaker", "payments: HALF_OPEN -> OPEN",
                70, "hpa", "HPA: ready 4 of 4 -> desired 6 -> 6",
                75.5, "gc", "i-2: full collection 900 ms",           // within the second that crossed
                77, "breaker", "payments: OPEN -> HALF_OPEN");        // after it
        assertEquals(List.of(
                "1:00 timeline: outage payments for 30 s",
                "1:00 breaker: payments: CLOSED -> OPEN",
                "1:05 breaker: payments: OPEN -> HALF_OPEN",
                "1:05 breaker: payments: HALF_OPEN -> OPEN",
                "1:10 hpa: HPA: ready 4 of 4 -> desired 6 -> 6",
                "1:15 gc: i-2: full collection 900 ms"), Breaches.why(r, 75, 76));
        // With room to spare, the context comes too, oldest first.
        assertEquals(List.of("0:40 hpa: HPA: desired 4 (no change)", "0:50 pool: i-4 provisioning", "0:55 hpa: HPA: ready 4 of 4 -> desired 4 (no change)",
                "1:00 timeline: outage payments for 30 s", "1:00 mesh: payments: outage (connections refused) for 30 s",
                "1:00 breaker: payments: CLOSED -> OPEN"), Breaches.why(r, 60.1, 61));
    }

    @Test
    void withoutAMomentTheWhyIsTheRunsIncidentsThenItsCauses() {
        JsonNode r = report(
                0, "world", "started",
                10, "timeline", "kill-primary 0",
                10, "database", "s0-primary killed",
                15, "hpa", "HPA: desired 4 (no change)",
                15, "database", "shard 0 lost 11 writes",
                30, "hpa", "HPA: ready 4 of 4 -> desired 6 -> 6",
                600, "timeline", "outage payments for 30 s");
        assertEquals(List.of("0:10 timeline: kill-primary 0", "0:30 hpa: HPA: ready 4 of 4 -> desired 6 -> 6",
                "10:00 timeline: outage payments for 30 s"), Breaches.whyOverRun(r));
    }

    @Test
    void aColdStartIsNotTheMomentWhenTheRunCrossesAgainLater() {
        Breach b = Breaches.find(P99, 150, 7, p99s(400, 300, 50, 50, 50, 150, 160, 170, 50), report());
        assertEquals(5.0, b.atSeconds());
        // Only the cold start crossed: the start is the moment.
        Breach cold = Breaches.find(P99, 150, 7, p99s(400, 300, 50, 50, 50), report());
        assertEquals(0.0, cold.atSeconds());
        assertTrue(cold.what().startsWith("from the start: at 0:00 the 1-s p99 was 400 ms (target ≤ 100 ms)"), cold.what());
    }
}
