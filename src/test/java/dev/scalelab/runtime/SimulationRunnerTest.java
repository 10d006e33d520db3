package dev.scalelab.runtime;

import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner's thread contract. These wait on the published frame with a timeout; they do not time anything. */
class SimulationRunnerTest {

    private static Frame await(SimulationRunner r, Predicate<Frame> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Frame f = r.latest();
            if (condition.test(f)) {
                return f;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("condition not reached; last status " + r.latest().status());
    }

    @Test
    void maxSpeedRunsToTheDurationThenPausesAsFinished() throws Exception {
        try (SimulationRunner r = new SimulationRunner(Presets.load("default").withDurationSeconds(120), false)) {
            r.setSpeed(SimulationRunner.MAX_SPEED);
            r.start();
            Frame f = await(r, x -> x.status().finished());
            assertTrue(f.status().paused());
            assertEquals(120.0, f.snapshot().timeSeconds(), 1e-9);
        }
    }

    @Test
    void playOnAFinishedRunStartsItAgainFromZeroAndNoRunGoesPastItsDuration() throws Exception {
        try (SimulationRunner r = new SimulationRunner(Presets.load("default").withDurationSeconds(5), false)) {
            r.setSpeed(SimulationRunner.MAX_SPEED);
            r.start();
            Frame done = await(r, x -> x.status().finished());
            assertEquals(5.0, done.snapshot().timeSeconds(), 1e-9);

            r.step(); // a finished run does not move
            Frame stepped = await(r, x -> x.status().frame() > done.status().frame());
            assertEquals(5.0, stepped.snapshot().timeSeconds(), 1e-9);
            assertTrue(stepped.status().finished());

            r.setSpeed(1);
            r.play();
            Frame again = await(r, x -> !x.status().finished() && !x.status().paused());
            assertTrue(again.snapshot().timeSeconds() < 5, "Play starts the run again: t = " + again.snapshot().timeSeconds());
            r.setSpeed(SimulationRunner.MAX_SPEED);
            Frame doneAgain = await(r, x -> x.status().finished());
            assertEquals(5.0, doneAgain.snapshot().timeSeconds(), 1e-9, "and it stops at its duration again");
        }
    }

    @Test
    void stepStopsAtTheDurationAndFinishesTheRun() throws Exception {
        try (SimulationRunner r = new SimulationRunner(Presets.load("default").withDurationSeconds(0.25), true)) {
            r.start();
            r.step();
            r.step();
            r.step();
            r.step();
            Frame f = await(r, x -> x.status().finished());
            assertEquals(0.25, f.snapshot().timeSeconds(), 1e-9);
            assertTrue(f.status().paused());
        }
    }

    @Test
    void pausedRunnerHoldsTimeAndStepAdvancesIt() throws Exception {
        try (SimulationRunner r = new SimulationRunner(Presets.load("default"), true)) {
            r.start();
            // The frame a command publishes comes after the slice the loop would run if it ignored the
            // pause, and at max speed that slice would reach the scenario's end.
            long before = r.latest().status().frame();
            r.setSpeed(SimulationRunner.MAX_SPEED);
            Frame held = await(r, x -> x.status().frame() > before && x.status().speed() == SimulationRunner.MAX_SPEED);
            assertEquals(0.0, held.snapshot().timeSeconds());
            assertTrue(held.status().paused());
            r.step();
            r.step();
            Frame f = await(r, x -> x.snapshot().timeSeconds() >= 0.2);
            assertEquals(0.2, f.snapshot().timeSeconds(), 1e-9);
        }
    }

    @Test
    void parameterChangesReachTheWorldAndAreRecorded() throws Exception {
        try (SimulationRunner r = new SimulationRunner(Presets.load("default"), true)) {
            r.start();
            r.set(Parameter.of("workload.arrival.ratePerSecond"), 750.0);
            r.set(Parameter.of("balancer.strategy"), "random");
            r.step();
            Frame f = await(r, x -> x.snapshot().current().balancer().strategy().id().equals("random"));
            assertEquals(750.0, f.snapshot().current().workload().arrival().ratePerSecond());
            Scenario recorded = r.recordedScenario().get(5, TimeUnit.SECONDS);
            assertEquals(2, recorded.timeline().size());
            assertEquals(0.001, recorded.timeline().get(0).atSeconds(), 1e-12);
            assertEquals(400.0, recorded.workload().arrival().ratePerSecond(), "the initial scenario is kept");
        }
    }

    @Test
    void anExceptionInTheSimulationThreadIsPublishedNotSwallowed() throws Exception {
        try (SimulationRunner r = new SimulationRunner(Presets.load("default"), true)) {
            r.start();
            // An unchecked value that the world cannot apply: the runner must report it.
            r.set(Parameter.of("service.serviceTime.meanMs"), "not a number");
            Frame f = await(r, x -> x.status().failure() != null);
            assertNotNull(f.status().failure());
            assertTrue(f.status().failure().contains("ClassCastException"), f.status().failure());
            assertTrue(f.status().paused());
        }
    }

    @Test
    void raceModeRunsTwoWorldsInLockstepThatDifferOnlyInTheirStrategy() throws Exception {
        try (SimulationRunner r = new SimulationRunner(Presets.load("slow-instance"), true)) {
            r.start();
            r.startRace(Presets.load("slow-instance"), dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy.ROUND_ROBIN,
                    dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy.P2C);
            for (int i = 0; i < 50; i++) {
                r.step();
            }
            Frame f = await(r, x -> x.race() != null && x.snapshot().timeSeconds() >= 5.0);
            assertEquals(f.snapshot().timeSeconds(), f.race().timeSeconds(), 1e-9);
            assertEquals("round-robin", f.snapshot().current().balancer().strategy().id());
            assertEquals("p2c", f.race().current().balancer().strategy().id());
            // The same seed gives the same arrivals on both sides.
            assertEquals(f.snapshot().offered(), f.race().offered());
            assertTrue(f.race().instances().get(3).routed() < f.snapshot().instances().get(3).routed());
            r.stopRace();
            r.step();
            assertTrue(await(r, x -> x.race() == null).race() == null);
        }
    }

    @Test
    void theRunnerPublishesTheSimulatorsProfileOnceAWallSecond() throws Exception {
        try (SimulationRunner r = new SimulationRunner(Presets.load("default").withDurationSeconds(1_000_000), false)) {
            r.setSpeed(SimulationRunner.MAX_SPEED);
            r.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (r.profile().lines().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            ProfileTable table = r.profile();
            assertTrue(table.windowSeconds() >= 1.0, "a window of at least a second: " + table.windowSeconds());
            assertTrue(table.lines().stream().anyMatch(l -> l.subsystem().equals("WorkloadSystem") && l.eventType().equals("ArrivalEvent")),
                    table.toString());
            assertEquals(100.0, table.lines().stream().mapToDouble(ProfileTable.Line::sharePercent).sum(), 1e-6);
        }
    }
}
