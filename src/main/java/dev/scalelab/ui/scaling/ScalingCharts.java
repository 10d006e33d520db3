package dev.scalelab.ui.scaling;

import dev.scalelab.ui.charts.RunRange;
import dev.scalelab.ui.charts.TimeWindow;
import dev.scalelab.ui.charts.WholeRunPlot;
import dev.scalelab.ui.charts.WholeRunSwitch;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.Snapshot;
import javafx.geometry.Side;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.Locale;

import static dev.scalelab.ui.charts.LiveCharts.dropBefore;

/**
 * Four small charts over the last {@link #WINDOW_SECONDS} of virtual time, in a 2 × 2 grid on one
 * time axis: replicas (ready, desired, and the load as the replicas it needs at the target), CPU
 * utilization against the target, cost (per hour and so far), and p99 latency. The window holds a
 * scale-up and the 300 s scale-down stabilization after it. Each update appends only the new
 * points and drops those that slid out of the window.
 *
 * <p>Each chart has a one-line legend of its own above it: a chart's built-in legend disappears
 * when it would leave the plot less than 150 px, which at this size it always would.
 *
 * <p>FX thread only.
 */
final class ScalingCharts implements WholeRunSwitch.Charts {
    static final double WINDOW_SECONDS = 300;
    private static final double TICK_SECONDS = 60;
    /** Room a time label needs on the axis: "10:00" at 10 px (about 26 px) and the axis's gap between labels. */
    static final double TIME_LABEL_SPACE = 32;
    /** Wide enough for "3,000" or "0.0025"; styles/scaling.css pads an overlaid chart by as much. */
    private static final double VALUE_AXIS_WIDTH = 44;

    /** One value per per-second sample; {@code NaN} leaves the second out. */
    @FunctionalInterface
    private interface PointValue {
        double at(Snapshot.Series series, int index);
    }

    /** A series, how to read its points from the snapshot's series, and its record in the run's history. */
    private static final class Line {
        final XYChart.Series<Number, Number> series = new XYChart.Series<>();
        final PointValue value;
        final String historyKey;
        final WholeRunPlot plot;
        /** Multiplies the history's values: 100 for a ratio drawn in %, the load line's replicas per req/s. */
        double historyScale;

        Line(PointValue value, String historyKey, double historyScale, WholeRunPlot plot) {
            this.value = value;
            this.historyKey = historyKey;
            this.historyScale = historyScale;
            this.plot = plot;
        }
    }

    /** Virtual time on the axis as m:ss, as the status bar's clock reads. */
    private static final StringConverter<Number> CLOCK = new StringConverter<>() {
        @Override
        public String toString(Number seconds) {
            long s = Math.round(seconds.doubleValue());
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }

        @Override
        public Number fromString(String text) {
            throw new UnsupportedOperationException("the time axis is not editable");
        }
    };

    private final List<NumberAxis> timeAxes = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final GridPane view = new GridPane();

    private final Label loadLegend;
    private final Label targetLegend;
    private final XYChart.Series<Number, Number> target = new XYChart.Series<>();
    private final XYChart.Data<Number, Number> targetStart = new XYChart.Data<>(0, 60);
    private final XYChart.Data<Number, Number> targetEnd = new XYChart.Data<>(WINDOW_SECONDS, 60);

    /** Inputs of the load line at the time of the update, see {@link ScalingViewModel#neededReplicas}. */
    private double meanServiceMs;
    private int workersPerReplica;
    private double targetFraction = 0.6;
    private TimeWindow window = new TimeWindow(WINDOW_SECONDS, TICK_SECONDS);
    private final RunRange range;
    private final DoubleSupplier runSeconds;
    /** Each chart's whole-run drawing and the least top of its value axis there. */
    private final Map<WholeRunPlot, Double> minUppers = new LinkedHashMap<>();
    private final Line load;
    private final NumberAxis percent;

    ScalingCharts(RunRange range, DoubleSupplier runSeconds) {
        this.range = range;
        this.runSeconds = runSeconds;
        Cell replicas = new Cell("scalingReplicasChart", "replicas-chart",
                "Ready instances, the desired count the autoscaler set (dashed), and the offered load expressed as "
                        + "the replicas it needs at the CPU target (req/s × mean service time ÷ workers per replica ÷ "
                        + "target): where the HPA should settle once it has caught up.");
        replicas.line("ready", "", (s, i) -> s.instances()[i], RunHistory.Keys.INSTANCES, 1);
        replicas.line("desired", "dashed", (s, i) -> s.desiredInstances()[i], RunHistory.Keys.DESIRED_INSTANCES, 1);
        loadLegend = replicas.line(loadName(0.6), "wide", (s, i) ->
                ScalingViewModel.neededReplicas(s.offeredPerSecond()[i], meanServiceMs, workersPerReplica, targetFraction),
                RunHistory.Keys.OFFERED, Double.NaN);
        load = lines.get(lines.size() - 1);
        minUppers.put(replicas.plot, 4.0);

        Cell cpu = new Cell("scalingCpuChart", "cpu-chart",
                "CPU utilization of the ready instances per virtual second, against the autoscaler's target "
                        + "(autoscaler.targetUtilization), dashed.");
        percent = (NumberAxis) cpu.chart.getYAxis();
        fixPercentAxis();
        cpu.line("CPU utilization (%)", "", (s, i) -> s.utilization()[i] * 100, RunHistory.Keys.UTILIZATION, 100);
        minUppers.put(cpu.plot, 100.0);
        cpu.chart.getData().add(target);
        targetLegend = cpu.legendEntry("target 60 %", "dashed", 1);

        Cell cost = new Cell("scalingCostChart", "cost-chart",
                "What the pool costs per hour now (every instance from provisioning on, at its size's price; left "
                        + "axis) and what the run has cost so far (right axis).");
        cost.line("$ per hour", "", (s, i) -> s.costPerHour()[i], RunHistory.Keys.COST_PER_HOUR, 1);
        minUppers.put(cost.plot, 0.01);
        cost.rightAxisLine("$ so far (right axis)", (s, i) -> s.costDollars()[i], RunHistory.Keys.COST_DOLLARS);

        Cell latency = new Cell("scalingLatencyChart", "p99-chart",
                "99th percentile response time (queueing + service) per virtual second: it rises while the pool "
                        + "is short of capacity and recovers once new instances are ready and warm.");
        latency.line("p99 latency (ms)", "", (s, i) -> s.p99Ms()[i], RunHistory.Keys.P99_MS, 1);
        minUppers.put(latency.plot, 10.0);

        // The four charts' own axes take the scenario's markers; the overlays laid over them do not (twice is once too many).
        for (Cell cell : List.of(replicas, cpu, cost, latency)) {
            cell.chart.getXAxis().getStyleClass().add(dev.scalelab.ui.ChartMarkers.VIRTUAL_TIME_AXIS);
        }
        view.getStyleClass().add("scaling-charts");
        view.add(replicas.box, 0, 0);
        view.add(cpu.box, 1, 0);
        view.add(cost.box, 0, 1);
        view.add(latency.box, 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            view.getColumnConstraints().add(column);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            view.getRowConstraints().add(row);
        }
        view.setMinSize(0, 0);
    }

    GridPane view() {
        return view;
    }

    private void fixPercentAxis() {
        percent.setAutoRanging(false);
        percent.setLowerBound(0);
        percent.setUpperBound(100);
        percent.setTickUnit(25);
    }

    /**
     * The whole run (or the slice zoomed to) from the run's history. The load line is the offered load
     * at today's service time, workers and target, as the live line's newest points are; the target is
     * today's.
     */
    @Override
    public double showWholeRun(Snapshot snapshot, double fromSeconds, double toSeconds) {
        RunHistory.View h = snapshot.history();
        double target = ScalingViewModel.targetFraction(snapshot.current().autoscaler());
        load.historyScale = ScalingViewModel.neededReplicas(1, snapshot.current().service().serviceTime().meanMs(),
                ScalingViewModel.workersPerReplica(snapshot), target);
        Map<WholeRunPlot, List<WholeRunPlot.Line>> byPlot = new LinkedHashMap<>();
        for (Line line : lines) {
            if (Double.isNaN(line.historyScale)) {
                line.series.getData().clear();
                continue;
            }
            byPlot.computeIfAbsent(line.plot, p -> new ArrayList<>())
                    .add(new WholeRunPlot.Line(line.series, h.get(line.historyKey), line.historyScale));
        }
        for (Map.Entry<WholeRunPlot, List<WholeRunPlot.Line>> e : byPlot.entrySet()) {
            e.getKey().draw(e.getValue(), fromSeconds, toSeconds, minUppers.getOrDefault(e.getKey(), 1.0));
        }
        showTarget(fromSeconds, toSeconds, target, ScalingViewModel.actsOnCpu(snapshot.current().autoscaler()));
        double unit = clockTickSeconds(toSeconds - fromSeconds);
        for (NumberAxis axis : timeAxes) {
            axis.setTickUnit(unit);
        }
        WholeRunPlot any = lines.get(0).plot;
        return Math.max(h.get(RunHistory.Keys.INSTANCES).bucketSeconds(), (toSeconds - fromSeconds) / any.columns());
    }

    /** A tick on whole minutes (or half of one) giving at most six labels over {@code spanSeconds}, for the m:ss axis. */
    static double clockTickSeconds(double spanSeconds) {
        for (double unit : new double[] {30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400}) {
            if (spanSeconds / unit <= 6) {
                return unit;
            }
        }
        return 28800;
    }

    @Override
    public double timeAxisWidth() {
        return timeAxes.get(0).getWidth();
    }

    /** Back to the live window: the next {@link #show} draws it afresh. */
    @Override
    public void backToLive() {
        for (Line line : lines) {
            line.plot.release();
            line.series.getData().clear();
        }
        fixPercentAxis();
        window = new TimeWindow(WINDOW_SECONDS, TICK_SECONDS);
        fitTicks();
    }

    private static String loadName(double targetFraction) {
        return String.format(Locale.ROOT, "load (needed at %.0f %%)", targetFraction * 100);
    }

    /**
     * Brings the charts up to the series' newest point.
     *
     * @param meanServiceMs     the scenario's mean service time now
     * @param workersPerReplica workers of a new replica now
     * @param targetFraction    the CPU target now, 0 to 1
     * @param cpuPolicy         whether the autoscaler acts on CPU (HPA, threshold); else no target line
     */
    void show(Snapshot.Series series, double meanServiceMs, int workersPerReplica, double targetFraction, boolean cpuPolicy) {
        this.meanServiceMs = meanServiceMs;
        this.workersPerReplica = workersPerReplica;
        if (targetFraction != this.targetFraction) {
            this.targetFraction = targetFraction;
            loadLegend.setText(loadName(targetFraction));
            targetLegend.setText(String.format(Locale.ROOT, "target %.0f %%", targetFraction * 100));
        }
        int n = series.size();
        if (!window.advance(series.timeSeconds(), n)) {
            clear(); // a new run
        }
        double windowStart = window.startSeconds(); // on a tick: see TimeWindow
        int first = window.firstNew();
        for (Line line : lines) {
            append(line, series, first, n);
            dropBefore(line.series, windowStart);
        }
        window.shown(n);
        double upper = window.endSeconds();
        for (NumberAxis axis : timeAxes) {
            axis.setLowerBound(windowStart);
            axis.setUpperBound(upper);
        }
        fitTicks();
        showTarget(windowStart, upper, targetFraction, cpuPolicy);
    }

    /** The CPU target's dashed line across {@code [from, to]}, for an autoscaler that acts on CPU; else none. */
    private void showTarget(double from, double to, double targetFraction, boolean cpuPolicy) {
        targetStart.setXValue(from);
        targetEnd.setXValue(to);
        targetStart.setYValue(targetFraction * 100);
        targetEnd.setYValue(targetFraction * 100);
        if (cpuPolicy != targetLegend.isVisible() || target.getData().isEmpty() == cpuPolicy) {
            targetLegend.setVisible(cpuPolicy);
            targetLegend.setManaged(cpuPolicy);
            if (cpuPolicy) {
                target.getData().setAll(List.of(targetStart, targetEnd));
            } else {
                target.getData().clear();
            }
        }
    }

    /**
     * One tick unit for every time axis, from the narrowest: an axis that finds its labels too close
     * hides every other one, and then one chart would read 0 … 4:00 beside another's 0 … 5:00.
     */
    private void fitTicks() {
        if (range.isWholeRun()) {
            return; // the whole run has its own ticks
        }
        double narrowest = Double.POSITIVE_INFINITY;
        for (NumberAxis axis : timeAxes) {
            if (axis.getWidth() > 0) {
                narrowest = Math.min(narrowest, axis.getWidth());
            }
        }
        if (narrowest == Double.POSITIVE_INFINITY) {
            return; // not laid out yet: the width listeners call again
        }
        NumberAxis any = timeAxes.get(0);
        double unit = tickSeconds(any.getUpperBound() - any.getLowerBound(), narrowest, TIME_LABEL_SPACE);
        for (NumberAxis axis : timeAxes) {
            axis.setTickUnit(unit);
        }
    }

    /**
     * The tick unit for a time axis {@code spanSeconds} long and {@code axisWidth} px wide: the
     * smallest whole number of minutes (else of half minutes, at least a minute) that divides the span,
     * so that both ends are labelled, and leaves each label {@code labelSpace} px; the whole span when
     * none does.
     */
    static double tickSeconds(double spanSeconds, double axisWidth, double labelSpace) {
        long span = Math.round(spanSeconds);
        for (long step : new long[] {60, 30}) {
            for (long unit = (long) TICK_SECONDS; unit < span; unit += step) {
                if (span % unit == 0 && (span / unit + 1) * labelSpace <= axisWidth) {
                    return unit;
                }
            }
        }
        return Math.max(1, span);
    }

    private void clear() {
        for (Line line : lines) {
            line.series.getData().clear();
        }
    }

    /** Adds points {@code [from, to)}, skipping seconds without a value. */
    private static void append(Line line, Snapshot.Series series, int from, int to) {
        if (from >= to) {
            return;
        }
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(to - from);
        double[] times = series.timeSeconds();
        for (int i = from; i < to; i++) {
            double v = line.value.at(series, i);
            if (!Double.isNaN(v)) {
                points.add(new XYChart.Data<>(times[i], v));
            }
        }
        line.series.getData().addAll(points);
    }

    /**
     * One chart with its legend row above it. The chart's style class goes on the box, so that the
     * chart and the legend's swatches look up the same series colours.
     */
    private final class Cell {
        final LineChart<Number, Number> chart;
        final WholeRunPlot plot;
        final FlowPane legend = new FlowPane();
        final StackPane plots;
        final VBox box;

        Cell(String id, String styleClass, String explanation) {
            chart = lineChart();
            chart.setId(id);
            plot = new WholeRunPlot(chart, range, runSeconds);
            legend.getStyleClass().add("chart-key");
            plots = new StackPane(chart);
            plots.setMinSize(0, 0);
            VBox.setVgrow(plots, Priority.ALWAYS);
            box = new VBox(legend, plots);
            box.getStyleClass().addAll("chart-cell", styleClass);
            box.setMinSize(0, 0);
            Tooltip tooltip = new Tooltip(explanation);
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(340);
            tooltip.setShowDelay(Duration.millis(400));
            Tooltip.install(box, tooltip);
        }

        /**
         * Adds a series on an axis of its own on the right: a second chart laid over the first with
         * a transparent background and an invisible time axis, so that two quantities of different
         * size (the cost per hour and the cost so far) each fill the height.
         */
        void rightAxisLine(String name, PointValue value, String historyKey) {
            LineChart<Number, Number> overlay = lineChart();
            overlay.getYAxis().setSide(Side.RIGHT);
            overlay.setHorizontalGridLinesVisible(false);
            overlay.setVerticalGridLinesVisible(false);
            overlay.setAlternativeRowFillVisible(false);
            overlay.setMouseTransparent(true);
            overlay.getStyleClass().add("right-axis-overlay");
            chart.getStyleClass().add("with-right-axis");
            plots.getChildren().add(overlay);
            WholeRunPlot overlayPlot = new WholeRunPlot(overlay, range, runSeconds);
            ScalingCharts.this.minUppers.put(overlayPlot, 0.01);
            Line line = new Line(value, historyKey, 1, overlayPlot);
            line.series.setName(name);
            overlay.getData().add(line.series);
            lines.add(line);
            legendEntry(name, "", chart.getData().size());
        }

        /** Adds a series read by {@code value}, with its legend entry; returns the entry. */
        Label line(String name, String look, PointValue value, String historyKey, double historyScale) {
            Line line = new Line(value, historyKey, historyScale, plot);
            line.series.setName(name);
            chart.getData().add(line.series);
            lines.add(line);
            return legendEntry(name, look, chart.getData().size() - 1);
        }

        /**
         * A chart whose value axis has a fixed width, so that the four plots line up in the grid and
         * a chart laid over another (see {@link #rightAxisLine}) matches its plot area exactly. The
         * axis has no name, to leave the small plot its width: the legend names the units.
         */
        private LineChart<Number, Number> lineChart() {
            NumberAxis time = new NumberAxis(0, WINDOW_SECONDS, TICK_SECONDS);
            time.setAutoRanging(false);
            time.setAnimated(false);
            time.setMinorTickVisible(false);
            time.setTickLabelFormatter(CLOCK);
            time.widthProperty().addListener((obs, old, width) -> fitTicks());
            timeAxes.add(time);
            NumberAxis value = new NumberAxis();
            value.setForceZeroInRange(true);
            value.setAnimated(false);
            value.setMinorTickVisible(false);
            value.setMinWidth(VALUE_AXIS_WIDTH);
            value.setPrefWidth(VALUE_AXIS_WIDTH);
            value.setMaxWidth(VALUE_AXIS_WIDTH);
            LineChart<Number, Number> lineChart = new LineChart<>(time, value);
            lineChart.setAnimated(false);
            lineChart.setCreateSymbols(false);
            lineChart.setLegendVisible(false);
            lineChart.setMinSize(0, 0);
            return lineChart;
        }

        /** A swatch in series {@code index}'s colour, drawn {@code look} ("", "dashed" or "wide"), and the name. */
        Label legendEntry(String name, String look, int index) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("key-swatch", "key-series" + index);
            if (!look.isEmpty()) {
                swatch.getStyleClass().add(look);
            }
            Label entry = new Label(name, swatch);
            entry.getStyleClass().add("key-entry");
            entry.setMinWidth(Region.USE_PREF_SIZE);
            legend.getChildren().add(entry);
            return entry;
        }
    }
}
