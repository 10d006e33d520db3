package dev.scalelab.lesson;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every lesson plays headless from its first step to its last: each run stops where it says (at its
 * time, or at its breakpoint before the limit), each prediction's figure falls in exactly one choice,
 * and re-running {@link LessonPlayer#scenarioAtStep} gives the state the live player had.
 */
class LessonPlayerTest {

    static List<String> lessons() {
        return LessonLibrary.all().stream().map(Lesson::id).toList();
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void theLessonPlaysFromFirstToLastStepAndTheRunAnswersEveryPrediction(String id) {
        Lesson lesson = LessonLibrary.get(id);
        LessonPlayer player = new LessonPlayer(lesson);
        double previousStop = 0;
        for (int i = 0; i < lesson.steps().size(); i++) {
            Step step = lesson.steps().get(i);
            LessonPlayer.Outcome o = player.play(i);
            String at = id + " steps[" + i + "]";
            assertTrue(player.startSecondsOf(i) > previousStop && player.startSecondsOf(i) <= previousStop + 0.001 + 1e-9,
                    at + " starts at the next whole millisecond: " + player.startSecondsOf(i));
            RunUntil until = step.runUntil();
            if (until == null) {
                assertEquals(player.startSecondsOf(i), o.stoppedAtSeconds(), 1e-9, at + ": a step without a run stays where it is");
            } else if (until.breakpoint() == null) {
                assertEquals(until.atSeconds(), o.stoppedAtSeconds(), 1e-9, at);
                assertNull(o.hit(), at);
            } else {
                assertNotNull(o.hit(), at + ": " + until.breakpoint().id() + " fired");
                assertEquals(until.breakpoint(), o.hit().breakpoint(), at);
                assertTrue(o.stoppedAtSeconds() <= until.limitSeconds(), at + " stopped at " + o.stoppedAtSeconds());
                assertEquals(o.hit().atSeconds(), o.stoppedAtSeconds(), 1e-9, at + ": the run pauses right after the event that tripped it");
            }
            Prediction p = step.prediction();
            if (p != null) {
                int holding = 0;
                for (Prediction.Choice c : p.choices()) {
                    holding += o.probeValue() >= c.min() && o.probeValue() < c.max() ? 1 : 0;
                }
                assertEquals(1, holding, at + ": " + p.probe().id() + " = " + o.probeValue() + " in exactly one choice");
                assertEquals(p.probe().value(o.snapshot()), o.probeValue(), at);
                assertTrue(o.answer() >= 0, at);
            } else {
                assertEquals(-1, o.answer(), at);
            }
            previousStop = o.stoppedAtSeconds();
        }
        // The last step's start holds every earlier step's changes: its replay checks them all.
        int last = lesson.steps().size() - 1;
        Scenario replay = player.scenarioAtStep(last);
        World world = new World(replay);
        world.advanceTo(Simulation.secondsToNanos(player.startSecondsOf(last)));
        assertSameFigures(player.startSnapshotOf(last), world.snapshot(), id);
    }

    /** Back, as the app does it: replay to a millisecond before the step, apply its changes as the user would, run it. */
    @Test
    void backReplaysEveryStepOfALessonBitForBit() {
        Lesson lesson = LessonLibrary.get("breakers-retries");
        LessonPlayer player = new LessonPlayer(lesson);
        List<LessonPlayer.Outcome> live = new ArrayList<>();
        for (int i = 0; i < lesson.steps().size(); i++) {
            live.add(player.play(i));
        }
        for (int k = 0; k < lesson.steps().size(); k++) {
            Scenario atStep = player.scenarioAtStep(k);
            assertEquals(lesson.start().timeline().size() + changesBefore(lesson, k), atStep.timeline().size(),
                    "step " + k + ": the start's timeline and every earlier step's changes");
            World world = new World(atStep);
            world.advanceTo(Simulation.secondsToNanos(player.startSecondsOf(k) - LessonPlayer.COMMAND_GRANULE_SECONDS));
            world.advanceTo(world.commandTimeNanos());
            assertEquals(player.startSecondsOf(k), world.nowSeconds(), 1e-9);
            assertSameFigures(player.startSnapshotOf(k), world.snapshot(), "step " + k + " start");
            Step step = lesson.steps().get(k);
            for (int c = 0; c < step.changes().size(); c++) {
                if (c > 0) {
                    world.advanceTo(world.commandTimeNanos()); // each change on its own millisecond, as the runner gives it
                }
                world.applyUserCommand(step.changes().get(c));
            }
            if (step.runUntil() != null && step.runUntil().breakpoint() != null) {
                world.setBreakpoints(List.of(step.runUntil().breakpoint()));
                while (!world.advance(Simulation.secondsToNanos(step.runUntil().limitSeconds()), Integer.MAX_VALUE)
                        && world.takeBreakpointHit() == null) {
                    // on to the hit
                }
            } else if (step.runUntil() != null) {
                world.advanceTo(Simulation.secondsToNanos(step.runUntil().atSeconds()));
            }
            assertSameFigures(live.get(k).snapshot(), world.snapshot(), "step " + k + " stop");
        }
    }

    private static int changesBefore(Lesson lesson, int k) {
        int n = 0;
        for (int i = 0; i < k; i++) {
            n += lesson.steps().get(i).changes().size();
        }
        return n;
    }

    @Test
    void aBreakpointThatDoesNotFireByItsLimitFailsTheStepWithItsPath() {
        Lesson lesson = LessonLibrary.parse("lessons/99-quiet.json", "{\"id\": \"quiet\", \"title\": \"Q\", \"pattern\": \"p\","
                + " \"summary\": \"S.\", \"panel\": \"Overview\", \"start\": {\"preset\": \"default\"}, \"steps\": [{\"title\": \"a\","
                + " \"text\": \"A.\", \"runUntil\": {\"breakpoint\": \"breaker-opens\", \"limitSeconds\": 5}}]}");
        LessonPlayer player = new LessonPlayer(lesson);
        LessonException e = assertThrows(LessonException.class, () -> player.play(0));
        assertEquals("quiet: steps[0].runUntil.breakpoint: breaker-opens did not fire by 5.0 s", e.getMessage());
    }

    @Test
    void eachChangeOfAStepTakesEffectOnItsOwnMillisecondAsTheRunnerGivesIt() {
        int checked = 0;
        for (Lesson lesson : LessonLibrary.all()) {
            LessonPlayer player = new LessonPlayer(lesson);
            for (int i = 0; i + 1 < lesson.steps().size(); i++) {
                player.play(i);
                int changes = lesson.steps().get(i).changes().size();
                if (changes < 2) {
                    continue;
                }
                player.play(i + 1);
                double start = player.startSecondsOf(i);
                List<Double> times = player.scenarioAtStep(i + 1).timeline().stream()
                        .map(Scenario.TimelineEntry::atSeconds).filter(t -> t >= start - 1e-12).toList();
                assertEquals(changes, times.size(), lesson.id() + " steps[" + i + "] records each change");
                for (int k = 0; k < changes; k++) {
                    assertEquals(start + k * 0.001, times.get(k), 1e-9, lesson.id() + " steps[" + i + "] change " + k);
                }
                checked++;
                i++; // step i + 1 was played
            }
        }
        assertTrue(checked >= 1, "a shipped lesson has a step with several changes followed by another step");
    }

    @Test
    void stepsArePlayedInOrder() {
        LessonPlayer player = new LessonPlayer(LessonLibrary.get("load-balancing"));
        assertThrows(IllegalStateException.class, () -> player.play(1));
        assertThrows(IllegalStateException.class, () -> player.scenarioAtStep(0));
    }

    private static void assertSameFigures(Snapshot expected, Snapshot actual, String what) {
        assertEquals(expected.timeSeconds(), actual.timeSeconds(), what);
        assertEquals(expected.eventsFired(), actual.eventsFired(), what + ": events");
        assertEquals(expected.offered(), actual.offered(), what + ": offered");
        assertEquals(expected.completed(), actual.completed(), what + ": completed");
        assertEquals(expected.rejected(), actual.rejected(), what + ": rejected");
        assertEquals(expected.failed(), actual.failed(), what + ": failed");
        assertEquals(expected.lastSample(), actual.lastSample(), what + ": last sample");
        assertEquals(expected.totalLatency(), actual.totalLatency(), what + ": latency");
        assertEquals(expected.logCount(), actual.logCount(), what + ": log lines");
        assertEquals(expected.scaling(), actual.scaling(), what + ": scaling");
        for (Probe p : Probe.values()) {
            assertEquals(p.value(expected), p.value(actual), what + ": " + p.id());
        }
    }
}
