package dev.scalelab.world;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A scenario whose queues could fill the heap is refused when it is loaded, in one line that says
 * how much memory it would need; the check is arithmetic on the scenario, so nothing big is made here.
 */
class MemoryRefusalTest {
    private static final String HUGE = "{\"schema\":1,\"durationSeconds\":60,"
            + "\"workload\":{\"arrival\":{\"ratePerSecond\":1000000}},"
            + "\"service\":{\"instances\":500,\"workersPerInstance\":1,\"queueCapacity\":100000,"
            + "\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":10000}}}";
    private static final long HALF_OF_1_GIB = 512L << 20;

    @Test
    void fiveHundredInstancesWithHundredThousandDeepQueuesAreRefusedInAOneGigabyteHeap() {
        Scenario huge = ScenarioFiles.parse(HUGE);
        assertEquals(500L * 100_001, World.maxRequestsHeld(huge));
        assertEquals("not run: up to 50,000,500 requests at once (500 instances x (1 workers + 100,000 queued)) would need "
                        + "8,010 MiB at 168 bytes each, and a run may use 512 MiB (half the Java heap); lower service.queueCapacity "
                        + "or the instances, or give Java at least 16 GiB (java -Xmx16g)",
                World.memoryRefusal(huge, HALF_OF_1_GIB));
    }

    @Test
    void theAutoscalersMaximumCountsAndEveryPresetFits() {
        Scenario full = Presets.load("full-stack");
        assertEquals(20L * (16 + 200), World.maxRequestsHeld(full)); // maxReplicas 20, not the 4 it starts with
        for (String preset : Presets.names()) {
            assertNull(World.memoryRefusal(Presets.load(preset), HALF_OF_1_GIB), preset);
        }
    }
}
