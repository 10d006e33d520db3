package dev.scalelab.practice;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two instances of four workers at 10 ms each: 800 requests/s of capacity, offered 200/s. */
    static final String START = """
            {"schema": 1, "name": "tiny", "seed": 5, "durationSeconds": 20,
             "workload": {"arrival": {"process": "poisson", "ratePerSecond": 200}},
             "service": {"instances": 2, "workersPerInstance": 4, "queueCapacity": 500,
                         "serviceTime": {"distribution": "exponential", "meanMs": 10}},
             "balancer": {"strategy": "round-robin"}}""";

    /** From 10 s, 2,000 requests/s: far past the 800/s the start can serve. */
    static final String SURGE_AT_10 = """
            [{"atSeconds": 10, "command": "set", "path": "workload.arrival.ratePerSecond", "value": 2000}]""";

    /** A challenge over {@link #START} with these requirements (a JSON array), knobs and incidents. */
    static Challenge challenge(String requirements, String knobs, String incidents) {
        return challenge(START, requirements, knobs, incidents);
    }

    static Challenge challenge(String start, String requirements, String knobs, String incidents) {
        String json = """
                {"id": "tiny", "number": 1, "title": "Tiny", "group": "basic", "question": "Q?", "brief": "B.",
                 "requirements": %s, "start": %s, "knobs": %s, "incidents": %s,
                 "hints": ["one", "two", "three"], "solution": {"patch": {}, "explanation": "E."},
                 "predictions": [], "seeds": 2, "scoreCostPerHour": 1.0, "waitsFor": null}
                """.formatted(requirements, start, knobs, incidents);
        return ChallengeLibrary.parse(json, "tiny.json");
    }

    /** The challenge's start with a JSON merge patch applied. */
    static Scenario design(Challenge c, String patch) {
        try {
            return ScenarioFiles.parse(MergePatch.apply(c.start(), JSON.readTree(patch)).toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aP99BreachIsFoundInTheSecondTheSurgeStarts() {
        Challenge c = challenge("[{\"id\": \"p99\", \"metric\": \"p99-ms\", \"max\": 100}]", "[]", SURGE_AT_10);
        Verdict v = Grader.grade(c, c.startScenario(), 2, 1, null, () -> false);
        RequirementResult r = v.requirements().get(0);
        assertFalse(r.passed());
        assertFalse(v.passed());
        assertEquals(2, r.perSeed().size());
        assertEquals(Math.max(r.perSeed().get(0), r.perSeed().get(1)), r.overall());
        assertTrue(r.overall() > 100, "overall " + r.overall());
        assertEquals(10.0, r.breach().atSeconds());
        assertTrue(r.breach().what().startsWith("at 0:10 the 1-s p99 was "), r.breach().what());
        assertEquals(1, r.breach().why().stream().filter(l -> l.startsWith("0:10 timeline: ")).count(), r.breach().why().toString());
    }

    @Test
    void withoutTheSurgeTheSameDesignPasses() {
        Challenge c = challenge("[{\"id\": \"p99\", \"metric\": \"p99-ms\", \"max\": 100}]", "[]", "[]");
        Verdict v = Grader.grade(c, c.startScenario(), 2, 1, null, () -> false);
        assertTrue(v.passed(), v.requirements().toString());
        assertNull(v.requirements().get(0).breach());
    }
}
