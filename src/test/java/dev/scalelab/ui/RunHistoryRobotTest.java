package dev.scalelab.ui;

import dev.scalelab.engine.metrics.SeriesView;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.charts.HistoryColumns;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.Snapshot;
import javafx.geometry.Bounds;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.List;

import static dev.scalelab.ui.FxWait.onFx;
import static dev.scalelab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Robot tests of the whole run: the charts' Whole run toggle, the timeline bar's seek, and a panel
 * opened late. Real clicks; nodes read on the FX thread; every wait is on a condition.
 */
class RunHistoryRobotTest {
    private static final long TIMEOUT_SECONDS = 30;

    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;

    @BeforeEach
    void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "default", "--panel", "Overview");
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void wholeRunToggleShowsTheRunFromTheStartInBoundedPointsAndZooms() throws Exception {
        runUntilPausedAfter(200);
        double run = runner().latest().snapshot().history().seconds();
        NumberAxis time = (NumberAxis) robot.lookup("#throughputChart").queryAs(XYChart.class).getXAxis();
        // The live window: the last two minutes or so, on a tick.
        waitUntil(() -> onFx(() -> time.getLowerBound() == 80, 5), TIMEOUT_SECONDS);

        robot.clickOn("#overviewRangeBar .whole-run-toggle");
        waitUntil(() -> onFx(() -> time.getLowerBound() == 0 && time.getUpperBound() == run, 5), TIMEOUT_SECONDS);
        XYChart.Series<Number, Number> offered = throughputSeries(0);
        assertTrue(onFx(() -> offered.getData().get(0).getXValue().doubleValue(), 5) <= 2, "the first seconds are drawn");
        // At most one point per two pixel columns of the time axis (and one beyond each edge).
        int columns = onFx(() -> columnsOf(time), 5);
        int points = onFx(() -> offered.getData().size(), 5);
        assertTrue(points <= columns + 2, points + " points on " + columns + " columns");
        SeriesView history = runner().latest().snapshot().history().get(RunHistory.Keys.OFFERED);
        HistoryColumns expected = HistoryColumns.of(history, 0, run, columns, 1);
        assertEquals(expected.mean(expected.size() / 2), onFx(() -> offered.getData().get(expected.size() / 2).getYValue().doubleValue(), 5), 1e-9);

        robot.clickOn("#overviewRangeBar .zoom-in-button");
        waitUntil(() -> onFx(() -> time.getUpperBound() - time.getLowerBound() < run * 0.7, 5), TIMEOUT_SECONDS);
        robot.clickOn("#overviewRangeBar .fit-button");
        waitUntil(() -> onFx(() -> time.getLowerBound() == 0 && time.getUpperBound() == run, 5), TIMEOUT_SECONDS);

        robot.clickOn("#overviewRangeBar .whole-run-toggle");
        waitUntil(() -> onFx(() -> time.getLowerBound() >= 60 && time.getUpperBound() - time.getLowerBound() <= 140, 5), TIMEOUT_SECONDS);
        assertTrue(onFx(() -> !robot.lookup("#overviewRangeBar .whole-run-toggle").queryAs(ToggleButton.class).isSelected(), 5));
    }

    @Test
    void clickingTheBarGoesBackToThatMomentAndPlaysOnWithTheSameFuture() throws Exception {
        runUntilPausedAfter(120);
        Snapshot before = runner().latest().snapshot();
        double extent = onFx(() -> window().timelineBar().extentSeconds(), 5);
        Bounds bar = onFx(() -> window().timelineBar().canvasBoundsOnScreen(), 5);
        // A click a quarter of the way along: the moment extent / 4.
        robot.clickOn(bar.getMinX() + bar.getWidth() / 4, bar.getCenterY());
        double target = extent / 4;
        waitUntil(() -> {
            Snapshot s = runner().latest().snapshot();
            return runner().latest().status().paused() && Math.abs(s.timeSeconds() - target) < extent / bar.getWidth() + 0.01
                    && onFx(() -> Double.isNaN(window().timelineBar().seekingTo()), 5);
        }, TIMEOUT_SECONDS);
        Snapshot back = runner().latest().snapshot();
        assertTrue(back.timeSeconds() < before.timeSeconds() / 2, "went back to " + back.timeSeconds());
        // The bar still offers the future it came from.
        assertEquals(extent, onFx(() -> window().timelineBar().extentSeconds(), 5), 1e-9);
        // The world there is the one the run had: the same seconds, to the last bit.
        assertSameSeconds(before.history(), back.history(), back.history().seconds());

        // Play on: the same future comes again (the run is deterministic and its commands are kept).
        runner().playUntil(before.timeSeconds());
        waitUntil(() -> runner().latest().status().paused() && runner().latest().snapshot().timeSeconds() >= before.timeSeconds(),
                TIMEOUT_SECONDS);
        assertSameSeconds(before.history(), runner().latest().snapshot().history(), before.history().seconds());
    }

    @Test
    void aPanelOpenedLateShowsTheSharesOfTheWholeRun() throws Exception {
        runUntilPausedAfter(200);
        selectPanel("Load balancing");
        robot.clickOn("#balancingRangeBar .whole-run-toggle");
        NumberAxis time = (NumberAxis) robot.lookup("#shareChart").queryAs(XYChart.class).getXAxis();
        Snapshot s = runner().latest().snapshot();
        double run = s.history().seconds();
        waitUntil(() -> onFx(() -> time.getLowerBound() == 0 && time.getUpperBound() == run
                && shareSeries().size() == s.instances().size() && !shareSeries().get(0).getData().isEmpty(), 5), TIMEOUT_SECONDS);
        // Each instance's line starts in the first seconds, long before the panel was opened, and equals the world's record.
        int columns = onFx(() -> columnsOf(time), 5);
        for (int i = 0; i < s.instances().size(); i++) {
            int line = i;
            List<XYChart.Data<Number, Number>> points = onFx(() -> List.copyOf(shareSeries().get(line).getData()), 5);
            HistoryColumns expected = HistoryColumns.of(s.history().get(RunHistory.Keys.sharePercent(s.instances().get(i).id())),
                    0, run, columns, 1);
            assertTrue(points.get(0).getXValue().doubleValue() <= 2, "from the first seconds: " + points.get(0));
            int k = 0;
            for (int j = 0; j < expected.size(); j++) {
                if (!Double.isNaN(expected.mean(j))) {
                    assertEquals(expected.time(j), points.get(k).getXValue().doubleValue(), 1e-9);
                    assertEquals(expected.mean(j), points.get(k).getYValue().doubleValue(), 1e-9);
                    k++;
                }
            }
            assertEquals(k, points.size());
        }
    }

    /** The points a whole-run chart draws across {@code time}: see WholeRunPlot.columns(). */
    private static int columnsOf(NumberAxis time) {
        return (int) Math.max(2, time.getWidth() / dev.scalelab.ui.charts.WholeRunPlot.PIXELS_PER_POINT);
    }

    private void assertSameSeconds(RunHistory.View a, RunHistory.View b, long seconds) {
        for (String key : List.of(RunHistory.Keys.OFFERED, RunHistory.Keys.P99_MS, RunHistory.Keys.sharePercent("i-0"))) {
            SeriesView x = a.get(key);
            SeriesView y = b.get(key);
            for (int k = 0; k < seconds; k++) {
                assertEquals(x.count(k), y.count(k), key + " second " + k);
                assertEquals(x.sum(k), y.sum(k), 0.0, key + " second " + k);
            }
        }
    }

    private void runUntilPausedAfter(double seconds) throws Exception {
        runner().playUntil(seconds);
        runner().setSpeed(SimulationRunner.MAX_SPEED);
        waitUntil(() -> runner().latest().status().paused() && runner().latest().snapshot().timeSeconds() >= seconds, TIMEOUT_SECONDS);
        // The charts took the last frame (their pacer draws within a quarter second of a new sample).
        long frame = runner().latest().status().frame();
        waitUntil(() -> onFx(() -> window().shownFrame() >= frame, 5), TIMEOUT_SECONDS);
    }

    @SuppressWarnings("unchecked")
    private void selectPanel(String title) {
        robot.interact(() -> window().selectPanel(title));
    }

    private XYChart.Series<Number, Number> throughputSeries(int i) throws Exception {
        @SuppressWarnings("unchecked")
        XYChart<Number, Number> chart = robot.lookup("#throughputChart").queryAs(XYChart.class);
        return onFx(() -> chart.getData().get(i), 5);
    }

    @SuppressWarnings("unchecked")
    private List<XYChart.Series<Number, Number>> shareSeries() {
        return robot.lookup("#shareChart").queryAs(XYChart.class).getData();
    }

    private MainWindowController window() {
        return app.window();
    }

    private SimulationRunner runner() {
        return app.runner();
    }
}
