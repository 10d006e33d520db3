package dev.scalelab.ui;

import dev.scalelab.engine.metrics.SeriesView;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.charts.HistoryColumns;
import dev.scalelab.ui.charts.WholeRunPlot;
import dev.scalelab.world.Phase;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.RunHistory.EventsMeasure;
import dev.scalelab.world.Snapshot;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.List;

import static dev.scalelab.ui.FxWait.onFx;
import static dev.scalelab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Whole run toggle of the Scaling, Caching, Performance and Events panels: the run goes on
 * while the Overview is shown, the panel is opened late, the toggle clicked, and its charts draw
 * every second from t = 0 with the numbers of the run's history (which the world recorded while the
 * panel was not there). Real clicks; nodes read on the FX thread; every wait is on a condition.
 */
class WholeRunPanelsRobotTest {
    private static final long TIMEOUT_SECONDS = 40;

    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;

    private void start(String scenario) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", scenario, "--panel", "Overview");
    }

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void scalingOpenedLateShowsTheWholeRun() throws Exception {
        start("full-stack");
        Snapshot s = openLateInWholeRun(150, "Scaling", "#scalingRangeBar", "#scalingReplicasChart");
        RunHistory.View h = s.history();
        assertLine("#scalingReplicasChart", 0, h.get(RunHistory.Keys.INSTANCES), 1, s);
        assertLine("#scalingCpuChart", 0, h.get(RunHistory.Keys.UTILIZATION), 100, s);
        assertLine("#scalingCostChart", 0, h.get(RunHistory.Keys.COST_PER_HOUR), 1, s);
        assertLine("#scalingLatencyChart", 0, h.get(RunHistory.Keys.P99_MS), 1, s);
    }

    @Test
    void cachingOpenedLateShowsTheWholeRun() throws Exception {
        start("full-stack");
        Snapshot s = openLateInWholeRun(150, "Caching", "#cachingRangeBar", "#hitRatioChart");
        RunHistory.View h = s.history();
        assertLine("#hitRatioChart", 0, h.get(RunHistory.Keys.CACHE_HIT_RATIO), 100, s);
        assertLine("#hitRatioChart", 1, h.get(RunHistory.Keys.cacheLevelHitRatio(s.cache().levels().get(0).name())), 100, s);
        assertLine("#storeLoadChart", 0, h.get(RunHistory.Keys.CACHE_STORE_LOADS), 1, s);
    }

    @Test
    void performanceOpenedLateShowsTheWholeRun() throws Exception {
        start("gc-pauses");
        Snapshot s = openLateInWholeRun(150, "Performance", "#performanceRangeBar", "#perfLatencyChart");
        RunHistory.View h = s.history();
        assertLine("#perfLatencyChart", 0, h.get(RunHistory.Keys.P99_MS), 1, s);
        assertLine("#perfLatencyChart", 1, h.get(RunHistory.Keys.GC_LONGEST_PAUSE_MS), 1, s);
        assertLine("#perfAllocationChart", 0, h.get(RunHistory.Keys.ALLOCATION_MB), 1 / 1024.0, s);
        assertLine("#perfAllocationChart", 1, h.get(RunHistory.Keys.GC_COLLECTIONS), 1, s);
        assertLine("#perfBreakdownChart", Phase.SERVICE.ordinal(), h.get(RunHistory.Keys.phaseMeanMs(Phase.SERVICE.id())), 1, s);
    }

    @Test
    void eventsOpenedLateShowsTheWholeRunAndGoesBackToLive() throws Exception {
        start("event-backlog");
        Snapshot s = openLateInWholeRun(150, "Events", "#eventsRangeBar", "#eventsLagChart");
        RunHistory.View h = s.history();
        String source = "group " + s.events().groups().get(0).name();
        assertLine("#eventsLagChart", 0, h.get(RunHistory.Keys.events(source, EventsMeasure.LAG)), 1, s);
        assertLine("#eventsLagChart", 1, h.get(RunHistory.Keys.events(source, EventsMeasure.LAG_DETAIL)), 1, s);
        assertLine("#eventsConsumersChart", 0, h.get(RunHistory.Keys.events(source, EventsMeasure.CONSUMERS)), 1, s);
        assertLine("#eventsLossesChart", 1, h.get(RunHistory.Keys.events(source, EventsMeasure.DEAD_LETTERED)), 1, s);
        // The burst at 0:20 is in the line, though the panel was opened at 2:30.
        List<XYChart.Data<Number, Number>> lag = points("#eventsLagChart", 0);
        assertTrue(lag.stream().anyMatch(p -> p.getXValue().doubleValue() < 60 && p.getYValue().doubleValue() > 1000), "the early burst");

        // Back to live: the last two minutes and the partitions that lag most, as before.
        robot.clickOn("#eventsRangeBar .whole-run-toggle");
        NumberAxis time = axis("#eventsLagChart");
        waitUntil(() -> onFx(() -> time.getLowerBound() > 0 && time.getUpperBound() - time.getLowerBound() <= 140, 5), TIMEOUT_SECONDS);
        assertTrue(onFx(() -> !robot.lookup("#eventsRangeBar .whole-run-toggle").queryAs(ToggleButton.class).isSelected(), 5));
    }

    /**
     * Runs to {@code seconds} with the Overview shown, opens {@code panel}, clicks its Whole run toggle
     * and waits until {@code chartId} shows 0 … the run's end; returns the snapshot it draws.
     */
    private Snapshot openLateInWholeRun(double seconds, String panel, String barId, String chartId) throws Exception {
        runner().playUntil(seconds);
        runner().setSpeed(SimulationRunner.MAX_SPEED);
        waitUntil(() -> runner().latest().status().paused() && runner().latest().snapshot().timeSeconds() >= seconds, TIMEOUT_SECONDS);
        Snapshot s = runner().latest().snapshot();
        robot.interact(() -> app.window().selectPanel(panel));
        robot.clickOn(barId + " .whole-run-toggle");
        NumberAxis time = axis(chartId);
        double run = s.history().seconds();
        assertTrue(run >= seconds);
        waitUntil(() -> onFx(() -> time.getLowerBound() == 0 && time.getUpperBound() == run && !points(chartId, 0).isEmpty(), 5),
                TIMEOUT_SECONDS);
        return s;
    }

    /** Line {@code line} of {@code chartId} is the history's {@code view} over the whole run, point for point. */
    private void assertLine(String chartId, int line, SeriesView view, double scale, Snapshot s) throws Exception {
        double run = s.history().seconds();
        NumberAxis time = axis(chartId);
        // As WholeRunPlot.columns(): a chart not laid out yet (in a tab not shown) takes 600 px.
        int columns = onFx(() -> (int) Math.max(2, (time.getWidth() > 0 ? time.getWidth() : 600) / WholeRunPlot.PIXELS_PER_POINT), 5);
        HistoryColumns expected = HistoryColumns.of(view, 0, run, columns, scale);
        List<XYChart.Data<Number, Number>> points = points(chartId, line);
        int k = 0;
        for (int j = 0; j < expected.size(); j++) {
            if (!Double.isNaN(expected.mean(j))) {
                assertEquals(expected.time(j), points.get(k).getXValue().doubleValue(), 1e-9, chartId + " line " + line + " point " + k);
                assertEquals(expected.mean(j), points.get(k).getYValue().doubleValue(), 1e-9, chartId + " line " + line + " point " + k);
                k++;
            }
        }
        assertEquals(k, points.size(), chartId + " line " + line);
        assertTrue(k > 10, chartId + " line " + line + " has " + k + " points");
        assertTrue(points.get(0).getXValue().doubleValue() <= 3, chartId + " from the first seconds: " + points.get(0));
    }

    @SuppressWarnings("unchecked")
    private List<XYChart.Data<Number, Number>> points(String chartId, int line) throws Exception {
        XYChart<Number, Number> chart = robot.lookup(chartId).queryAs(XYChart.class);
        return onFx(() -> List.copyOf(chart.getData().get(line).getData()), 5);
    }

    private NumberAxis axis(String chartId) {
        return (NumberAxis) robot.lookup(chartId).queryAs(XYChart.class).getXAxis();
    }

    private SimulationRunner runner() {
        return app.runner();
    }
}
