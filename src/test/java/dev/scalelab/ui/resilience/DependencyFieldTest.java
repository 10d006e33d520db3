package dev.scalelab.ui.resilience;

import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DependencyFieldTest {
    private final Scenario storm = Presets.load("retry-storm");

    @Test
    void everyFieldReadsWhatTheScenarioFileHoldsAndTheReaderTakesItBack() {
        for (int i = 0; i < storm.dependencies().size(); i++) {
            Scenario.Dependency d = storm.dependencies().get(i);
            for (DependencyField f : DependencyField.values()) {
                Object value = f.read(d);
                Object inFile = ScenarioFiles.readDependencyField(storm, f.path(i));
                if (value == null) {
                    assertNull(inFile, f.path(i));
                    continue;
                }
                assertEquals(((Object) inFile).toString(), value.toString(), f.path(i));
                assertEquals(storm, ScenarioFiles.withDependencyField(storm, f.path(i), value), f.path(i));
            }
        }
    }

    @Test
    void thePaneCoversEveryFieldOnceWithAUniqueId() {
        Set<DependencyField> listed = new HashSet<>();
        listed.addAll(DependencyField.BREAKER);
        listed.addAll(DependencyField.RETRY);
        listed.addAll(DependencyField.CALLS);
        assertEquals(Set.of(DependencyField.values()), listed);
        Set<String> ids = new HashSet<>();
        for (DependencyField f : DependencyField.values()) {
            assertTrue(ids.add(f.id()), f.id());
        }
        assertEquals("retryMaxAttempts", DependencyField.MAX_ATTEMPTS.id());
        assertEquals("dependencies[1].retry.maxAttempts", DependencyField.MAX_ATTEMPTS.path(1));
        assertEquals("dependencies[0].breaker.slidingWindowSize", DependencyField.WINDOW_SIZE.path(0));
    }

    @Test
    void fieldsApplyOnlyWhereTheClientUsesThem() {
        Scenario.Dependency naive = storm.dependencies().get(0);
        Scenario.Dependency protectedOne = storm.dependencies().get(1);
        // The naive client has no breaker and retries at once, without a budget.
        assertFalse(DependencyField.FAILURE_RATE_THRESHOLD.appliesTo(naive));
        assertFalse(DependencyField.BREAKER_MODE.appliesTo(naive));
        assertFalse(DependencyField.JITTER.appliesTo(naive));
        assertFalse(DependencyField.BUDGET_PERCENT.appliesTo(naive));
        assertTrue(DependencyField.BACKOFF.appliesTo(naive));
        assertTrue(DependencyField.MAX_ATTEMPTS.appliesTo(naive));
        // The protected one: a Resilience4j breaker, exponential back-off with jitter and an Envoy budget.
        assertTrue(DependencyField.FAILURE_RATE_THRESHOLD.appliesTo(protectedOne));
        assertFalse(DependencyField.CONSECUTIVE_FAILURES.appliesTo(protectedOne));
        assertTrue(DependencyField.MULTIPLIER.appliesTo(protectedOne));
        assertTrue(DependencyField.BUDGET_PERCENT.appliesTo(protectedOne));
        assertEquals("calls", DependencyField.WINDOW_SIZE.unit(protectedOne));
        Scenario timeBased = ScenarioFiles.withDependencyField(storm, "dependencies[1].breaker.slidingWindowType", "time-based");
        assertEquals("s", DependencyField.WINDOW_SIZE.unit(timeBased.dependencies().get(1)));
    }
}
