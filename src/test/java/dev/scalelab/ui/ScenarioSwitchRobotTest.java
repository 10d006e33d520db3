package dev.scalelab.ui;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.world.Snapshot;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Choosing another scenario while the run is paused: every chart of the shown panel drops the old
 * run's curves at once, without waiting for Play. Nodes are read on the FX thread; the test waits on
 * conditions with a timeout.
 */
class ScenarioSwitchRobotTest {
    private static final long TIMEOUT_SECONDS = 20;

    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @ParameterizedTest(name = "{0}: full-stack, paused, then {1}")
    @CsvSource({
            "Overview, default",
            "Scaling, flash-sale",
            "Load balancing, slow-instance",
            "Caching, cache-stampede",
            "Database, resharding",
            "Resilience, retry-storm"})
    void choosingAScenarioWhilePausedClearsEveryChartAtOnce(String panel, String preset) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "full-stack", "--panel", panel);
        runner().setSpeed(100);
        waitUntil(() -> snapshot().timeSeconds() > 4 && onFx(() -> chartPoints() > 0));
        runner().pause();
        waitUntil(() -> runner().latest().status().paused());
        double pausedAt = snapshot().timeSeconds();
        assertTrue(pausedAt > 4);

        onFx(() -> {
            presetChoice().setValue(preset);
            return null;
        });
        waitUntil(() -> preset.equals(snapshot().current().name()) && snapshot().timeSeconds() == 0);
        assertTrue(runner().latest().status().paused(), "choosing a scenario keeps the run paused");
        // The new run is at t = 0 and has no per-second point yet: no chart may show a curve.
        try {
            waitUntil(() -> onFx(() -> chartPoints() == 0));
        } catch (TimeoutException e) {
            fail("the old run's curves are still drawn while paused: " + onFx(this::describePoints));
        }
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> presetChoice() {
        return (ComboBox<String>) robot.lookup("#presetChoice").query();
    }

    /**
     * Points of a run in every XY chart under the chart host. The new run is at t = 0 without a
     * per-second point, so every point strictly inside the time window is the old run's. (A reference
     * line, such as the CPU target, runs from one edge of the window to the other.) FX thread.
     */
    private int chartPoints() {
        int points = 0;
        for (XYChart<?, ?> chart : charts()) {
            for (XYChart.Series<?, ?> s : chart.getData()) {
                points += (int) s.getData().stream().filter(p -> ofTheRun(chart, p)).count();
            }
        }
        return points;
    }

    private static boolean ofTheRun(XYChart<?, ?> chart, XYChart.Data<?, ?> point) {
        double x = ((Number) point.getXValue()).doubleValue();
        double end = chart.getXAxis() instanceof NumberAxis ? ((NumberAxis) chart.getXAxis()).getUpperBound() : Double.MAX_VALUE;
        return x > 0 && x < end;
    }

    private List<XYChart<?, ?>> charts() {
        List<XYChart<?, ?>> charts = new ArrayList<>();
        collect(robot.lookup("#chartHost").query(), charts);
        return charts;
    }

    private String describePoints() {
        StringBuilder text = new StringBuilder();
        for (XYChart<?, ?> chart : charts()) {
            for (XYChart.Series<?, ?> s : chart.getData()) {
                long n = s.getData().stream().filter(p -> ofTheRun(chart, p)).count();
                if (n > 0) {
                    text.append(chart.getId()).append('/').append(s.getName()).append(": ").append(n).append(" points; ");
                }
            }
        }
        return text.toString();
    }

    private static void collect(Node node, List<XYChart<?, ?>> charts) {
        if (node instanceof XYChart) {
            charts.add((XYChart<?, ?>) node);
        } else if (node instanceof Parent) {
            for (Node child : ((Parent) node).getChildrenUnmodifiable()) {
                collect(child, charts);
            }
        }
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
