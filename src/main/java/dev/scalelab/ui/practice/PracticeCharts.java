package dev.scalelab.ui.practice;

import dev.scalelab.practice.Challenge;
import dev.scalelab.practice.Metric;
import dev.scalelab.practice.Requirement;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.charts.TimeLineChart;
import dev.scalelab.ui.charts.TimeWindow;
import dev.scalelab.world.Snapshot;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.List;

import static dev.scalelab.ui.charts.LiveCharts.dropBefore;
import static dev.scalelab.ui.charts.LiveCharts.series;

/**
 * The live design under the Practice panel: its p99 of each second beside the chosen challenge's
 * p99 target (when it has one), and the requests that failed or were rejected each second, over the
 * last {@link #WINDOW_SECONDS} of virtual time. The charts are declared in {@code fxml/PracticePanel.fxml}.
 *
 * <p>FX thread only.
 */
final class PracticeCharts {
    static final double WINDOW_SECONDS = 120;
    private static final double TICK_SECONDS = 20;

    private final NumberAxis p99Time;
    private final NumberAxis errorTime;
    private final XYChart.Series<Number, Number> p99 = series("p99");
    private final XYChart.Series<Number, Number> target = series("target");
    private final XYChart.Series<Number, Number> errors = series("failed + rejected");
    private final TimeWindow window = new TimeWindow(WINDOW_SECONDS, TICK_SECONDS);
    private double targetMs = Double.NaN;

    PracticeCharts(TimeLineChart p99Chart, TimeLineChart errorChart) {
        p99Time = p99Chart.timeAxis();
        errorTime = errorChart.timeAxis();
        p99Chart.getData().addAll(List.of(p99, target));
        errorChart.getData().add(errors);
    }

    /** The p99 target line: the challenge's p99 requirement's bound, or none. */
    void showTarget(Challenge challenge) {
        assert FxThread.isCurrent();
        targetMs = Double.NaN;
        if (challenge != null) {
            for (Requirement r : challenge.requirements()) {
                if (r.metric() == Metric.P99_MS && r.max() != null) {
                    targetMs = r.max();
                    break;
                }
            }
        }
        drawTarget();
    }

    /** Brings the charts up to the series' newest point. */
    void show(Snapshot.Series series) {
        assert FxThread.isCurrent();
        int n = series.size();
        if (!window.advance(series.timeSeconds(), n)) {
            p99.getData().clear();
            errors.getData().clear();
        }
        int first = window.firstNew();
        double[] times = series.timeSeconds();
        List<XYChart.Data<Number, Number>> p99Points = new ArrayList<>();
        List<XYChart.Data<Number, Number>> errorPoints = new ArrayList<>();
        for (int i = first; i < n; i++) {
            if (!Double.isNaN(series.p99Ms()[i])) {
                p99Points.add(new XYChart.Data<>(times[i], series.p99Ms()[i]));
            }
            errorPoints.add(new XYChart.Data<>(times[i], series.failedPerSecond()[i] + series.rejectedPerSecond()[i]));
        }
        p99.getData().addAll(p99Points);
        errors.getData().addAll(errorPoints);
        dropBefore(p99, window.startSeconds());
        dropBefore(errors, window.startSeconds());
        window.shown(n);
        for (NumberAxis axis : List.of(p99Time, errorTime)) {
            axis.setLowerBound(window.startSeconds());
            axis.setUpperBound(window.endSeconds());
        }
        drawTarget();
    }

    private void drawTarget() {
        if (Double.isNaN(targetMs)) {
            target.getData().clear();
            return;
        }
        target.getData().setAll(List.of(new XYChart.Data<>(window.startSeconds(), targetMs),
                new XYChart.Data<>(window.endSeconds(), targetMs)));
    }
}
