package dev.scalelab.world;

import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A recorded run with 100,000 timeline entries loads and replays. Each set once serialised the
 * whole scenario, timeline included, so N sets cost O(N²): 8,000 took 81 s. The timeout is a guard
 * against that growth coming back (linear work here takes a few seconds), not a speed measurement;
 * speed is measured by {@code bench}.
 */
class LongTimelineTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aHundredThousandTimelineSetsLoadAndReplay() {
        StringBuilder json = new StringBuilder("{\"schema\":1,\"durationSeconds\":101,\"dependencies\":[{\"name\":\"pay\"}],\"timeline\":[");
        int entries = 100_000;
        for (int i = 0; i < entries; i++) {
            double at = i * 0.001;
            json.append(i == 0 ? "" : ",");
            if (i % 2 == 0) {
                json.append("{\"atSeconds\":").append(at).append(",\"command\":\"set\",\"path\":\"workload.arrival.ratePerSecond\",\"value\":")
                        .append(300 + i % 5 * 10).append('}');
            } else {
                json.append("{\"atSeconds\":").append(at).append(",\"command\":\"set\",\"path\":\"dependencies[0].retry.maxAttempts\",\"value\":")
                        .append(1 + i % 4).append('}');
            }
        }
        Scenario s = ScenarioFiles.parse(json.append("]}").toString());
        assertEquals(entries, s.timeline().size());
        World w = new World(s);
        w.advanceTo(Simulation.secondsToNanos(101));
        // The last set of each field is what holds at the end: entry 99,998 (rate 300 + 3 × 10) and 99,999 (4 attempts).
        assertEquals(330.0, w.currentScenario().workload().arrival().ratePerSecond());
        assertEquals(4, w.currentScenario().dependencies().get(0).retry().maxAttempts());
        // About 100 s at 300-340 requests/s after the sets.
        assertEquals(100 * 320, w.snapshot().offered(), 100 * 320 * 0.05);
    }
}
