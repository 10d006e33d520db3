package dev.scalelab.ui.charts;

import dev.scalelab.engine.metrics.DownsampledSeries;
import dev.scalelab.engine.metrics.SeriesView;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.scalelab.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole-run chart of an hour on a 700-pixel plot: the points it holds, its bands, and what a redraw costs the FX thread. */
class WholeRunPlotTest {
    private Stage stage;

    @BeforeEach
    void stage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void anHourOfFiveLinesDrawsAtMostOnePointPerTwoPixelColumnsWithBands() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        List<SeriesView> views = new ArrayList<>();
        for (int line = 0; line < 5; line++) {
            DownsampledSeries s = new DownsampledSeries(4096);
            for (int t = 0; t < 3600; t++) {
                s.append(500 + 100 * line + random.nextDouble(50) + (t == 2000 ? 3000 : 0));
            }
            views.add(s.view());
        }
        RunRange range = new RunRange();
        range.wholeRunProperty().set(true);
        NumberAxis time = new NumberAxis();
        time.setAutoRanging(false);
        LineChart<Number, Number> chart = new LineChart<>(time, new NumberAxis());
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        WholeRunPlot plot = onFx(() -> {
            WholeRunPlot p = new WholeRunPlot(chart, range, () -> 3600);
            stage.setScene(new Scene(new StackPane(chart), 760, 300));
            stage.setWidth(760);
            stage.setHeight(300);
            stage.show();
            for (int i = 0; i < views.size(); i++) {
                chart.getData().add(new XYChart.Series<>());
            }
            chart.applyCss();
            chart.layout();
            return p;
        }, 10);
        List<WholeRunPlot.Line> lines = onFx(() -> {
            List<WholeRunPlot.Line> l = new ArrayList<>();
            for (int i = 0; i < views.size(); i++) {
                l.add(new WholeRunPlot.Line(chart.getData().get(i), views.get(i)));
            }
            return l;
        }, 10);
        int columns = onFx(plot::columns, 10);
        double width = onFx(time::getWidth, 10); // before the draws: the value axis's labels then take some of it
        // A redraw as the pacer asks for one: new points, then the pulse's CSS and layout.
        long[] nanos = onFx(() -> {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int r = 0; r < 40; r++) { // warm-up: the JIT compiles the path first
                plot.draw(lines, 0, 3600 - r, 10);
                chart.applyCss();
                chart.layout();
            }
            int rounds = 40;
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (int r = 0; r < rounds; r++) {
                plot.draw(lines, 0, 3600 - r, 10);
                chart.applyCss();
                chart.layout();
            }
            return new long[] {(System.nanoTime() - start) / rounds, (threads.getCurrentThreadCpuTime() - cpuStart) / rounds};
        }, 60);
        // A measurement for the record (machines and load differ), not a timed test.
        System.out.printf("whole-run redraw of 5 lines x 1 h on %d columns: %.2f ms wall, %.2f ms CPU of the FX thread%n",
                columns, nanos[0] / 1e6, nanos[1] / 1e6);
        assertTrue(width > 400, "plot width " + width);
        assertEquals((int) (width / WholeRunPlot.PIXELS_PER_POINT), columns);
        int points = onFx(plot::pointsDrawn, 10);
        assertTrue(points <= 5 * (columns + 2), points + " points for " + columns + " columns");
        assertTrue(points >= 5 * columns / 2, "about one point per column: " + points);
        // 3,600 s on fewer than 3,600 columns: every point merges seconds, so each line has its band, the spike inside.
        WaitForPulse.next();
        assertEquals(5, (long) onFx(plot::bandsShown, 10));
        double top = onFx(() -> ((NumberAxis) chart.getYAxis()).getUpperBound(), 10);
        assertTrue(top >= 3500, "the value axis holds the spike's band: " + top);
    }

    /** Waits until the FX thread ran a pulse, so the post-layout work (the bands) is done. */
    private static final class WaitForPulse {
        static void next() throws Exception {
            onFx(() -> null, 10);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
