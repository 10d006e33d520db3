package dev.scalelab.ui.database;

import dev.scalelab.engine.data.DatabaseView;
import dev.scalelab.engine.data.DatabaseView.NodeView;
import dev.scalelab.engine.data.DatabaseView.ShardView;
import dev.scalelab.ui.charts.LiveCharts;
import dev.scalelab.ui.charts.TimeWindow;
import dev.scalelab.world.Snapshot;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The Database panel's charts over at least the last {@link #WINDOW_SECONDS} of virtual time:
 * queries per second (all shards, from the world's per-second series, and each shard), stale reads
 * and read-your-writes violations per second, and each shard's largest replica lag. The per-shard
 * lines are sampled from the shards' views whenever the charts move on, so they start when the panel
 * is first shown. Each update appends only new points and drops those that slid out of the window.
 * Lines take the shard colours of the map, so each chart has its own legend.
 *
 * <p>FX thread only.
 */
final class DatabaseCharts {
    static final double WINDOW_SECONDS = 120;
    private static final double TICK_SECONDS = 20;

    private final IntFunction<Paint> shardColor;
    private final Chart queries;
    private final Chart reads;
    private final Chart lag;
    private final XYChart.Series<Number, Number> allQueries;
    private final XYChart.Series<Number, Number> staleReads;
    private final XYChart.Series<Number, Number> rywViolations;
    private final Map<Integer, XYChart.Series<Number, Number>> shardQueries = new LinkedHashMap<>();
    private final Map<Integer, XYChart.Series<Number, Number>> shardLag = new LinkedHashMap<>();
    private final HBox view;

    private final TimeWindow window = new TimeWindow(WINDOW_SECONDS, TICK_SECONDS);
    private double sampledAtSeconds = Double.NaN;
    private long sampledViolations;

    /** @param shardColor a shard's colour on the map; the other lines take theirs from {@code styles/database.css} */
    DatabaseCharts(IntFunction<Paint> shardColor) {
        this.shardColor = shardColor;
        queries = new Chart("queries / s", "databaseQueriesChart", 10,
                "Queries the database served per virtual second: all shards (thick), and each shard.");
        reads = new Chart("reads / s", "databaseStaleChart", 5,
                "Stale reads (a version older than the latest committed) and read-your-writes violations "
                        + "(older than the reading session's own last write) per virtual second.");
        lag = new Chart("lag (ms)", "databaseLagChart", 10,
                "Each shard's largest replication lag: how far its slowest replica is behind the primary.");
        allQueries = queries.add("all shards", "total-line");
        staleReads = reads.add("stale reads", "stale-line");
        rywViolations = reads.add("read-your-writes violations", "violation-line");
        view = new HBox(queries.box, reads.box, lag.box);
        view.getStyleClass().addAll("database-charts", "chart-row");
    }

    HBox view() {
        return view;
    }

    /** Brings the charts up to the newest per-second point. */
    void show(Snapshot.Series series, Snapshot.DataView data) {
        int n = series.size();
        if (!window.advance(series.timeSeconds(), n)) {
            clear(); // a new run
        }
        double windowStart = window.startSeconds(); // on a tick: see TimeWindow
        int first = window.firstNew();
        // The database's series end with the world's; align them at the newest point.
        append(allQueries, series.timeSeconds(), data.queriesPerSecond(), first, n);
        append(staleReads, series.timeSeconds(), data.staleReadsPerSecond(), first, n);
        if (window.newestIsNew(n)) {
            sampleShards(data.database(), series.timeSeconds()[n - 1]);
        }
        for (Chart chart : List.of(queries, reads, lag)) {
            chart.dropBefore(windowStart);
        }
        dropGoneShards(shardQueries, queries, data.database());
        dropGoneShards(shardLag, lag, data.database());
        window.shown(n);
        double upper = window.endSeconds();
        for (Chart chart : List.of(queries, reads, lag)) {
            chart.time.setLowerBound(windowStart);
            chart.time.setUpperBound(upper);
            chart.fitValueAxis();
        }
    }

    /** One point per shard at {@code atSeconds}, and the violations per second since the last sample. */
    private void sampleShards(DatabaseView db, double atSeconds) {
        for (ShardView s : db.shards()) {
            double maxLag = 0;
            for (NodeView node : s.nodes()) {
                if (node.alive() && !node.primary()) {
                    maxLag = Math.max(maxLag, node.lagMs());
                }
            }
            point(shardQueries, queries, s.shardId(), atSeconds, s.queriesPerSecond());
            if (s.nodes().size() > 1) {
                point(shardLag, lag, s.shardId(), atSeconds, maxLag);
            }
        }
        long violations = db.counters().readYourWritesViolations();
        // A rebuilt database starts its counters again; the first sample after it has no rate yet.
        if (!Double.isNaN(sampledAtSeconds) && atSeconds > sampledAtSeconds && violations >= sampledViolations) {
            rywViolations.getData().add(new XYChart.Data<>(atSeconds, (violations - sampledViolations) / (atSeconds - sampledAtSeconds)));
        }
        sampledAtSeconds = atSeconds;
        sampledViolations = violations;
    }

    private void point(Map<Integer, XYChart.Series<Number, Number>> byShard, Chart chart, int shardId, double x, double y) {
        XYChart.Series<Number, Number> s = byShard.get(shardId);
        if (s == null) {
            s = chart.add("shard " + shardId, shardColor.apply(shardId));
            byShard.put(shardId, s);
        }
        s.getData().add(new XYChart.Data<>(x, y));
    }

    /** A shard that is gone keeps its line until its last point slides out of the window. */
    private static void dropGoneShards(Map<Integer, XYChart.Series<Number, Number>> byShard, Chart chart, DatabaseView db) {
        Iterator<Map.Entry<Integer, XYChart.Series<Number, Number>>> it = byShard.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Integer, XYChart.Series<Number, Number>> e = it.next();
            boolean live = db.shards().stream().anyMatch(s -> s.shardId() == e.getKey());
            if (!live && e.getValue().getData().isEmpty()) {
                chart.remove(e.getValue());
                it.remove();
            }
        }
    }

    private void clear() {
        for (Chart chart : List.of(queries, reads, lag)) {
            chart.clearPoints();
        }
        for (XYChart.Series<Number, Number> s : shardQueries.values()) {
            queries.remove(s);
        }
        for (XYChart.Series<Number, Number> s : shardLag.values()) {
            lag.remove(s);
        }
        shardQueries.clear();
        shardLag.clear();
        sampledAtSeconds = Double.NaN;
    }

    /** Adds points {@code [from, to)} of the world's seconds, skipping seconds without a value. */
    private static void append(XYChart.Series<Number, Number> s, double[] times, double[] values, int from, int to) {
        int offset = values.length - times.length; // the two arrays end together
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            int j = i + offset;
            if (j >= 0 && j < values.length && !Double.isNaN(values[j])) {
                points.add(new XYChart.Data<>(times[i], values[j]));
            }
        }
        s.getData().addAll(points);
    }

    static String web(Paint paint) {
        if (!(paint instanceof Color)) {
            return "gray";
        }
        Color c = (Color) paint;
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /** A line chart with a legend of its own above it, in the colours its lines are drawn in. */
    private static final class Chart {
        final NumberAxis time = LiveCharts.timeAxis(WINDOW_SECONDS, TICK_SECONDS);
        final LineChart<Number, Number> chart;
        final FlowPane legend = new FlowPane();
        final VBox box;
        private final Map<XYChart.Series<Number, Number>, Label> legendItems = new LinkedHashMap<>();

        /** Below this the value axis stops shrinking, so a flat zero line reads 0 … 5, not 0.00 alone. */
        private final double minUpper;
        private final NumberAxis value = new NumberAxis();

        Chart(String valueLabel, String id, double minUpper, String explanation) {
            this.minUpper = minUpper;
            value.setLabel(valueLabel);
            value.setForceZeroInRange(true);
            value.setAnimated(false);
            chart = new LineChart<>(time, value);
            chart.setId(id);
            chart.setAnimated(false);
            chart.setCreateSymbols(false);
            chart.setLegendVisible(false);
            chart.setMinWidth(0);
            legend.getStyleClass().add("database-chart-legend");
            box = new VBox(legend, chart);
            box.getStyleClass().add("database-chart");
            VBox.setVgrow(chart, Priority.ALWAYS);
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setMinWidth(0);
            box.setPrefWidth(100); // the three share the width equally
            Tooltip tooltip = new Tooltip(explanation);
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(340);
            Tooltip.install(box, tooltip);
        }

        /**
         * A line in a colour of the theme, on its legend swatch as {@code styleClass}. The line itself is
         * styled by its index ({@code #chartId .series0}): LineChart resets its lines' style classes
         * whenever a series comes or goes, and these lines come first and stay.
         */
        XYChart.Series<Number, Number> add(String name, String styleClass) {
            XYChart.Series<Number, Number> s = series(name);
            Region swatch = new Region();
            swatch.getStyleClass().addAll("legend-swatch", styleClass);
            legendItem(s, name, swatch);
            return s;
        }

        /** A line in a shard's colour. */
        XYChart.Series<Number, Number> add(String name, Paint color) {
            XYChart.Series<Number, Number> s = series(name);
            s.getNode().setStyle("-fx-stroke: " + web(color) + ";");
            legendItem(s, name, new Rectangle(12, 3, color));
            return s;
        }

        private XYChart.Series<Number, Number> series(String name) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(name);
            chart.getData().add(s);
            return s;
        }

        private void legendItem(XYChart.Series<Number, Number> s, String name, Node swatch) {
            Label item = new Label(name, swatch);
            item.getStyleClass().add("database-chart-legend-item");
            legend.getChildren().add(item);
            legendItems.put(s, item);
        }

        void remove(XYChart.Series<Number, Number> s) {
            chart.getData().remove(s);
            legend.getChildren().remove(legendItems.remove(s));
        }

        /** Auto-ranges the value axis, but never to less than 0 … {@link #minUpper}. */
        void fitValueAxis() {
            double max = 0;
            for (XYChart.Series<Number, Number> s : chart.getData()) {
                for (XYChart.Data<Number, Number> d : s.getData()) {
                    max = Math.max(max, d.getYValue().doubleValue());
                }
            }
            boolean small = max < minUpper;
            value.setAutoRanging(!small);
            if (small) {
                value.setLowerBound(0);
                value.setUpperBound(minUpper);
                value.setTickUnit(minUpper / 5);
            }
        }

        void clearPoints() {
            for (XYChart.Series<Number, Number> s : chart.getData()) {
                s.getData().clear();
            }
        }

        void dropBefore(double windowStart) {
            for (XYChart.Series<Number, Number> s : chart.getData()) {
                int stale = 0;
                while (stale < s.getData().size() && s.getData().get(stale).getXValue().doubleValue() < windowStart) {
                    stale++;
                }
                if (stale > 0) {
                    s.getData().remove(0, stale);
                }
            }
        }
    }
}
