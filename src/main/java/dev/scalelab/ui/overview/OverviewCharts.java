package dev.scalelab.ui.overview;

import dev.scalelab.world.Snapshot;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.ArrayList;
import java.util.List;

import static dev.scalelab.ui.charts.LiveCharts.dropBefore;
import static dev.scalelab.ui.charts.LiveCharts.lineChart;

/**
 * Throughput (offered, completed, rejected per second) and latency (p50, p99) over at least the last
 * {@link #WINDOW_SECONDS} of virtual time. Each update appends only the points that are new and drops
 * the ones that slid out of the window, so a chart never rebuilds its whole series.
 *
 * <p>FX thread only.
 */
final class OverviewCharts {
    static final double WINDOW_SECONDS = 120;
    private static final double TICK_SECONDS = 20;

    private final NumberAxis throughputTime = timeAxis();
    private final NumberAxis latencyTime = timeAxis();
    private final LineChart<Number, Number> throughputChart = lineChart(throughputTime, "requests / s", "throughput-chart");
    private final LineChart<Number, Number> latencyChart = lineChart(latencyTime, "latency (ms)", "latency-chart");
    private final XYChart.Series<Number, Number> offered = series(throughputChart, "offered");
    private final XYChart.Series<Number, Number> completed = series(throughputChart, "completed");
    private final XYChart.Series<Number, Number> rejected = series(throughputChart, "rejected");
    private final XYChart.Series<Number, Number> p50 = series(latencyChart, "p50");
    private final XYChart.Series<Number, Number> p99 = series(latencyChart, "p99");
    private final List<XYChart.Series<Number, Number>> allSeries = List.of(offered, completed, rejected, p50, p99);
    private final HBox view = new HBox(throughputChart, latencyChart);

    private double shownUntilSeconds = Double.NEGATIVE_INFINITY;

    OverviewCharts() {
        throughputChart.setId("throughputChart");
        latencyChart.setId("latencyChart");
        view.getStyleClass().add("overview-charts");
        HBox.setHgrow(throughputChart, Priority.ALWAYS);
        HBox.setHgrow(latencyChart, Priority.ALWAYS);
    }

    HBox view() {
        return view;
    }

    /** Brings the charts up to the series' newest point. */
    void show(Snapshot.Series series) {
        int n = series.size();
        double newest = n == 0 ? 0 : series.timeSeconds()[n - 1];
        if (n == 0 || newest < shownUntilSeconds) {
            clear(); // a new run
        }
        // The window starts on a tick, so the axis reads 40, 60, 80 … rather than 51, 71, 91 …; it
        // therefore spans WINDOW_SECONDS plus up to one tick, and moves on a tick at a time.
        double windowStart = Math.max(0, Math.floor((newest - WINDOW_SECONDS) / TICK_SECONDS) * TICK_SECONDS);
        int first = n;
        while (first > 0 && series.timeSeconds()[first - 1] > shownUntilSeconds && series.timeSeconds()[first - 1] >= windowStart) {
            first--;
        }
        append(offered, series.timeSeconds(), series.offeredPerSecond(), first, n);
        append(completed, series.timeSeconds(), series.throughputPerSecond(), first, n);
        append(rejected, series.timeSeconds(), series.rejectedPerSecond(), first, n);
        append(p50, series.timeSeconds(), series.p50Ms(), first, n);
        append(p99, series.timeSeconds(), series.p99Ms(), first, n);
        for (XYChart.Series<Number, Number> s : allSeries) {
            dropBefore(s, windowStart);
        }
        if (n > 0) {
            shownUntilSeconds = newest;
        }
        // Until the window is full the lines grow from the left.
        double upper = newest <= WINDOW_SECONDS ? WINDOW_SECONDS : windowStart + WINDOW_SECONDS + TICK_SECONDS;
        throughputTime.setLowerBound(windowStart);
        throughputTime.setUpperBound(upper);
        latencyTime.setLowerBound(windowStart);
        latencyTime.setUpperBound(upper);
    }

    private void clear() {
        for (XYChart.Series<Number, Number> s : allSeries) {
            s.getData().clear();
        }
        shownUntilSeconds = Double.NEGATIVE_INFINITY;
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

    private static NumberAxis timeAxis() {
        NumberAxis axis = new NumberAxis(0, WINDOW_SECONDS, TICK_SECONDS);
        axis.setAutoRanging(false);
        axis.setLabel("virtual time (s)");
        axis.setAnimated(false);
        return axis;
    }


    private static XYChart.Series<Number, Number> series(LineChart<Number, Number> chart, String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        chart.getData().add(s);
        return s;
    }
}
