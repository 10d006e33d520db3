package dev.scalelab.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalelab.world.ScenarioFields;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every built-in challenge is fair: its file is complete, its knobs are real fields, its reference
 * solution changes only knobs and passes on every graded seed, and its starting system fails.
 */
class ChallengeContentTest {
    private static final List<String> IDS = List.of("horizontal-vs-vertical", "load-balancing", "caching-strategies",
            "scaling-databases", "circuit-breakers", "auto-scaling", "load-balancing-trade-offs", "database-sharding",
            "microservices-scaling", "performance-optimisation", "scalable-web-app", "distributed-cache", "api-gateway",
            "real-time-system", "fault-tolerant-system");

    @Test
    void theLibraryHoldsTheFifteenQuestionsInTheirOrder() {
        List<Challenge> all = ChallengeLibrary.all();
        assertEquals(IDS, all.stream().map(Challenge::id).toList());
        for (int i = 0; i < all.size(); i++) {
            Challenge c = all.get(i);
            assertEquals(i + 1, c.number(), c.id());
            ChallengeGroup expected = c.number() <= 5 ? ChallengeGroup.BASIC
                    : c.number() <= 10 ? ChallengeGroup.ADVANCED : ChallengeGroup.DESIGN;
            assertEquals(expected, c.group(), c.id());
        }
    }

    @Test
    void theIndexListsEveryFileOfTheFolderOnceAndEachFileIsNamedForItsChallenge() throws IOException {
        JsonNode index = new ObjectMapper().readTree(resource("index.json"));
        List<Challenge> all = ChallengeLibrary.all();
        assertEquals(all.size(), index.size());
        for (int i = 0; i < index.size(); i++) {
            Challenge c = all.get(i);
            assertEquals(String.format("%02d-%s.json", c.number(), c.id()), index.get(i).asText());
        }
    }

    @Test
    void everyChallengeIsCompleteAndPlayable() {
        for (Challenge c : ChallengeLibrary.all()) {
            String at = c.id() + ": ";
            assertNull(c.waitsFor(), at + "waits for nothing");
            assertEquals(3, c.hints().size(), at + "three hints");
            c.hints().forEach(h -> assertFalse(h.isBlank(), at + "a blank hint"));
            assertFalse(c.question().isBlank(), at + "question");
            int paragraphs = c.brief().split("\n\n").length;
            assertTrue(paragraphs >= 2 && paragraphs <= 4, at + "the brief has " + paragraphs + " paragraphs");
            assertTrue(c.requirements().size() >= 2 && c.requirements().size() <= 5, at + "2 to 5 requirements");
            assertTrue(c.requirements().stream().anyMatch(r -> r.metric() == Metric.P99_MS || r.metric() == Metric.ERROR_RATIO
                            || r.metric() == Metric.AVAILABILITY || r.metric() == Metric.CLIENT_P99_MS
                            || r.metric() == Metric.CLIENT_SUCCESS_RATIO),
                    at + "a latency, error or availability requirement");
            assertUnique(at + "requirement ids", c.requirements().stream().map(Requirement::id).toList());
            assertUnique(at + "prediction ids", c.predictions().stream().map(Prediction::id).toList());
            assertTrue(c.predictions().size() <= 3, at + "at most 3 predictions");
            if (c.group() == ChallengeGroup.BASIC) {
                assertFalse(c.predictions().isEmpty(), at + "an experiment asks for predictions");
            }
            assertEquals(5, c.seeds(), at + "seeds");
            assertTrue(c.scoreCostPerHour() > 0, at + "scoreCostPerHour");
            assertFalse(c.solution().explanation().isBlank(), at + "explanation");
            assertFalse(c.knobs().isEmpty(), at + "knobs");
            assertFalse(c.knobs().stream().anyMatch(k -> k.startsWith("workload")), at + "the traffic is never a knob");
        }
    }

    @Test
    void everyKnobIsAFieldOrASectionOfTheScenario() {
        for (Challenge c : ChallengeLibrary.all()) {
            for (String knob : c.knobs()) {
                if (!isFieldOrSection(knob)) {
                    fail(c.id() + ": the knob " + knob + " is not a scenario field or section");
                }
            }
        }
    }

    @Test
    void everyReferenceSolutionChangesOnlyItsKnobs() {
        for (Challenge c : ChallengeLibrary.all()) {
            assertEquals(List.of(), Grader.violations(c, c.solutionScenario()), c.id());
            assertEquals(List.of(), Grader.violations(c, c.startScenario()), c.id());
        }
    }

    /** The reference passes on all five graded seeds, at a cost that still earns cost points. */
    @TestFactory
    List<DynamicTest> everyReferenceSolutionPassesOnEveryGradedSeed() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Challenge c : ChallengeLibrary.all()) {
            tests.add(DynamicTest.dynamicTest(c.id(), () -> {
                Verdict v = Grader.grade(c, c.solutionScenario(), c.seeds(), null, () -> false);
                assertTrue(v.passed(), c.id() + " reference fails:\n" + v.toText());
                assertTrue(v.costPerHour() < c.scoreCostPerHour(), c.id() + ": the reference costs $" + v.costPerHour()
                        + "/h, at or above the challenge's scoreCostPerHour " + c.scoreCostPerHour());
                assertTrue(v.score() > 60, c.id() + ": the reference scores " + v.score());
            }));
        }
        return tests;
    }

    /** The start fails at least one requirement on its first graded seed: no candidate starts out done. */
    @TestFactory
    List<DynamicTest> everyStartingSystemFailsARequirement() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Challenge c : ChallengeLibrary.all()) {
            tests.add(DynamicTest.dynamicTest(c.id(), () -> {
                Verdict v = Grader.grade(c, c.startScenario(), 1, null, () -> false);
                assertFalse(v.passed(), c.id() + ": the start passes");
                String failed = v.requirements().stream().filter(r -> !r.passed()).map(r -> r.requirement().id())
                        .collect(Collectors.joining(", "));
                assertFalse(failed.isEmpty(), c.id() + ": no requirement failed");
                assertTrue(v.violations().isEmpty(), c.id() + ": " + v.violations());
            }));
        }
        return tests;
    }

    /**
     * "autoscaler.maxReplicas" (a field), "cache" or "dependencies[*].retry" (a section: a field lies
     * under it), or "timeline" (the timed commands, which hold no fixed fields).
     */
    private static boolean isFieldOrSection(String knob) {
        if (knob.equals("timeline")) {
            return true;
        }
        String path = knob.replace("[*]", "[0]");
        return ScenarioFields.paths().stream().anyMatch(f -> f.equals(path) || f.startsWith(path + ".") || f.startsWith(path + "["));
    }

    private static void assertUnique(String what, List<String> values) {
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            assertTrue(seen.add(v), what + ": " + v + " twice");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ChallengeContentTest.class.getResourceAsStream("/challenges/" + name)) {
            assertTrue(in != null, name + " is missing");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
