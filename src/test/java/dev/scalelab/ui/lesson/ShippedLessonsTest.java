package dev.scalelab.ui.lesson;

import dev.scalelab.lesson.Lesson;
import dev.scalelab.lesson.LessonLibrary;
import dev.scalelab.lesson.LessonPlayer;
import dev.scalelab.lesson.Step;
import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.world.Snapshot;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;

import static dev.scalelab.ui.FxWait.onFx;
import static dev.scalelab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shipped lessons (short ones, with a breakpoint step and single changes) played in the window at
 * full speed, Next after Next: every step's run stops where the headless {@link LessonPlayer} stops
 * it, with the same prediction answer, so the app and the lesson tests agree; then Back re-runs to
 * the start of the step before the last exactly as it was. Lessons whose steps make one change at a
 * time: the runner gives each change its own millisecond, which the player must do too to agree on
 * steps with several.
 */
class ShippedLessonsTest {
    private static final long TIMEOUT_SECONDS = 120;

    @ParameterizedTest
    @ValueSource(strings = {"cache-stampede", "sharding-resharding"})
    void playsInTheWindowAsTheHeadlessPlayerDoes(String id) throws Exception {
        Lesson lesson = LessonLibrary.get(id);
        int steps = lesson.steps().size();
        LessonPlayer player = new LessonPlayer(lesson);
        List<LessonPlayer.Outcome> expected = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            expected.add(player.play(i));
        }

        Stage stage = FxToolkit.registerPrimaryStage();
        SimulationRunner runner = new SimulationRunner(lesson.start(), true);
        runner.start();
        runner.setSpeed(SimulationRunner.MAX_SPEED);
        LessonStage[] window = new LessonStage[1];
        LessonController[] lessons = new LessonController[1];
        try {
            onFx(() -> {
                window[0] = new LessonStage(runner, runner::latest);
                window[0].selectPanel(lesson.panel());
                window[0].show(stage, 1024, 700);
                lessons[0] = new LessonController(runner, window[0]);
                lessons[0].start(lesson);
                return null;
            }, 30);
            LessonController c = lessons[0];
            Snapshot beforeLast = null;
            for (int i = 0; i < steps; i++) {
                int step = i;
                waitUntil(() -> onFx(() -> c.idle() && c.stepIndex() == step, 10), TIMEOUT_SECONDS);
                Step s = lesson.steps().get(i);
                if (i == steps - 2) {
                    beforeLast = settled(runner, c, i, s.changes().size());
                }
                if (s.runUntil() == null) {
                    onFx(() -> { c.next(); return null; }, 10);
                    continue;
                }
                onFx(() -> { c.next(); return null; }, 10);
                waitUntil(() -> onFx(c::stepReached, 10), TIMEOUT_SECONDS);
                Frame f = runner.latest();
                LessonPlayer.Outcome want = expected.get(i);
                assertEquals(want.stoppedAtSeconds(), f.snapshot().timeSeconds(), 1e-9, id + " step " + (i + 1) + " stops");
                assertEquals(want.snapshot().eventsFired(), f.snapshot().eventsFired(), id + " step " + (i + 1) + " events");
                if (s.prediction() != null) {
                    String answer = onFx(() -> c.bar().answerText(), 10);
                    String right = s.prediction().choices().get(want.answer()).text();
                    assertTrue(answer.startsWith("Answer: " + right + " ("), id + " step " + (i + 1) + ": " + answer);
                }
                if (i < steps - 1) {
                    onFx(() -> { c.next(); return null; }, 10);
                }
            }
            // Back from the last step: the start of the one before, as it was.
            onFx(() -> { c.back(); return null; }, 10);
            waitUntil(() -> onFx(() -> c.idle() && c.stepIndex() == steps - 2, 10), TIMEOUT_SECONDS);
            Snapshot again = settled(runner, c, steps - 2, lesson.steps().get(steps - 2).changes().size());
            assertEquals(beforeLast.timeSeconds(), again.timeSeconds(), 0);
            assertEquals(beforeLast.eventsFired(), again.eventsFired());
            assertEquals(beforeLast.completed(), again.completed());
        } finally {
            onFx(() -> {
                if (lessons[0] != null) {
                    lessons[0].close();
                }
                if (window[0] != null) {
                    window[0].stop();
                }
                return null;
            }, 30);
            runner.close();
        }
    }

    /** The paused frame once step {@code k}'s changes have gone in: at their command time, each the next millisecond. */
    private static Snapshot settled(SimulationRunner runner, LessonController c, int k, int changes) throws Exception {
        double start = onFx(() -> c.startSecondsOf(k), 10);
        double at = LessonController.afterChanges(start, changes);
        waitUntil(() -> runner.latest().status().paused() && Math.abs(runner.latest().snapshot().timeSeconds() - at) < 1e-9,
                TIMEOUT_SECONDS);
        return runner.latest().snapshot();
    }
}
