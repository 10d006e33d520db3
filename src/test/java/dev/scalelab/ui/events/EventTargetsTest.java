package dev.scalelab.ui.events;

import dev.scalelab.world.ScenarioException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventTargetsTest {

    @Test
    void aBurstIsAWholeNumberOfRecordsFromOneToTenMillion() {
        assertEquals(5_000, EventTargets.burstCount(" 5,000 "));
        assertEquals(1, EventTargets.burstCount("1"));
        assertEquals(10_000_000, EventTargets.burstCount("10_000_000"));
        assertEquals("burst: \"2.5\" is not a whole number of records",
                assertThrows(ScenarioException.class, () -> EventTargets.burstCount("2.5")).getMessage());
        assertEquals("burst: 0 is out of range; a number from 1 to 10000000 (the number of records)",
                assertThrows(ScenarioException.class, () -> EventTargets.burstCount("0")).getMessage());
    }

    @Test
    void withoutEventsThereIsNothingToAimAt() {
        assertEquals(List.of(), EventTargets.burstTargets(null));
        assertEquals(List.of(), EventTargets.crashTargets(null));
        assertEquals("", EventTargets.signature(null));
    }

    @Test
    void theTopPartitionsAreThoseThatLagMostInPartitionOrder() {
        assertEquals(List.of(1, 3, 4), boxed(EventsCharts.topPartitions(new long[] {5, 90, 0, 40, 70, 40}, 3)));
        assertEquals(List.of(2), boxed(EventsCharts.topPartitions(new long[] {0, 0, 7}, 3)), "only partitions that lag");
        assertEquals(List.of(), boxed(EventsCharts.topPartitions(new long[0], 3)));
    }

    private static List<Integer> boxed(int[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
