package dev.scalelab.runtime;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Action;
import dev.scalelab.world.Breakpoint;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner's teaching commands: breakpoints, undo and redo, the modified mark, playUntil and seek. */
class SimulationRunnerTeachingTest {

    private static Frame await(SimulationRunner r, Predicate<Frame> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Frame f = r.latest();
            if (condition.test(f)) {
                return f;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("condition not reached; last status " + r.latest().status() + " at t = "
                + r.latest().snapshot().timeSeconds());
    }

    /** One instance with one worker and a 20-deep queue; at 30 s the rate triples and the queue fills. */
    private static Scenario overloadAt30() {
        return ScenarioFiles.parse("""
                {"schema": 1, "seed": 3, "durationSeconds": 60,
                 "workload": {"arrival": {"process": "poisson", "ratePerSecond": 50}},
                 "service": {"instances": 1, "workersPerInstance": 1, "queueCapacity": 20,
                             "serviceTime": {"distribution": "constant", "meanMs": 10}},
                 "timeline": [{"atSeconds": 30, "command": "set", "path": "workload.arrival.ratePerSecond", "value": 150}]}
                """);
    }

    /** The state a runner frame shows, compared with a world run on its own thread. */
    private static void assertSameState(World expected, Snapshot got) {
        Snapshot want = expected.snapshot();
        assertEquals(want.timeSeconds(), got.timeSeconds(), 0.0);
        assertEquals(want.eventsFired(), got.eventsFired());
        assertEquals(want.offered(), got.offered());
        assertEquals(want.completed(), got.completed());
        assertEquals(want.rejected(), got.rejected());
        assertEquals(want.failed(), got.failed());
        assertEquals(want.current(), got.current());
        assertEquals(want.recentLog(), got.recentLog());
    }

    @Test
    void aBreakpointPausesTheRunAndIsShownUntilPlayAndItSurvivesReset() throws Exception {
        try (SimulationRunner r = new SimulationRunner(overloadAt30(), false)) {
            r.setSpeed(SimulationRunner.MAX_SPEED);
            r.setBreakpoints(List.of(Breakpoint.parse("queue-full")));
            r.start();
            Frame hit = await(r, f -> f.status().breakpointHit() != null);
            assertTrue(hit.status().paused());
            assertFalse(hit.status().finished());
            assertEquals(hit.status().breakpointHit().atSeconds(), hit.snapshot().timeSeconds(), 0.0, "paused at the event");
            assertTrue(hit.snapshot().timeSeconds() > 30, "the queue fills after the rate rises: " + hit.snapshot().timeSeconds());
            assertEquals(1, hit.snapshot().rejected(), "right after the first request turned away");
            assertEquals("i-0's queue is full (20 of 20 waiting): a request turned away",
                    hit.status().breakpointHit().trigger().message());

            r.play();
            Frame done = await(r, f -> f.status().finished());
            assertNull(done.status().breakpointHit(), "Play clears the hit");
            assertTrue(done.snapshot().rejected() > 1000);

            r.reset(overloadAt30());
            r.play();
            Frame again = await(r, f -> f.status().breakpointHit() != null);
            assertEquals(hit.status().breakpointHit().atSeconds(), again.status().breakpointHit().atSeconds(), 0.0,
                    "the breakpoints are installed on the new world, and the run is the same");
        }
    }

    @Test
    void undoAndRedoWalkTheUsersSettingsAndANewChangeClearsRedo() throws Exception {
        try (SimulationRunner r = new SimulationRunner(Presets.load("default"), true)) {
            r.start();
            assertFalse(r.latest().status().modified());
            r.set(Parameter.of("workload.arrival.ratePerSecond"), 750.0);
            r.set(Parameter.of("workload.arrival.ratePerSecond"), 900.0);
            Frame two = await(r, f -> f.status().undoDepth() == 2);
            assertTrue(two.status().modified());
            assertEquals(900.0, rate(two));

            r.undo();
            Frame undone = await(r, f -> f.status().redoDepth() == 1);
            assertEquals(750.0, rate(undone));
            assertEquals(1, undone.status().undoDepth());
            r.undo();
            r.undo(); // nothing left: does nothing
            Frame original = await(r, f -> f.status().redoDepth() == 2);
            assertEquals(400.0, rate(original));
            assertEquals(0, original.status().undoDepth());
            assertTrue(original.status().modified(), "undoing is a change too: the run differs from the preset's");

            r.redo();
            Frame redone = await(r, f -> f.status().undoDepth() == 1);
            assertEquals(750.0, rate(redone));
            assertEquals(1, redone.status().redoDepth());

            r.set(Parameter.of("balancer.strategy"), "random");
            Frame cleared = await(r, f -> f.status().undoDepth() == 2);
            assertEquals(0, cleared.status().redoDepth(), "a new change clears what could be redone");

            Scenario recorded = r.recordedScenario().get(5, TimeUnit.SECONDS);
            assertEquals(List.of(750.0, 900.0, 750.0, 400.0, 750.0), recorded.timeline().stream()
                    .filter(e -> e.path().equals("workload.arrival.ratePerSecond")).map(Scenario.TimelineEntry::value).toList(),
                    "undo and redo are recorded like any change, so the run replays");
        }
    }

    @Test
    void modifiedLastsUntilANewScenarioAndResetKeepsItWhenTheSettingsDiffer() throws Exception {
        Scenario preset = Presets.load("default");
        try (SimulationRunner r = new SimulationRunner(preset, true)) {
            r.start();
            r.set(Parameter.of("workload.arrival.ratePerSecond"), 750.0);
            await(r, f -> f.status().modified());
            Scenario restart = r.restartScenario().get(5, TimeUnit.SECONDS);
            r.reset(restart);
            r.step();
            Frame reset = await(r, f -> f.snapshot().timeSeconds() > 0.05); // the old run stood at 0.001 s
            assertTrue(reset.status().modified(), "Reset keeps the changed settings, so the mark stays");
            assertEquals(0, reset.status().undoDepth());

            r.reset(preset); // Revert to preset
            r.step();
            Frame reverted = await(r, f -> !f.status().modified());
            assertEquals(0, reverted.status().undoDepth());

            r.act(Action.ADD_INSTANCE, null, null, 0);
            Frame acted = await(r, f -> f.status().modified());
            assertEquals(0, acted.status().undoDepth(), "an action is a moment, not a setting: nothing to undo");
            Scenario sameAsOriginal = r.restartScenario().get(5, TimeUnit.SECONDS);
            r.reset(sameAsOriginal);
            r.step();
            assertFalse(await(r, f -> !f.status().modified()).status().modified(),
                    "after an action Reset starts the original scenario again");
        }
    }

    @Test
    void applyTakesSetsAndActionsAndRefusesWhatTheTimelineCannotDo() throws Exception {
        try (SimulationRunner r = new SimulationRunner(Presets.load("default"), true)) {
            r.start();
            r.apply(Scenario.TimelineEntry.set(0, "workload.arrival.ratePerSecond", 500)); // an Integer from JSON
            r.apply(Scenario.TimelineEntry.action(0, Action.ADD_INSTANCE, null, null, 0));
            Frame f = await(r, x -> x.status().undoDepth() == 1 && x.snapshot().current().service().instances() == 5);
            assertEquals(500.0, rate(f));
            IllegalArgumentException path = assertThrows(IllegalArgumentException.class,
                    () -> r.apply(Scenario.TimelineEntry.set(0, "workload.nope", 3)));
            assertTrue(path.getMessage().contains("workload.nope"), path.getMessage());
            IllegalArgumentException field = assertThrows(IllegalArgumentException.class,
                    () -> r.apply(Scenario.TimelineEntry.set(0, "dependencies[0].retry.maxAtempts", 3)));
            assertTrue(field.getMessage().contains("maxAtempts"), field.getMessage());
            IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                    () -> r.apply(Scenario.TimelineEntry.set(0, "workload.arrival.ratePerSecond", "fast")));
            assertTrue(type.getMessage().contains("expected a number"), type.getMessage());
            IllegalArgumentException command = assertThrows(IllegalArgumentException.class,
                    () -> r.apply(new Scenario.TimelineEntry(0, "explode", null, null, null, 0)));
            assertTrue(command.getMessage().startsWith("unknown command explode; commands: set, "), command.getMessage());
        }
    }

    @Test
    void playUntilPausesExactlyWhereAFreshWorldAdvancedToThatTimeIs() throws Exception {
        Scenario sale = Presets.load("flash-sale");
        try (SimulationRunner r = new SimulationRunner(sale, true)) {
            r.setSpeed(SimulationRunner.MAX_SPEED);
            r.start();
            r.playUntil(37.25);
            Frame f = await(r, x -> x.status().paused() && x.snapshot().timeSeconds() > 0);
            World fresh = new World(sale);
            fresh.advanceTo(Simulation.secondsToNanos(37.25));
            assertSameState(fresh, f.snapshot());
            assertFalse(f.status().finished());

            r.playUntil(130);
            Frame later = await(r, x -> x.status().paused() && x.snapshot().timeSeconds() > 37.25);
            fresh.advanceTo(Simulation.secondsToNanos(130));
            assertSameState(fresh, later.snapshot());

            r.setBreakpoints(List.of(Breakpoint.parse("decision=hpa")));
            r.playUntil(200);
            Frame early = await(r, x -> x.status().breakpointHit() != null);
            assertEquals(135.0, early.snapshot().timeSeconds(), 1e-9, "a breakpoint comes first: the HPA syncs every 15 s");
        }
    }

    @Test
    void seekRestartsAScenarioAndArrivesPausedThroughBreakpoints() throws Exception {
        Scenario sale = Presets.load("flash-sale");
        try (SimulationRunner r = new SimulationRunner(Presets.load("default"), false)) {
            r.setBreakpoints(List.of(Breakpoint.parse("decision=hpa")));
            r.start();
            r.set(Parameter.of("workload.arrival.ratePerSecond"), 750.0);
            await(r, x -> x.status().undoDepth() == 1);
            Frame arrived = r.seek(sale, 42.5).get(20, TimeUnit.SECONDS);
            assertTrue(arrived.status().paused());
            assertNull(arrived.status().breakpointHit(), "two HPA syncs passed without a pause");
            assertEquals(0, arrived.status().undoDepth());
            assertFalse(arrived.status().modified());
            World fresh = new World(sale);
            fresh.advanceTo(Simulation.secondsToNanos(42.5));
            assertSameState(fresh, arrived.snapshot());
            assertEquals(arrived, r.latest(), "the future holds the frame published on arrival");

            r.setSpeed(SimulationRunner.MAX_SPEED);
            r.play();
            Frame hit = await(r, x -> x.status().breakpointHit() != null);
            assertEquals(45.0, hit.snapshot().timeSeconds(), 1e-9, "the breakpoints are back after the seek");
        }
    }

    @Test
    void aSeekCalledOffByAResetFailsItsFutureAndASeekPastTheEndFinishes() throws Exception {
        try (SimulationRunner r = new SimulationRunner(Presets.load("default"), true)) {
            CompletableFuture<Frame> first = r.seek(Presets.load("fleet-50").withDurationSeconds(100_000), 90_000);
            r.reset(Presets.load("default"));
            r.start();
            assertThrows(CancellationException.class, () -> first.get(20, TimeUnit.SECONDS));
            Frame end = r.seek(Presets.load("mm1").withDurationSeconds(20), 50).get(20, TimeUnit.SECONDS);
            assertEquals(20.0, end.snapshot().timeSeconds(), 0.0);
            assertTrue(end.status().finished());
            assertNotNull(end.snapshot());
        }
    }

    @Test
    void aLongSeekPublishesTheTimeItHasReachedAndStaysResponsive() throws Exception {
        Scenario day = Presets.load("default").withDurationSeconds(4000);
        try (SimulationRunner r = new SimulationRunner(Presets.load("default"), true)) {
            r.start();
            CompletableFuture<Frame> arrived = r.seek(day, 3000);
            double seenOnTheWay = 0;
            long frames = 0;
            long lastFrame = -1;
            while (!arrived.isDone()) {
                Frame f = r.latest();
                if (f.status().frame() != lastFrame && f.snapshot().timeSeconds() < 3000) {
                    frames++;
                    seenOnTheWay = Math.max(seenOnTheWay, f.snapshot().timeSeconds());
                    lastFrame = f.status().frame();
                }
                Thread.sleep(2);
            }
            Frame end = arrived.get();
            assertEquals(3000.0, end.snapshot().timeSeconds(), 0.0);
            assertTrue(frames >= 2 && seenOnTheWay > 0, "frames on the way: " + frames + ", the last at t = " + seenOnTheWay);
        }
    }

    @Test
    void aStepStopsAtABreakpointOnTheWay() throws Exception {
        try (SimulationRunner r = new SimulationRunner(overloadAt30(), true)) {
            r.setBreakpoints(List.of(Breakpoint.parse("queue-full")));
            r.setSpeed(SimulationRunner.MAX_SPEED);
            r.start();
            r.playUntil(30.0);
            await(r, f -> f.status().paused() && f.snapshot().timeSeconds() == 30.0);
            Frame hit = null;
            for (int i = 0; i < 30 && hit == null; i++) { // 3 s of steps: the queue fills within the first
                long before = r.latest().status().frame();
                r.step();
                Frame f = await(r, x -> x.status().frame() > before);
                hit = f.status().breakpointHit() != null ? f : null;
            }
            assertNotNull(hit, "a step passed the first full queue");
            assertEquals(1, hit.snapshot().rejected());
            assertEquals(hit.status().breakpointHit().atSeconds(), hit.snapshot().timeSeconds(), 0.0,
                    "the step that tripped it ends at the event, not at the next 100 ms");
        }
    }

    private static double rate(Frame f) {
        return f.snapshot().current().workload().arrival().ratePerSecond();
    }
}
