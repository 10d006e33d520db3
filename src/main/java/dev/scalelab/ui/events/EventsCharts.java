package dev.scalelab.ui.events;

import dev.scalelab.ui.charts.LiveCharts;
import dev.scalelab.ui.charts.RunRange;
import dev.scalelab.ui.charts.TimeWindow;
import dev.scalelab.ui.charts.WholeRunPlot;
import dev.scalelab.ui.charts.WholeRunSwitch;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.RunHistory.EventsMeasure;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.EventsView.GroupView;
import dev.scalelab.world.EventsView.QueueView;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.scalelab.ui.Tooltips.tooltip;

/**
 * The Events panel's charts over at least the last {@link #WINDOW_SECONDS} of virtual time, for the
 * drawn group (or, in a scenario with only work queues, the first queue): the total lag with the
 * {@link #TOP_PARTITIONS} partitions that lag most now; the end-to-end p99, publish to processed;
 * consumers against the lag autoscaler's desired count, with its last decision written under; and
 * duplicate effects and dead letters per second. Each update appends only new points, unless the
 * drawn source or the top partitions changed: then the lines are refilled from the window's start.
 *
 * <p>FX thread only.
 */
final class EventsCharts implements WholeRunSwitch.Charts {
    static final double WINDOW_SECONDS = 120;
    static final int TOP_PARTITIONS = 3;
    private static final double TICK_SECONDS = 20;

    private TimeWindow window = new TimeWindow(WINDOW_SECONDS, TICK_SECONDS);
    private final NumberAxis[] timeAxes = new NumberAxis[4];
    private final LineChart<Number, Number> lag;
    private final LineChart<Number, Number> endToEnd;
    private final LineChart<Number, Number> consumers;
    private final LineChart<Number, Number> losses;
    private final Label decision = new Label();
    /** Below this width the charts go two to a tab. */
    static final double WIDE_WIDTH = 900;
    private final HBox row = new HBox();
    private final HBox latencyPair = new HBox();
    private final HBox scalingPair = new HBox();
    private final TabPane tabs = new TabPane();
    private final VBox consumerColumnBox;
    private boolean arrangedWide = true;
    private boolean available = true;
    private final Label none = new Label("No event streams in this scenario: no lag, consumers or dead letters to chart.");
    private final StackPane view;
    /** The source the lines show ("group billing", "queue jobs") and the partitions drawn beside the total lag. */
    private String shownSource;
    private int[] shownPartitions = new int[0];
    /** When the partitions' lines were last chosen again (wall time), and how long they stay at least. */
    private long rechosenNanos = Long.MIN_VALUE / 2;
    private static final long RECHOOSE_NANOS = 1_000_000_000L;
    private final WholeRunPlot[] plots = new WholeRunPlot[4];
    /** The group the panel draws, or null for its first queue: the source of the whole run's lines. */
    private GroupView chosenGroup;

    EventsCharts(RunRange range, java.util.function.DoubleSupplier runSeconds) {
        lag = chart(0, "eventsLagChart", "records", "total lag");
        endToEnd = chart(1, "eventsEndToEndChart", "ms", "end-to-end p99");
        consumers = chart(2, "eventsConsumersChart", "consumers", "consumers", "desired");
        losses = chart(3, "eventsLossesChart", "per second", "duplicates", "dead letters");
        List<LineChart<Number, Number>> all = List.of(lag, endToEnd, consumers, losses);
        for (int i = 0; i < plots.length; i++) {
            plots[i] = new WholeRunPlot(all.get(i), range, runSeconds);
        }
        Tooltip.install(lag, tooltip("Records published and not yet committed by the group, in all and on the partitions that "
                + "lag most now."));
        Tooltip.install(endToEnd, tooltip("The 99th percentile of the time from publishing a record to the end of its "
                + "processing, over the records processed in each virtual second."));
        Tooltip.install(consumers, tooltip("The group's consumers, and the count the lag autoscaler asked for at its last poll "
                + "(KEDA's lag over lagThreshold, capped at the partitions, through the HPA's behavior)."));
        Tooltip.install(losses, tooltip("Effects applied a second time (redelivered records an idempotent consumer would skip), "
                + "and records sent to the dead-letter topic, per virtual second."));
        decision.setId("eventsLastDecision");
        decision.getStyleClass().add("events-decision");
        decision.setWrapText(true);
        decision.setMinHeight(Region.USE_PREF_SIZE); // the decision whole, on two lines if need be
        decision.setMaxWidth(Double.MAX_VALUE);
        VBox consumerColumn = new VBox(consumers, decision);
        VBox.setVgrow(consumers, Priority.ALWAYS);
        for (Region r : List.of(lag, endToEnd, consumerColumn, losses)) {
            HBox.setHgrow(r, Priority.ALWAYS);
            r.setMinWidth(0);
            r.setPrefWidth(100); // they share the width equally
        }
        row.getStyleClass().addAll("events-charts", "chart-row");
        for (HBox pair : List.of(latencyPair, scalingPair)) {
            pair.getStyleClass().addAll("events-charts", "chart-row");
        }
        Tab latencyTab = new Tab("Lag and end-to-end", latencyPair);
        latencyTab.setId("eventsLagTab");
        Tab scalingTab = new Tab("Consumers and losses", scalingPair);
        scalingTab.setId("eventsConsumersTab");
        tabs.getTabs().setAll(latencyTab, scalingTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().addAll("events-chart-tabs", "events-charts");
        none.getStyleClass().add("events-note");
        StackPane.setAlignment(none, Pos.TOP_LEFT);
        view = new StackPane(row);
        view.getStyleClass().add("events-chart-host");
        view.widthProperty().addListener((obs, was, width) -> arrange());
        row.getChildren().setAll(lag, endToEnd, consumerColumn, losses);
        consumerColumnBox = consumerColumn;
    }

    /**
     * Four charts in a row where they have room; in a narrow window two tabs of two, so that each
     * chart keeps a readable width.
     */
    private void arrange() {
        if (!available) {
            showOnly(none);
            return;
        }
        boolean isWide = view.getWidth() == 0 || view.getWidth() >= WIDE_WIDTH;
        if (isWide != arrangedWide) {
            arrangedWide = isWide;
            if (isWide) {
                row.getChildren().setAll(lag, endToEnd, consumerColumnBox, losses);
            } else {
                latencyPair.getChildren().setAll(lag, endToEnd);
                scalingPair.getChildren().setAll(consumerColumnBox, losses);
            }
        }
        showOnly(isWide ? row : tabs);
    }

    private void showOnly(Node node) {
        if (view.getChildren().size() != 1 || view.getChildren().get(0) != node) {
            view.getChildren().setAll(node);
        }
    }

    private LineChart<Number, Number> chart(int index, String id, String valueLabel, String... lines) {
        timeAxes[index] = LiveCharts.timeAxis(WINDOW_SECONDS, TICK_SECONDS);
        LineChart<Number, Number> chart = LiveCharts.lineChart(timeAxes[index], valueLabel, "events-chart");
        chart.setId(id);
        for (String line : lines) {
            chart.getData().add(LiveCharts.series(line));
        }
        return chart;
    }

    Node view() {
        return view;
    }

    /** The charts, or a line saying the scenario has nothing for them (never empty charts). */
    void setAvailable(boolean isAvailable) {
        if (isAvailable != available) {
            available = isAvailable;
            arrange();
        }
    }

    /** The group the panel draws now (null: its first queue), for the whole run; returns the source's name. */
    String choose(GroupView group, Snapshot snapshot) {
        chosenGroup = group;
        if (group != null) {
            return "group " + group.name();
        }
        return snapshot.events() == null || snapshot.events().queues().isEmpty() ? "" : "queue " + snapshot.events().queues().get(0).name();
    }

    /**
     * The whole run (or the slice zoomed to) of the drawn group or queue from the run's history. A
     * group's lag chart shows its total and its most-lagging partition's lag (which partition that is
     * may change: the history does not keep up to 256 lines per group); a queue's, its visible and
     * in-flight messages, as live.
     */
    @Override
    public double showWholeRun(Snapshot snapshot, double fromSeconds, double toSeconds) {
        if (snapshot.events() == null) {
            return 1;
        }
        String source = choose(chosenGroup, snapshot);
        if (source.isEmpty()) {
            return 1;
        }
        RunHistory.View h = snapshot.history();
        boolean group = chosenGroup != null;
        List<String> names = group ? List.of("total lag", "most-lagging partition") : List.of("visible", "in flight");
        if (!names.equals(lagLines())) {
            lag.getData().setAll(List.of(LiveCharts.series(names.get(0)), LiveCharts.series(names.get(1))));
        }
        shownSource = null; // back to live, the lines are refilled
        shownPartitions = new int[0];
        plots[0].draw(List.of(line(lag, 0, h, source, EventsMeasure.LAG), line(lag, 1, h, source, EventsMeasure.LAG_DETAIL)),
                fromSeconds, toSeconds, 10);
        plots[1].draw(List.of(line(endToEnd, 0, h, source, EventsMeasure.END_TO_END_P99_MS)), fromSeconds, toSeconds, 10);
        plots[2].draw(List.of(line(consumers, 0, h, source, EventsMeasure.CONSUMERS), line(consumers, 1, h, source, EventsMeasure.DESIRED)),
                fromSeconds, toSeconds, 2);
        plots[3].draw(List.of(line(losses, 0, h, source, EventsMeasure.DUPLICATES), line(losses, 1, h, source, EventsMeasure.DEAD_LETTERED)),
                fromSeconds, toSeconds, 5);
        String last = group ? chosenGroup.lastDecision() : snapshot.events().queues().get(0).lastDecision();
        decision.setText(last.isEmpty() ? "No autoscaler decision yet." : last);
        return Math.max(h.get(RunHistory.Keys.events(source, EventsMeasure.LAG)).bucketSeconds(),
                (toSeconds - fromSeconds) / plots[0].columns());
    }

    private static WholeRunPlot.Line line(LineChart<Number, Number> chart, int i, RunHistory.View h, String source, EventsMeasure m) {
        return new WholeRunPlot.Line(chart.getData().get(i), h.get(RunHistory.Keys.events(source, m)));
    }

    @Override
    public double timeAxisWidth() {
        return timeAxes[0].getWidth();
    }

    /** Back to the live window: the next {@link #show} refills the lines. */
    @Override
    public void backToLive() {
        for (WholeRunPlot plot : plots) {
            plot.release();
        }
        clear();
        shownSource = null;
        window = new TimeWindow(WINDOW_SECONDS, TICK_SECONDS);
        for (NumberAxis axis : timeAxes) {
            axis.setTickUnit(TICK_SECONDS);
        }
    }

    /** Brings the charts up to the newest second of {@code times} for a group. */
    void show(double[] times, GroupView group) {
        // A new set of lines refills the chart (every point of the window, a new legend): at most once a
        // second of wall time, so lags crossing each other at max speed do not relayout it every update.
        long now = System.nanoTime();
        int[] top = now - rechosenNanos < RECHOOSE_NANOS && valid(shownPartitions, group.lag().length) && shownPartitions.length > 0
                ? shownPartitions : keepOrRechoose(group.lag(), shownPartitions, TOP_PARTITIONS);
        if (top != shownPartitions) {
            rechosenNanos = now;
        }
        boolean refill = begin(times, "group " + group.name()) | !Arrays.equals(top, shownPartitions);
        if (refill) {
            shownPartitions = top;
            List<XYChart.Series<Number, Number>> lines = new ArrayList<>();
            lines.add(LiveCharts.series("total lag"));
            for (int p : top) {
                lines.add(LiveCharts.series("P" + p));
            }
            lag.getData().setAll(lines);
            clear();
        }
        int from = refill ? firstInWindow(times) : window.firstNew();
        int n = times.length;
        append(lag, 0, times, group.totalLagSeries(), from, n);
        for (int i = 0; i < top.length; i++) {
            double[][] perPartition = group.partitionLagSeries();
            if (top[i] < perPartition.length) {
                append(lag, i + 1, times, perPartition[top[i]], from, n);
            }
        }
        append(endToEnd, 0, times, group.endToEndMsP99Series(), from, n);
        append(consumers, 0, times, group.consumersSeries(), from, n);
        append(consumers, 1, times, group.desiredSeries(), from, n);
        append(losses, 0, times, group.duplicatesSeries(), from, n);
        append(losses, 1, times, group.deadLetteredSeries(), from, n);
        decision.setText(group.lastDecision().isEmpty() ? "No autoscaler decision yet." : group.lastDecision());
        end(times);
    }

    /** Brings the charts up to the newest second for a work queue: its waiting messages take the lag chart. */
    void show(double[] times, QueueView queue) {
        boolean refill = begin(times, "queue " + queue.name());
        if (refill) {
            shownPartitions = new int[0];
            lag.getData().setAll(List.of(LiveCharts.series("visible"), LiveCharts.series("in flight")));
        }
        int from = refill ? firstInWindow(times) : window.firstNew();
        int n = times.length;
        append(lag, 0, times, queue.visibleSeries(), from, n);
        append(lag, 1, times, queue.inFlightSeries(), from, n);
        append(endToEnd, 0, times, queue.endToEndMsP99Series(), from, n);
        append(consumers, 0, times, queue.consumersSeries(), from, n);
        append(consumers, 1, times, queue.desiredSeries(), from, n);
        append(losses, 0, times, queue.duplicatesSeries(), from, n);
        append(losses, 1, times, queue.deadLetteredSeries(), from, n);
        decision.setText(queue.lastDecision().isEmpty() ? "No autoscaler decision yet." : queue.lastDecision());
        end(times);
    }

    /** Moves the window; true when the lines must be refilled: a new run or another source. */
    private boolean begin(double[] times, String source) {
        boolean sameRun = window.advance(times, times.length);
        boolean refill = !sameRun || !source.equals(shownSource);
        shownSource = source;
        if (refill) {
            clear();
        }
        return refill;
    }

    private void end(double[] times) {
        window.shown(times.length);
        for (int i = 0; i < timeAxes.length; i++) {
            timeAxes[i].setLowerBound(window.startSeconds());
            timeAxes[i].setUpperBound(window.endSeconds());
        }
        for (LineChart<Number, Number> chart : List.of(lag, endToEnd, consumers, losses)) {
            for (XYChart.Series<Number, Number> s : chart.getData()) {
                LiveCharts.dropBefore(s, window.startSeconds());
            }
        }
    }

    private int firstInWindow(double[] times) {
        int i = times.length;
        while (i > 0 && times[i - 1] >= window.startSeconds()) {
            i--;
        }
        return i;
    }

    private void clear() {
        for (LineChart<Number, Number> chart : List.of(lag, endToEnd, consumers, losses)) {
            for (XYChart.Series<Number, Number> s : chart.getData()) {
                s.getData().clear();
            }
        }
    }

    /**
     * Appends seconds {@code [from, to)} of {@code values} to line {@code line}; a series ends with the
     * world's seconds. Every line here is a count or a time, so a negative value is "none yet" (the
     * desired count before the autoscaler's first decision) and is left out, as NaN is.
     */
    private static void append(LineChart<Number, Number> chart, int line, double[] times, double[] values, int from, int to) {
        if (values == null || line >= chart.getData().size()) {
            return;
        }
        int shift = values.length - times.length;
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(Math.max(0, to - from));
        for (int i = Math.max(from, -shift); i < to; i++) {
            double v = values[i + shift];
            if (Double.isFinite(v) && v >= 0) {
                points.add(new XYChart.Data<>(times[i], v));
            }
        }
        chart.getData().get(line).getData().addAll(points);
    }

    /**
     * The partitions shown, kept while none of the others lags a quarter more than the least of them
     * (lags jostle every second; redrawing the lines for every swap would cost more than it tells);
     * otherwise the {@code count} that lag most now.
     */
    /** Whether every partition in {@code shown} still exists. */
    private static boolean valid(int[] shown, int partitions) {
        for (int p : shown) {
            if (p >= partitions) {
                return false;
            }
        }
        return true;
    }

    static int[] keepOrRechoose(long[] lag, int[] shown, int count) {
        long least = Long.MAX_VALUE;
        for (int p : shown) {
            if (p >= lag.length) {
                return topPartitions(lag, count);
            }
            least = Math.min(least, lag[p]);
        }
        if (shown.length < Math.min(count, lag.length) || least <= 0) {
            return topPartitions(lag, count);
        }
        for (int q = 0; q < lag.length; q++) {
            if (lag[q] * 4 > least * 5 && Arrays.binarySearch(shown, q) < 0) {
                return topPartitions(lag, count);
            }
        }
        return shown;
    }

    /**
     * The {@code count} partitions with the most lag (ties to the lower number; only those lagging at
     * all), in partition order: the lines change only when the set does, not when two swap places.
     */
    static int[] topPartitions(long[] lag, int count) {
        int[] top = new int[Math.min(count, lag.length)];
        int found = 0;
        boolean[] taken = new boolean[lag.length];
        for (int k = 0; k < top.length; k++) {
            int best = -1;
            for (int p = 0; p < lag.length; p++) {
                if (!taken[p] && lag[p] > 0 && (best < 0 || lag[p] > lag[best])) {
                    best = p;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            top[found++] = best;
        }
        int[] chosen = Arrays.copyOf(top, found);
        Arrays.sort(chosen);
        return chosen;
    }

    /** The number of lines of the lag chart and their names, for tests. */
    List<String> lagLines() {
        List<String> names = new ArrayList<>();
        for (XYChart.Series<Number, Number> s : lag.getData()) {
            names.add(s.getName());
        }
        return names;
    }

    String decisionText() {
        return decision.getText();
    }
}
