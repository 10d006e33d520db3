package dev.scalelab.ui.scaling;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.FxWait;
import dev.scalelab.ui.ScaleLabApp;
import dev.scalelab.world.Snapshot;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.chart.Axis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Robot tests of the Scaling panel on the flash-sale preset: they use its real controls and check the simulation. */
class ScalingPanelTest {
    private static final long TIMEOUT_SECONDS = 8;

    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;

    @BeforeEach
    void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "flash-sale", "--panel", "Scaling");
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void changingTheTargetChangesTheNextDecision() throws Exception {
        robot.clickOn("#autoscalerTargetUtilizationField");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("40");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> snapshot().current().autoscaler().targetUtilization() == 40);

        runner().setSpeed(20); // the HPA decides every 15 virtual seconds: under a wall second at 20×
        waitUntil(() -> snapshot().scaling().lastDecision().contains("vs 40%"));
        waitUntil(() -> onFx(() -> decisionShown().contains("vs 40%")));
        assertTrue(onFx(() -> ((Label) robot.lookup("#decisionTitle").query()).getText().startsWith("HPA decision at")));
    }

    @Test
    void clickingATileThenKillFailsThatInstance() throws Exception {
        assertTrue(onFx(this::killDisabled), "nothing is selected yet");

        clickTileOf("i-1");
        assertFalse(onFx(this::killDisabled));

        robot.clickOn("#killInstanceButton");
        waitUntil(() -> snapshot().recentLog().stream().anyMatch(entry -> entry.message().startsWith("i-1 failed")));
        Snapshot.InstanceView killed = snapshot().instances().stream().filter(in -> in.id().equals("i-1")).findFirst().orElseThrow();
        assertEquals(Snapshot.InstanceState.FAILED, killed.state());
        waitUntil(() -> onFx(this::killDisabled));
    }

    @Test
    void aSelectedInstanceCanBeSlowedAndRestored() throws Exception {
        clickTileOf("i-2");
        robot.clickOn("#slowInstanceButton");
        waitUntil(() -> speedOf("i-2") == ScalingViewModel.SLOW_SPEED_FACTOR);
        robot.clickOn("#restoreSpeedButton");
        waitUntil(() -> speedOf("i-2") == 1.0);
    }

    @Test
    void theFourChartsShowTheSameTimeWindowAndLabelTheSameTimes() throws Exception {
        runner().setSpeed(10);
        String[] ids = {"#scalingReplicasChart", "#scalingCpuChart", "#scalingCostChart", "#scalingLatencyChart"};
        // The axes agree once laid out with points: same bounds, the same labelled times, and the window's end labelled.
        Callable<List<String>> labelled = () -> {
            List<String> all = new ArrayList<>();
            for (String id : ids) {
                all.add(labelledTimes(id));
            }
            return all;
        };
        try {
            waitUntil(() -> snapshot().timeSeconds() > 3 && onFx(() -> {
                List<String> shown = labelled.call();
                return shown.stream().distinct().count() == 1 && shown.get(0).endsWith(" 300.0");
            }));
        } catch (TimeoutException e) {
            fail("the charts' time axes disagree: " + onFx(labelled));
        }
    }

    /** "lower-upper: the values whose tick label is shown" of a chart's time axis. FX thread. */
    private String labelledTimes(String chartId) {
        NumberAxis axis = (NumberAxis) ((XYChart<?, ?>) robot.lookup(chartId).query()).getXAxis();
        return axis.getLowerBound() + "-" + axis.getUpperBound() + ":" + axis.getTickMarks().stream()
                .filter(Axis.TickMark::isTextVisible)
                .map(mark -> " " + mark.getValue())
                .collect(Collectors.joining());
    }

    /**
     * Clicks the middle of {@code id}'s tile as drawn now until the panel says it is selected: tiles
     * slide for a moment whenever the layout changes (as when the window first settles its size), so
     * a click may land where the tile was.
     */
    private void clickTileOf(String id) throws Exception {
        ScalingPoolView pool = onFx(() -> robot.lookup("#scalingPool").queryAs(ScalingPoolView.class));
        waitUntil(() -> {
            Point2D center = onFx(() -> {
                Bounds tile = pool.tileBounds(id);
                return tile == null ? null : pool.localToScreen(tile.getCenterX(), tile.getCenterY());
            });
            if (center == null) {
                return false;
            }
            robot.clickOn(center);
            return onFx(() -> ((Label) robot.lookup("#selectedInstanceLabel").query()).getText().startsWith("Selected: " + id + " "));
        });
    }

    /** FX thread. */
    private boolean killDisabled() {
        return robot.lookup("#killInstanceButton").queryButton().isDisabled();
    }

    private double speedOf(String id) {
        return snapshot().instances().stream().filter(in -> in.id().equals(id)).findFirst().orElseThrow().speedFactor();
    }

    private String decisionShown() {
        TextFlow flow = (TextFlow) robot.lookup("#decisionText").query();
        return flow.getChildren().stream().map(node -> ((Text) node).getText()).collect(Collectors.joining());
    }

    private SimulationRunner runner() {
        return app.runner();
    }

    private Snapshot snapshot() {
        return runner().latest().snapshot();
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, TIMEOUT_SECONDS);
    }

    private static void waitUntil(FxWait.Condition condition) throws TimeoutException {
        FxWait.waitUntil(condition, TIMEOUT_SECONDS);
    }
}
