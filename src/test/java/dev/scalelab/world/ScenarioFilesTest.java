package dev.scalelab.world;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioFilesTest {

    private static String error(String json) {
        return assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(json)).getMessage();
    }

    @Test
    void schemaOneAloneIsTheDefaultScenario() {
        Scenario s = ScenarioFiles.parse("{\"schema\":1}");
        assertEquals(Scenario.DEFAULT.workload(), s.workload());
        assertEquals(Scenario.DEFAULT.service(), s.service());
        assertEquals(Scenario.DEFAULT.balancer(), s.balancer());
        assertEquals(Scenario.DEFAULT.seed(), s.seed());
    }

    @Test
    void theFixedMm1FileMeansOneExponentialServerAt80PerSecond() {
        Scenario s = ScenarioFiles.parse(QueueingFidelityTest.MM1);
        assertEquals(7, s.seed());
        assertEquals(600, s.durationSeconds());
        assertEquals(80, s.workload().arrival().ratePerSecond());
        assertEquals(Scenario.ArrivalProcess.POISSON, s.workload().arrival().process());
        assertEquals(dev.scalelab.sim.RateShape.Kind.CONSTANT, s.workload().arrival().shape().kind());
        assertEquals(new Scenario.Service(1, 1, 100_000, DistributionSpec.exponential(10), dev.scalelab.engine.scaling.InstanceSize.MEDIUM, 5, 30, 0, java.util.List.of(), java.util.List.of()), s.service());
        assertEquals(Scenario.AutoscalerPolicy.NONE, s.autoscaler().policy());
        assertEquals("round-robin", s.balancer().strategy().id());
    }

    @Test
    void eachKindOfBadInputHasItsOwnMessageNamingTheField() {
        assertEquals("schema: missing; a scenario file starts with \"schema\": 1", error("{}"));
        assertEquals("schema: 2 is out of range; a whole number from 1 to 1", error("{\"schema\":2}"));
        assertEquals("service.instancs: unknown field; known here: instances, workersPerInstance, queueCapacity, serviceTime, size, provisionSeconds, bootSeconds, warmupSeconds, weights, speeds, runtime, objectPool, connectionPool",
                error("{\"schema\":1,\"service\":{\"instancs\":3}}"));
        assertEquals("service.instances: expected a whole number, got the string \"four\"",
                error("{\"schema\":1,\"service\":{\"instances\":\"four\"}}"));
        assertEquals("service.instances: 0 is out of range; a whole number from 1 to 500",
                error("{\"schema\":1,\"service\":{\"instances\":0}}"));
        assertEquals("workload.arrival.ratePerSecond: -5 is out of range; a number from 0 to 10000000",
                error("{\"schema\":1,\"workload\":{\"arrival\":{\"ratePerSecond\":-5}}}"));
        assertEquals("balancer.strategy: \"fastest\" is not one of round-robin, smooth-weighted-round-robin, least-connections, random, weighted-random, p2c, least-request, peak-ewma, ring-hash, maglev",
                error("{\"schema\":1,\"balancer\":{\"strategy\":\"fastest\"}}"));
        assertEquals("service.serviceTime.p99Ms: unknown field; known here: distribution, meanMs",
                error("{\"schema\":1,\"service\":{\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":5,\"p99Ms\":9}}}"));
        assertEquals("workload: expected an object, got 5", error("{\"schema\":1,\"workload\":5}"));
        assertEquals("timeline[0].value: expected a number, got the string \"half\"",
                error("{\"schema\":1,\"timeline\":[{\"atSeconds\":1,\"command\":\"slow-instance\",\"target\":\"i-1\",\"value\":\"half\"}]}"));
        assertEquals("cache.levels: 4 items is out of range; from 1 to 3 items",
                error("{\"schema\":1,\"cache\":{\"levels\":[{},{},{},{}]}}"));
        assertEquals("timeline[0].path: \"service.sise\" is not a parameter that can be set; did you mean service.size?",
                error("{\"schema\":1,\"timeline\":[{\"atSeconds\":1,\"command\":\"set\",\"path\":\"service.sise\",\"value\":1}]}"));
        assertTrue(error("{\"schema\":1,\"timeline\":[{\"atSeconds\":1,\"command\":\"set\",\"path\":\"service.colour\",\"value\":1}]}")
                .startsWith("timeline[0].path: \"service.colour\" is not a parameter that can be set; the parameters are listed in README.md"));

        assertEquals("timeline[0].value: expected a whole number, got 2.5",
                error("{\"schema\":1,\"timeline\":[{\"atSeconds\":1,\"command\":\"set\",\"path\":\"service.instances\",\"value\":2.5}]}"));
        assertEquals("timeline[1].atSeconds: entries must be in time order (5 comes after 10)",
                error("{\"schema\":1,\"timeline\":[{\"atSeconds\":10,\"command\":\"set\",\"path\":\"service.instances\",\"value\":2},"
                        + "{\"atSeconds\":5,\"command\":\"set\",\"path\":\"service.instances\",\"value\":3}]}"));
        assertEquals("timeline[0].command: \"explode\" is not one of set, add-instance, remove-instance, kill-instance, slow-instance, error-instance, weight-instance, "
                        + "flush-cache, expire-key, fail-cache-level, add-shard, remove-shard, kill-primary, lag-spike, error-rate, latency, outage, full-gc, leak-connections, "
                        + "publish-burst, crash-consumer, poison",
                error("{\"schema\":1,\"timeline\":[{\"atSeconds\":1,\"command\":\"explode\"}]}"));
        assertEquals("workload.arrival.shape.multiplier: missing; a number from 0 to 10000",
                error("{\"schema\":1,\"workload\":{\"arrival\":{\"shape\":{\"kind\":\"spike\",\"atSeconds\":1,\"durationSeconds\":2}}}}"));
        assertEquals(true, error("{\"schema\":1,").startsWith("not valid JSON at line 1, column "));
        assertEquals(true, error("{\"schema\":1,\"schema\":1}").contains("duplicate field 'schema'"));
        assertEquals("service.serviceTime.p99Ms: a log-normal's p99 must be above its mean and at most 14.97 x the mean (meanMs 10, p99Ms 500)",
                error("{\"schema\":1,\"service\":{\"serviceTime\":{\"distribution\":\"lognormal\",\"meanMs\":10,\"p99Ms\":500}}}"));
    }

    @Test
    void everyPresetParsesAndSurvivesARoundTripThroughTheWriter() {
        for (String name : Presets.names()) {
            Scenario s = Presets.load(name);
            assertEquals(name, s.name());
            Scenario again = ScenarioFiles.parse(ScenarioFiles.write(s));
            assertEquals(s, again, name);
        }
    }

    @Test
    void atomicWriteReplacesTheFileAndLeavesNoTemporaryBehind(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "old");
        ScenarioFiles.writeAtomically(file, ScenarioFiles.write(Scenario.DEFAULT));
        assertEquals(Scenario.DEFAULT, ScenarioFiles.read(file));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count());
        }
    }

    @Test
    void parametersParseTypedTextWithMessagesThatNameTheField() {
        assertEquals(250.0, Parameter.of("workload.arrival.ratePerSecond").parse("rate", " 250 "));
        assertEquals(6, Parameter.of("service.instances").parse("instances", "6"));
        assertEquals("rate: \"abc\" is not a number; a number from 0 to 10000000",
                assertThrows(ScenarioException.class, () -> Parameter.of("workload.arrival.ratePerSecond").parse("rate", "abc")).getMessage());
        assertEquals("instances: \"2.5\" is not a whole number; a whole number from 1 to 500",
                assertThrows(ScenarioException.class, () -> Parameter.of("service.instances").parse("instances", "2.5")).getMessage());
        assertEquals("instances: is empty; a whole number from 1 to 500",
                assertThrows(ScenarioException.class, () -> Parameter.of("service.instances").parse("instances", "")).getMessage());
    }

    @Test
    void settingABreakerFieldOfADependencyWithoutOneAddsABreakerWithTheDefaults() {
        Scenario storm = Presets.load("retry-storm");
        assertEquals(null, storm.dependencies().get(0).breaker());
        Scenario s = ScenarioFiles.withDependencyField(storm, "dependencies[0].breaker.failureRateThreshold", 40.0);
        Scenario.Breaker d = Scenario.Breaker.DEFAULT;
        assertEquals(new Scenario.Breaker(d.mode(), d.slidingWindowType(), d.slidingWindowSize(), d.minimumNumberOfCalls(),
                40, d.slowCallRateThreshold(), d.slowCallDurationThresholdMs(), d.waitDurationInOpenStateMs(),
                d.permittedNumberOfCallsInHalfOpenState(), d.automaticTransition(), d.consecutiveFailures()),
                s.dependencies().get(0).breaker());
        assertEquals(storm.dependencies().get(1), s.dependencies().get(1));
        assertEquals("dependencies[0].breaker.failureRateThreshold: 0 is out of range; a number above 0 up to 100",
                assertThrows(ScenarioException.class, () -> ScenarioFiles.withDependencyField(storm,
                        "dependencies[0].breaker.failureRateThreshold", 0.0)).getMessage());
    }
}
