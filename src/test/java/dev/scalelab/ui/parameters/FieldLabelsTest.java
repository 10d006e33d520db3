package dev.scalelab.ui.parameters;

import dev.scalelab.world.Parameter;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FieldLabelsTest {

    @Test
    void labelsComeFromThePathsLastWordAndLevelsAreNamedL1ToL3() {
        assertEquals("Target utilization", FieldLabels.label("autoscaler.targetUtilization"));
        assertEquals("Scale down stabilization", FieldLabels.label("autoscaler.scaleDownStabilizationSeconds"));
        assertEquals("L2 capacity", FieldLabels.label("cache.levels[1].capacity"));
        assertEquals("L3 TTL", FieldLabels.label("cache.levels[2].ttlSeconds"));
        assertEquals("Allocation per request", FieldLabels.label("service.runtime.allocationKbPerRequest"));
        assertEquals("Live set", FieldLabels.label("service.runtime.liveSetMb"));
        assertEquals("Heap (-Xmx)", FieldLabels.label("service.runtime.heapMb"));
        assertEquals("Initiating occupancy", FieldLabels.label("service.runtime.initiatingOccupancyPercent"));
        assertEquals("Outlier max ejection", FieldLabels.label("balancer.outlierMaxEjectionPercent"));
        assertEquals("Target percentile", FieldLabels.label("verticalScaler.targetPercentile"));
        // A drawn service's fields read as the scenario's.
        assertEquals("Heap (-Xmx)", FieldLabels.label("topology.nodes[2].service.runtime.heapMb"));
        assertEquals("Target percentile", FieldLabels.label("topology.nodes[1].verticalScaler.targetPercentile"));
    }

    @Test
    void aDependencysFieldsHaveTheNamesTheirLibrariesGiveThem() {
        assertEquals("Failure-rate threshold", FieldLabels.label("dependencies[0].breaker.failureRateThreshold"));
        assertEquals("Calls in half-open", FieldLabels.label("dependencies[3].breaker.permittedNumberOfCallsInHalfOpenState"));
        assertEquals("Timeout per attempt", FieldLabels.label("dependencies[1].timeoutMs"));
    }

    @Test
    void fxIdsAreStableAndDistinctForEveryParameter() {
        assertEquals("autoscalerTargetUtilization", FieldLabels.idOf("autoscaler.targetUtilization"));
        assertEquals("cacheL1Capacity", FieldLabels.idOf("cache.levels[0].capacity"));
        assertEquals("cacheL3Policy", FieldLabels.idOf("cache.levels[2].policy"));
        assertEquals("databaseShardingStrategy", FieldLabels.idOf("database.sharding.strategy"));
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
