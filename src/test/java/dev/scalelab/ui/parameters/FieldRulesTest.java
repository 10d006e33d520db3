package dev.scalelab.ui.parameters;

import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFields;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldRulesTest {
    private final Scenario storm = Presets.load("retry-storm");

    @Test
    void theRateAppliesToAnOpenWorkloadAndUsersToAClosedOne() {
        Scenario open = Presets.load("default");
        assertTrue(FieldRules.appliesTo("workload.arrival.ratePerSecond", open));
        assertFalse(FieldRules.appliesTo("workload.arrival.users", open));
        Scenario closed = Presets.load("closed-loop");
        assertFalse(FieldRules.appliesTo("workload.arrival.ratePerSecond", closed));
        assertTrue(FieldRules.appliesTo("workload.arrival.users", closed));
    }

    @Test
    void theNaiveClientHasNoBreakerAndRetriesAtOnceWithoutABudget() {
        assertFalse(FieldRules.appliesTo("dependencies[0].breaker.failureRateThreshold", storm));
        assertFalse(FieldRules.appliesTo("dependencies[0].breaker.mode", storm));
        assertFalse(FieldRules.appliesTo("dependencies[0].retry.jitter", storm));
        assertFalse(FieldRules.appliesTo("dependencies[0].retry.budgetPercent", storm));
        assertTrue(FieldRules.appliesTo("dependencies[0].retry.backoff", storm));
        assertTrue(FieldRules.appliesTo("dependencies[0].retry.maxAttempts", storm));
        assertTrue(FieldRules.appliesTo("dependencies[0].timeoutMs", storm));
    }

    @Test
    void theProtectedClientUsesItsWindowBackOffAndBudgetButNotTheConsecutiveCount() {
        assertTrue(FieldRules.appliesTo("dependencies[1].breaker.failureRateThreshold", storm));
        assertFalse(FieldRules.appliesTo("dependencies[1].breaker.consecutiveFailures", storm));
        assertTrue(FieldRules.appliesTo("dependencies[1].retry.multiplier", storm));
        assertTrue(FieldRules.appliesTo("dependencies[1].retry.budgetPercent", storm));
    }

    @Test
    void aConsecutiveBreakerHasNoWindowAndASingleAttemptNoBackOff() {
        Scenario consecutive = ScenarioFields.with(storm, "dependencies[1].breaker.mode", "consecutive");
        assertTrue(FieldRules.appliesTo("dependencies[1].breaker.consecutiveFailures", consecutive));
        assertFalse(FieldRules.appliesTo("dependencies[1].breaker.slidingWindowSize", consecutive));
        assertTrue(FieldRules.appliesTo("dependencies[1].breaker.waitDurationInOpenStateMs", consecutive));
        Scenario once = ScenarioFields.with(storm, "dependencies[1].retry.maxAttempts", 1);
        assertFalse(FieldRules.appliesTo("dependencies[1].retry.backoff", once));
        assertFalse(FieldRules.appliesTo("dependencies[1].retry.initialIntervalMs", once));
        assertFalse(FieldRules.appliesTo("dependencies[1].retry.budget", once));
        Scenario linear = ScenarioFields.with(storm, "dependencies[1].retry.backoff", "linear");
        assertTrue(FieldRules.appliesTo("dependencies[1].retry.initialIntervalMs", linear));
        assertFalse(FieldRules.appliesTo("dependencies[1].retry.multiplier", linear), "only exponential back-off multiplies");
    }

    @Test
    void aKeySkewAppliesToZipfAndTheHotFractionsToAHotspot() {
        Scenario zipf = ScenarioFields.with(Presets.load("default"), "workload.keys.distribution", "zipf");
        assertTrue(FieldRules.appliesTo("workload.keys.alpha", zipf));
        assertFalse(FieldRules.appliesTo("workload.keys.hotKeyFraction", zipf));
        Scenario hotspot = ScenarioFiles.parse("{\"schema\":1,\"workload\":{\"keys\":{\"distribution\":\"hotspot\"}}}");
        assertFalse(FieldRules.appliesTo("workload.keys.alpha", hotspot));
        assertTrue(FieldRules.appliesTo("workload.keys.hotTrafficFraction", hotspot));
        assertTrue(FieldRules.appliesTo("workload.keys.scanFraction", hotspot));
    }
}
