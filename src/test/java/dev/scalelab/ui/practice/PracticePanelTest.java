package dev.scalelab.ui.practice;

import dev.scalelab.practice.Challenge;
import dev.scalelab.practice.ChallengeGroup;
import dev.scalelab.practice.Grader;
import dev.scalelab.practice.ProgressStore;
import dev.scalelab.practice.Verdict;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.FxWait;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Robot tests of the Practice panel on a window of 1024 × 700, with a challenge of the tests' own and
 * a stand-in grader (the grader's own tests grade real runs): the page, the knobs on the right,
 * Submit with its progress and Cancel, a verdict with a failure, a bad guess, the hints and the
 * reference solution behind its confirmation.
 */
class PracticePanelTest {
    private static final long TIMEOUT_SECONDS = 8;
    /** The first window of a run loads the controls' skins and stylesheets: slow on a busy machine. */
    private static final long SHOW_TIMEOUT_SECONDS = 40;

    private final FxRobot robot = new FxRobot();
    private final Challenge challenge = PracticeFixture.challenge();
    private final List<String> started = new ArrayList<>();
    private final AtomicInteger gradings = new AtomicInteger();
    /** Built-in challenges a test adds to the list after the fixture's two. */
    private final List<Challenge> more = new ArrayList<>();
    private PracticePanel panel;
    private SimulationRunner runner;

    @TempDir
    Path home;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private void show(PracticeViewModel.Grading grading) throws Exception {
        show(grading, () -> {
            throw new IllegalStateException("the home directory is read-only");
        });
    }

    private void show(PracticeViewModel.Grading grading, Supplier<ProgressStore> store) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxWait.onFx(() -> {
            runner = new SimulationRunner(challenge.startScenario(), true);
            runner.start(); // paused, it still answers for the design
            panel = new PracticePanel(runner, (scenario, label) -> started.add(label + " / " + scenario.service().instances()),
                    () -> {
                        List<Challenge> all = new ArrayList<>(List.of(challenge, PracticeFixture.basic("basic-one", 1)));
                        all.addAll(more);
                        return all;
                    }, store, grading);
            BorderPane root = new BorderPane(panel.view());
            root.setBottom(panel.charts());
            root.setRight(panel.parameters());
            ((Region) panel.charts()).setPrefHeight(200);
            Scene scene = new Scene(root, 1024, 700);
            scene.getStylesheets().add(PracticePanel.class.getResource("/styles/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            return null;
        }, SHOW_TIMEOUT_SECONDS);
        // The challenges are read off the FX thread; the first playable one opens then.
        FxWait.waitUntil(() -> FxWait.onFx(() -> panel.viewModel().challengeProperty().get() != null, TIMEOUT_SECONDS),
                TIMEOUT_SECONDS);
    }

    @AfterEach
    void closeStage() throws Exception {
        FxToolkit.cleanupStages();
        runner.close();
    }

    private String text(String query) throws Exception {
        return FxWait.onFx(() -> ((Label) robot.lookup(query).query()).getText(), TIMEOUT_SECONDS);
    }

    private boolean shown(String query) throws Exception {
        return FxWait.onFx(() -> {
            Node node = robot.lookup(query).tryQuery().orElse(null);
            return node != null && node.isVisible() && node.getParent() != null && node.getParent().isVisible();
        }, TIMEOUT_SECONDS);
    }

    private void fire(String query) throws Exception {
        FxWait.onFx(() -> {
            ((Button) robot.lookup(query).query()).fire();
            return null;
        }, TIMEOUT_SECONDS);
    }

    @Test
    void theListGroupsTheChallengesAndTheFirstPlayableOneIsOpen() throws Exception {
        show(grading(() -> PracticeFixture.failingVerdict(challenge)));

        List<Object> items = FxWait.onFx(() -> List.copyOf(((ListView<?>) robot.lookup("#practiceChallengeList").query()).getItems()),
                TIMEOUT_SECONDS);
        assertEquals(List.of(ChallengeGroup.BASIC, items.get(1), ChallengeGroup.ADVANCED, challenge), items,
                "each group's title, then its challenges");
        assertEquals("basic-one", ((Challenge) items.get(1)).id());
        assertEquals("How many instances does a service need for 600 requests per second?", text("#practiceQuestion"));
        assertEquals("Basic concepts · challenge 1 · Basic 1", text("#practiceGroup"));
        assertTrue(text("#practiceNotice").contains("the home directory is read-only"), "a store problem is a line, not a crash");
        assertEquals("new", FxWait.onFx(() -> panel.viewModel().status(challenge), TIMEOUT_SECONDS));
    }

    @Test
    void aDamagedChallengeFileIsOneLineOverTheEmptyCard() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxWait.onFx(() -> {
            runner = new SimulationRunner(challenge.startScenario(), true);
            panel = new PracticePanel(runner, (scenario, label) -> { }, () -> {
                throw new IllegalArgumentException("07-load-balancing-trade-offs.json: Unexpected end-of-input");
            }, () -> new ProgressStore(home.resolve("progress.json")), grading(() -> null));
            Scene scene = new Scene(new BorderPane(panel.view()), 1024, 700);
            scene.getStylesheets().add(PracticePanel.class.getResource("/styles/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            return null;
        }, SHOW_TIMEOUT_SECONDS);

        FxWait.waitUntil(() -> shown("#practiceEmpty"), TIMEOUT_SECONDS);
        assertEquals("The challenges could not be read: 07-load-balancing-trade-offs.json: Unexpected end-of-input",
                text("#practiceNotice"));
        assertTrue(shown("#practiceEmpty"));
    }

    @Test
    void theLiveKnobsAreTheParameterFormAndTheRestAreNamed() throws Exception {
        show(grading(() -> PracticeFixture.failingVerdict(challenge)));

        assertTrue(shown("#serviceInstancesField"), "service.instances is a live field on the right");
        assertTrue(shown("#autoscalerMaxReplicasField"), "the autoscaler section's fields too");
        assertFalse(FxWait.onFx(() -> robot.lookup("#serviceWorkersPerInstanceField").tryQuery().isPresent(), TIMEOUT_SECONDS),
                "workers are fixed by the challenge");
        String knobs = text("#practiceKnobs");
        assertTrue(knobs.contains("Also yours to change: the rest of autoscaler; dependencies[*].retry."), knobs);
    }

    @Test
    void submitShowsTheVerdictWithTheBreachOfAFailure() throws Exception {
        show(grading(() -> PracticeFixture.failingVerdict(challenge)));
        FxWait.onFx(() -> {
            ((TextField) robot.lookup("#practiceGuess-p99").query()).setText("150");
            ((TextField) robot.lookup("#practiceGuess-errors").query()).setText("0.5 %");
            return null;
        }, TIMEOUT_SECONDS);

        fire("#practiceSubmit");
        FxWait.waitUntil(() -> text("#practiceGradingText").startsWith("Graded"), TIMEOUT_SECONDS);

        assertEquals("Graded on 3 seeds, with the hidden incidents.", text("#practiceGradingText"));
        List<String> verdict = FxWait.onFx(() -> labels(robot.lookup("#practiceVerdict").query()), TIMEOUT_SECONDS);
        assertEquals("Not yet", verdict.get(0));
        assertEquals("Score 40 / 100 · cost $0.19/h (mean of 3 seeds)", verdict.get(1));
        int p99 = verdict.indexOf("p99 latency over the run");
        assertEquals(List.of("2,140 ms", "≤ 200 ms", "FAIL"), verdict.subList(p99 + 1, p99 + 4));
        assertEquals("Seed 8: at 0:31 the 1-s p99 was 2,140 ms (target ≤ 200 ms)", verdict.get(p99 + 4));
        assertEquals("0:30 fault: kill-instance i-1", verdict.get(p99 + 5));
        int errors = verdict.indexOf("requests failed or rejected");
        assertEquals(List.of("0.4 %", "≤ 1 %", "PASS"), verdict.subList(errors + 1, errors + 4));
        int guess = verdict.indexOf("What share of requests will fail?");
        assertEquals(List.of("0.5 %", "0.4 %"), verdict.subList(guess + 1, guess + 3), "the guess beside the mean measured");
        assertEquals(1, gradings.get());
    }

    @Test
    void theStartingSystemSubmittedFromTheLiveRunFailsARealGrading() throws Exception {
        show(Grader::grade);
        selectFixture();

        fire("#practiceSubmit");
        FxWait.waitUntil(() -> text("#practiceGradingText").startsWith("Graded"), SHOW_TIMEOUT_SECONDS);

        Verdict verdict = FxWait.onFx(() -> panel.viewModel().verdictProperty().get(), TIMEOUT_SECONDS);
        assertEquals(List.of(7L, 8L, 9L), verdict.seeds());
        assertEquals(List.of(), verdict.violations(), "the live run is the start itself");
        assertFalse(verdict.requirements().get(0).passed(), "8 workers for 12 busy on average: the queue grows");
        List<String> shownVerdict = FxWait.onFx(() -> labels(robot.lookup("#practiceVerdict").query()), TIMEOUT_SECONDS);
        int p99 = shownVerdict.indexOf("p99 latency over the run");
        assertEquals("FAIL", shownVerdict.get(p99 + 3));
        assertTrue(shownVerdict.get(p99 + 4).startsWith("Seed "), shownVerdict.get(p99 + 4));
    }

    /**
     * Draw on canvas opens the challenge's system drawn; the candidate sizes the service in its box
     * and submits from the canvas, and the Practice panel grades the drawing for real. A drawing that
     * cannot run is kept back, saying why.
     */
    @Test
    void aDrawingSubmittedFromTheChallengesCanvasIsGradedInThePanel() throws Exception {
        show(Grader::grade);
        selectFixture();
        fire("#practiceDraw");
        dev.scalelab.ui.canvas.DesignWindow canvas = FxWait.onFx(() -> panel.canvas(challenge.id()), TIMEOUT_SECONDS);
        assertNotNull(canvas);
        assertEquals("Design canvas — challenge 6: Size a pool for a steady rate",
                FxWait.onFx(() -> canvas.stage().getTitle(), TIMEOUT_SECONDS));
        assertEquals(List.of("clients", "balancer", "service"), FxWait.onFx(
                () -> canvas.editor().topology().nodes().stream().map(n -> n.id()).toList(), TIMEOUT_SECONDS));

        // A queue that nothing consumes cannot run: nothing is graded, and the canvas says why.
        FxWait.onFx(() -> {
            canvas.editor().replace(canvas.editor().topology().withDesign(canvas.editor().design()
                    .with(new dev.scalelab.design.Design.Node("jobs", dev.scalelab.design.NodeKind.QUEUE, "", ""))
                    .with(new dev.scalelab.design.Design.Edge("service", "jobs", 1, dev.scalelab.design.Traffic.ALL,
                            dev.scalelab.design.EdgeMode.ASYNC))));
            return null;
        }, TIMEOUT_SECONDS);
        FxWait.onFx(() -> {
            ((Button) robot.from(canvas.stage().getScene().getRoot()).lookup("#designSubmit").query()).fire();
            return null;
        }, TIMEOUT_SECONDS);
        String refused = FxWait.onFx(() -> canvas.statusLine().getText(), TIMEOUT_SECONDS);
        assertEquals("Not submitted: jobs has no consumer: its messages would pile up", refused);
        assertFalse(FxWait.onFx(() -> panel.viewModel().gradingRunningProperty().get(), TIMEOUT_SECONDS));

        FxWait.onFx(() -> {
            canvas.editor().undo();
            return canvas.editor().setField("topology.nodes[2].service.instances", 5);
        }, TIMEOUT_SECONDS);
        FxWait.onFx(() -> {
            ((Button) robot.from(canvas.stage().getScene().getRoot()).lookup("#designSubmit").query()).fire();
            return null;
        }, TIMEOUT_SECONDS);
        assertTrue(FxWait.onFx(() -> canvas.statusLine().getText(), TIMEOUT_SECONDS).startsWith("Submitted"));
        FxWait.waitUntil(() -> text("#practiceGradingText").startsWith("Graded"), SHOW_TIMEOUT_SECONDS);
        Verdict verdict = FxWait.onFx(() -> panel.viewModel().verdictProperty().get(), TIMEOUT_SECONDS);
        assertEquals(List.of(), verdict.violations(), "instances are a knob");
        assertTrue(verdict.passed(), verdict.toText());
        assertEquals(Grader.grade(challenge, challenge.solutionScenario(), 3, null, () -> false).toJson(), verdict.toJson(),
                "the drawing with 5 instances is the reference solution");
        FxWait.onFx(() -> {
            canvas.editor().markSaved(); // closing would otherwise ask whether to save the drawing
            canvas.stage().close();
            return null;
        }, TIMEOUT_SECONDS);
    }

    /**
     * Challenge 14's start has event streams: Draw on canvas opens it with its producer, topic and
     * groups as boxes, and the drawing submitted as it is is graded for real on the network: it fails
     * the end-to-end p99 (over 50 s on seed 1414) with nothing fixed changed.
     */
    @Test
    void theRealTimeChallengeOpensOnItsStreamsDrawnAndItsDrawingIsGraded() throws Exception {
        Challenge realTime = dev.scalelab.practice.ChallengeLibrary.byId("real-time-system");
        more.add(realTime);
        show(Grader::grade);
        FxWait.onFx(() -> {
            robot.lookup("#practiceChallengeList").queryListView().getSelectionModel().select(realTime);
            return null;
        }, TIMEOUT_SECONDS);
        assertTrue(shown("#practiceDraw"), "its streams have boxes now");
        fire("#practiceDraw");
        dev.scalelab.ui.canvas.DesignWindow canvas = FxWait.onFx(() -> panel.canvas(realTime.id()), TIMEOUT_SECONDS);
        assertNotNull(canvas);
        assertEquals("Design canvas — challenge 14: Design a real-time system", FxWait.onFx(() -> canvas.stage().getTitle(),
                TIMEOUT_SECONDS));
        assertEquals(List.of("clients", "balancer", "service", "scores-producer", "scores", "push", "live-feed"), FxWait.onFx(
                () -> canvas.editor().topology().nodes().stream().map(n -> n.id()).toList(), TIMEOUT_SECONDS));
        FxWait.onFx(() -> {
            ((Button) robot.from(canvas.stage().getScene().getRoot()).lookup("#designSubmit").query()).fire();
            return null;
        }, TIMEOUT_SECONDS);
        assertTrue(FxWait.onFx(() -> canvas.statusLine().getText(), TIMEOUT_SECONDS).startsWith("Submitted"),
                FxWait.onFx(() -> canvas.statusLine().getText(), TIMEOUT_SECONDS));
        FxWait.waitUntil(() -> text("#practiceGradingText").startsWith("Graded"), SHOW_TIMEOUT_SECONDS);
        Verdict verdict = FxWait.onFx(() -> panel.viewModel().verdictProperty().get(), TIMEOUT_SECONDS);
        assertEquals(List.of(), verdict.violations());
        assertFalse(verdict.requirements().get(0).passed(), verdict.toText());
        assertTrue(verdict.requirements().get(0).overall() > 45_000, verdict.toText());
        FxWait.onFx(() -> {
            canvas.editor().markSaved();
            canvas.stage().close();
            return null;
        }, TIMEOUT_SECONDS);
    }

    @Test
    void aGuessThatIsNoNumberIsMarkedAndNothingIsGraded() throws Exception {
        show(grading(() -> PracticeFixture.failingVerdict(challenge)));
        FxWait.onFx(() -> {
            ((TextField) robot.lookup("#practiceGuess-p99").query()).setText("fast");
            return null;
        }, TIMEOUT_SECONDS);

        fire("#practiceSubmit");

        List<String> predictions = FxWait.onFx(() -> labels(robot.lookup("#practicePredictions").query()), TIMEOUT_SECONDS);
        assertTrue(predictions.contains("Your guess \"fast\" is not a number; leave it empty to skip it."), predictions.toString());
        assertEquals(0, gradings.get());
    }

    @Test
    void cancelStopsAGradingAndTheLiveRunGoesOn() throws Exception {
        CountDownLatch seedOneDone = new CountDownLatch(1);
        show((c, design, seeds, listener, cancelled) -> {
            gradings.incrementAndGet();
            listener.seedDone(1, seeds);
            seedOneDone.countDown();
            while (!cancelled.getAsBoolean()) {
                Thread.onSpinWait();
            }
            throw new CancellationException("cancelled");
        });

        fire("#practiceSubmit");
        assertTrue(seedOneDone.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        FxWait.waitUntil(() -> text("#practiceGradingText").equals("Running seed 2 of 3…"), TIMEOUT_SECONDS);
        assertTrue(shown("#practiceCancel"));
        assertTrue(FxWait.onFx(() -> robot.lookup("#practiceSubmit").query().isDisabled(), TIMEOUT_SECONDS),
                "one grading at a time");
        assertEquals(1.0 / 3, FxWait.onFx(() -> panel.viewModel().gradingProgressProperty().get(), TIMEOUT_SECONDS), 1e-9);

        fire("#practiceCancel");
        FxWait.waitUntil(() -> text("#practiceGradingText").equals("Grading cancelled; the live run goes on."), TIMEOUT_SECONDS);
        assertFalse(shown("#practiceCancel"));
        assertFalse(FxWait.onFx(() -> robot.lookup("#practiceSubmit").query().isDisabled(), TIMEOUT_SECONDS));
        assertTrue(FxWait.onFx(() -> ((VBox) robot.lookup("#practiceVerdict").query()).getChildren().isEmpty(),
                TIMEOUT_SECONDS));
    }

    @Test
    void hintsOpenOneAtATime() throws Exception {
        show(grading(() -> PracticeFixture.failingVerdict(challenge)));
        assertEquals("Show hint 1 of 3", FxWait.onFx(() -> ((Button) robot.lookup("#practiceHintButton").query()).getText(), TIMEOUT_SECONDS));

        fire("#practiceHintButton");
        fire("#practiceHintButton");

        List<String> hints = FxWait.onFx(() -> labels(robot.lookup("#practiceHints").query()), TIMEOUT_SECONDS);
        assertEquals(List.of("1. Count the workers busy on average: rate × service time.",
                "2. 600 × 0.02 s = 12 busy workers; 2 instances have 8."), hints);
        assertEquals("Show hint 3 of 3", FxWait.onFx(() -> ((Button) robot.lookup("#practiceHintButton").query()).getText(), TIMEOUT_SECONDS));
        fire("#practiceHintButton");
        assertFalse(shown("#practiceHintButton"), "no fourth hint");
    }

    @Test
    void theReferenceSolutionIsBehindAConfirmationAndLoadsIntoTheLiveRun() throws Exception {
        show(grading(() -> PracticeFixture.failingVerdict(challenge)));
        selectFixture();
        assertFalse(shown("#practiceSolution"));

        fire("#practiceShowSolution");
        assertTrue(shown("#practiceConfirm"));
        fire("#practiceNotYet");
        assertFalse(shown("#practiceSolution"));

        fire("#practiceShowSolution");
        fire("#practiceConfirmSolution");
        assertTrue(shown("#practiceSolution"));
        List<String> explanation = FxWait.onFx(() -> labels(robot.lookup("#practiceSolution").query()), TIMEOUT_SECONDS);
        assertEquals("Twelve workers are busy on average (Little's law: 600/s × 20 ms).", explanation.get(0));

        fire("#practiceLoadSolution");
        fire("#practiceLoadStart");
        assertEquals(List.of("challenge: Size a pool for a steady rate (reference solution) / 5",
                "challenge: Size a pool for a steady rate / 2"), started);
    }

    private void selectFixture() throws Exception {
        FxWait.onFx(() -> {
            robot.lookup("#practiceChallengeList").queryListView().getSelectionModel().select(challenge);
            return null;
        }, TIMEOUT_SECONDS);
    }

    private PracticeViewModel.Grading grading(Supplier<Verdict> verdict) {
        return (c, design, seeds, listener, cancelled) -> {
            gradings.incrementAndGet();
            assertNotNull(design);
            for (int i = 1; i <= seeds; i++) {
                listener.seedDone(i, seeds);
            }
            return verdict.get();
        };
    }

    /** The texts of every label under {@code node}, in layout order. */
    private static List<String> labels(Node node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Label label && label.isVisible()) {
            out.add(label.getText());
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}
