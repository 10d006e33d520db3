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

    @Test
    void theShownPartitionsStayUntilAnotherLagsAQuarterMore() {
        int[] shown = {1, 3, 4};
        long[] lag = {5, 90, 0, 40, 70, 49};
        assertEquals(List.of(1, 3, 4), boxed(EventsCharts.keepOrRechoose(lag, shown, 3)), "49 is less than 1.25 × 40");
        lag[5] = 51;
        assertEquals(List.of(1, 4, 5), boxed(EventsCharts.keepOrRechoose(lag, shown, 3)), "51 is more than 1.25 × 40");
        assertEquals(List.of(1, 4, 5), boxed(EventsCharts.keepOrRechoose(lag, new int[0], 3)), "nothing shown yet");
        assertEquals(List.of(1), boxed(EventsCharts.keepOrRechoose(new long[] {0, 7}, new int[] {3}, 3)), "partition 3 is gone");
    }

    private static List<Integer> boxed(int[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
