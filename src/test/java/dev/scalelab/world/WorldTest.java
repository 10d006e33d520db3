package dev.scalelab.world;

import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorldTest {

    private static String report(Scenario s, double seconds) {
        World w = new World(s);
        w.advanceTo(Simulation.secondsToNanos(seconds));
        com.fasterxml.jackson.databind.node.ObjectNode r = Report.of(w, 0);
        return Report.toJson(r);
    }

    @Test
    void sameScenarioAndSeedGiveAnIdenticalReport() {
        Scenario s = Presets.load("flash-crowd");
        assertEquals(report(s, 200), report(s, 200));
        assertNotEquals(report(s, 200), report(s.withSeed(12), 200));
    }

    @Test
    void timelineCommandsChangeTheRunAtTheirTime() {
        Scenario s = Presets.load("default").withTimeline(java.util.List.of(
                Scenario.TimelineEntry.set(100, "workload.arrival.ratePerSecond", 800.0),
                Scenario.TimelineEntry.set(150, "service.instances", 8)));
        World w = new World(s);
        w.advanceTo(Simulation.secondsToNanos(99.999));
        long before = w.snapshot().offered();
        assertEquals(400.0, w.currentScenario().workload().arrival().ratePerSecond());
        w.advanceTo(Simulation.secondsToNanos(100));
        assertEquals(800.0, w.currentScenario().workload().arrival().ratePerSecond());
        assertEquals(4, w.snapshot().instances().size());
        w.advanceTo(Simulation.secondsToNanos(200));
        assertEquals(8, w.snapshot().instances().size());
        assertTrue(before < 100 * 400 * 1.05);
        // 100 s at 400/s then 100 s at 800/s.
        double expected = 100 * 400 + 100 * 800;
        assertEquals(expected, w.snapshot().offered(), 4 * Math.sqrt(expected));
    }

    @Test
    void userChangesAreRecordedAndTheRecordingReplaysTheRunExactly() {
        Scenario s = Presets.load("default");
        World live = new World(s);
        // A user changes parameters at arbitrary moments, as the runner does between frames.
        live.advanceTo(Simulation.secondsToNanos(12.3456789));
        live.advanceTo(live.commandTimeNanos());
        live.applyUserChange(Parameter.of("workload.arrival.ratePerSecond"), 900.0);
        live.advanceTo(Simulation.secondsToNanos(40.0000001));
        live.advanceTo(live.commandTimeNanos());
        live.applyUserChange(Parameter.of("balancer.strategy"), "least-connections");
        live.advance(Simulation.secondsToNanos(55), 777); // a frame budget cut mid-way
        live.advanceTo(live.commandTimeNanos());
        live.applyUserChange(Parameter.of("service.instances"), 2);
        live.advanceTo(Simulation.secondsToNanos(90));

        Scenario recorded = live.recordedScenario();
        assertEquals(3, recorded.timeline().size());
        // Through the file format and back, as a saved run would be.
        Scenario reloaded = ScenarioFiles.parse(ScenarioFiles.write(recorded));
        World replay = new World(reloaded);
        replay.advanceTo(Simulation.secondsToNanos(90));
        // Identical but for who made each change: the replay reads it from the timeline.
        assertEquals(Report.toJson(Report.of(live, 0)).replace("\"source\" : \"user\"", "\"source\" : \"timeline\"")
                        .replace("\"by\" : \"user\"", "\"by\" : \"timeline\""),
                Report.toJson(Report.of(replay, 0)));
        assertEquals(900.0, replay.currentScenario().workload().arrival().ratePerSecond());
        assertEquals(2, replay.snapshot().instances().stream().filter(i -> i.state() == Snapshot.InstanceState.READY).count());
    }

    @Test
    void removedInstancesDrainTheirQueueBeforeTheyGo() {
        Scenario s = Presets.load("default");
        World w = new World(s);
        w.advanceTo(Simulation.secondsToNanos(10));
        w.advanceTo(w.commandTimeNanos());
        w.applyUserChange(Parameter.of("service.instances"), 1);
        Snapshot right = w.snapshot();
        long draining = right.instances().stream().filter(i -> i.state() == Snapshot.InstanceState.DRAINING).count();
        long ready = right.instances().stream().filter(i -> i.state() == Snapshot.InstanceState.READY).count();
        assertEquals(1, ready);
        assertTrue(draining <= 3);
        w.advanceTo(Simulation.secondsToNanos(20));
        assertEquals(1, w.snapshot().instances().size());
        assertEquals("i-0", w.snapshot().instances().get(0).id());
        // Nothing was dropped by draining: all offered requests completed or were rejected by a full queue.
        Snapshot after = w.snapshot();
        long inFlight = after.instances().get(0).busy() + after.instances().get(0).queued();
        assertEquals(after.offered(), after.completed() + after.rejected() + inFlight);
    }

    @Test
    void roundRobinSpreadsRequestsEvenlyAndTheReportCountsThemPerInstance() throws Exception {
        World w = new World(Presets.load("default"));
        w.advanceTo(Simulation.secondsToNanos(100));
        com.fasterxml.jackson.databind.JsonNode per = Report.of(w, 0).get("balancer").get("perInstance");
        long total = w.snapshot().offered() - w.snapshot().rejected();
        for (int i = 0; i < 4; i++) {
            assertEquals(w.snapshot().offered() / 4.0, per.get("i-" + i).asDouble(), 1.0);
        }
        assertTrue(total > 0);
    }

    @Test
    void seriesMemoryIsBoundedWhateverTheRunLength() {
        World w = new World(ScenarioFiles.parse("{\"schema\":1,\"workload\":{\"arrival\":{\"ratePerSecond\":5}}}"));
        w.advanceTo(Simulation.secondsToNanos(2 * World.SERIES_CAPACITY + 10));
        Snapshot s = w.snapshot();
        assertEquals(World.SNAPSHOT_SERIES_POINTS, s.series().size());
        assertEquals(2 * World.SERIES_CAPACITY + 10, s.series().timeSeconds()[s.series().size() - 1], 1e-9);
        assertTrue(s.recentLog().size() <= 200);
    }

    @Test
    void restartKeepsTheUsersSettingsAndTheScenariosOwnTimeline() {
        Scenario s = Presets.load("cache-stampede");
        World w = new World(s);
        w.advanceTo(Simulation.secondsToNanos(130)); // past the timeline's coalescing switch at 120 s
        w.advanceTo(w.commandTimeNanos());
        w.applyUserChange(Parameter.of("workload.arrival.ratePerSecond"), 1500.0);
        w.applyUserCommand(new Scenario.TimelineEntry(0, "kill-instance", null, "i-0", null, 0));
        Scenario restart = w.restartScenario();
        assertEquals(1500.0, restart.workload().arrival().ratePerSecond());
        assertEquals(false, restart.cache().coalesce(), "the timeline's own change is not folded in");
        assertEquals(s.timeline(), restart.timeline());
        assertEquals(4, restart.service().instances(), "actions are not settings");
    }
}
