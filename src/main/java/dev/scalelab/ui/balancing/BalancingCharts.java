package dev.scalelab.ui.balancing;

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
import static dev.scalelab.ui.charts.LiveCharts.series;
import static dev.scalelab.ui.charts.LiveCharts.timeAxis;

/**
 * The panel's charts over at least the last {@link #WINDOW_SECONDS} of virtual time. One world:
 * p50 and p99, and each instance's share of the traffic (one line per instance, in the instance's
 * colour). Race mode: the two worlds' p99, and both worlds' share to one instance (the selected one,
 * else the slowest). Each update appends only the new points and drops those that slid out of the
 * window; the series are rebuilt only when what they show changes (mode, strategies, instances).
 *
 * <p>FX thread only.
 */
final class BalancingCharts {
    static final double WINDOW_SECONDS = 120;
    private static final double TICK_SECONDS = 20;
    private static final int MAX_SHARE_LEGEND = 12;

    private final NumberAxis latencyTime = timeAxis(WINDOW_SECONDS, TICK_SECONDS);
    private final NumberAxis shareTime = timeAxis(WINDOW_SECONDS, TICK_SECONDS);
    private final LineChart<Number, Number> latencyChart = lineChart(latencyTime, "latency (ms)", "balancing-latency-chart");
    private final LineChart<Number, Number> shareChart = lineChart(shareTime, "share of traffic (%)", "share-chart");
    private final HBox view = new HBox(latencyChart, shareChart);

    /** What the series show now, such as "one|i-0,i-1" or "race|round-robin|p2c|i-3"; a change rebuilds them. */
    private String shownKey = "";
    private double shownUntilSeconds = Double.NEGATIVE_INFINITY;

    BalancingCharts() {
        latencyChart.setId("balancingLatencyChart");
        shareChart.setId("shareChart");
        view.getStyleClass().addAll("balancing-charts", "chart-row");
        HBox.setHgrow(latencyChart, Priority.ALWAYS);
        HBox.setHgrow(shareChart, Priority.ALWAYS);
    }

    HBox view() {
        return view;
    }

    LineChart<Number, Number> latencyChart() {
        return latencyChart;
    }

    LineChart<Number, Number> shareChart() {
        return shareChart;
    }

    /** One world: p50 and p99 of {@code snapshot}, and every instance's share from {@code shares}. */
    void show(Snapshot snapshot, ShareHistory shares) {
        List<Snapshot.InstanceView> instances = snapshot.instances();
        StringBuilder key = new StringBuilder("one|");
        for (Snapshot.InstanceView in : instances) {
            key.append(in.id()).append(',');
        }
        if (rebuild(key.toString(), snapshot.series())) {
            latencyChart.getStyleClass().remove("race");
            shareChart.getStyleClass().remove("race");
            latencyChart.getData().setAll(List.of(series("p50"), series("p99")));
            List<XYChart.Series<Number, Number>> lines = new ArrayList<>(instances.size());
            for (Snapshot.InstanceView in : instances) {
                lines.add(series(in.id()));
            }
            shareChart.getData().setAll(lines);
            // Past a dozen instances the legend would crowd out the plot, and colours repeat anyway.
            shareChart.setLegendVisible(instances.size() <= MAX_SHARE_LEGEND);
        }
        double windowStart = windowStart(snapshot.series());
        Snapshot.Series series = snapshot.series();
        appendNewer(latencyChart.getData().get(0), series.timeSeconds(), series.p50Ms(), series.size(), windowStart);
        appendNewer(latencyChart.getData().get(1), series.timeSeconds(), series.p99Ms(), series.size(), windowStart);
        for (int i = 0; i < instances.size(); i++) {
            appendNewer(shareChart.getData().get(i), shares.line(instances.get(i).id()), windowStart);
        }
        finish(series, windowStart);
    }

    /**
     * Race mode: p99 of both worlds, and both worlds' share to instance {@code focusId}.
     *
     * @param leftName  the left world's strategy, for the legend; likewise {@code rightName}
     */
    void showRace(Snapshot left, Snapshot right, String leftName, String rightName, ShareHistory leftShares,
                  ShareHistory rightShares, String focusId) {
        String key = "race|" + leftName + "|" + rightName + "|" + focusId;
        if (rebuild(key, left.series())) {
            if (!latencyChart.getStyleClass().contains("race")) {
                latencyChart.getStyleClass().add("race");
                shareChart.getStyleClass().add("race");
            }
            latencyChart.getData().setAll(List.of(series("p99 " + leftName), series("p99 " + rightName)));
            shareChart.setLegendVisible(true);
            shareChart.getData().setAll(List.of(series("to " + focusId + ": " + leftName), series("to " + focusId + ": " + rightName)));
        }
        double windowStart = windowStart(left.series());
        appendNewer(latencyChart.getData().get(0), left.series().timeSeconds(), left.series().p99Ms(), left.series().size(), windowStart);
        appendNewer(latencyChart.getData().get(1), right.series().timeSeconds(), right.series().p99Ms(), right.series().size(), windowStart);
        appendNewer(shareChart.getData().get(0), leftShares.line(focusId), windowStart);
        appendNewer(shareChart.getData().get(1), rightShares.line(focusId), windowStart);
        finish(left.series(), windowStart);
    }

    /** Clears the charts for a new set of series or a new run; true when the caller must create the series. */
    private boolean rebuild(String key, Snapshot.Series series) {
        double newest = newest(series);
        boolean restarted = series.size() == 0 || newest < shownUntilSeconds;
        if (key.equals(shownKey) && !restarted) {
            return false;
        }
        boolean sameSeries = key.equals(shownKey);
        shownKey = key;
        shownUntilSeconds = Double.NEGATIVE_INFINITY;
        if (sameSeries) {
            for (XYChart.Series<Number, Number> s : latencyChart.getData()) {
                s.getData().clear();
            }
            for (XYChart.Series<Number, Number> s : shareChart.getData()) {
                s.getData().clear();
            }
            return false;
        }
        return true;
    }

    private void finish(Snapshot.Series series, double windowStart) {
        for (XYChart.Series<Number, Number> s : latencyChart.getData()) {
            dropBefore(s, windowStart);
        }
        for (XYChart.Series<Number, Number> s : shareChart.getData()) {
            dropBefore(s, windowStart);
        }
        double newest = newest(series);
        if (series.size() > 0) {
            shownUntilSeconds = newest;
        }
        // Until the window is full the lines grow from the left.
        double upper = newest <= WINDOW_SECONDS ? WINDOW_SECONDS : windowStart + WINDOW_SECONDS + TICK_SECONDS;
        for (NumberAxis axis : new NumberAxis[] {latencyTime, shareTime}) {
            axis.setLowerBound(windowStart);
            axis.setUpperBound(upper);
        }
    }

    private static double newest(Snapshot.Series series) {
        return series.size() == 0 ? 0 : series.timeSeconds()[series.size() - 1];
    }

    /** The window starts on a tick, so the axis reads 40, 60, 80 … and moves a tick at a time (as the Overview's). */
    private static double windowStart(Snapshot.Series series) {
        return Math.max(0, Math.floor((newest(series) - WINDOW_SECONDS) / TICK_SECONDS) * TICK_SECONDS);
    }

    /** Adds the points after the last one shown, skipping seconds without a value (no request finished). */
    private void appendNewer(XYChart.Series<Number, Number> s, double[] times, double[] values, int n, double windowStart) {
        int first = n;
        while (first > 0 && times[first - 1] > shownUntilSeconds && times[first - 1] >= windowStart) {
            first--;
        }
        if (first >= n) {
            return;
        }
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(n - first);
        for (int i = first; i < n; i++) {
            if (!Double.isNaN(values[i])) {
                points.add(new XYChart.Data<>(times[i], values[i]));
            }
        }
        s.getData().addAll(points);
    }

    private void appendNewer(XYChart.Series<Number, Number> s, ShareHistory.Line line, double windowStart) {
        if (line == null) {
            return;
        }
        int first = line.size();
        while (first > 0 && line.time(first - 1) > shownUntilSeconds && line.time(first - 1) >= windowStart) {
            first--;
        }
        if (first >= line.size()) {
            return;
        }
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(line.size() - first);
        for (int i = first; i < line.size(); i++) {
            points.add(new XYChart.Data<>(line.time(i), line.percent(i)));
        }
        s.getData().addAll(points);
    }
}
