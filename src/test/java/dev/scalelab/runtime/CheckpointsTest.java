package dev.scalelab.runtime;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Report;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Worlds parked along a run: where they are marked, what they serve, and that a seek through one arrives at the same world. */
class CheckpointsTest {
    private static final long EVENTS_PER_MARK = 40_000;

    /** Plays {@code w} to {@code seconds} in one-second slices, as the runner's slices, telling {@code c} after each. */
    private static void play(Checkpoints c, World w, double seconds) {
        c.played(w);
        for (double t = w.nowSeconds() + 1; t <= seconds + 1e-9; t++) {
            w.advanceTo(Simulation.secondsToNanos(t));
            c.played(w);
        }
    }

    private static void buildAll(Checkpoints c) {
        while (c.buildOne()) {
            // one world per call
        }
    }

    private static String report(World w) {
        return Report.toJson(Report.of(w, 0));
    }

    @Test
    void marksComeEveryNEventsAndEachIsBuiltExactly() {
        Scenario s = Presets.load("default").withDurationSeconds(120);
        try (Checkpoints c = new Checkpoints(32, EVENTS_PER_MARK, 1L << 30, false)) {
            World main = new World(s);
            play(c, main, 120);
            List<Long> marks = c.marks();
            long fired = main.simulation().eventsFired();
            // One mark per EVENTS_PER_MARK events, give or take the one-second slice that crosses it.
            assertTrue(Math.abs(marks.size() - fired / EVENTS_PER_MARK) <= 1, marks.size() + " marks for " + fired + " events");
            buildAll(c);
            assertEquals(marks, c.parkedAt());

            long at = Simulation.secondsToNanos(100.5);
            World taken = c.take(s, at);
            assertNotNull(taken);
            assertEquals(marks.stream().filter(m -> m <= at).max(Long::compare).orElseThrow(), taken.simulation().nowNanos(),
                    "the nearest before the target");
            assertEquals(marks.size() - 1, c.parkedAt().size(), "a taken world is no longer parked");
            taken.advanceTo(at);
            World fresh = new World(s);
            fresh.advanceTo(at);
            assertEquals(report(fresh), report(taken));
            assertEquals(fresh.snapshot().eventsFired(), taken.snapshot().eventsFired());

            assertTrue(c.buildOne(), "the taken one is built again");
            assertEquals(marks, c.parkedAt());
        }
    }

    @Test
    void aChangeKeepsTheCheckpointsBeforeItAndRebuildsThoseAfter() {
        Scenario s = Presets.load("default").withDurationSeconds(120);
        try (Checkpoints c = new Checkpoints(32, EVENTS_PER_MARK, 1L << 30, false)) {
            World main = new World(s);
            play(c, main, 120);
            buildAll(c);
            List<Long> marks = c.marks();
            long builtBefore = c.built();

            // The user seeks back to 60 s (a world of the recorded scenario) and changes the instance count there.
            World back = c.take(s, Simulation.secondsToNanos(60));
            back.advanceTo(Simulation.secondsToNanos(60));
            c.played(back);
            back.advanceTo(back.commandTimeNanos());
            assertTrue(back.applyUserCommand(Scenario.TimelineEntry.set(0, "service.instances", 7)));
            back.advanceTo(Simulation.secondsToNanos(61));
            c.played(back);
            buildAll(c);

            long after = marks.stream().filter(m -> m > Simulation.secondsToNanos(60)).count();
            long before = marks.size() - after;
            // Taken and rebuilt: the one at or before 60 s that the seek used; made again: every one after the change.
            assertEquals(1 + after, c.built() - builtBefore, before + " before the change, " + after + " after");
            Scenario fork = back.recordedScenario();
            World fromLast = c.take(fork, Simulation.secondsToNanos(110));
            assertNotNull(fromLast);
            fromLast.advanceTo(Simulation.secondsToNanos(120));
            World fresh = new World(fork);
            fresh.advanceTo(Simulation.secondsToNanos(120));
            assertEquals(report(fresh), report(fromLast));
            assertNull(c.take(s.withSeed(99), Simulation.secondsToNanos(110)), "nothing parked serves another seed");
        }
    }

    @Test
    void aWorldASeekLeavesBehindServesTheNextSeekForwardUnlessTheUserChangedIt() {
        Scenario s = Presets.load("default").withDurationSeconds(60);
        try (Checkpoints c = new Checkpoints(32, EVENTS_PER_MARK, 1L << 30, false)) {
            World left = new World(s);
            left.advanceTo(Simulation.secondsToNanos(30));
            c.offer(left);
            assertEquals(List.of(Simulation.secondsToNanos(30)), c.parkedAt());
            assertNull(c.take(s, Simulation.secondsToNanos(29)), "it is after that target");
            assertSame(left, c.take(s, Simulation.secondsToNanos(45)));

            World changed = new World(s);
            changed.advanceTo(changed.commandTimeNanos());
            changed.applyUserCommand(Scenario.TimelineEntry.set(0, "service.instances", 5));
            changed.advanceTo(Simulation.secondsToNanos(30));
            c.offer(changed);
            assertEquals(List.of(), c.parkedAt(), "a world with the user's commands in its past is not a checkpoint");

            for (int t = 10; t <= 40; t += 10) { // only the last two stay
                World w = new World(s);
                w.advanceTo(Simulation.secondsToNanos(t));
                c.offer(w);
            }
            assertEquals(List.of(Simulation.secondsToNanos(30), Simulation.secondsToNanos(40)), c.parkedAt());
        }
    }

    @Test
    void worldsBeyondTheMemoryBudgetAreNotParked() {
        Scenario s = Presets.load("default").withDurationSeconds(120);
        // Room for two worlds and their requests, not three.
        try (Checkpoints c = new Checkpoints(32, EVENTS_PER_MARK / 2, 2 * Checkpoints.WORLD_BYTES + (1L << 20), false)) {
            World main = new World(s);
            play(c, main, 120);
            assertTrue(c.marks().size() >= 3, "marks: " + c.marks());
            List<Long> firstTwo = c.marks().subList(0, 2);
            buildAll(c);
            assertEquals(firstTwo, c.parkedAt());
            assertEquals(firstTwo, c.marks(), "a mark whose world does not fit is dropped, not built again and again");
        }
    }

    @Test
    void pastItsLimitEveryOtherMarkGoesAndTheSpacingDoubles() {
        Scenario s = Presets.load("default").withDurationSeconds(200);
        try (Checkpoints c = new Checkpoints(4, EVENTS_PER_MARK / 4, 1L << 30, false)) {
            World main = new World(s);
            play(c, main, 200);
            assertTrue(c.marks().size() <= 4, "marks: " + c.marks().size());
            long spacing = c.eventsPerMark();
            // About 160,000 events in 200 s: 16 marks at the first spacing, so it doubled twice.
            assertEquals(EVENTS_PER_MARK, spacing, "spacing " + spacing + " after " + main.simulation().eventsFired() + " events");
        }
    }

    @Test
    void aSeekThroughACheckpointArrivesAtTheSameWorldAsOneFromTheStart() throws Exception {
        Scenario s = Presets.load("full-stack").withDurationSeconds(120);
        try (SimulationRunner r = new SimulationRunner(s, true, 150_000)) {
            r.setSpeed(SimulationRunner.MAX_SPEED);
            r.start();
            r.play();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!r.latest().status().finished() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(r.latest().status().finished());
            Checkpoints c = r.checkpoints();
            while (c.missing() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(c.marks().size() >= 2, "marks: " + c.marks());
            assertEquals(c.marks(), c.parkedAt());
            List<Long> marks = c.marks();
            // The last mark well before the end (a mark may fall on the end itself, where the run stopped).
            long last = marks.stream().filter(m -> m <= Simulation.secondsToNanos(100)).max(Long::compare).orElseThrow();
            double at = last / 1e9 + 7.25;
            long builtBefore = c.built();
            Frame arrived = r.seek(s, at).get(60, TimeUnit.SECONDS);
            assertTrue(c.parkedAt().contains(Simulation.secondsToNanos(120)), "the world it left at the end is parked there");
            while (c.missing() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(builtBefore + 1, c.built(), "the seek took the last checkpoint, and the builder made it again");
            assertEquals(marks, c.marks(), "replaying ground the run had played marks nothing new");
            World fresh = new World(s);
            fresh.advanceTo(Simulation.secondsToNanos(at));
            assertEquals(fresh.snapshot().eventsFired(), arrived.snapshot().eventsFired());
            assertEquals(fresh.snapshot().timeSeconds(), arrived.snapshot().timeSeconds(), 0.0);
            assertEquals(fresh.snapshot().completed(), arrived.snapshot().completed());

            // Forward again past where it was: the world it left behind at that seek serves this one.
            double later = at + 3;
            Frame again = r.seek(s, later).get(60, TimeUnit.SECONDS);
            assertFalse(c.parkedAt().contains(Simulation.secondsToNanos(at)), "the world left at the first seek's moment was taken");
            World freshLater = new World(s);
            freshLater.advanceTo(Simulation.secondsToNanos(later));
            assertEquals(freshLater.snapshot().eventsFired(), again.snapshot().eventsFired());
        }
    }
}
