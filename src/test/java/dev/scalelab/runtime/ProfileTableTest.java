package dev.scalelab.runtime;

import dev.scalelab.sim.EventProfiler;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileTableTest {

    @Test
    void aWindowsRowsBecomeRatesPerWallSecondSharesAndNanosPerEvent() {
        // 4,000 events seen, 250 timed (one in 16): each timed event stands for 16.
        EventProfiler.Profile window = new EventProfiler.Profile(4_000, 250, List.of(
                new EventProfiler.Row("Database", "lambda(Query)", 50, 1_500_000),
                new EventProfiler.Row("WorkloadSystem", "ArrivalEvent", 200, 500_000)));
        ProfileTable table = ProfileTable.of(window, 2.0);
        assertEquals(2_000.0, table.eventsPerSecond());
        assertEquals(new ProfileTable.Line("Database", "lambda(Query)", 400.0, 75.0, 30_000.0), table.lines().get(0));
        assertEquals(new ProfileTable.Line("WorkloadSystem", "ArrivalEvent", 1_600.0, 25.0, 2_500.0), table.lines().get(1));
    }

    @Test
    void aWindowWithoutWallTimeIsTheEmptyTable() {
        assertEquals(ProfileTable.EMPTY, ProfileTable.of(EventProfiler.Profile.EMPTY, 0));
    }
}
