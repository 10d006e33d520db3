package dev.scalelab.ui.resilience;

import dev.scalelab.ui.charts.RunRange;
import dev.scalelab.ui.charts.RunRangeBar;
import dev.scalelab.ui.charts.WholeRunPlot;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.Snapshot;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

import static dev.scalelab.ui.charts.LiveCharts.series;
import static dev.scalelab.ui.Tooltips.tooltip;

/**
 * The Resilience panel's charts over the live window (the last {@link #WINDOW_SECONDS} of virtual
 * time) or the whole run, one line (or band) per dependency in its colour: the load offered to each
 * dependency against the requests that called it (a retry storm shows as the first multiplying the
 * second), attempts per request, the breaker's failure rate against its threshold, and the breaker
 * state timeline. The lines come from the run's history, which the world records from t = 0, so the
 * panel opened late shows the seconds it missed.
 *
 * <p>FX thread only.
 */
final class ResilienceCharts {
    static final double WINDOW_SECONDS = 180;
    static final double TICK_SECONDS = 30;
    /** Colours per dependency, looked up in styles/resilience.css; more dependencies reuse them. */
    static final int COLORS = 4;

    private final NumberAxis loadTime = timeAxis();
    private final NumberAxis amplificationTime = timeAxis();
    private final NumberAxis failureTime = timeAxis();
    private final LineChart<Number, Number> loadChart = chart(loadTime, valueAxis(),
            "Load per dependency (/s)", "loadChart");
    private final LineChart<Number, Number> amplificationChart = chart(amplificationTime, valueAxis(),
            "Attempts per request", "amplificationChart");
    private final LineChart<Number, Number> failureChart = chart(failureTime, percentAxis(),
            "Failure rate vs threshold (%)", "failureChart");
    private final StateTimelineView timeline = new StateTimelineView();
    private final FlowPane legend = new FlowPane();
    private final VBox view;

    private final List<XYChart.Series<Number, Number>> attempts = new ArrayList<>();
    private final List<XYChart.Series<Number, Number>> requests = new ArrayList<>();
    private final List<XYChart.Series<Number, Number>> amplification = new ArrayList<>();
    private final List<XYChart.Series<Number, Number>> failureRate = new ArrayList<>();
    private final List<XYChart.Series<Number, Number>> threshold = new ArrayList<>();
    private long shownStructure = -1;
    private final WholeRunPlot loadPlot;
    private final WholeRunPlot amplificationPlot;
    private final WholeRunPlot failurePlot;
    private double secondsPerPoint = 1;

    /** @param rangeBar the strip above the charts: live window or whole run, and zoom */
    ResilienceCharts(RunRange range, DoubleSupplier runSeconds, RunRangeBar rangeBar) {
        loadPlot = new WholeRunPlot(loadChart, range, runSeconds);
        amplificationPlot = new WholeRunPlot(amplificationChart, range, runSeconds);
        failurePlot = new WholeRunPlot(failureChart, range, runSeconds);
        timeline.setId("stateTimeline");
        legend.getStyleClass().add("resilience-legend");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("resilience-chart-grid");
        grid.add(loadChart, 0, 0);
        grid.add(amplificationChart, 1, 0);
        grid.add(failureChart, 0, 1);
        grid.add(timeline, 1, 1);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
        install(loadChart, "Attempts sent to each dependency per virtual second (solid) and the requests that called it "
                + "(dashed). Retries without back-off or budget multiply the attempts while the dependency fails: a retry storm.");
        install(amplificationChart, "Attempts sent per request in each virtual second: 1 without retries, up to max attempts "
                + "in a retry storm, near 0 while an open breaker rejects the calls.");
        install(failureChart, "The breaker's failure rate over its sliding window (solid) and its failure-rate threshold "
                + "(dashed); it opens once the rate reaches the threshold with the minimum calls recorded. For a client "
                + "without a breaker, the share of its attempts that failed in each second.");
        Tooltip.install(timeline, tooltip("Each breaker's state over time: closed (calls flow), open (calls rejected), "
                + "half-open (trial calls decide)."));
        VBox.setVgrow(grid, Priority.ALWAYS);
        view = new VBox(rangeBar, legend, grid);
        view.getStyleClass().addAll("resilience-charts", "chart-row");
        view.setMinHeight(0);
    }

    private static void install(LineChart<Number, Number> chart, String explanation) {
        Tooltip.install(chart, tooltip(explanation));
    }

    VBox view() {
        return view;
    }

    /** The live window's bounds for a run that reached {@code newestSeconds}: on a tick, moving a tick at a time. */
    static double[] liveWindow(double newestSeconds) {
        double t = Double.isNaN(newestSeconds) ? 0 : newestSeconds;
        double start = Math.max(0, Math.floor((t - WINDOW_SECONDS) / TICK_SECONDS) * TICK_SECONDS);
        double end = t <= WINDOW_SECONDS ? WINDOW_SECONDS : start + WINDOW_SECONDS + TICK_SECONDS;
        return new double[] {start, end};
    }

    /**
     * Draws the charts over {@code [fromSeconds, toSeconds]} from the run's history; {@code structure}
     * changes when the dependencies do. In the live window the state timeline shows the exact
     * transitions the panel saw; over the whole run, the state at the end of each second.
     */
    void show(Snapshot snapshot, List<DependencyTrack> tracks, long structure, double fromSeconds, double toSeconds, boolean live) {
        if (structure != shownStructure) {
            rebuild(tracks);
            shownStructure = structure;
        }
        RunHistory.View h = snapshot.history();
        List<WholeRunPlot.Line> load = new ArrayList<>();
        List<WholeRunPlot.Line> perRequest = new ArrayList<>();
        List<WholeRunPlot.Line> failure = new ArrayList<>();
        List<StateSpans> spans = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            String name = tracks.get(i).name();
            load.add(new WholeRunPlot.Line(attempts.get(i), h.get(RunHistory.Keys.dependencyAttempts(name))));
            load.add(new WholeRunPlot.Line(requests.get(i), h.get(RunHistory.Keys.dependencyRequests(name))));
            perRequest.add(new WholeRunPlot.Line(amplification.get(i), h.get(RunHistory.Keys.dependencyAmplification(name))));
            failure.add(new WholeRunPlot.Line(failureRate.get(i), h.get(RunHistory.Keys.failureRatePercent(name))));
            failure.add(new WholeRunPlot.Line(threshold.get(i), h.get(RunHistory.Keys.failureThresholdPercent(name))));
            if (live) {
                tracks.get(i).states().dropBefore(fromSeconds);
            } else {
                spans.add(StateSpans.fromSeconds(h.get(RunHistory.Keys.breakerState(name))));
            }
        }
        loadPlot.draw(load, fromSeconds, toSeconds, 10);
        amplificationPlot.draw(perRequest, fromSeconds, toSeconds, 2);
        failurePlot.draw(failure, fromSeconds, toSeconds, 100);
        double tick = live ? TICK_SECONDS : RunRange.tickSeconds(toSeconds - fromSeconds);
        for (NumberAxis axis : new NumberAxis[] {loadTime, amplificationTime, failureTime}) {
            axis.setTickUnit(tick);
        }
        double now = live ? snapshot.timeSeconds() : h.seconds();
        timeline.show(tracks, live ? null : spans, fromSeconds, toSeconds, tick, now);
        secondsPerPoint = Math.max(h.get(RunHistory.Keys.OFFERED).bucketSeconds(), (toSeconds - fromSeconds) / loadPlot.columns());
    }

    /** How many seconds a point stood for at the last draw. */
    double secondsPerPoint() {
        return secondsPerPoint;
    }

    /** The points the line charts hold now (tests). */
    int pointsDrawn() {
        return loadPlot.pointsDrawn() + amplificationPlot.pointsDrawn() + failurePlot.pointsDrawn();
    }

    /** Every pulse: the timeline redraws only if {@link #show} changed it. */
    void draw() {
        timeline.draw();
    }

    private void rebuild(List<DependencyTrack> tracks) {
        attempts.clear();
        requests.clear();
        amplification.clear();
        failureRate.clear();
        threshold.clear();
        loadChart.getData().clear();
        amplificationChart.getData().clear();
        failureChart.getData().clear();
        legend.getChildren().clear();
        StringBuilder loadColors = new StringBuilder();
        StringBuilder amplificationColors = new StringBuilder();
        for (int i = 0; i < tracks.size(); i++) {
            String name = tracks.get(i).name();
            attempts.add(series(name + " attempts"));
            requests.add(series(name + " requests"));
            amplification.add(series(name));
            failureRate.add(series(name + " failure rate"));
            threshold.add(series(name + " threshold"));
            loadChart.getData().addAll(attempts.get(i), requests.get(i));
            amplificationChart.getData().add(amplification.get(i));
            failureChart.getData().addAll(failureRate.get(i), threshold.get(i));
            // Modena colours series n with CHART_COLOR_(n mod 8 + 1): both lines of a dependency get its colour.
            String color = "-res-dependency-" + (i % COLORS);
            if (2 * i + 1 < 8) {
                loadColors.append("CHART_COLOR_").append(2 * i + 1).append(": ").append(color).append("; CHART_COLOR_")
                        .append(2 * i + 2).append(": ").append(color).append("; ");
            }
            if (i < 8) {
                amplificationColors.append("CHART_COLOR_").append(i + 1).append(": ").append(color).append("; ");
            }
            Rectangle swatch = new Rectangle(14, 4);
            swatch.getStyleClass().addAll("legend-swatch", "dependency-" + (i % COLORS));
            Label entry = new Label(name, swatch);
            entry.getStyleClass().add("resilience-legend-item");
            legend.getChildren().add(entry);
        }
        loadChart.setStyle(loadColors.toString());
        failureChart.setStyle(loadColors.toString());
        amplificationChart.setStyle(amplificationColors.toString());
        for (int i = 0; i < tracks.size(); i++) {
            requests.get(i).getNode().getStyleClass().add("dashed-line");
            threshold.get(i).getNode().getStyleClass().add("dashed-line");
        }
        Label note = new Label("solid: attempts sent, failure rate · dashed: requests, threshold");
        note.getStyleClass().add("resilience-legend-note");
        legend.getChildren().add(note);
    }

    private static NumberAxis timeAxis() {
        NumberAxis axis = new NumberAxis(0, WINDOW_SECONDS, TICK_SECONDS);
        axis.setAutoRanging(false);
        axis.setAnimated(false);
        return axis;
    }

    /** Unlabelled: the chart's title names the quantity and its unit, which leaves the plot more room. */
    private static NumberAxis valueAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setForceZeroInRange(true);
        axis.setAnimated(false);
        return axis;
    }

    private static NumberAxis percentAxis() {
        NumberAxis axis = new NumberAxis(0, 100, 25);
        axis.setAutoRanging(false);
        axis.setAnimated(false);
        return axis;
    }

    private static LineChart<Number, Number> chart(NumberAxis timeAxis, NumberAxis valueAxis, String title, String id) {
        LineChart<Number, Number> chart = new LineChart<>(timeAxis, valueAxis);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setMinSize(0, 0);
        chart.setPrefSize(Region.USE_COMPUTED_SIZE, Region.USE_COMPUTED_SIZE);
        return chart;
    }
}
