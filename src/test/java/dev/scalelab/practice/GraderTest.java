package dev.scalelab.practice;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import java.util.List;

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

    /**
     * A cache in front of a sharded, replicated database (modulo sharding, asynchronous replicas read
     * first) and a dependency behind a breaker that retries at once: every part a requirement reads.
     */
    static final String RICH = """
            {"schema": 1, "name": "rich", "seed": 3, "durationSeconds": 20,
             "workload": {"arrival": {"process": "poisson", "ratePerSecond": 300},
                          "keys": {"distribution": "zipf", "alpha": 0.9, "count": 2000}, "readRatio": 0.7},
             "service": {"instances": 2, "workersPerInstance": 16, "queueCapacity": 200,
                         "serviceTime": {"distribution": "exponential", "meanMs": 5}},
             "balancer": {"strategy": "round-robin"},
             "cache": {"levels": [{"name": "L1", "scope": "instance", "capacity": 100, "policy": "lru", "ttlSeconds": 60,
                                   "latencyMs": 0.05}], "writePolicy": "cache-aside"},
             "database": {"sharding": {"strategy": "mod", "shards": 2}, "replicasPerShard": 1,
                          "replicationLag": {"distribution": "uniform", "minMs": 50, "maxMs": 500},
                          "readPolicy": "replicas-first", "consistency": "eventual"},
             "dependencies": [{"name": "payments", "callProbability": 0.5, "instances": 2, "workersPerInstance": 16,
                               "queueCapacity": 200, "serviceTime": {"distribution": "exponential", "meanMs": 10},
                               "timeoutMs": 500,
                               "breaker": {"mode": "resilience4j", "slidingWindowSize": 20, "minimumNumberOfCalls": 10,
                                           "failureRateThreshold": 50, "waitDurationInOpenStateMs": 5000},
                               "retry": {"maxAttempts": 3, "backoff": "none"}}]}""";

    static final String OUTAGE_AT_10 = """
            [{"atSeconds": 10, "command": "outage", "target": "payments", "durationSeconds": 60}]""";

    /** One topic whose single group keeps up with 50 records/s, until 3,000 arrive at once at 10 s. */
    static final String EVENTS = """
            {"schema": 1, "name": "ev", "seed": 3, "durationSeconds": 20,
             "workload": {"arrival": {"process": "poisson", "ratePerSecond": 50}},
             "service": {"instances": 1, "workersPerInstance": 8, "serviceTime": {"distribution": "exponential", "meanMs": 5}},
             "events": {"topics": [{"name": "orders", "partitions": 4}],
                        "producers": [{"topic": "orders", "source": "steady", "ratePerSecond": 50, "keyCount": 1000}],
                        "groups": [{"name": "billing", "topic": "orders", "consumers": 2,
                                    "processingTime": {"distribution": "exponential", "meanMs": 10},
                                    "maxPollRecords": 100, "commit": "after-processing"}]}}""";

    static final String BURST_AT_10 = """
            [{"atSeconds": 10, "command": "publish-burst", "target": "orders", "value": 3000}]""";

    /** The result of the only requirement of a one-seed grading of the start of {@code start}. */
    private static RequirementResult gradeOne(String start, String requirement, String incidents) {
        Challenge c = challenge(start, "[" + requirement + "]", "[]", incidents);
        Verdict v = Grader.grade(c, c.startScenario(), 1, 1, null, () -> false);
        assertFalse(v.passed());
        RequirementResult r = v.requirements().get(0);
        assertFalse(r.passed());
        assertEquals(List.of(c.startScenario().seed()), v.seeds());
        assertEquals(c.startScenario().seed(), r.breach().seed());
        return r;
    }

    @Test
    void theP999IsJudgedOverTheWholeRun() {
        RequirementResult r = gradeOne(START, "{\"id\": \"p999\", \"metric\": \"p999-ms\", \"max\": 1}", "[]");
        assertTrue(r.overall() > 1);
        assertTrue(Double.isNaN(r.breach().atSeconds()));
        assertTrue(r.breach().what().startsWith("the run as a whole broke it: p99.9 latency "), r.breach().what());
    }

    @Test
    void anErrorRatioBreachStartsWithTheOutage() {
        RequirementResult r = gradeOne(RICH, "{\"id\": \"errors\", \"metric\": \"error-ratio\", \"max\": 0.01}", OUTAGE_AT_10);
        assertTrue(r.overall() > 0.2, "overall " + r.overall()); // half the requests call payments for the last 10 s of 20
        assertEquals(10.0, r.breach().atSeconds());
        assertTrue(r.breach().what().startsWith("at 0:10 the error rate of that second was "), r.breach().what());
        assertTrue(r.breach().why().contains("0:10 timeline: outage payments for 60 s"), r.breach().why().toString());
        assertTrue(r.breach().why().stream().anyMatch(l -> l.startsWith("0:10 breaker: payments: CLOSED -> OPEN")),
                r.breach().why().toString());
    }

    @Test
    void anAvailabilityBreachStartsWithTheOutage() {
        RequirementResult r = gradeOne(RICH, "{\"id\": \"up\", \"metric\": \"availability\", \"min\": 0.99}", OUTAGE_AT_10);
        assertTrue(r.overall() < 0.8, "overall " + r.overall());
        assertEquals(10.0, r.breach().atSeconds());
    }

    @Test
    void aCostBreachIsThereFromTheFirstSecond() {
        // Two medium instances at $0.096/h each.
        RequirementResult r = gradeOne(START, "{\"id\": \"cost\", \"metric\": \"cost-per-hour\", \"max\": 0.1}", "[]");
        assertEquals(0.192, r.overall(), 1e-9);
        assertEquals(0.0, r.breach().atSeconds());
        assertTrue(r.breach().what().startsWith("from the start: at 0:00 the fleet cost $0.192/h (target ≤ $0.1/h)"), r.breach().what());
    }

    @Test
    void aLowHitRatioIsFoundInTheFirstSecond() {
        RequirementResult r = gradeOne(RICH, "{\"id\": \"hits\", \"metric\": \"hit-ratio\", \"min\": 0.9}", "[]");
        assertTrue(r.overall() > 0.1 && r.overall() < 0.5, "overall " + r.overall());
        assertEquals(0.0, r.breach().atSeconds());
    }

    @Test
    void staleCacheReadsAreJudgedOverTheWholeRun() {
        RequirementResult r = gradeOne(RICH, "{\"id\": \"fresh\", \"metric\": \"cache-stale-ratio\", \"max\": 0}", "[]");
        assertTrue(r.overall() > 0, "overall " + r.overall());
        assertTrue(Double.isNaN(r.breach().atSeconds()));
    }

    @Test
    void staleDatabaseReadsAreFoundInTheirRunningShare() {
        RequirementResult r = gradeOne(RICH, "{\"id\": \"fresh\", \"metric\": \"db-stale-ratio\", \"max\": 0.01}", "[]");
        assertTrue(r.overall() > 0.01, "overall " + r.overall());
        assertTrue(r.breach().atSeconds() >= 0 && r.breach().atSeconds() < 5, r.breach().what());
        assertTrue(r.breach().what().contains("the stale database reads so far were "), r.breach().what());
    }

    @Test
    void lostWritesAreJudgedOverTheRunAndExplainedByTheKilledPrimary() {
        RequirementResult r = gradeOne(RICH, "{\"id\": \"durable\", \"metric\": \"lost-writes\", \"max\": 0}", """
                [{"atSeconds": 10, "command": "kill-primary", "target": "0"}]""");
        assertTrue(r.overall() >= 1, "overall " + r.overall());
        assertTrue(Double.isNaN(r.breach().atSeconds()));
        assertTrue(r.breach().why().contains("0:10 timeline: kill-primary 0"), r.breach().why().toString());
    }

    @Test
    void keysMovedAreFoundAsTheMigrationPassesTheBound() {
        // Modulo sharding from 2 to 3 shards moves every key whose k mod 2 differs from k mod 3: two thirds.
        RequirementResult r = gradeOne(RICH, "{\"id\": \"moved\", \"metric\": \"keys-moved-fraction\", \"max\": 0.25}", """
                [{"atSeconds": 10, "command": "add-shard"}]""");
        assertTrue(r.overall() > 0.6 && r.overall() < 0.7, "overall " + r.overall());
        assertTrue(r.breach().atSeconds() >= 10 && r.breach().atSeconds() < 20, r.breach().what());
    }

    @Test
    void retryAmplificationIsFoundWhenTheOutageStarts() {
        // Without its breaker, every call to the dead dependency is tried three times at once.
        Challenge c = challenge(RICH, "[{\"id\": \"amp\", \"metric\": \"amplification\", \"max\": 1.5}]",
                "[\"dependencies[*].breaker\"]", OUTAGE_AT_10);
        Verdict v = Grader.grade(c, design(c, withoutBreaker()), 1, 1, null, () -> false);
        assertEquals(List.of(), v.violations());
        RequirementResult r = v.requirements().get(0);
        assertFalse(r.passed());
        assertTrue(r.overall() > 1.5, "overall " + r.overall());
        assertEquals(10.0, r.breach().atSeconds());
        assertTrue(r.breach().what().startsWith("at 0:10 the retry amplification of that second was 3"), r.breach().what());
    }

    private static String withoutBreaker() {
        return """
                {"dependencies": [{"name": "payments", "callProbability": 0.5, "instances": 2, "workersPerInstance": 16,
                                   "queueCapacity": 200, "serviceTime": {"distribution": "exponential", "meanMs": 10},
                                   "timeoutMs": 500, "retry": {"maxAttempts": 3, "backoff": "none"}}]}""";
    }

    @Test
    void aDesignWithoutThePartTheIncidentsStrikeFailsWithoutARun() {
        Challenge c = challenge(RICH, "[{\"id\": \"amp\", \"metric\": \"amplification\", \"max\": 1.5}]", "[]", OUTAGE_AT_10);
        Verdict v = Grader.grade(c, design(c, "{\"dependencies\": null}"), 1, 1, null, () -> false);
        assertFalse(v.passed());
        assertEquals(1, v.violations().size());
        assertTrue(v.violations().get(0).startsWith("dependencies is fixed by the challenge: the start has 1 entry, the design removes it"),
                v.violations().get(0));
        RequirementResult r = v.requirements().get(0);
        assertTrue(Double.isNaN(r.overall()));
        assertEquals("the design cannot take the challenge's incidents: timeline[0].target: \"payments\" is not a dependency "
                + "of this scenario (it has none)", r.breach().what());
    }

    @Test
    void aBreakerStillOpenAtTheEndFails() {
        RequirementResult r = gradeOne(RICH, """
                {"id": "recovers", "metric": "breaker-closed-at-end", "target": "payments", "min": 1}""", OUTAGE_AT_10);
        assertEquals(0.0, r.overall());
        assertTrue(r.breach().what().startsWith("the run as a whole broke it: breaker closed at the end not closed"),
                r.breach().what());
    }

    @Test
    void aBurstBreaksTheEndToEndP99AndTheLag() {
        RequirementResult e2e = gradeOne(EVENTS, """
                {"id": "e2e", "metric": "end-to-end-p99-ms", "target": "orders", "max": 1000}""", BURST_AT_10);
        assertTrue(e2e.overall() > 1000, "overall " + e2e.overall());
        RequirementResult lag = gradeOne(EVENTS, """
                {"id": "lag", "metric": "lag-max", "target": "orders", "max": 500}""", BURST_AT_10);
        assertTrue(lag.overall() > 2000 && lag.overall() <= 3100, "overall " + lag.overall());
        assertTrue(lag.breach().why().stream().anyMatch(l -> l.startsWith("0:10 timeline: publish-burst")), lag.breach().why().toString());
    }

    /**
     * Three clients behind a per-client token bucket of 100 requests/s (burst 50) and no shedding: the
     * scraper sends 1,000/s, and the 250/s let through overload a pool of 200/s, so every client waits.
     */
    static final String GATEWAY = """
            {"schema": 1, "name": "gw", "seed": 42, "durationSeconds": 20,
             "workload": {"arrival": {"process": "poisson", "ratePerSecond": 1150},
                          "clients": [{"name": "mobile", "share": 75, "priority": "high"},
                                      {"name": "partner", "share": 75, "priority": "normal"},
                                      {"name": "scraper", "share": 1000, "priority": "low"}]},
             "service": {"instances": 2, "workersPerInstance": 2, "queueCapacity": 200,
                         "serviceTime": {"distribution": "exponential", "meanMs": 20}},
             "gateway": {"perClient": {"kind": "token-bucket", "ratePerSecond": 100, "burst": 50}, "latencyMs": 1},
             "balancer": {"strategy": "least-request"}}""";

    @Test
    void aClientsP99AndSuccessAreJudgedOverTheRun() {
        RequirementResult p99 = gradeOne(GATEWAY, """
                {"id": "mobile", "metric": "client-p99-ms", "target": "mobile", "max": 100}""", "[]");
        assertTrue(p99.overall() > 500, "overall " + p99.overall());
        assertTrue(p99.breach().what().startsWith("the run as a whole broke it: client p99 latency "), p99.breach().what());
        RequirementResult answered = gradeOne(GATEWAY, """
                {"id": "mobile", "metric": "client-success-ratio", "target": "mobile", "min": 0.99}""", "[]");
        assertTrue(answered.overall() < 0.99, "overall " + answered.overall());
        // Where the client's requests went, in the report's own counts: they add up to what it offered.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("; mobile: ([\\d,]+) offered, ([\\d,]+) completed, "
                + "([\\d,]+) limited \\(429\\), ([\\d,]+) shed \\(503\\), ([\\d,]+) rejected, ([\\d,]+) failed$")
                .matcher(answered.breach().what());
        assertTrue(m.find(), answered.breach().what());
        long[] n = new long[6];
        for (int i = 0; i < 6; i++) {
            n[i] = Long.parseLong(m.group(i + 1).replace(",", ""));
        }
        assertTrue(n[1] + n[2] + n[3] + n[4] + n[5] <= n[0] && n[1] > 0, answered.breach().what());
        assertEquals(answered.overall(), (double) n[1] / n[0], 1e-5);
    }

    @Test
    void aClientsLimitedShareIsWhatItsBucketRefused() {
        // The bucket passes 100/s and a burst of 50 of the scraper's ~1,000/s: about nine in ten refused.
        RequirementResult r = gradeOne(GATEWAY, """
                {"id": "scraper", "metric": "client-limited-ratio", "target": "scraper", "max": 0.5}""", "[]");
        assertTrue(r.overall() > 0.85 && r.overall() < 0.92, "overall " + r.overall());
    }

    @Test
    void aClientRequirementFailsWhenTheDesignHasNoClients() {
        RequirementResult r = gradeOne(START, """
                {"id": "mobile", "metric": "client-p99-ms", "target": "mobile", "max": 100}""", "[]");
        assertTrue(Double.isNaN(r.overall()));
        assertEquals("gateway.perClient.mobile: the design has no gateway and no client classes", r.breach().what());
    }

    @Test
    void aRequirementOnAPartTheDesignLacksFailsNamingTheField() {
        RequirementResult r = gradeOne(START, "{\"id\": \"hits\", \"metric\": \"hit-ratio\", \"min\": 0.5}", "[]");
        assertEquals("cache.hitRatio: the design has no cache", r.breach().what());
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
