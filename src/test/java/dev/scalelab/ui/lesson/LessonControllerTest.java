package dev.scalelab.ui.lesson;

import dev.scalelab.lesson.Highlight;
import dev.scalelab.lesson.Lesson;
import dev.scalelab.lesson.Prediction;
import dev.scalelab.lesson.Probe;
import dev.scalelab.lesson.RunUntil;
import dev.scalelab.lesson.Step;
import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.world.Breakpoint;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.scalelab.ui.FxWait.onFx;
import static dev.scalelab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hand-made lesson on the default preset, played in a window with real clicks on the lesson bar:
 * each step's changes reach the runner, Next runs to the step's time (or breakpoint) and shows the
 * prediction's answer, Back returns to the exact state a step started from (same time, same events,
 * same figures), and Close takes the bar and the outline away.
 */
class LessonControllerTest {
    private static final long TIMEOUT_SECONDS = 60;
    private static final String RATE = "workload.arrival.ratePerSecond";
    private static final String INSTANCES = "service.instances";

    private final FxRobot robot = new FxRobot();
    private SimulationRunner runner;
    private LessonStage window;
    private LessonController lessons;

    @BeforeEach
    void openWindow() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        runner = new SimulationRunner(Presets.load("default"), true);
        runner.start();
        onFx(() -> {
            window = new LessonStage(runner, runner::latest);
            window.selectPanel("Overview");
            window.show(stage, 1024, 700);
            lessons = new LessonController(runner, window);
            return null;
        }, TIMEOUT_SECONDS);
    }

    @AfterEach
    void closeWindow() throws Exception {
        onFx(() -> {
            lessons.close();
            window.stop();
            return null;
        }, TIMEOUT_SECONDS);
        runner.close();
    }

    /** Three steps: more traffic (run to 2 s, a prediction), one more instance (run to 4 s), a look at the log. */
    private static Lesson threeSteps() {
        Prediction p99 = new Prediction("Where will p99 be at 00:02?",
                List.of(new Prediction.Choice("under 100 ms", 0, 100), new Prediction.Choice("100 ms or more", 100, 1e9)),
                Probe.P99_MS, "At 700 req/s of 800 the queues grow, and the tail with them.");
        Step more = new Step("More traffic", "The rate goes from 400 to 700 requests a second.", "Overview",
                List.of(Scenario.TimelineEntry.set(0, RATE, 700.0)), new RunUntil(2, null, 0),
                new Highlight("Overview", "instance:i-0"), p99);
        Step instance = new Step("One more instance", "A fifth instance joins the pool.", "Scaling",
                List.of(Scenario.TimelineEntry.set(0, INSTANCES, 5)), new RunUntil(4, null, 0),
                new Highlight("Scaling", "pool"), null);
        Step look = new Step("Read the log", "Every change is in the log with its time.", null, List.of(), null,
                new Highlight("Scaling", "log"), null);
        return new Lesson("test-three", "Three steps", "testing", "A lesson made for the test.", Presets.load("default"),
                "Overview", List.of(more, instance, look));
    }

    @Test
    void stepsApplyRunAnswerAndBackReturnsToTheExactStartOfAStep() throws Exception {
        runner.setSpeed(2);
        Lesson lesson = threeSteps();
        onFx(() -> {
            lessons.start(lesson);
            return null;
        }, TIMEOUT_SECONDS);

        // Step 1: its change reaches the runner, paused at the start.
        waitUntil(() -> onFx(() -> lessons.idle() && lessons.stepIndex() == 0, 10), TIMEOUT_SECONDS);
        Snapshot firstStart = startOfStep(700.0, 4);
        assertEquals(700.0, runner.currentScenario().get(5, TimeUnit.SECONDS).workload().arrival().ratePerSecond());
        assertEquals(0.001, firstStart.timeSeconds(), 1e-9, "a change applies at the next whole millisecond");
        assertEquals("Step 1 of 3 · More traffic", text("#lessonStep"));
        assertEquals("Three steps", text("#lessonTitle"));
        assertEquals("Run ▶", text("#lessonNext"));
        assertTrue(onFx(() -> robot.lookup("#lessonBack").queryButton().isDisabled(), 20));
        waitUntil(() -> onFx(() -> lessons.outline().isShown(), 10), TIMEOUT_SECONDS);

        // Predict, then Run: Next is disabled and the bar says where the run goes.
        click("#lessonChoice0");
        click("#lessonNext");
        assertTrue(onFx(() -> robot.lookup("#lessonNext").queryButton().isDisabled(), 20));
        assertTrue(text("#lessonStatus").startsWith("Running to 00:02"), text("#lessonStatus"));
        waitUntil(() -> onFx(lessons::stepReached, 10), TIMEOUT_SECONDS);
        Frame stopped = runner.latest();
        assertEquals(2.0, stopped.snapshot().timeSeconds(), 1e-9);
        assertTrue(stopped.status().paused());
        double p99 = stopped.snapshot().lastSample().p99Ms();
        int right = p99 < 100 ? 0 : 1;
        String answer = text("#lessonAnswer");
        assertTrue(answer.startsWith("Answer: " + (right == 0 ? "under 100 ms" : "100 ms or more") + " (measured "), answer);
        assertTrue(answer.contains("At 700 req/s of 800"), "the explanation: " + answer);
        assertTrue(answer.contains(right == 0 ? "You predicted it." : "You predicted under 100 ms."), answer);
        assertTrue(onFx(() -> robot.lookup("#lessonChoice" + right).queryAs(ToggleButton.class)
                .getPseudoClassStates().contains(PseudoClass.getPseudoClass("right")), 20));
        assertEquals("Stopped at 00:02.", text("#lessonStatus"));
        assertEquals("Next ▶", text("#lessonNext"));

        // Step 2 starts where step 1 stopped, on its own panel, with its change.
        click("#lessonNext");
        waitUntil(() -> onFx(() -> lessons.idle() && lessons.stepIndex() == 1, 10), TIMEOUT_SECONDS);
        assertEquals("Scaling", onFx(() -> window.currentPanel().title(), 20));
        Snapshot secondStart = startOfStep(700.0, 5);
        assertEquals(2.001, secondStart.timeSeconds(), 1e-9);
        click("#lessonNext");
        waitUntil(() -> onFx(lessons::stepReached, 10), TIMEOUT_SECONDS);
        assertEquals(4.0, runner.latest().snapshot().timeSeconds(), 1e-9);

        // Step 3 only explains: Next finishes the lesson, and the log is outlined.
        click("#lessonNext");
        waitUntil(() -> onFx(() -> lessons.idle() && lessons.stepIndex() == 2, 10), TIMEOUT_SECONDS);
        assertEquals("Finish", text("#lessonNext"));
        waitUntil(() -> onFx(() -> lessons.outline().isShown(), 10), TIMEOUT_SECONDS);

        // Back: the exact start of step 2, re-run from the recorded scenario.
        click("#lessonBack");
        waitUntil(() -> onFx(() -> lessons.idle() && lessons.stepIndex() == 1, 10), TIMEOUT_SECONDS);
        assertSameState(secondStart, startOfStep(700.0, 5));
        assertEquals("Step 2 of 3 · One more instance", text("#lessonStep"));

        // Back again: the exact start of step 1.
        click("#lessonBack");
        waitUntil(() -> onFx(() -> lessons.idle() && lessons.stepIndex() == 0, 10), TIMEOUT_SECONDS);
        assertSameState(firstStart, startOfStep(700.0, 4));
        assertEquals("", text("#lessonAnswer"), "the prediction is asked again");

        // And forward again runs to the same moment as the first time.
        click("#lessonNext");
        waitUntil(() -> onFx(lessons::stepReached, 10), TIMEOUT_SECONDS);
        assertSameState(stopped.snapshot(), runner.latest().snapshot());

        // Close: the bar and the outline go, the run stays where it is.
        click("#lessonClose");
        assertFalse(onFx(() -> lessons.activeProperty().get(), 20));
        assertTrue(onFx(() -> window.lessonHost().getChildren().isEmpty(), 20));
        assertFalse(onFx(() -> lessons.outline().isShown(), 20));
        assertTrue(onFx(() -> window.overlay().getChildren().isEmpty(), 20));
        assertEquals(2.0, runner.latest().snapshot().timeSeconds(), 1e-9);
    }

    @Test
    void aStepRunsToItsBreakpointAndTheStepsBreakpointDoesNotOutliveIt() throws Exception {
        runner.setSpeed(10);
        Breakpoint slow = Breakpoint.parse("p99-above=300");
        Step overload = new Step("Overload", "1,200 requests a second for 800 of capacity.", "Overview",
                List.of(Scenario.TimelineEntry.set(0, RATE, 1200.0)), new RunUntil(0, slow, 30), null, null);
        Step onwards = new Step("Onwards", "The run goes on past the moment.", null, List.of(), null, null, null);
        Lesson lesson = new Lesson("test-bp", "Breakpoint", "testing", "A breakpoint step.", Presets.load("default"),
                "Overview", List.of(overload, onwards));
        onFx(() -> {
            lessons.setUserBreakpoints(List::of);
            lessons.start(lesson);
            return null;
        }, TIMEOUT_SECONDS);
        waitUntil(() -> onFx(() -> lessons.idle() && lessons.stepIndex() == 0, 10), TIMEOUT_SECONDS);
        click("#lessonNext");
        assertTrue(text("#lessonStatus").startsWith("Running until p99 above 300 ms (at the latest 00:30)"),
                text("#lessonStatus"));
        waitUntil(() -> onFx(lessons::stepReached, 10), TIMEOUT_SECONDS);
        Frame hit = runner.latest();
        assertTrue(hit.status().breakpointHit() != null, "the step's breakpoint stopped the run");
        assertEquals(slow, hit.status().breakpointHit().breakpoint());
        double at = hit.snapshot().timeSeconds();
        assertTrue(at > 0 && at < 30, "stopped at " + at);
        assertTrue(text("#lessonStatus").startsWith("Stopped at " + LessonController.clock(at) + ": p99 above 300 ms"),
                text("#lessonStatus"));

        // Past the step, p99 stays above 300 ms, yet nothing pauses the run: the step's breakpoint went with it.
        click("#lessonNext");
        waitUntil(() -> onFx(() -> lessons.idle() && lessons.stepIndex() == 1, 10), TIMEOUT_SECONDS);
        runner.playUntil(at + 5);
        waitUntil(() -> runner.latest().status().paused() && runner.latest().snapshot().timeSeconds() >= at + 5 - 1e-9,
                TIMEOUT_SECONDS);
        assertNull(runner.latest().status().breakpointHit());
        assertTrue(runner.latest().snapshot().lastSample().p99Ms() > 300, "still overloaded");
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The paused frame that shows a step's change applied (the rate and the instance count it sets):
     * the state the step starts from.
     */
    private Snapshot startOfStep(double rate, int instances) throws Exception {
        try {
            waitUntil(() -> {
                Frame f = runner.latest();
                Scenario s = f.snapshot().current();
                return f.status().paused() && s.workload().arrival().ratePerSecond() == rate && s.service().instances() == instances;
            }, TIMEOUT_SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            Frame f = runner.latest();
            throw new AssertionError("no paused frame at " + rate + " req/s and " + instances + " instances: paused "
                    + f.status().paused() + " at " + f.snapshot().timeSeconds() + " s, " + f.snapshot().current().workload().arrival()
                    .ratePerSecond() + " req/s, " + f.snapshot().current().service().instances() + " instances; bar: "
                    + text("#lessonStatus"), e);
        }
        return runner.latest().snapshot();
    }

    /** Same moment, same events fired, same figures. */
    private static void assertSameState(Snapshot expected, Snapshot actual) {
        assertEquals(expected.timeSeconds(), actual.timeSeconds(), 0, "time");
        assertEquals(expected.eventsFired(), actual.eventsFired(), "events fired");
        assertEquals(expected.offered(), actual.offered(), "offered");
        assertEquals(expected.completed(), actual.completed(), "completed");
        assertEquals(expected.rejected(), actual.rejected(), "rejected");
        assertEquals(expected.instances().size(), actual.instances().size(), "instances");
        assertEquals(expected.lastSample() == null ? Double.NaN : expected.lastSample().p99Ms(),
                actual.lastSample() == null ? Double.NaN : actual.lastSample().p99Ms(), 0, "p99 of the last second");
        // Without the timeline: the first run recorded the changes, the re-run starts with them on it.
        assertEquals(expected.current().withTimeline(List.of()), actual.current().withTimeline(List.of()), "the live scenario");
    }

    private String text(String query) throws Exception {
        return onFx(() -> {
            javafx.scene.Node node = robot.lookup(query).query();
            return node instanceof Button b ? b.getText() : ((Label) node).getText();
        }, 20);
    }

    /** Clicks {@code query} once it is on screen: the bar builds its choices and buttons on a pulse. */
    private void click(String query) throws Exception {
        waitUntil(() -> onFx(() -> robot.lookup(query).match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent(), 10),
                TIMEOUT_SECONDS);
        robot.clickOn(query);
    }
}
