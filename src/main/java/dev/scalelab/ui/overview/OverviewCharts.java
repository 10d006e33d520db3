package dev.scalelab.ui.overview;

import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.charts.RunRange;
import dev.scalelab.ui.charts.TimeLineChart;
import dev.scalelab.ui.charts.TimeWindow;
import dev.scalelab.ui.charts.WholeRunPlot;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.Snapshot;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

import static dev.scalelab.ui.charts.LiveCharts.dropBefore;
import static dev.scalelab.ui.charts.LiveCharts.series;

/**
 * Throughput (offered, completed, rejected per second) and latency (p50, p99) over at least the last
 * {@link #WINDOW_SECONDS} of virtual time. Each update appends only the points that are new and drops
 * the ones that slid out of the window, so a chart never rebuilds its whole series. The charts
 * themselves are declared in {@code fxml/OverviewPanel.fxml}.
 *
 * <p>FX thread only.
 */
final class OverviewCharts {
    static final double WINDOW_SECONDS = 120;
    private static final double TICK_SECONDS = 20;

    private final NumberAxis throughputTime;
    private final NumberAxis latencyTime;
    private final XYChart.Series<Number, Number> offered = series("offered");
    private final XYChart.Series<Number, Number> completed = series("completed");
    private final XYChart.Series<Number, Number> rejected = series("rejected");
    private final XYChart.Series<Number, Number> p50 = series("p50");
    private final XYChart.Series<Number, Number> p99 = series("p99");
    private final List<XYChart.Series<Number, Number>> allSeries = List.of(offered, completed, rejected, p50, p99);

    private TimeWindow window = new TimeWindow(WINDOW_SECONDS, TICK_SECONDS);
    private final WholeRunPlot throughputPlot;
    private final WholeRunPlot latencyPlot;

    OverviewCharts(TimeLineChart throughputChart, TimeLineChart latencyChart, RunRange range, DoubleSupplier runSeconds) {
        throughputTime = throughputChart.timeAxis();
        latencyTime = latencyChart.timeAxis();
        throughputChart.getData().addAll(List.of(offered, completed, rejected));
        latencyChart.getData().addAll(List.of(p50, p99));
        throughputPlot = new WholeRunPlot(throughputChart, range, runSeconds);
        latencyPlot = new WholeRunPlot(latencyChart, range, runSeconds);
    }

    /**
     * The whole run (or the slice zoomed to) from the run's history; returns how many seconds a point
     * stands for.
     */
    double showWholeRun(RunHistory.View history, double fromSeconds, double toSeconds) {
        assert FxThread.isCurrent();
        throughputPlot.draw(List.of(new WholeRunPlot.Line(offered, history.get(RunHistory.Keys.OFFERED)),
                new WholeRunPlot.Line(completed, history.get(RunHistory.Keys.THROUGHPUT)),
                new WholeRunPlot.Line(rejected, history.get(RunHistory.Keys.REJECTED))), fromSeconds, toSeconds, 10);
        latencyPlot.draw(List.of(new WholeRunPlot.Line(p50, history.get(RunHistory.Keys.P50_MS)),
                new WholeRunPlot.Line(p99, history.get(RunHistory.Keys.P99_MS))), fromSeconds, toSeconds, 10);
        return Math.max(history.get(RunHistory.Keys.OFFERED).bucketSeconds(), (toSeconds - fromSeconds) / throughputPlot.columns());
    }

    /** Back to the live window: the next {@link #show} draws it afresh. */
    void backToLive() {
        throughputPlot.release();
        latencyPlot.release();
        clear();
        window = new TimeWindow(WINDOW_SECONDS, TICK_SECONDS);
        throughputTime.setTickUnit(TICK_SECONDS);
        latencyTime.setTickUnit(TICK_SECONDS);
    }

    /** The points the charts hold now, all lines together. */
    int pointsDrawn() {
        return allSeries.stream().mapToInt(s -> s.getData().size()).sum();
    }

    /** Brings the charts up to the series' newest point. */
    void show(Snapshot.Series series) {
        assert FxThread.isCurrent();
        int n = series.size();
        if (!window.advance(series.timeSeconds(), n)) {
            clear(); // a new run
        }
        int first = window.firstNew();
        append(offered, series.timeSeconds(), series.offeredPerSecond(), first, n);
        append(completed, series.timeSeconds(), series.throughputPerSecond(), first, n);
        append(rejected, series.timeSeconds(), series.rejectedPerSecond(), first, n);
        append(p50, series.timeSeconds(), series.p50Ms(), first, n);
        append(p99, series.timeSeconds(), series.p99Ms(), first, n);
        for (XYChart.Series<Number, Number> s : allSeries) {
            dropBefore(s, window.startSeconds());
        }
        window.shown(n);
        throughputTime.setLowerBound(window.startSeconds());
        throughputTime.setUpperBound(window.endSeconds());
        latencyTime.setLowerBound(window.startSeconds());
        latencyTime.setUpperBound(window.endSeconds());
    }

    private void clear() {
        for (XYChart.Series<Number, Number> s : allSeries) {
            s.getData().clear();
        }
    }

    /** Adds points {@code [from, to)}, skipping seconds without a value (no request finished, no percentile). */
    private static void append(XYChart.Series<Number, Number> s, double[] times, double[] values, int from, int to) {
        if (from >= to) {
            return;
        }
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values[i])) {
                points.add(new XYChart.Data<>(times[i], values[i]));
            }
        }
        s.getData().addAll(points);
    }
}
