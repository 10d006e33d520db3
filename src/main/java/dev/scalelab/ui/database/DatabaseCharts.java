package dev.scalelab.ui.database;

import dev.scalelab.engine.data.DatabaseView.ShardView;
import dev.scalelab.ui.charts.LiveCharts;
import dev.scalelab.ui.charts.RunRange;
import dev.scalelab.ui.charts.WholeRunPlot;
import dev.scalelab.world.RunHistory;
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
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;

/**
 * The Database panel's charts over the live window (at least the last {@link #WINDOW_SECONDS} of
 * virtual time) or the whole run: queries per second (all shards, and each shard), stale reads and
 * read-your-writes violations per second, and each shard's largest replica lag. Every line comes from
 * the run's history, which the world records from t = 0, so the panel opened late shows the lines of
 * the time it was away. Lines take the shard colours of the map, so each chart has its own legend.
 *
 * <p>FX thread only.
 */
final class DatabaseCharts {
    static final double WINDOW_SECONDS = 120;
    static final double TICK_SECONDS = 20;

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
    private double secondsPerPoint = 1;

    /** @param shardColor a shard's colour on the map; the other lines take theirs from {@code styles/database.css} */
    DatabaseCharts(IntFunction<Paint> shardColor, RunRange range, DoubleSupplier runSeconds) {
        this.shardColor = shardColor;
        queries = new Chart("queries / s", "databaseQueriesChart", 10,
                "Queries the database served per virtual second: all shards (thick), and each shard.", range, runSeconds);
        reads = new Chart("reads / s", "databaseStaleChart", 5,
                "Stale reads (a version older than the latest committed) and read-your-writes violations "
                        + "(older than the reading session's own last write) per virtual second.", range, runSeconds);
        lag = new Chart("lag (ms)", "databaseLagChart", 10,
                "Each shard's largest replication lag: how far its slowest replica is behind the primary.", range, runSeconds);
        allQueries = queries.add("all shards", "total-line");
        staleReads = reads.add("stale reads", "stale-line");
        rywViolations = reads.add("read-your-writes violations", "violation-line");
        view = new HBox(queries.box, reads.box, lag.box);
        view.getStyleClass().addAll("database-charts", "chart-row");
    }

    HBox view() {
        return view;
    }

    /** How many seconds a point stood for at the last draw. */
    double secondsPerPoint() {
        return secondsPerPoint;
    }

    /** The live window's bounds for a run that reached {@code newestSeconds}: on a tick, as the Overview's. */
    static double[] liveWindow(double newestSeconds) {
        double t = Double.isNaN(newestSeconds) ? 0 : newestSeconds;
        double start = Math.max(0, Math.floor((t - WINDOW_SECONDS) / TICK_SECONDS) * TICK_SECONDS);
        double end = t <= WINDOW_SECONDS ? WINDOW_SECONDS : start + WINDOW_SECONDS + TICK_SECONDS;
        return new double[] {start, end};
    }

    /** Draws every line over {@code [fromSeconds, toSeconds]} from the run's history. */
    void show(Snapshot snapshot, double fromSeconds, double toSeconds, boolean live) {
        RunHistory.View h = snapshot.history();
        Set<Integer> alive = new HashSet<>();
        // Shards with replicas: a shard without any (or a new run without them) has no lag line, not the old run's.
        Set<Integer> replicated = new HashSet<>();
        List<WholeRunPlot.Line> queryLines = new ArrayList<>();
        List<WholeRunPlot.Line> lagLines = new ArrayList<>();
        queryLines.add(new WholeRunPlot.Line(allQueries, h.get(RunHistory.Keys.DB_QUERIES)));
        for (ShardView s : snapshot.data().database().shards()) {
            alive.add(s.shardId());
            queryLines.add(new WholeRunPlot.Line(line(shardQueries, queries, s.shardId()), h.get(RunHistory.Keys.shardQueries(s.shardId()))));
            if (h.has(RunHistory.Keys.shardLagMs(s.shardId()))) {
                replicated.add(s.shardId());
                lagLines.add(new WholeRunPlot.Line(line(shardLag, lag, s.shardId()), h.get(RunHistory.Keys.shardLagMs(s.shardId()))));
            }
        }
        dropGoneShards(shardQueries, queries, alive);
        dropGoneShards(shardLag, lag, replicated);
        queries.plot.draw(queryLines, fromSeconds, toSeconds, queries.minUpper);
        reads.plot.draw(List.of(new WholeRunPlot.Line(staleReads, h.get(RunHistory.Keys.DB_STALE_READS)),
                new WholeRunPlot.Line(rywViolations, h.get(RunHistory.Keys.DB_RYW_VIOLATIONS))), fromSeconds, toSeconds, reads.minUpper);
        lag.plot.draw(lagLines, fromSeconds, toSeconds, lag.minUpper);
        secondsPerPoint = Math.max(h.get(RunHistory.Keys.DB_QUERIES).bucketSeconds(), (toSeconds - fromSeconds) / queries.plot.columns());
        if (live) { // the live window reads 40, 60, 80 … as the Overview's
            for (Chart chart : List.of(queries, reads, lag)) {
                chart.time.setTickUnit(TICK_SECONDS);
            }
        }
    }

    private XYChart.Series<Number, Number> line(Map<Integer, XYChart.Series<Number, Number>> byShard, Chart chart, int shardId) {
        return byShard.computeIfAbsent(shardId, id -> chart.add("shard " + id, shardColor.apply(id)));
    }

    /** A shard that is gone (removed by a resharding) has no history left: its line goes. */
    private static void dropGoneShards(Map<Integer, XYChart.Series<Number, Number>> byShard, Chart chart, Set<Integer> alive) {
        Iterator<Map.Entry<Integer, XYChart.Series<Number, Number>>> it = byShard.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Integer, XYChart.Series<Number, Number>> e = it.next();
            if (!alive.contains(e.getKey())) {
                chart.remove(e.getValue());
                it.remove();
            }
        }
    }

    /** The points the charts hold now, every line together (tests). */
    int pointsDrawn() {
        return queries.plot.pointsDrawn() + reads.plot.pointsDrawn() + lag.plot.pointsDrawn();
    }

    /** The points of shard {@code shardId}'s queries line, oldest first (tests). */
    List<XYChart.Data<Number, Number>> shardQueryPoints(int shardId) {
        XYChart.Series<Number, Number> s = shardQueries.get(shardId);
        return s == null ? List.of() : List.copyOf(s.getData());
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
        final double minUpper;
        private final NumberAxis value = new NumberAxis();

        final WholeRunPlot plot;

        Chart(String valueLabel, String id, double minUpper, String explanation, RunRange range, DoubleSupplier runSeconds) {
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
            plot = new WholeRunPlot(chart, range, runSeconds);
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
    }
}
