package dev.scalelab.practice;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.scalelab.practice.GraderTest.RICH;
import static dev.scalelab.practice.GraderTest.START;
import static dev.scalelab.practice.GraderTest.challenge;
import static dev.scalelab.practice.GraderTest.design;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ViolationsTest {
    private static final String P99 = "[{\"id\": \"p99\", \"metric\": \"p99-ms\", \"max\": 100}]";

    private static List<String> violations(String start, String knobs, String patch) {
        Challenge c = challenge(start, P99, knobs, "[]");
        return Grader.violations(c, design(c, patch));
    }

    @Test
    void aFixedFieldChangedIsNamedWithBothValues() {
        assertEquals(List.of("service.instances is fixed by the challenge: 2 in the start, 3 here"),
                violations(START, "[]", "{\"service\": {\"instances\": 3}}"));
    }

    @Test
    void theStartItselfHasNone() {
        Challenge c = challenge(RICH, P99, "[]", "[]");
        assertEquals(List.of(), Grader.violations(c, c.startScenario()));
    }

    @Test
    void nameDescriptionAndSeedAreAlwaysFree() {
        assertEquals(List.of(), violations(START, "[]", "{\"name\": \"mine\", \"description\": \"why\", \"seed\": 77}"));
    }

    @Test
    void aKnobAllowsItselfAndEverythingUnderIt() {
        assertEquals(List.of(), violations(START, "[\"service\"]", "{\"service\": {\"instances\": 3, \"workersPerInstance\": 8}}"));
        assertEquals(List.of(), violations(START, "[\"service.instances\"]", "{\"service\": {\"instances\": 3}}"));
        assertEquals(List.of("service.workersPerInstance is fixed by the challenge: 4 in the start, 8 here"),
                violations(START, "[\"service.instances\"]", "{\"service\": {\"instances\": 3, \"workersPerInstance\": 8}}"));
    }

    @Test
    void aKnobIsAWholeFieldNameNotAPrefixOfOne() {
        assertEquals(List.of("service.instances is fixed by the challenge: 2 in the start, 3 here"),
                violations(START, "[\"service.inst\"]", "{\"service\": {\"instances\": 3}}"));
    }

    @Test
    void anyIndexMatchesAStar() {
        String retry = """
                {"dependencies": [{"name": "payments", "callProbability": 0.5, "instances": 2, "workersPerInstance": 16,
                  "queueCapacity": 200, "serviceTime": {"distribution": "exponential", "meanMs": 10}, "timeoutMs": %s,
                  "breaker": {"mode": "resilience4j", "slidingWindowSize": 20, "minimumNumberOfCalls": 10,
                              "failureRateThreshold": 50, "waitDurationInOpenStateMs": 5000},
                  "retry": {"maxAttempts": 2, "backoff": "exponential"}}]}""";
        assertEquals(List.of(), violations(RICH, "[\"dependencies[*].retry\"]", retry.formatted(500)));
        assertEquals(List.of("dependencies[0].timeoutMs is fixed by the challenge: 500 in the start, 800 here"),
                violations(RICH, "[\"dependencies[*].retry\"]", retry.formatted(800)));
    }

    @Test
    void aSectionAddedOrRemovedIsOneViolation() {
        List<String> added = violations(START, "[]", """
                {"cache": {"levels": [{"name": "L1", "scope": "instance", "capacity": 100, "policy": "lru"}]}}""");
        assertEquals(List.of("cache is fixed by the challenge: the start has none, the design adds one"), added);
        assertEquals(List.of("cache is fixed by the challenge: the start has one, the design removes it"),
                violations(RICH, "[]", "{\"cache\": null}"));
    }

    @Test
    void theTimelineKnobLetsTheCandidateScheduleActions() {
        String addShard = "{\"timeline\": [{\"atSeconds\": 5, \"command\": \"add-shard\"}]}";
        assertEquals(List.of(), violations(RICH, "[\"timeline\"]", addShard));
        assertEquals(List.of("timeline[0] is fixed by the challenge: the start has none, the design adds one"),
                violations(RICH, "[]", addShard));
    }

    @Test
    void theDurationIsTheChallengesWhateverTheDesignSays() {
        assertEquals(List.of(), violations(START, "[]", "{\"durationSeconds\": 5}"));
    }

    /** START with the traffic doubled at 10 s: the start's own schedule. */
    private static final String SCHEDULED = START.replace("\"balancer\"",
            "\"timeline\": [{\"atSeconds\": 10, \"command\": \"set\", \"path\": \"workload.arrival.ratePerSecond\", "
                    + "\"value\": 400}], \"balancer\"");

    private static final String KEEP = "{\"atSeconds\": 10, \"command\": \"set\", \"path\": \"workload.arrival.ratePerSecond\", "
            + "\"value\": 400}";

    @Test
    void underTheTimelineKnobADesignSchedulesSetsOfKnobsAndOperatorActions() {
        String patch = "{\"timeline\": [{\"atSeconds\": 5, \"command\": \"set\", \"path\": \"service.instances\", \"value\": 4}, "
                + KEEP + ", {\"atSeconds\": 12, \"command\": \"add-instance\"}]}";
        assertEquals(List.of(), violations(SCHEDULED, "[\"service.instances\", \"timeline\"]", patch));
    }

    @Test
    void underTheTimelineKnobTheTrafficTheFaultsAndTheStartsScheduleStayTheChallenges() {
        String patch = "{\"timeline\": [{\"atSeconds\": 5, \"command\": \"set\", \"path\": \"workload.arrival.ratePerSecond\", "
                + "\"value\": 100}, {\"atSeconds\": 6, \"command\": \"kill-instance\", \"target\": \"i-1\"}]}";
        assertEquals(List.of(
                "timeline: the start's entry at 10 s (set workload.arrival.ratePerSecond) is fixed by the challenge; the design "
                        + "removes or changes it",
                "timeline: the entry at 5 s sets workload.arrival.ratePerSecond, which the challenge fixes; a scheduled set may "
                        + "change only the knobs",
                "timeline: the entry at 6 s is the fault \"kill-instance\"; the challenge schedules the faults, a design only "
                        + "add-instance, add-shard, remove-instance, remove-shard, weight-instance"),
                violations(SCHEDULED, "[\"service.instances\", \"timeline\"]", patch));
    }

    @Test
    void withoutTheTimelineKnobTheScheduleIsFixed() {
        assertEquals(List.of("timeline[0] is fixed by the challenge: the start has none, the design adds one"),
                violations(START, "[\"service.instances\"]",
                        "{\"timeline\": [{\"atSeconds\": 5, \"command\": \"set\", \"path\": \"service.instances\", \"value\": 4}]}"));
    }
}
