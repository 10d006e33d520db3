package dev.scalelab.world;

import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A valid scenario too big for the machine (500 instances with 100,000-deep queues at 10^6
 * requests/s) stops with a message saying what ran out and what to lower, instead of an
 * OutOfMemoryError.
 */
class RequestMemoryLimitTest {
    private static final String HUGE = "{\"schema\":1,\"durationSeconds\":60,"
            + "\"workload\":{\"arrival\":{\"ratePerSecond\":1000000}},"
            + "\"service\":{\"instances\":500,\"workersPerInstance\":1,\"queueCapacity\":100000,"
            + "\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":10000}}}";

    @Test
    void aRunThatWouldOutgrowItsMemoryStopsNamingWhatToLower() {
        // 16.8 MB at 168 bytes a request: 100,000 requests. Each instance serves one request per 10 s, so at
        // 10^6 arrivals/s nearly every arrival stays: the limit is reached at about 0.1 s.
        World w = new World(ScenarioFiles.parse(HUGE), 100_000 * World.BYTES_PER_REQUEST);
        RunStoppedException e = assertThrows(RunStoppedException.class, () -> w.advanceTo(Simulation.secondsToNanos(60)));
        assertEquals(0.1, e.atSeconds(), 0.001);
        assertTrue(e.getMessage().startsWith("the run stopped at t = 0.1 s: 100,000 requests in the system fill the 16 MiB it may use for them"),
                e.getMessage());
        assertTrue(e.getMessage().contains("lower workload.arrival.ratePerSecond or service.queueCapacity (now 100,000 per instance)"));
        // What was measured up to the stop holds: every arrival so far is counted.
        assertEquals(100_000, w.snapshot().offered());
    }

    @Test
    void theLimitDoesNotChangeARunThatStaysBelowIt() {
        Scenario s = Presets.load("flash-sale").withDurationSeconds(60);
        World roomy = new World(s);
        World tight = new World(s, 5_000 * World.BYTES_PER_REQUEST);
        roomy.advanceTo(Simulation.secondsToNanos(60));
        tight.advanceTo(Simulation.secondsToNanos(60));
        assertEquals(Report.toJson(Report.of(roomy, 0)), Report.toJson(Report.of(tight, 0)));
    }
}
