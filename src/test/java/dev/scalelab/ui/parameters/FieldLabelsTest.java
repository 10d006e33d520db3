package dev.scalelab.ui.parameters;

import dev.scalelab.world.Parameter;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FieldLabelsTest {

    @Test
    void labelsComeFromThePathsLastWordAndLevelsAreNamedL1ToL3() {
        assertEquals("Target utilization", FieldLabels.label(Parameter.of("autoscaler.targetUtilization").path()));
        assertEquals("Scale down stabilization", FieldLabels.label(Parameter.of("autoscaler.scaleDownStabilizationSeconds").path()));
        assertEquals("L2 capacity", FieldLabels.label(Parameter.of("cache.levels[1].capacity").path()));
        assertEquals("L3 TTL", FieldLabels.label(Parameter.of("cache.levels[2].ttlSeconds").path()));
        assertEquals("Allocation per request", FieldLabels.label(Parameter.of("service.runtime.allocationKbPerRequest").path()));
        assertEquals("Live set", FieldLabels.label(Parameter.of("service.runtime.liveSetMb").path()));
        assertEquals("Heap (-Xmx)", FieldLabels.label(Parameter.of("service.runtime.heapMb").path()));
        assertEquals("Initiating occupancy", FieldLabels.label(Parameter.of("service.runtime.initiatingOccupancyPercent").path()));
        assertEquals("Outlier max ejection", FieldLabels.label(Parameter.of("balancer.outlierMaxEjectionPercent").path()));
    }

    @Test
    void aDependencysFieldsHaveTheNamesTheirLibrariesGiveThem() {
        assertEquals("Failure-rate threshold", FieldLabels.label("dependencies[0].breaker.failureRateThreshold"));
        assertEquals("Calls in half-open", FieldLabels.label("dependencies[3].breaker.permittedNumberOfCallsInHalfOpenState"));
        assertEquals("Timeout per attempt", FieldLabels.label("dependencies[1].timeoutMs"));
    }

    @Test
    void fxIdsAreStableAndDistinctForEveryParameter() {
        assertEquals("autoscalerTargetUtilization", FieldLabels.idOf(Parameter.of("autoscaler.targetUtilization").path()));
        assertEquals("cacheL1Capacity", FieldLabels.idOf(Parameter.of("cache.levels[0].capacity").path()));
        assertEquals("cacheL3Policy", FieldLabels.idOf(Parameter.of("cache.levels[2].policy").path()));
        assertEquals("databaseShardingStrategy", FieldLabels.idOf(Parameter.of("database.sharding.strategy").path()));
        assertEquals("retryMaxAttempts", FieldLabels.idOf("dependencies[1].retry.maxAttempts"));
        Set<String> ids = new HashSet<>();
        for (Parameter p : Parameter.all()) {
            ids.add(FieldLabels.idOf(p.path()));
        }
        assertEquals(Parameter.all().size(), ids.size());
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
