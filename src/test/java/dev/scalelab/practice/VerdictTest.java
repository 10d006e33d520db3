package dev.scalelab.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.scalelab.practice.GraderTest.START;
import static dev.scalelab.practice.GraderTest.SURGE_AT_10;
import static dev.scalelab.practice.GraderTest.challenge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictTest {
    private static final String REQUIREMENTS = """
            [{"id": "p99", "metric": "p99-ms", "max": 100, "label": "p99 through the surge"},
             {"id": "up", "metric": "availability", "min": 0.3}]""";

    private static List<String> names(JsonNode o) {
        List<String> n = new ArrayList<>();
        o.fieldNames().forEachRemaining(n::add);
        return n;
    }

    @Test
    void theJsonNamesEachRequirementItsTargetAndItsValuePerSeed() {
        Challenge c = challenge(START, REQUIREMENTS, "[]", SURGE_AT_10);
        ObjectNode json = Grader.grade(c, c.startScenario(), 2, 1, null, () -> false).toJson();
        assertEquals(List.of("challenge", "passed", "score", "seeds", "costPerHour", "violations", "requirements", "predictions"),
                names(json));
        assertEquals("tiny", json.get("challenge").asText());
        assertFalse(json.get("passed").asBoolean());
        assertEquals(30, json.get("score").asInt()); // one of two met
        assertEquals("[5,6]", json.get("seeds").toString());
        assertEquals(0.192, json.get("costPerHour").asDouble(), 1e-9);

        JsonNode p99 = json.get("requirements").get(0);
        assertEquals(List.of("id", "label", "metric", "max", "perSeed", "overall", "passed", "breach"), names(p99));
        assertEquals("p99 through the surge", p99.get("label").asText());
        assertEquals("p99-ms", p99.get("metric").asText());
        assertEquals(100.0, p99.get("max").asDouble());
        assertEquals(2, p99.get("perSeed").size());
        assertEquals(Math.max(p99.get("perSeed").get(0).asDouble(), p99.get("perSeed").get(1).asDouble()),
                p99.get("overall").asDouble());
        assertEquals(List.of("seed", "atSeconds", "what", "why"), names(p99.get("breach")));
        assertEquals(10.0, p99.get("breach").get("atSeconds").asDouble());

        JsonNode up = json.get("requirements").get(1);
        assertEquals(List.of("id", "label", "metric", "min", "perSeed", "overall", "passed"), names(up));
        assertEquals("availability", up.get("label").asText()); // no label of its own: the metric's
        assertTrue(up.get("passed").asBoolean());
    }

    @Test
    void aValueNotMeasuredIsNullAndABreachWithoutAMomentHasNoTime() {
        Requirement r = new Requirement("hits", Metric.HIT_RATIO, null, null, 0.5, null);
        Verdict v = new Verdict("x", List.of(1L), false, 0, List.of(),
                List.of(new RequirementResult(r, List.of(Double.NaN), Double.NaN, false,
                        new Breach(1, Double.NaN, "cache.hitRatio: the design has no cache", List.of()))),
                Double.NaN, Map.of("guess", Double.NaN));
        ObjectNode json = v.toJson();
        JsonNode req = json.get("requirements").get(0);
        assertTrue(req.get("perSeed").get(0).isNull());
        assertTrue(req.get("overall").isNull());
        assertTrue(json.get("costPerHour").isNull());
        assertTrue(json.get("predictions").get("guess").isNull());
        assertEquals(List.of("seed", "what", "why"), names(req.get("breach")));
    }

    @Test
    void theTextGivesEachRequirementThenEachBreachThenTheScore() {
        Challenge c = challenge(START, REQUIREMENTS, "[]", SURGE_AT_10);
        String text = Grader.grade(c, c.startScenario(), 1, 1, null, () -> false).toText();
        String[] lines = text.split("\n");
        assertEquals("tiny: FAILED on 1 seed (5)", lines[0]);
        assertTrue(lines[1].startsWith("  FAIL  p99 through the surge  "), lines[1]);
        assertTrue(lines[1].endsWith("(target ≤ 100 ms)"), lines[1]);
        assertTrue(lines[2].startsWith("  PASS  availability           "), lines[2]);
        assertTrue(lines[2].endsWith("(target ≥ 30%)"), lines[2]);
        assertEquals("", lines[3]);
        assertTrue(lines[4].startsWith("p99 through the surge, seed 5: at 0:10 the 1-s p99 was "), lines[4]);
        assertEquals("  before it:", lines[5]);
        assertTrue(text.contains("    0:10 timeline: workload.arrival.ratePerSecond: 200 -> 2000\n"), text);
        assertTrue(text.endsWith("cost $0.192/h (mean over the seeds)\nscore 30/100: 30 for meeting 1 of 2 requirements; the 40 for cost "
                + "come once every requirement is met\n"), text);
    }
}
