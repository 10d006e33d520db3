package dev.scalelab.ui.estimator;

import dev.scalelab.practice.Estimator;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.world.Presets;
import dev.scalelab.ui.FxWait;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Robot tests of the Estimator panel on a window of 1024 × 700: the pool's figures and arithmetic as
 * typed, a bad field's line under it, and "check it" running the estimate in the simulator.
 */
class EstimatorPanelTest {
    private static final long TIMEOUT_SECONDS = 8;
    private static final long SHOW_TIMEOUT_SECONDS = 40;
    /** A check simulates five minutes of a small pool: a second or two on a busy machine. */
    private static final long CHECK_TIMEOUT_SECONDS = 60;

    private final FxRobot robot = new FxRobot();
    private EstimatorPanel panel;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private void show() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxWait.onFx(() -> {
            panel = new EstimatorPanel();
            BorderPane root = new BorderPane(panel.view());
            root.setBottom(panel.charts());
            ((Region) panel.charts()).setPrefHeight(200);
            Scene scene = new Scene(root, 1024, 700);
            scene.getStylesheets().add(EstimatorPanel.class.getResource("/styles/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            return null;
        }, SHOW_TIMEOUT_SECONDS);
    }

    @AfterEach
    void closeStage() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void type(String id, String text) throws Exception {
        FxWait.onFx(() -> {
            ((TextField) robot.lookup("#" + id).query()).setText(text);
            return null;
        }, TIMEOUT_SECONDS);
    }

    private List<String> labels(String id) throws Exception {
        return FxWait.onFx(() -> {
            List<String> out = new ArrayList<>();
            collect(robot.lookup("#" + id).query(), out);
            return out;
        }, TIMEOUT_SECONDS);
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Label label && label.isVisible()) {
            out.add(label.getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    @Test
    void thePoolIsWorkedOutAsItIsTypedWithItsArithmetic() throws Exception {
        show();
        type("estimator-pool-rate", "600");
        type("estimator-pool-serviceTime", "20");
        type("estimator-pool-workers", "4");
        type("estimator-pool-target", "60");

        Estimator.PoolEstimate expected = Estimator.pool(600, 20, 4, 0.6, dev.scalelab.engine.scaling.InstanceSize.MEDIUM);
        List<String> results = labels("estimator-pool-results");
        assertEquals(5, expected.instances(), "12 busy workers at 60 % need 20 workers");
        assertEquals(List.of("Instances", "5", "Servers", "20", "Utilisation", "60.0 %"), results.subList(0, 6));
        assertTrue(results.containsAll(expected.arithmetic().stream().map(Estimator.Step::text).toList()), results.toString());
    }

    @Test
    void thePoolAndTheCacheTakeTheLiveRunsNumbers() throws Exception {
        show();
        SimulationRunner runner = new SimulationRunner(Presets.load("default"), true);
        try {
            FxWait.onFx(() -> {
                panel.update(runner.latest(), 0);
                ((Button) robot.lookup("#estimator-pool-take").query()).fire();
                ((Button) robot.lookup("#estimator-cache-take").query()).fire();
                return null;
            }, TIMEOUT_SECONDS);
        } finally {
            runner.close();
        }

        EstimateForm pool = panel.viewModel().pool();
        assertEquals(List.of("400", "20", "4", "medium", "70"), FxWait.onFx(() -> List.of(pool.text("rate").get(),
                pool.text("serviceTime").get(), pool.text("workers").get(), pool.text("size").get(), pool.text("target").get()),
                TIMEOUT_SECONDS), "the default preset's pool; the target stays the candidate's");
        EstimateForm cache = panel.viewModel().cache();
        assertEquals(List.of("10000", "0.9"), FxWait.onFx(() -> List.of(cache.text("keys").get(), cache.text("alpha").get()),
                TIMEOUT_SECONDS));
    }

    @Test
    void aBadFieldSaysWhatIsWrongUnderItAndTheCheckWaitsForIt() throws Exception {
        show();
        type("estimator-pool-workers", "four");

        assertEquals("Workers / instance: \"four\" is not a number", labels("estimator-pool-workers-problem").get(0));
        assertEquals(List.of("Fix the marked field to see the estimate."), labels("estimator-pool-results"));
        assertTrue(FxWait.onFx(() -> robot.lookup("#estimatorCheckButton").query().isDisabled(), TIMEOUT_SECONDS));

        type("estimator-pool-workers", "4");
        assertFalse(FxWait.onFx(() -> robot.lookup("#estimator-pool-workers-problem").query().isVisible(), TIMEOUT_SECONDS));
        assertFalse(FxWait.onFx(() -> robot.lookup("#estimatorCheckButton").query().isDisabled(), TIMEOUT_SECONDS));
    }

    @Test
    void checkItPutsTheSimulatedPoolBesideTheEstimate() throws Exception {
        show();
        type("estimator-pool-rate", "200");
        type("estimator-pool-serviceTime", "20");
        type("estimator-pool-workers", "2");
        type("estimator-pool-target", "50");

        FxWait.onFx(() -> {
            ((Button) robot.lookup("#estimatorCheckButton").query()).fire();
            return null;
        }, TIMEOUT_SECONDS);
        FxWait.waitUntil(() -> FxWait.onFx(() -> panel.viewModel().checkProperty().get() != null, TIMEOUT_SECONDS), CHECK_TIMEOUT_SECONDS);

        EstimatorViewModel.Check check = FxWait.onFx(() -> panel.viewModel().checkProperty().get(), TIMEOUT_SECONDS);
        assertEquals(0.5, check.estimatedUtilization(), 1e-12, "4 busy workers on 4 instances of 2");
        assertEquals(check.estimatedUtilization(), check.simulatedUtilization(), 0.03, "five minutes of Poisson arrivals");
        assertEquals(check.estimatedP99Ms(), check.simulatedP99Ms(), 0.15 * check.estimatedP99Ms());
        List<String> grid = labels("estimatorCheckGrid");
        assertEquals(List.of("", "Estimate", "Simulated", "Utilisation", "50.0 %"), grid.subList(0, 5));
    }
}
