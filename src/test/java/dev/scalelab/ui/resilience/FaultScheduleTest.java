package dev.scalelab.ui.resilience;

import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FaultScheduleTest {

    @Test
    void listsTheTimelinesFaultsWithWhetherTheyAreToComeOnOrOver() {
        Scenario storm = Presets.load("retry-storm");
        List<FaultSchedule.Line> before = FaultSchedule.timeline(storm, 10);
        assertEquals(2, before.size());
        assertEquals("60 s  payments-naive: outage for 30 s", before.get(0).text());
        assertEquals(FaultSchedule.Status.COMING, before.get(0).status());
        assertEquals(FaultSchedule.Status.ACTIVE, FaultSchedule.timeline(storm, 75).get(1).status());
        assertEquals(FaultSchedule.Status.OVER, FaultSchedule.timeline(storm, 90).get(1).status());
    }

    @Test
    void valuesAreWrittenWithTheirUnits() {
        Scenario s = Presets.load("retry-storm").withTimeline(List.of(
                Scenario.TimelineEntry.action(5, dev.scalelab.world.Action.ERROR_RATE, "payments-naive", 0.25, 10),
                Scenario.TimelineEntry.action(6, dev.scalelab.world.Action.LATENCY, "payments-naive", 300.0, 10),
                Scenario.TimelineEntry.set(7, "workload.arrival.ratePerSecond", 500.0)));
        List<FaultSchedule.Line> lines = FaultSchedule.timeline(s, 0);
        assertEquals(2, lines.size(), "parameter changes are not faults");
        assertEquals("5 s  payments-naive: +25 % errors for 10 s", lines.get(0).text());
        assertEquals("6 s  payments-naive: +300 ms latency for 10 s", lines.get(1).text());
    }
}
