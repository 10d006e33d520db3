package dev.scalelab.ui.parameters;

import dev.scalelab.world.Parameter;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FieldLabelsTest {

    @Test
    void labelsComeFromThePathsLastWordAndLevelsAreNamedL1ToL3() {
        assertEquals("Target utilization", FieldLabels.label(Parameter.TARGET_UTILIZATION.path()));
        assertEquals("Scale down stabilization", FieldLabels.label(Parameter.SCALE_DOWN_STABILIZATION.path()));
        assertEquals("L2 capacity", FieldLabels.label(Parameter.L2_CAPACITY.path()));
        assertEquals("L3 TTL", FieldLabels.label(Parameter.L3_TTL.path()));
        assertEquals("Allocation per request", FieldLabels.label(Parameter.RUNTIME_ALLOCATION.path()));
        assertEquals("Live set", FieldLabels.label(Parameter.RUNTIME_LIVE_SET.path()));
        assertEquals("Heap (-Xmx)", FieldLabels.label(Parameter.RUNTIME_HEAP.path()));
        assertEquals("Initiating occupancy", FieldLabels.label(Parameter.RUNTIME_INITIATING_OCCUPANCY.path()));
        assertEquals("Outlier max ejection", FieldLabels.label(Parameter.OUTLIER_MAX_EJECTION.path()));
    }

    @Test
    void aDependencysFieldsHaveTheNamesTheirLibrariesGiveThem() {
        assertEquals("Failure-rate threshold", FieldLabels.label("dependencies[0].breaker.failureRateThreshold"));
        assertEquals("Calls in half-open", FieldLabels.label("dependencies[3].breaker.permittedNumberOfCallsInHalfOpenState"));
        assertEquals("Timeout per attempt", FieldLabels.label("dependencies[1].timeoutMs"));
    }

    @Test
    void fxIdsAreStableAndDistinctForEveryParameter() {
        assertEquals("autoscalerTargetUtilization", FieldLabels.idOf(Parameter.TARGET_UTILIZATION.path()));
        assertEquals("cacheL1Capacity", FieldLabels.idOf(Parameter.L1_CAPACITY.path()));
        assertEquals("cacheL3Policy", FieldLabels.idOf(Parameter.L3_POLICY.path()));
        assertEquals("databaseShardingStrategy", FieldLabels.idOf(Parameter.DB_STRATEGY.path()));
        assertEquals("retryMaxAttempts", FieldLabels.idOf("dependencies[1].retry.maxAttempts"));
        Set<String> ids = new HashSet<>();
        for (Parameter p : Parameter.values()) {
            ids.add(FieldLabels.idOf(p.path()));
        }
        assertEquals(Parameter.values().length, ids.size());
    }

    @Test
    void theEventsItemsFieldsAreNamedWithoutTheirIndex() {
        assertEquals("Partitions", FieldLabels.label("events.topics[0].partitions"));
        assertEquals("Processing time", FieldLabels.label("events.groups[0].processingTime.meanMs"));
        assertEquals("Min replicas", FieldLabels.label("events.groups[0].autoscaler.minReplicas"));
        assertEquals("eventsTopicsPartitions", FieldLabels.idOf("events.topics[0].partitions"));
        assertEquals("cacheL2Capacity", FieldLabels.idOf("cache.levels[1].capacity"));
    }
}
