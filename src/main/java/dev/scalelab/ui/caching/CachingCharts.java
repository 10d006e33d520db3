package dev.scalelab.ui.caching;

import dev.scalelab.ui.charts.RunRange;
import dev.scalelab.ui.charts.WholeRunPlot;
import dev.scalelab.ui.charts.WholeRunSwitch;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Snapshot.CacheView;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.List;

import static dev.scalelab.ui.charts.LiveCharts.dropBefore;
import static dev.scalelab.ui.charts.LiveCharts.timeAxis;

/**
 * Two charts over at least the last {@link #WINDOW_SECONDS} of virtual time: the hit ratio of each
 * level and of the whole cache, against Che's prediction for L1 (dashed) and Belady's optimum for
 * the whole cache (dotted); and the load on the store, loads per second with the duplicate loads of
 * a stampede and the reads that coalescing saved. Each update appends only the new points and drops
 * those that slid out of the window. The legends are drawn here (not the charts' own), so that a
 * dashed reference line looks dashed in its legend too.
 *
 * <p>FX thread only.
 */
final class CachingCharts implements WholeRunSwitch.Charts {
    static final double WINDOW_SECONDS = 120;
    private static final double TICK_SECONDS = 20;
    static final int MAX_LEVELS = 3;

    private final NumberAxis hitTime = timeAxis(WINDOW_SECONDS, TICK_SECONDS);
    private final NumberAxis hitPercent = new NumberAxis(0, 100, 10);
    private final NumberAxis loadTime = timeAxis(WINDOW_SECONDS, TICK_SECONDS);
    private final LineChart<Number, Number> hitChart;
    private final LineChart<Number, Number> loadChart;
    private final XYChart.Series<Number, Number> overall = new XYChart.Series<>();
    private final List<XYChart.Series<Number, Number>> levelSeries = new ArrayList<>();
    private final XYChart.Series<Number, Number> che = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> belady = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> loads = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> duplicates = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> coalesced = new XYChart.Series<>();
    private final java.util.Map<XYChart.Series<Number, Number>, String> seriesStyles = new java.util.LinkedHashMap<>();
    private final FlowPane hitLegend = new FlowPane();
    private final List<HBox> levelLegendItems = new ArrayList<>();
    private final Label cheLabel = new Label();
    private final Label beladyLabel = new Label();
    /** The loads line's name: the store's, or a CDN's origin's. */
    private final Label loadsLabel = new Label("store loads");
    private final Tooltip loadsExplanation = new Tooltip("Reads the store served for the cache per second: every miss of the last level that started a load.");
    private final HBox cheItem;
    private final HBox beladyItem;
    /** False for a drawn cache box, whose reads no Belady bound is computed for: its line and legend are absent. */
    private boolean beladyComputed = true;
    private final HBox view;

    private double shownUntilSeconds = Double.NEGATIVE_INFINITY;
    private int levelCount = -1;
    private final WholeRunPlot hitPlot;
    private final WholeRunPlot loadPlot;

    CachingCharts(RunRange range, java.util.function.DoubleSupplier runSeconds) {
        hitPercent.setLabel("hit ratio (%)");
        hitPercent.setAutoRanging(false);
        hitPercent.setAnimated(false);
        hitChart = chart(hitTime, hitPercent, "hit-ratio-chart");
        hitChart.setId("hitRatioChart");
        NumberAxis loadValue = new NumberAxis();
        loadValue.setLabel("per second");
        loadValue.setForceZeroInRange(true);
        loadValue.setAnimated(false);
        loadChart = chart(loadTime, loadValue, "store-load-chart");
        loadChart.setId("storeLoadChart");
        hitPlot = new WholeRunPlot(hitChart, range, runSeconds);
        loadPlot = new WholeRunPlot(loadChart, range, runSeconds);

        add(hitChart, overall, "series-overall");
        for (int i = 0; i < MAX_LEVELS; i++) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            levelSeries.add(s);
            add(hitChart, s, "series-level-" + (i + 1));
            levelLegendItems.add(legendItem("L" + (i + 1), "series-level-" + (i + 1),
                    "Share of lookups at this level that hit, per second."));
        }
        add(hitChart, che, "series-che");
        add(hitChart, belady, "series-belady");
        add(loadChart, loads, "series-loads");
        add(loadChart, duplicates, "series-duplicates");
        add(loadChart, coalesced, "series-coalesced");
        styleLines();

        cheItem = legendItem(cheLabel, "series-che",
                "Che's approximation: the hit ratio an LRU (or FIFO) cache of L1's size would have under this key popularity, "
                        + "if requests were independent. Only the first level sees such a stream.");
        beladyItem = legendItem(beladyLabel, "series-belady",
                "Belady's MIN: the best hit ratio any single cache of the total capacity of all levels could have had on the "
                        + "last 100,000 reads, knowing the future. Recomputed every 30 s of virtual time. It starts that window "
                        + "with an empty cache, so when the levels hold most of the keys a warm cache can come out above it.");
        hitLegend.getStyleClass().add("chart-key");
        hitLegend.getChildren().add(legendItem("all levels", "series-overall", "Share of reads served by any level, per second."));
        hitLegend.getChildren().addAll(levelLegendItems);
        hitLegend.getChildren().addAll(cheItem, beladyItem);

        FlowPane loadLegend = new FlowPane(
                legendItem(loadsLabel, "series-loads", loadsExplanation),
                legendItem("duplicate loads (stampede)", "series-duplicates",
                        "Loads of a key that was already loading: without coalescing, every read that misses a key in flight loads it again."),
                legendItem("coalesced reads", "series-coalesced",
                        "Reads that joined a load already in flight instead of starting their own (single flight)."));
        loadLegend.getStyleClass().add("chart-key");

        VBox hitBox = new VBox(hitLegend, hitChart);
        VBox loadBox = new VBox(loadLegend, loadChart);
        for (VBox box : List.of(hitBox, loadBox)) {
            box.getStyleClass().add("chart-box");
            VBox.setVgrow(box.getChildren().get(1), Priority.ALWAYS);
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setMinWidth(0);
            box.setPrefWidth(100);
        }
        view = new HBox(hitBox, loadBox);
        view.getStyleClass().addAll("caching-charts", "chart-row");
    }

    HBox view() {
        return view;
    }

    /**
     * The whole run (or the slice zoomed to) from the run's history: each level's line by its name now,
     * and Che's and Belady's references at today's values, as in the live window.
     */
    @Override
    public double showWholeRun(Snapshot snapshot, double fromSeconds, double toSeconds) {
        CacheView cache = snapshot.cache();
        if (cache == null) {
            return 1;
        }
        RunHistory.View h = snapshot.history();
        int levels = showLevels(cache);
        List<WholeRunPlot.Line> hitLines = new ArrayList<>();
        hitLines.add(new WholeRunPlot.Line(overall, h.get(RunHistory.Keys.CACHE_HIT_RATIO), 100));
        for (int i = 0; i < MAX_LEVELS; i++) {
            if (i < levels) {
                hitLines.add(new WholeRunPlot.Line(levelSeries.get(i), h.get(RunHistory.Keys.cacheLevelHitRatio(cache.levels().get(i).name())), 100));
            } else {
                levelSeries.get(i).getData().clear();
            }
        }
        hitPlot.draw(hitLines, fromSeconds, toSeconds, 100);
        loadPlot.draw(List.of(new WholeRunPlot.Line(loads, h.get(RunHistory.Keys.CACHE_STORE_LOADS)),
                new WholeRunPlot.Line(duplicates, h.get(RunHistory.Keys.CACHE_DUPLICATE_LOADS)),
                new WholeRunPlot.Line(coalesced, h.get(RunHistory.Keys.CACHE_COALESCED_READS))), fromSeconds, toSeconds, 10);
        references(cache, levels, fromSeconds, toSeconds);
        // As live: the axis starts a little below the lowest ratio (a band's bottom here), so lines above 90 % are not squeezed.
        hitPercent.setUpperBound(100);
        hitPercent.setLowerBound(lowerPercentBound(hitPlot.lowest()));
        hitPercent.setTickUnit(100 - hitPercent.getLowerBound() <= 30 ? 5 : 10);
        return Math.max(h.get(RunHistory.Keys.CACHE_HIT_RATIO).bucketSeconds(), (toSeconds - fromSeconds) / hitPlot.columns());
    }

    @Override
    public double timeAxisWidth() {
        return hitTime.getWidth();
    }

    /** Back to the live window: the next {@link #show} draws it afresh. */
    @Override
    public void backToLive() {
        hitPlot.release();
        loadPlot.release();
        clear();
        hitPercent.setAutoRanging(false);
        hitPercent.setUpperBound(100);
        for (NumberAxis axis : List.of(hitTime, loadTime)) {
            axis.setTickUnit(TICK_SECONDS);
        }
    }

    /** Shows the lines and legend entries of the levels the cache has; returns how many. */
    private int showLevels(CacheView cache) {
        int levels = Math.min(MAX_LEVELS, cache.levels().size());
        if (levels != levelCount) {
            levelCount = levels;
            for (int i = 0; i < MAX_LEVELS; i++) {
                boolean shown = i < levels;
                levelSeries.get(i).getNode().setVisible(shown);
                levelLegendItems.get(i).setVisible(shown);
                levelLegendItems.get(i).setManaged(shown);
            }
        }
        for (int i = 0; i < levels; i++) {
            ((Label) levelLegendItems.get(i).getChildren().get(1)).setText(cache.levels().get(i).name());
        }
        return levels;
    }

    /** Brings the charts up to the newest per-second point. */
    void show(Snapshot.Series series, CacheView cache) {
        int levels = showLevels(cache);
        double[] times = series.timeSeconds();
        int n = times.length;
        double newest = n == 0 ? 0 : times[n - 1];
        if (n == 0 || newest < shownUntilSeconds) {
            clear(); // a new run
        }
        // The window starts on a tick, as the Overview's, and moves on a tick at a time.
        double windowStart = Math.max(0, Math.floor((newest - WINDOW_SECONDS) / TICK_SECONDS) * TICK_SECONDS);
        double upper = newest <= WINDOW_SECONDS ? WINDOW_SECONDS : windowStart + WINDOW_SECONDS + TICK_SECONDS;
        int first = n;
        while (first > 0 && times[first - 1] > shownUntilSeconds && times[first - 1] >= windowStart) {
            first--;
        }
        append(overall, times, cache.hitRatioSeries(), 100, first, n);
        for (int i = 0; i < MAX_LEVELS; i++) {
            if (i < levels) {
                append(levelSeries.get(i), times, cache.levels().get(i).hitRatioSeries(), 100, first, n);
            } else {
                levelSeries.get(i).getData().clear();
            }
        }
        append(loads, times, cache.storeLoadsPerSecond(), 1, first, n);
        append(duplicates, times, cache.duplicateLoadsPerSecond(), 1, first, n);
        append(coalesced, times, cache.coalescedReadsPerSecond(), 1, first, n);
        for (XYChart.Series<Number, Number> s : allSeries()) {
            dropBefore(s, windowStart);
        }
        if (n > 0) {
            shownUntilSeconds = newest;
        }

        references(cache, levels, windowStart, upper);

        hitPercent.setLowerBound(lowerPercentBound(minimum(windowStart)));
        hitPercent.setTickUnit(100 - hitPercent.getLowerBound() <= 30 ? 5 : 10);
        for (NumberAxis axis : List.of(hitTime, loadTime)) {
            axis.setLowerBound(windowStart);
            axis.setUpperBound(upper);
        }
    }

    /** A drawn cache box's charts: no Belady bound is computed for it, so none is promised. */
    void withoutBelady() {
        beladyComputed = false;
    }

    /** A CDN's charts: its loads are fetches from its origin. */
    void loadsFromOrigin() {
        loadsLabel.setText("origin loads");
        loadsExplanation.setText("Fetches from the CDN's origin per second: every miss of its edge that started one.");
    }

    /** Che's and Belady's lines across {@code [from, to]}, at their values now, with their legend entries. */
    private void references(CacheView cache, int levels, double from, double to) {
        double cheRatio = levels > 0 ? cache.levels().get(0).cheHitRatio() : Double.NaN;
        String firstPolicy = levels > 0 ? cache.levels().get(0).policy() : "";
        String model = firstPolicy.equals("fifo") || firstPolicy.equals("random") ? "FIFO" : "LRU";
        setText(cheLabel, "Che, " + (levels > 0 ? cache.levels().get(0).name() : "L1") + " as " + model + ": "
                + CachingViewModel.percent(cheRatio));
        cheItem.setVisible(!Double.isNaN(cheRatio));
        cheItem.setManaged(!Double.isNaN(cheRatio));
        double optimum = cache.optimalHitRatio();
        setText(beladyLabel, Double.isNaN(optimum) ? "Belady: after 30 s" : "Belady: " + CachingViewModel.percent(optimum));
        beladyItem.setVisible(beladyComputed);
        beladyItem.setManaged(beladyComputed);
        referenceLine(che, cheRatio, from, to);
        referenceLine(belady, optimum, from, to);
    }

    /**
     * The hit-ratio axis starts a little below the lowest value shown, on a multiple of 10 %, so the
     * lines are not squeezed against the top when every ratio is above 90 %; 0 when they spread wide.
     */
    static double lowerPercentBound(double minimumPercent) {
        if (Double.isNaN(minimumPercent)) {
            return 0;
        }
        return Math.max(0, Math.min(90, Math.floor((minimumPercent - 2) / 10) * 10));
    }

    private double minimum(double windowStart) {
        double min = Double.NaN;
        for (XYChart.Series<Number, Number> s : List.of(overall, levelSeries.get(0), levelSeries.get(1), levelSeries.get(2), che, belady)) {
            for (XYChart.Data<Number, Number> point : s.getData()) {
                if (point.getXValue().doubleValue() >= windowStart) {
                    double v = point.getYValue().doubleValue();
                    min = Double.isNaN(min) ? v : Math.min(min, v);
                }
            }
        }
        return min;
    }

    private List<XYChart.Series<Number, Number>> allSeries() {
        List<XYChart.Series<Number, Number>> all = new ArrayList<>(List.of(overall, loads, duplicates, coalesced));
        all.addAll(levelSeries);
        return all;
    }

    private void clear() {
        for (XYChart.Series<Number, Number> s : allSeries()) {
            s.getData().clear();
        }
        shownUntilSeconds = Double.NEGATIVE_INFINITY;
    }

    /** A horizontal line across the window at {@code ratio} (in %), or none while it is unknown. */
    private static void referenceLine(XYChart.Series<Number, Number> s, double ratio, double from, double to) {
        if (Double.isNaN(ratio)) {
            s.getData().clear();
            return;
        }
        double percent = ratio * 100;
        if (s.getData().size() == 2 && s.getData().get(0).getXValue().doubleValue() == from
                && s.getData().get(1).getXValue().doubleValue() == to && s.getData().get(0).getYValue().doubleValue() == percent) {
            return;
        }
        s.getData().setAll(List.of(new XYChart.Data<>(from, percent), new XYChart.Data<>(to, percent)));
    }

    /**
     * Adds points {@code [from, to)} of {@code values}, scaled, skipping seconds without a value (no
     * lookups). {@code values} ends at the same second as {@code times}, and may be shorter.
     */
    private static void append(XYChart.Series<Number, Number> s, double[] times, double[] values, double scale, int from, int to) {
        if (from >= to) {
            return;
        }
        int offset = times.length - values.length;
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(to - from);
        for (int i = Math.max(from, offset); i < to; i++) {
            double v = values[i - offset];
            if (!Double.isNaN(v)) {
                points.add(new XYChart.Data<>(times[i], v * scale));
            }
        }
        s.getData().addAll(points);
    }

    private static void setText(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
    }

    private void add(LineChart<Number, Number> chart, XYChart.Series<Number, Number> s, String styleClass) {
        chart.getData().add(s);
        seriesStyles.put(s, styleClass);
    }

    /**
     * Styles each line by what it shows, not by its index. Called once every series is in its chart:
     * a LineChart resets its lines' style classes whenever its list of series changes.
     */
    private void styleLines() {
        seriesStyles.forEach((s, styleClass) -> s.getNode().getStyleClass().add(styleClass));
    }

    private static HBox legendItem(String text, String styleClass, String explanation) {
        return legendItem(new Label(text), styleClass, explanation);
    }

    private static HBox legendItem(Label label, String styleClass, String explanation) {
        return legendItem(label, styleClass, new Tooltip(explanation));
    }

    private static HBox legendItem(Label label, String styleClass, Tooltip tooltip) {
        Line swatch = new Line(0, 0, 20, 0);
        swatch.getStyleClass().addAll("key-line", styleClass);
        label.getStyleClass().add("key-label");
        label.setMinWidth(Label.USE_PREF_SIZE); // wrap the legend onto a new line rather than cut a name short
        HBox item = new HBox(swatch, label);
        item.getStyleClass().add("key-item");
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(340);
        Tooltip.install(item, tooltip);
        return item;
    }

    private static LineChart<Number, Number> chart(NumberAxis timeAxis, NumberAxis valueAxis, String styleClass) {
        LineChart<Number, Number> chart = new LineChart<>(timeAxis, valueAxis);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.getStyleClass().add(styleClass);
        chart.setMinWidth(0);
        chart.setMinHeight(0);
        return chart;
    }
}
