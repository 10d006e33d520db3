package dev.scalelab.lesson;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probes read the snapshot's own figures, and a part the scenario lacks measures NaN, which no choice holds. */
class ProbeTest {

    private static Snapshot run(String preset, double seconds) {
        World world = new World(Presets.load(preset));
        world.advanceTo(Simulation.secondsToNanos(seconds));
        return world.snapshot();
    }

    @Test
    void idsAreUniqueAndReadBack() {
        Set<String> ids = new HashSet<>();
        for (Probe p : Probe.values()) {
            assertTrue(ids.add(p.id()), p.id());
            assertSame(p, Probe.byId(p.id()));
        }
        assertNull(Probe.byId("p98-ms"));
    }

    @Test
    void thePoolsFiguresComeFromTheLastSecondsSample() {
        Snapshot s = run("default", 20);
        assertEquals(s.lastSample().p99Ms(), Probe.P99_MS.value(s));
        assertEquals(s.lastSample().p50Ms(), Probe.P50_MS.value(s));
        assertEquals(s.lastSample().throughputPerSecond(), Probe.THROUGHPUT_PER_SECOND.value(s));
        assertEquals(4, Probe.INSTANCES.value(s));
        assertEquals(4, Probe.DESIRED_INSTANCES.value(s));
        assertEquals(0, Probe.ERROR_PERCENT.value(s), "half load turns nobody away");
        assertEquals(100 * s.lastSample().utilization(), Probe.UTILIZATION_PERCENT.value(s), 1e-12);
        assertTrue(Double.isNaN(Probe.CACHE_HIT_PERCENT.value(s)), "no cache");
        assertTrue(Double.isNaN(Probe.STALE_READS.value(s)), "no database");
        assertTrue(Double.isNaN(Probe.BREAKERS_OPEN.value(s)), "no dependency");
        assertTrue(Double.isNaN(Probe.CONSUMER_LAG.value(s)), "no events");
        assertEquals(-1, new Prediction("Q?", java.util.List.of(new Prediction.Choice("any", Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY), new Prediction.Choice("none", 0, 0)), Probe.CACHE_HIT_PERCENT, "E.")
                .answer(Probe.CACHE_HIT_PERCENT.value(s)), "NaN is in no range");
    }

    @Test
    void aDependencysBreakerAndItsOfferedLoad() {
        Snapshot healthy = run("retry-storm", 30);
        assertEquals(0, Probe.BREAKERS_OPEN.value(healthy));
        double attempts = Probe.DEPENDENCY_ATTEMPTS_PER_SECOND.value(healthy);
        assertTrue(attempts > 150 && attempts < 250, "half of 400 req/s call the first dependency: " + attempts);
        assertEquals(1.0, Probe.RETRY_AMPLIFICATION.value(healthy), "no retries while it is healthy");
    }
}
