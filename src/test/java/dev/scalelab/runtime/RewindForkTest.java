package dev.scalelab.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Report;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rewind and fork on the runner: going back keeps the future; a change there makes a branch that is exactly its scenario file. */
class RewindForkTest {
    private static final Parameter RATE = Parameter.of("workload.arrival.ratePerSecond");
    private static final Parameter INSTANCES = Parameter.of("service.instances");

    /** The default preset (400 requests/s on 4 instances, the HPA on), a minute long: a run takes a fraction of a second. */
    private static Scenario minute() {
        return Presets.load("default").withDurationSeconds(60);
    }

    private static Frame await(SimulationRunner r, Predicate<Frame> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Frame f = r.latest();
            if (condition.test(f)) {
                return f;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("condition not reached; last status " + r.latest().status() + " at t = "
                + r.latest().snapshot().timeSeconds());
    }

    /** Plays to {@code seconds} at full speed and waits there, paused. */
    private static Frame playUntil(SimulationRunner r, double seconds) throws InterruptedException {
        r.playUntil(seconds);
        return await(r, f -> f.status().paused() && f.snapshot().timeSeconds() >= seconds - 1e-9);
    }

    private static SimulationRunner started(Scenario s) {
        SimulationRunner r = new SimulationRunner(s, true);
        r.setSpeed(SimulationRunner.MAX_SPEED);
        r.start();
        return r;
    }

    /**
     * The report as JSON without what may differ between two identical runs: the wall time, and who
     * gave a command (the decision log says "user" where the user gave it live, "timeline" where a
     * replay of the recorded scenario applies it; the command, its moment and its effect are the same).
     */
    private static String withoutWallTime(ObjectNode report) {
        ObjectNode copy = report.deepCopy();
        copy.remove("wallMillis");
        for (JsonNode d : copy.path("decisions")) {
            for (String field : new String[] {"source", "by"}) {
                if (d.path(field).asText().equals("user")) {
                    ((ObjectNode) d).put(field, "timeline");
                }
            }
        }
        return Report.toJson(copy);
    }

    private static String reportAtEnd(SimulationRunner r) throws Exception {
        r.play();
        await(r, f -> f.status().finished());
        return withoutWallTime(r.report().get(20, TimeUnit.SECONDS));
    }

    private static String freshRun(Scenario s) {
        World w = new World(s);
        w.advanceTo(dev.scalelab.sim.Simulation.secondsToNanos(s.durationSeconds()));
        return withoutWallTime(Report.of(w, 0));
    }

    @Test
    void goingBackAndPlayingOnGivesTheReportOfTheRunThatNeverWentBack() throws Exception {
        String straight;
        try (SimulationRunner r = started(minute())) {
            playUntil(r, 20);
            r.set(RATE, 900.0);
            playUntil(r, 35);
            r.act(Action.ADD_INSTANCE, null, null, 0);
            straight = reportAtEnd(r);
        }
        try (SimulationRunner r = started(minute())) {
            playUntil(r, 20);
            r.set(RATE, 900.0);
            playUntil(r, 35);
            r.act(Action.ADD_INSTANCE, null, null, 0);
            playUntil(r, 50);
            Frame back = r.rewind(12.5).get(20, TimeUnit.SECONDS);
            assertEquals(12.5, back.snapshot().timeSeconds(), 0.0);
            assertEquals(1, r.branches().branches().size(), "going back without a change makes no branch");
            String again = reportAtEnd(r);
            assertEquals(straight, again);
            assertEquals(1, r.branches().branches().size());
            assertEquals(2, r.branches().current().commands().size(), "the two commands stay on the branch");
        }
        assertTrue(straight.contains("\"offered\""));
    }

    @Test
    void aForkAtTWithAChangeIsTheScenarioFileWithThatChangeOnItsTimelineAtT() throws Exception {
        Scenario base = minute();
        try (SimulationRunner r = started(base)) {
            playUntil(r, 10);
            r.set(RATE, 700.0); // the parent's past: kept by the fork
            playUntil(r, 40);
            r.set(RATE, 1500.0); // the parent's future from 25 s: not on the fork
            playUntil(r, 50);
            r.rewind(25).get(20, TimeUnit.SECONDS);
            r.set(INSTANCES, 7);
            await(r, f -> r.branches().branches().size() == 2 && r.branches().current().commands().size() == 2 && f.status().paused());
            Branches.View view = r.branches();
            Branch fork = view.current();
            assertEquals(1, fork.id());
            assertEquals("fork 1 at 0:25", fork.name());
            assertEquals(25.0, fork.forkSeconds(), 0.0);
            assertEquals(Branch.ROOT_ID, fork.parentId());
            assertEquals(List.of(10.001, 25.001), fork.commands().stream().map(Scenario.TimelineEntry::atSeconds).toList(),
                    "the kept change, and the new one at the next whole millisecond");
            String forkReport = reportAtEnd(r);

            List<Scenario.TimelineEntry> entries = new ArrayList<>(base.timeline());
            entries.add(Scenario.TimelineEntry.set(10.001, RATE.path(), 700.0));
            entries.add(Scenario.TimelineEntry.set(25.001, INSTANCES.path(), 7));
            Scenario file = base.withTimeline(entries);
            assertEquals(file, fork.scenario(), "the branch's scenario is the file");
            assertEquals(freshRun(file), forkReport, "bit for bit but the wall time");
            assertEquals(r.recordedScenario().get(20, TimeUnit.SECONDS), fork.scenario(), "the world records what the branch holds");
        }
    }

    @Test
    void aForkRunsWithoutItsParentsLaterCommandsAndSwitchingBackReplaysThem() throws Exception {
        try (SimulationRunner r = started(minute())) {
            playUntil(r, 30);
            r.set(RATE, 2000.0);
            playUntil(r, 45);
            assertEquals(2000.0, r.latest().snapshot().current().workload().arrival().ratePerSecond(), 0.0);
            r.rewind(20).get(20, TimeUnit.SECONDS);
            r.set(RATE, 900.0);
            Frame f = playUntil(r, 45);
            assertEquals(2, r.branches().branches().size());
            assertEquals(900.0, f.snapshot().current().workload().arrival().ratePerSecond(), 0.0,
                    "the parent's change to 2000 at 30 s is not on the fork");
            assertEquals(1, r.branches().current().id());

            Frame parent = r.switchBranch(Branch.ROOT_ID, 40).get(20, TimeUnit.SECONDS);
            assertEquals(40.0, parent.snapshot().timeSeconds(), 0.0);
            assertEquals(Branch.ROOT_ID, r.branches().current().id());
            assertEquals(2000.0, parent.snapshot().current().workload().arrival().ratePerSecond(), 0.0,
                    "back on the parent its change at 30 s is replayed");
            assertEquals(45.0, r.branches().byId(Branch.ROOT_ID).reachedSeconds(), 0.0);

            Frame child = r.switchBranch(1, 55).get(20, TimeUnit.SECONDS);
            assertEquals(45.0, child.snapshot().timeSeconds(), 0.0, "a branch that got to 45 s is switched to there, no further");
            assertEquals(1, r.branches().current().id());
        }
    }

    @Test
    void aChangeInPlainPlayExtendsTheBranchAndAChangeMadeDuringASeekAppliesWhereItArrives() throws Exception {
        try (SimulationRunner r = started(minute())) {
            playUntil(r, 30);
            r.set(RATE, 600.0);
            playUntil(r, 40);
            r.set(RATE, 650.0);
            r.rewind(35).get(20, TimeUnit.SECONDS);
            playUntil(r, 45); // back, then on past where the branch had got: plain play again
            r.set(RATE, 700.0);
            await(r, f -> f.status().undoDepth() == 1);
            assertEquals(1, r.branches().branches().size());
            assertEquals(List.of(30.001, 40.001, 45.001),
                    r.branches().current().commands().stream().map(Scenario.TimelineEntry::atSeconds).toList());

            var arrived = r.rewind(20);
            r.set(INSTANCES, 5); // given before the seek arrives: it forks at 20 s, not part-way
            arrived.get(20, TimeUnit.SECONDS);
            await(r, f -> r.branches().branches().size() == 2 && r.branches().current().commands().size() == 1);
            assertEquals(List.of(20.001), r.branches().current().commands().stream().map(Scenario.TimelineEntry::atSeconds).toList());
        }
    }

    @Test
    void aChangeAfterGoingBackForksEvenWhenTheBranchHasNoCommandOfTheUsersYet() throws Exception {
        try (SimulationRunner r = started(minute())) {
            playUntil(r, 50);
            r.rewind(20).get(20, TimeUnit.SECONDS);
            r.set(RATE, 900.0);
            await(r, f -> r.branches().branches().size() == 2 && r.branches().current().commands().size() == 1);
            assertEquals(50.0, r.branches().byId(Branch.ROOT_ID).reachedSeconds(), 0.0, "main got to 50 s, as loaded");
            assertTrue(r.branches().byId(Branch.ROOT_ID).commands().isEmpty());
            assertEquals(20.0, r.branches().current().forkSeconds(), 0.0);
        }
    }

    @Test
    void aForkMadeWhilePlayingPlaysOnFromItsMoment() throws Exception {
        try (SimulationRunner r = started(minute())) {
            playUntil(r, 50);
            r.rewind(20).get(20, TimeUnit.SECONDS);
            r.setSpeed(1);
            r.play();
            await(r, f -> !f.status().paused());
            r.set(RATE, 900.0);
            await(r, f -> r.branches().current().commands().size() == 1);
            double forkAt = r.branches().current().forkSeconds();
            Frame on = await(r, f -> !f.status().paused() && f.snapshot().timeSeconds() > forkAt + 0.2);
            assertEquals(900.0, on.snapshot().current().workload().arrival().ratePerSecond(), 0.0);
        }
    }

    @Test
    void aNewScenarioStartsANewSetOfBranchesAndRenameAndDeleteGoThroughTheRunner() throws Exception {
        try (SimulationRunner r = started(minute())) {
            playUntil(r, 30);
            r.set(RATE, 600.0);
            playUntil(r, 35);
            r.rewind(10).get(20, TimeUnit.SECONDS);
            r.set(RATE, 800.0);
            await(r, f -> r.branches().branches().size() == 2 && r.branches().current().commands().size() == 1);
            Branches.View renamed = r.renameBranch(1, "  faster at 10 s ").get(20, TimeUnit.SECONDS);
            assertEquals("faster at 10 s", renamed.byId(1).name());
            var refused = r.deleteBranch(1);
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> refused.get(20, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("the run is on it"), e.getCause().getMessage());
            r.switchBranch(Branch.ROOT_ID, 10).get(20, TimeUnit.SECONDS);
            assertEquals(1, r.deleteBranch(1).get(20, TimeUnit.SECONDS).branches().size());

            r.reset(Presets.load("mm1"));
            Frame f = await(r, x -> x.snapshot().timeSeconds() == 0 && r.branches().branches().size() == 1);
            assertNotEquals(minute(), r.branches().current().base());
            assertTrue(r.branches().current().commands().isEmpty());
            assertFalse(f.status().modified());
        }
    }
}
