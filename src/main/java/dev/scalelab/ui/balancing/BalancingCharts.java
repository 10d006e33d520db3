package dev.scalelab.ui.balancing;

import dev.scalelab.ui.charts.RunRange;
import dev.scalelab.ui.charts.WholeRunPlot;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.Snapshot;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

import static dev.scalelab.ui.charts.LiveCharts.lineChart;
import static dev.scalelab.ui.charts.LiveCharts.series;
import static dev.scalelab.ui.charts.LiveCharts.timeAxis;

/**
 * The panel's charts over the live window (at least the last {@link #WINDOW_SECONDS} of virtual time)
 * or the whole run. One world: p50 and p99, and each instance's share of the traffic (one line per
 * instance, in the instance's colour). Race mode: the two worlds' p99, and both worlds' share to one
 * instance (the selected one, else the slowest). Every line comes from the run's history, which the
 * world records from t = 0, so the panel opened late shows what happened while it was away; the
 * series are rebuilt only when what they show changes (mode, strategies, instances).
 *
 * <p>FX thread only.
 */
final class BalancingCharts {
    static final double WINDOW_SECONDS = 120;
    static final double TICK_SECONDS = 20;
    private static final int MAX_SHARE_LEGEND = 12;

    private final NumberAxis latencyTime = timeAxis(WINDOW_SECONDS, TICK_SECONDS);
    private final NumberAxis shareTime = timeAxis(WINDOW_SECONDS, TICK_SECONDS);
    private final LineChart<Number, Number> latencyChart = lineChart(latencyTime, "latency (ms)", "balancing-latency-chart");
    private final LineChart<Number, Number> shareChart = lineChart(shareTime, "share of traffic (%)", "share-chart");
    private final HBox row = new HBox(latencyChart, shareChart);
    private final WholeRunPlot latencyPlot;
    private final WholeRunPlot sharePlot;

    /** What the series show now, such as "one|i-0,i-1" or "race|round-robin|p2c|i-3"; a change rebuilds them. */
    private String shownKey = "";
    private double secondsPerPoint = 1;

    BalancingCharts(RunRange range, DoubleSupplier runSeconds) {
        latencyChart.setId("balancingLatencyChart");
        shareChart.setId("shareChart");
        row.getStyleClass().addAll("balancing-charts", "chart-row");
        HBox.setHgrow(latencyChart, Priority.ALWAYS);
        HBox.setHgrow(shareChart, Priority.ALWAYS);
        latencyPlot = new WholeRunPlot(latencyChart, range, runSeconds);
        sharePlot = new WholeRunPlot(shareChart, range, runSeconds);
    }

    HBox row() {
        return row;
    }

    LineChart<Number, Number> latencyChart() {
        return latencyChart;
    }

    LineChart<Number, Number> shareChart() {
        return shareChart;
    }

    /** How many seconds a point stood for at the last draw (1 in the live window until the run's buckets widen). */
    double secondsPerPoint() {
        return secondsPerPoint;
    }

    /** The live window's bounds for a run that reached {@code newestSeconds}: on a tick, as the Overview's. */
    static double[] liveWindow(double newestSeconds) {
        double start = Math.max(0, Math.floor((newestSeconds - WINDOW_SECONDS) / TICK_SECONDS) * TICK_SECONDS);
        double end = newestSeconds <= WINDOW_SECONDS ? WINDOW_SECONDS : start + WINDOW_SECONDS + TICK_SECONDS;
        return new double[] {start, end};
    }

    /** One world over {@code [fromSeconds, toSeconds]}: p50 and p99, and every instance's share. */
    void show(Snapshot snapshot, double fromSeconds, double toSeconds, boolean live) {
        List<Snapshot.InstanceView> instances = snapshot.instances();
        StringBuilder key = new StringBuilder("one|");
        for (Snapshot.InstanceView in : instances) {
            key.append(in.id()).append(',');
        }
        if (!key.toString().equals(shownKey)) {
            shownKey = key.toString();
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
        RunHistory.View h = snapshot.history();
        latencyPlot.draw(List.of(new WholeRunPlot.Line(latencyChart.getData().get(0), h.get(RunHistory.Keys.P50_MS)),
                new WholeRunPlot.Line(latencyChart.getData().get(1), h.get(RunHistory.Keys.P99_MS))), fromSeconds, toSeconds, 10);
        List<WholeRunPlot.Line> shares = new ArrayList<>(instances.size());
        for (int i = 0; i < instances.size(); i++) {
            shares.add(new WholeRunPlot.Line(shareChart.getData().get(i), h.get(RunHistory.Keys.sharePercent(instances.get(i).id()))));
        }
        sharePlot.draw(shares, fromSeconds, toSeconds, 10);
        finish(h, fromSeconds, toSeconds, live);
    }

    /**
     * Race mode: p99 of both worlds, and both worlds' share to instance {@code focusId}.
     *
     * @param leftName  the left world's strategy, for the legend; likewise {@code rightName}
     */
    void showRace(Snapshot left, Snapshot right, String leftName, String rightName, String focusId, double fromSeconds,
                  double toSeconds, boolean live) {
        String key = "race|" + leftName + "|" + rightName + "|" + focusId;
        if (!key.equals(shownKey)) {
            shownKey = key;
            if (!latencyChart.getStyleClass().contains("race")) {
                latencyChart.getStyleClass().add("race");
                shareChart.getStyleClass().add("race");
            }
            latencyChart.getData().setAll(List.of(series("p99 " + leftName), series("p99 " + rightName)));
            shareChart.setLegendVisible(true);
            shareChart.getData().setAll(List.of(series("to " + focusId + ": " + leftName), series("to " + focusId + ": " + rightName)));
        }
        RunHistory.View l = left.history();
        RunHistory.View r = right.history();
        latencyPlot.draw(List.of(new WholeRunPlot.Line(latencyChart.getData().get(0), l.get(RunHistory.Keys.P99_MS)),
                new WholeRunPlot.Line(latencyChart.getData().get(1), r.get(RunHistory.Keys.P99_MS))), fromSeconds, toSeconds, 10);
        sharePlot.draw(List.of(new WholeRunPlot.Line(shareChart.getData().get(0), l.get(RunHistory.Keys.sharePercent(focusId))),
                new WholeRunPlot.Line(shareChart.getData().get(1), r.get(RunHistory.Keys.sharePercent(focusId)))),
                fromSeconds, toSeconds, 10);
        finish(l, fromSeconds, toSeconds, live);
    }

    private void finish(RunHistory.View h, double fromSeconds, double toSeconds, boolean live) {
        secondsPerPoint = Math.max(h.get(RunHistory.Keys.P99_MS).bucketSeconds(), (toSeconds - fromSeconds) / latencyPlot.columns());
        if (live) { // the live window reads 40, 60, 80 … as the Overview's
            latencyTime.setTickUnit(TICK_SECONDS);
            shareTime.setTickUnit(TICK_SECONDS);
        }
    }

    /** The points the charts hold now, every line together. */
    int pointsDrawn() {
        return latencyPlot.pointsDrawn() + sharePlot.pointsDrawn();
    }
}
