package dev.scalelab.runtime;

import dev.scalelab.compare.Differences;
import dev.scalelab.compare.LiveFigures;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A comparison of two designs: two worlds in lockstep, each the run it would be alone. */
class CompareRunTest {

    private static Frame await(SimulationRunner r, Predicate<Frame> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Frame f = r.latest();
            if (condition.test(f)) {
                return f;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("condition not reached; last status " + r.latest().status());
    }

    private static void assertSameRun(World alone, Snapshot side) {
        Snapshot want = alone.snapshot();
        assertEquals(want.timeSeconds(), side.timeSeconds(), 0.0);
        assertEquals(want.eventsFired(), side.eventsFired());
        assertEquals(want.offered(), side.offered());
        assertEquals(want.completed(), side.completed());
        assertEquals(want.rejected(), side.rejected());
        assertEquals(want.failed(), side.failed());
        assertEquals(want.totalLatency(), side.totalLatency());
        assertEquals(want.scaling(), side.scaling());
        assertEquals(want.current(), side.current());
        assertArrayEquals(LiveFigures.of(want), LiveFigures.of(side), 0.0, "every headline figure, bit for bit");
    }

    @Test
    void eachSideOfAComparisonIsBitForBitTheRunItsDesignHasAloneOnTheSameSeed() throws Exception {
        Scenario a = Presets.load("full-stack");
        Scenario b = Differences.parse("service.instances=9\n# more workers too\nservice.workersPerInstance=6", a).applyTo(a);
        try (SimulationRunner r = new SimulationRunner(Presets.load("default"), true)) {
            r.setSpeed(SimulationRunner.MAX_SPEED);
            r.start();
            r.startCompare(a, "as is", b, "nine instances", "service.instances=9");
            r.playUntil(20.5);
            Frame f = await(r, x -> x.comparison() != null && x.status().paused() && x.snapshot().timeSeconds() >= 20.5);
            assertEquals(new Comparison("as is", "nine instances", "service.instances=9"), f.comparison());
            assertNotNull(f.race());

            World aloneA = new World(a);
            aloneA.advanceTo(Simulation.secondsToNanos(20.5));
            World aloneB = new World(b);
            aloneB.advanceTo(Simulation.secondsToNanos(20.5));
            assertSameRun(aloneA, f.snapshot());
            assertSameRun(aloneB, f.race());
            assertEquals(9, f.race().current().service().instances());
            assertNotEquals(f.snapshot().completed(), f.race().completed(), "the designs differ");
            // Same seed, same arrivals: the offered load is the workload's, not the design's.
            assertEquals(f.snapshot().offered(), f.race().offered());

            r.playUntil(45);
            Frame later = await(r, x -> x.status().paused() && x.snapshot().timeSeconds() >= 45);
            aloneB.advanceTo(Simulation.secondsToNanos(45));
            assertSameRun(aloneB, later.race());
        }
    }

    @Test
    void theUsersChangesGoToBothSidesAndStopCompareLeavesOneWorld() throws Exception {
        Scenario a = Presets.load("full-stack");
        Scenario b = Differences.parse("service.instances=9", a).applyTo(a);
        try (SimulationRunner r = new SimulationRunner(a, true)) {
            r.start();
            r.startCompare(a, "A", b, "B");
            r.step();
            await(r, x -> x.comparison() != null && x.snapshot().timeSeconds() > 0);
            Parameter rate = Parameter.of("workload.arrival.ratePerSecond");
            r.set(rate, rate.parse("rate", "777"));
            r.step();
            Object changed = rate.parse("rate", "777");
            Frame f = await(r, x -> x.race() != null && changed.equals(rate.read(x.race().current())));
            assertEquals(changed, rate.read(f.snapshot().current()), "A took it too");
            assertEquals(9, f.race().current().service().instances(), "B keeps its own difference");

            r.stopCompare();
            r.step();
            Frame one = await(r, x -> x.race() == null);
            assertNull(one.comparison());
        }
    }

    @Test
    void aResetEndsTheComparisonAndTheBalancerRaceCarriesNoCompareLabels() throws Exception {
        Scenario a = Presets.load("slow-instance");
        try (SimulationRunner r = new SimulationRunner(a, true)) {
            r.start();
            r.startCompare(a, "A", a, "B");
            r.step();
            await(r, x -> x.comparison() != null);
            r.reset(a);
            r.step();
            assertNull(await(r, x -> x.race() == null).comparison());
            r.startRace(a, dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy.ROUND_ROBIN,
                    dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy.P2C);
            r.step();
            assertNull(await(r, x -> x.race() != null).comparison());
        }
    }
}
