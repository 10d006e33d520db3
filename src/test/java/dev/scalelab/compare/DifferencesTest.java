package dev.scalelab.compare;

import dev.scalelab.practice.Headline;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Variant B's differences as a person types them, and the live figures the difference table reads. */
class DifferencesTest {
    private final Scenario fullStack = Presets.load("full-stack");

    @Test
    void changesAreReadLineByLineSkippingBlanksAndCommentsAndApplyInOrder() {
        Differences d = Differences.parse("\n# bigger pool\n service.instances = 9 \n\nworkload.arrival.ratePerSecond=1500\n", fullStack);
        assertEquals(2, d.changes().size());
        assertEquals(3, d.changes().get(0).line());
        assertEquals("service.instances=9, workload.arrival.ratePerSecond=1500", d.summary());
        Scenario b = d.applyTo(fullStack);
        assertEquals(9, b.service().instances());
        assertEquals(fullStack.seed(), b.seed(), "B keeps A's seed");
        assertTrue(Differences.parse("  \n# nothing\n", fullStack).isEmpty());
    }

    @Test
    void aBadPathNamesItsLineAndTheField() {
        Differences.DifferenceException e = assertThrows(Differences.DifferenceException.class,
                () -> Differences.parse("service.instances=4\nservice.instancez=4", fullStack));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("line 2, service.instancez: "), e.getMessage());
    }

    @Test
    void aBadValueNamesItsLineTheFieldAndTheProblem() {
        Differences.DifferenceException range = assertThrows(Differences.DifferenceException.class,
                () -> Differences.parse("# one\nservice.instances=0", fullStack));
        assertEquals(2, range.line());
        assertTrue(range.getMessage().startsWith("line 2, service.instances: 0"), range.getMessage());
        Differences.DifferenceException word = assertThrows(Differences.DifferenceException.class,
                () -> Differences.parse("service.instances=lots", fullStack));
        assertTrue(word.getMessage().startsWith("line 1, service.instances: \"lots\" is not a number"), word.getMessage());
        Differences.DifferenceException shape = assertThrows(Differences.DifferenceException.class,
                () -> Differences.parse("service.instances 8", fullStack));
        assertEquals("line 1: service.instances 8 is not PATH=VALUE, such as service.instances=8", shape.getMessage());
    }

    @Test
    void liveFiguresAreTheSnapshotsTotalsOverTheTimeSoFar() {
        World w = new World(fullStack);
        w.advanceTo(Simulation.secondsToNanos(30));
        Snapshot s = w.snapshot();
        double[] f = LiveFigures.of(s);
        assertEquals(s.completed() / 30.0, f[Headline.THROUGHPUT.ordinal()], 0.0);
        assertEquals(s.totalLatency().p99Ms(), f[Headline.P99_MS.ordinal()], 0.0);
        assertEquals((s.failed() + s.rejected()) / (double) s.offered(), f[Headline.ERROR_RATIO.ordinal()], 0.0);
        assertEquals(s.scaling().costDollars() * 120, f[Headline.COST_PER_HOUR.ordinal()], 1e-9);
        assertEquals(s.cache().hitRatio(), f[Headline.CACHE_HIT_RATIO.ordinal()], 0.0);
        assertTrue(f[Headline.CACHE_HIT_RATIO.ordinal()] > 0.3, "full-stack's cache hits: " + f[Headline.CACHE_HIT_RATIO.ordinal()]);
        assertTrue(Double.isNaN(f[Headline.MEAN_INSTANCES.ordinal()]), "a time-weighted mean the snapshot lacks");
        assertTrue(f[Headline.RETRY_AMPLIFICATION.ordinal()] >= 1.0, "full-stack calls dependencies");
    }
}
