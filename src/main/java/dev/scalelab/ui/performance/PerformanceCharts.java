package dev.scalelab.ui.performance;

import dev.scalelab.ui.charts.LiveCharts;
import dev.scalelab.ui.charts.RunRange;
import dev.scalelab.ui.charts.TimeWindow;
import dev.scalelab.ui.charts.WholeRunPlot;
import dev.scalelab.ui.charts.WholeRunSwitch;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.Phase;
import dev.scalelab.world.PerformanceView;
import dev.scalelab.world.PerformanceView.ConnectionsView;
import dev.scalelab.world.PerformanceView.ProfileView;
import dev.scalelab.world.PerformanceView.RuntimeView;
import dev.scalelab.world.Snapshot;
import javafx.collections.FXCollections;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

import static dev.scalelab.ui.Tooltips.tooltip;

/**
 * The Performance panel's charts over at least the last {@link #WINDOW_SECONDS} of virtual time, in
 * two tabs. "Latency and runtime": p99 with the longest GC pause of each second; allocation GB/s with
 * collections per second; connection wait p99 with timeouts and refusals per second. "Latency by
 * phase": the mean time per phase as stacked areas over time, and all requests against those above
 * the p99 as stacked bars: the phases that grow in the second bar are what makes the tail slow. A
 * phase has the same colour in both (and in the waterfall): {@code styles/performance.css}. A chart
 * whose part the scenario lacks shows a note instead. Each update appends only new points.
 *
 * <p>FX thread only.
 */
final class PerformanceCharts implements WholeRunSwitch.Charts {
    static final double WINDOW_SECONDS = 120;
    private static final double TICK_SECONDS = 20;
    static final String ALL_REQUESTS = "all requests";
    static final String ABOVE_P99 = "above p99";

    private TimeWindow window = new TimeWindow(WINDOW_SECONDS, TICK_SECONDS);
    private final TimeChart latency;
    private final TimeChart allocation;
    private final TimeChart connections;
    private final TimeChart breakdown;
    private final StackedBarChart<String, Number> tail;
    private final List<XYChart.Series<String, Number>> tailSeries = new ArrayList<>();
    /** The publish phase's entry in the key, hidden unless the scenario has events. */
    private final Label publishKey = new Label();
    private final StackPane allocationHost = new StackPane();
    private final StackPane connectionHost = new StackPane();
    private final Label noRuntime = note("No heap model in this scenario (service.runtime): no allocation or collections.");
    private final Label noConnections = note("No connection pool in this scenario (service.connectionPool): no waits.");
    private final TabPane view = new TabPane();

    PerformanceCharts(RunRange range, java.util.function.DoubleSupplier runSeconds) {
        latency = TimeChart.line("perfLatencyChart", "ms", range, runSeconds, "p99", "longest GC pause");
        allocation = TimeChart.line("perfAllocationChart", "per second", range, runSeconds, "GB allocated", "collections");
        connections = TimeChart.line("perfConnectionChart", "ms · per second", range, runSeconds, "wait p99 ms", "timeouts",
                "refused");
        breakdown = TimeChart.stacked("perfBreakdownChart", "mean ms", range, runSeconds);
        CategoryAxis kinds = new CategoryAxis(FXCollections.observableArrayList(ALL_REQUESTS, ABOVE_P99));
        kinds.setAnimated(false);
        NumberAxis meanMs = new NumberAxis();
        meanMs.setLabel("mean ms");
        meanMs.setAnimated(false);
        tail = new StackedBarChart<>(kinds, meanMs);
        tail.setId("perfTailChart");
        tail.setAnimated(false);
        tail.setLegendVisible(false);
        tail.setCategoryGap(24);
        // Room for both category labels under their bars, whatever the area chart beside it wants.
        tail.setMinWidth(210);
        tail.setPrefWidth(240);
        tail.setMaxWidth(300);
        for (Phase phase : Phase.values()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(TraceWaterfall.phaseLabel(phase.id()));
            s.getData().add(new XYChart.Data<>(ALL_REQUESTS, 0));
            s.getData().add(new XYChart.Data<>(ABOVE_P99, 0));
            tailSeries.add(s);
        }
        tail.getData().addAll(tailSeries);
        Tooltip.install(tail, tooltip("Mean time per phase of every request answered so far, and of those slower than the p99 "
                + "when they ended. The phases that grow in the second bar are what makes the tail slow."));
        Tooltip.install(breakdown.chart, tooltip("Where the requests answered in each virtual second spent their time, "
                + "by phase: the stack is their mean latency."));
        Tooltip.install(latency.chart, tooltip("The p99 latency of each virtual second, and the pause time of the whole fleet's "
                + "collectors in it (summed over instances)."));

        allocationHost.getChildren().setAll(allocation.chart);
        connectionHost.getChildren().setAll(connections.chart);
        HBox runtimeRow = new HBox(latency.chart, allocationHost, connectionHost);
        for (Region r : List.of(latency.chart, allocationHost, connectionHost)) {
            HBox.setHgrow(r, Priority.ALWAYS);
            r.setMinWidth(0);
            r.setPrefWidth(100); // the three share the width equally
        }
        runtimeRow.getStyleClass().addAll("performance-charts", "chart-row");

        HBox phaseRow = new HBox(breakdown.chart, tail);
        HBox.setHgrow(breakdown.chart, Priority.ALWAYS);
        breakdown.chart.setPrefWidth(200);
        VBox phases = new VBox(phaseLegend(publishKey), phaseRow);
        VBox.setVgrow(phaseRow, Priority.ALWAYS);
        phases.getStyleClass().addAll("performance-charts", "chart-row");

        Tab runtimeTab = new Tab("Latency and runtime", runtimeRow);
        runtimeTab.setId("perfRuntimeChartsTab");
        Tab phaseTab = new Tab("Latency by phase", phases);
        phaseTab.setId("perfPhaseChartsTab");
        view.getTabs().addAll(runtimeTab, phaseTab);
        view.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        view.getStyleClass().addAll("performance-chart-tabs", "performance-charts");
        view.setSide(Side.TOP);
    }

    Node view() {
        return view;
    }

    /** The phase colours as one key for both charts of the tab; the swatches are styled by phase in CSS. */
    private static FlowPane phaseLegend(Label publishKey) {
        FlowPane legend = new FlowPane();
        legend.getStyleClass().add("performance-phase-legend");
        for (Phase phase : Phase.values()) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("phase-swatch", "phase-" + PerformanceCanvas.kebab(phase.id()));
            Label item = phase == Phase.PUBLISH ? publishKey : new Label();
            item.setText(TraceWaterfall.phaseLabel(phase.id()));
            item.setGraphic(swatch);
            item.getStyleClass().add("performance-legend-item");
            legend.getChildren().add(item);
        }
        return legend;
    }

    private static Label note(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("performance-note");
        label.setWrapText(true);
        return label;
    }

    /**
     * Shows the publish phase in the key only for a scenario whose requests publish events: in
     * every other one it is always empty.
     */
    void showPublish(boolean publishes) {
        if (publishKey.isVisible() != publishes) {
            publishKey.setVisible(publishes);
            publishKey.setManaged(publishes);
        }
    }

    /**
     * The whole run (or the slice zoomed to) from the run's history; the tail bars stay those of every
     * request answered so far, which is the whole run already.
     */
    @Override
    public double showWholeRun(Snapshot snapshot, double fromSeconds, double toSeconds) {
        RunHistory.View h = snapshot.history();
        PerformanceView performance = snapshot.performance();
        RuntimeView runtime = performance.runtime();
        ConnectionsView pools = performance.connections();
        showIn(allocationHost, runtime == null ? noRuntime : allocation.chart);
        showIn(connectionHost, pools == null ? noConnections : connections.chart);
        List<WholeRunPlot.Line> latencyLines = new ArrayList<>(List.of(latency.line(0, h.get(RunHistory.Keys.P99_MS), 1)));
        if (runtime != null) {
            latencyLines.add(latency.line(1, h.get(RunHistory.Keys.GC_LONGEST_PAUSE_MS), 1));
            allocation.plot.draw(List.of(allocation.line(0, h.get(RunHistory.Keys.ALLOCATION_MB), 1 / 1024.0),
                    allocation.line(1, h.get(RunHistory.Keys.GC_COLLECTIONS), 1)), fromSeconds, toSeconds, 1);
        }
        latency.plot.draw(latencyLines, fromSeconds, toSeconds, 10);
        if (pools != null) {
            connections.plot.draw(List.of(connections.line(0, h.get(RunHistory.Keys.CONNECTION_WAIT_P99_MS), 1),
                    connections.line(1, h.get(RunHistory.Keys.CONNECTION_TIMEOUTS), 1),
                    connections.line(2, h.get(RunHistory.Keys.CONNECTION_REFUSED), 1)), fromSeconds, toSeconds, 5);
        }
        List<WholeRunPlot.Line> phases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            phases.add(breakdown.line(phase.ordinal(), h.get(RunHistory.Keys.phaseMeanMs(phase.id())), 1));
        }
        breakdown.plot.draw(phases, fromSeconds, toSeconds, 10);
        showTail(performance.profile());
        return Math.max(h.get(RunHistory.Keys.P99_MS).bucketSeconds(), (toSeconds - fromSeconds) / latency.plot.columns());
    }

    @Override
    public double timeAxisWidth() {
        return latency.time.getWidth();
    }

    /** Back to the live window: the next {@link #show} draws it afresh. */
    @Override
    public void backToLive() {
        for (TimeChart chart : List.of(latency, allocation, connections, breakdown)) {
            chart.plot.release();
            chart.clear();
            chart.time.setTickUnit(TICK_SECONDS);
        }
        window = new TimeWindow(WINDOW_SECONDS, TICK_SECONDS);
    }

    /** Brings the charts up to the newest per-second point. */
    void show(Snapshot.Series series, PerformanceView performance) {
        int n = series.size();
        double[] times = series.timeSeconds();
        if (!window.advance(times, n)) {
            for (TimeChart chart : List.of(latency, allocation, connections, breakdown)) {
                chart.clear(); // a new run
            }
        }
        int first = window.firstNew();
        RuntimeView runtime = performance.runtime();
        ConnectionsView pools = performance.connections();
        ProfileView profile = performance.profile();
        latency.append(0, times, series.p99Ms(), first, n);
        showIn(allocationHost, runtime == null ? noRuntime : allocation.chart);
        showIn(connectionHost, pools == null ? noConnections : connections.chart);
        if (runtime != null) {
            // The longest single pause of each second, not the fleet's sum: what one request could have waited, next to p99.
            latency.append(1, times, runtime.longestPauseMsPerSecond(), first, n);
            // In GB: collections per second are allocation over eden (a few hundred MB), so both lines share one scale.
            allocation.append(0, times, gigabytes(runtime.allocationMbPerSecond()), first, n);
            allocation.append(1, times, runtime.collectionsPerSecond(), first, n);
        }
        if (pools != null) {
            connections.append(0, times, pools.waitMsP99Series(), first, n);
            connections.append(1, times, pools.timeoutsPerSecond(), first, n);
            connections.append(2, times, pools.refusedPerSecond(), first, n);
        }
        for (Phase phase : Phase.values()) {
            double[][] perPhase = profile.meanMsSeries();
            if (phase.ordinal() < perPhase.length) {
                breakdown.append(phase.ordinal(), times, perPhase[phase.ordinal()], first, n);
            }
        }
        showTail(profile);
        window.shown(n);
        for (TimeChart chart : List.of(latency, allocation, connections, breakdown)) {
            chart.slide(window.startSeconds(), window.endSeconds());
        }
    }

    private static void showIn(StackPane host, Node node) {
        if (host.getChildren().size() != 1 || host.getChildren().get(0) != node) {
            host.getChildren().setAll(node);
        }
    }

    private void showTail(ProfileView profile) {
        for (Phase phase : Phase.values()) {
            XYChart.Series<String, Number> s = tailSeries.get(phase.ordinal());
            s.getData().get(0).setYValue(at(profile.meanMs(), phase.ordinal()));
            s.getData().get(1).setYValue(at(profile.aboveP99MeanMs(), phase.ordinal()));
        }
    }

    private static double at(double[] values, int i) {
        return values != null && i < values.length && Double.isFinite(values[i]) ? values[i] : 0;
    }

    /** The tail chart's bar of {@code phase} in {@code category}; for tests. */
    double tailValue(Phase phase, String category) {
        for (XYChart.Data<String, Number> d : tailSeries.get(phase.ordinal()).getData()) {
            if (d.getXValue().equals(category)) {
                return d.getYValue().doubleValue();
            }
        }
        return Double.NaN;
    }

    /** The points of line {@code line} of the breakdown chart (a phase's ordinal); for tests. */
    int breakdownPoints(Phase phase) {
        return breakdown.chart.getData().get(phase.ordinal()).getData().size();
    }

    /** A chart over the sliding time window with a fixed set of series, styled by index in CSS. */
    private static final class TimeChart {
        final XYChart<Number, Number> chart;
        private final NumberAxis time;
        final WholeRunPlot plot;

        private TimeChart(XYChart<Number, Number> chart, NumberAxis time, String id, RunRange range,
                          java.util.function.DoubleSupplier runSeconds) {
            this.chart = chart;
            this.time = time;
            this.plot = new WholeRunPlot(chart, range, runSeconds);
            chart.setId(id);
            chart.setAnimated(false);
            chart.setMinWidth(0);
            chart.setLegendSide(Side.TOP);
        }

        /** Line {@code i} drawn from {@code view}, its values times {@code scale}. */
        WholeRunPlot.Line line(int i, dev.scalelab.engine.metrics.SeriesView view, double scale) {
            return new WholeRunPlot.Line(chart.getData().get(i), view, scale);
        }

        static TimeChart line(String id, String valueLabel, RunRange range, java.util.function.DoubleSupplier runSeconds,
                              String... names) {
            NumberAxis time = LiveCharts.timeAxis(WINDOW_SECONDS, TICK_SECONDS);
            LineChart<Number, Number> chart = LiveCharts.lineChart(time, valueLabel, "performance-chart");
            TimeChart c = new TimeChart(chart, time, id, range, runSeconds);
            for (String name : names) {
                chart.getData().add(LiveCharts.series(name));
            }
            return c;
        }

        static TimeChart stacked(String id, String valueLabel, RunRange range, java.util.function.DoubleSupplier runSeconds) {
            NumberAxis time = LiveCharts.timeAxis(WINDOW_SECONDS, TICK_SECONDS);
            NumberAxis value = new NumberAxis();
            value.setLabel(valueLabel);
            value.setForceZeroInRange(true);
            value.setAnimated(false);
            StackedAreaChart<Number, Number> chart = new StackedAreaChart<>(time, value);
            chart.setCreateSymbols(false);
            chart.setLegendVisible(false);
            chart.getStyleClass().add("performance-chart");
            TimeChart c = new TimeChart(chart, time, id, range, runSeconds);
            c.plot.stacked();
            for (Phase phase : Phase.values()) {
                chart.getData().add(LiveCharts.series(TraceWaterfall.phaseLabel(phase.id())));
            }
            return c;
        }

        /** Appends seconds {@code [from, to)} of {@code values} to line {@code line}; the arrays end with the world's seconds. */
        void append(int line, double[] times, double[] values, int from, int to) {
            if (values == null) {
                return;
            }
            int offset = values.length - times.length;
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(Math.max(0, to - from));
            for (int i = from; i < to; i++) {
                int j = i + offset;
                if (j >= 0 && j < values.length && Double.isFinite(values[j])) {
                    points.add(new XYChart.Data<>(times[i], values[j]));
                }
            }
            chart.getData().get(line).getData().addAll(points);
        }

        void slide(double startSeconds, double endSeconds) {
            for (XYChart.Series<Number, Number> s : chart.getData()) {
                LiveCharts.dropBefore(s, startSeconds);
            }
            time.setLowerBound(startSeconds);
            time.setUpperBound(endSeconds);
        }

        void clear() {
            for (XYChart.Series<Number, Number> s : chart.getData()) {
                s.getData().clear();
            }
        }
    }

    private static double[] gigabytes(double[] megabytes) {
        double[] out = new double[megabytes.length];
        for (int i = 0; i < megabytes.length; i++) {
            out[i] = megabytes[i] / 1024;
        }
        return out;
    }
}
