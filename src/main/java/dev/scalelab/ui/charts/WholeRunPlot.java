package dev.scalelab.ui.charts;

import dev.scalelab.engine.metrics.SeriesView;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Draws a chart's lines from the run's history instead of the live window: each line's points
 * merged to at most one per pixel column ({@link HistoryColumns}), and where a point stands for more
 * than a second, the band from the least to the greatest value behind the mean line, in the line's
 * colour, so a one-second spike stays visible in an hour. In the whole run, the mouse wheel zooms the
 * time axis around the pointer and a drag pans it ({@link RunRange}). FX thread only.
 */
public final class WholeRunPlot {
    /** One line: the chart's series and the history it is drawn from; {@code scale} multiplies values (ratio to %). */
    public record Line(XYChart.Series<Number, Number> series, SeriesView view, double scale) {
        public Line(XYChart.Series<Number, Number> series, SeriesView view) {
            this(series, view, 1);
        }
    }

    private final XYChart<Number, Number> chart;
    private final NumberAxis time;
    private final NumberAxis value;
    private final List<Path> bands = new ArrayList<>();
    private final List<HistoryColumns> drawn = new ArrayList<>();
    private final List<Line> drawnLines = new ArrayList<>();
    private double dragSceneX = Double.NaN;
    /** The least value drawn at the last draw, band bottoms included (NaN: none). */
    private double lowest = Double.NaN;
    /** A stacked chart: each line's values sit on the means of the lines before it, and so do its bands. */
    private boolean stacked;
    /** The bands need placing again (new points, or an axis moved). */
    private boolean bandsDirty;
    /** The chart's plot background and plot area, found once it is skinned. */
    private Region plot;
    private Group area;
    private Node gridLines;

    public WholeRunPlot(XYChart<Number, Number> chart, RunRange range, DoubleSupplier runSeconds) {
        this.chart = chart;
        this.time = (NumberAxis) chart.getXAxis();
        this.value = (NumberAxis) chart.getYAxis();
        chart.setOnScroll(e -> {
            if (!range.isWholeRun() || e.getDeltaY() == 0) {
                return;
            }
            double at = time.getValueForDisplay(time.sceneToLocal(e.getSceneX(), e.getSceneY()).getX()).doubleValue();
            range.zoom(e.getDeltaY() > 0 ? 1 / RunRange.ZOOM_STEP : RunRange.ZOOM_STEP, at, runSeconds.getAsDouble());
            e.consume();
        });
        chart.setOnMousePressed(e -> dragSceneX = range.isWholeRun() && range.zoomed() ? e.getSceneX() : Double.NaN);
        chart.setOnMouseDragged(e -> {
            if (Double.isNaN(dragSceneX) || !range.isWholeRun()) {
                return;
            }
            double secondsPerPixel = (time.getUpperBound() - time.getLowerBound()) / Math.max(1, time.getWidth());
            range.pan(-(e.getSceneX() - dragSceneX) * secondsPerPixel, runSeconds.getAsDouble());
            dragSceneX = e.getSceneX();
            e.consume();
        });
        chart.setOnMouseReleased(e -> dragSceneX = Double.NaN);
        range.revisionProperty().addListener(obs ->
                chart.setCursor(range.isWholeRun() && range.zoomed() ? Cursor.OPEN_HAND : Cursor.DEFAULT));
        // Bands are placed once per pulse, after the layout that gives the axes their new scale.
        javafx.beans.InvalidationListener moved = obs -> bandsDirty = true;
        time.widthProperty().addListener(moved);
        time.lowerBoundProperty().addListener(moved);
        time.upperBoundProperty().addListener(moved);
        value.heightProperty().addListener(moved);
        value.upperBoundProperty().addListener(moved);
        Runnable afterLayout = () -> {
            if (bandsDirty) {
                bandsDirty = false;
                layoutBands();
            }
        };
        chart.sceneProperty().addListener((obs, was, scene) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(afterLayout);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(afterLayout);
            }
        });
        if (chart.getScene() != null) {
            chart.getScene().addPostLayoutPulseListener(afterLayout);
        }
    }

    /**
     * For a stacked area chart: the value axis holds the stack, and a line's band (its least to
     * greatest) is drawn on top of the lines' means below it, where its area is.
     */
    public WholeRunPlot stacked() {
        stacked = true;
        return this;
    }

    /** The pixels one point covers: LineChart lays out a path element per point, and a redraw of 3,500 cost 20 ms of CPU here. */
    public static final int PIXELS_PER_POINT = 2;

    /** Points that fit the plot: one per {@link #PIXELS_PER_POINT} columns of the time axis (600 px before the first layout). */
    public int columns() {
        double w = time.getWidth();
        return (int) Math.max(2, (w > 0 ? w : 600) / PIXELS_PER_POINT);
    }

    /**
     * Draws {@code lines} over {@code [fromSeconds, toSeconds]} and fits the value axis to them (the
     * bands' tops included), never below {@code minUpper}.
     */
    public void draw(List<Line> lines, double fromSeconds, double toSeconds, double minUpper) {
        int columns = columns();
        drawn.clear();
        drawnLines.clear();
        double highest = 0;
        lowest = Double.NaN;
        double[] below = new double[columns + 2]; // a stack's means so far, per point (the columns line up: same buckets)
        for (Line line : lines) {
            HistoryColumns c = HistoryColumns.of(line.view(), fromSeconds, toSeconds, columns, line.scale());
            if (stacked) {
                for (int i = 0; i < c.size() && i < below.length; i++) {
                    if (!Double.isNaN(c.max(i))) {
                        highest = Math.max(highest, below[i] + c.max(i));
                    }
                    below[i] += Double.isNaN(c.mean(i)) ? 0 : c.mean(i);
                }
            }
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(c.size());
            for (int i = 0; i < c.size(); i++) {
                if (!Double.isNaN(c.mean(i))) {
                    points.add(new XYChart.Data<>(c.time(i), c.mean(i)));
                }
            }
            line.series().getData().setAll(points);
            for (int i = 0; i < c.size(); i++) {
                double t = c.time(i);
                if (!Double.isNaN(c.min(i)) && t >= fromSeconds && t <= toSeconds) {
                    lowest = Double.isNaN(lowest) ? c.min(i) : Math.min(lowest, c.min(i));
                }
            }
            drawn.add(c);
            drawnLines.add(line);
            if (!Double.isNaN(c.highest())) {
                highest = Math.max(highest, c.highest());
            }
        }
        time.setLowerBound(fromSeconds);
        time.setUpperBound(toSeconds);
        double width = time.getWidth();
        int ticks = width > 0 ? (int) Math.max(2, Math.min(6, width / RunRange.LABEL_PIXELS)) : 6;
        time.setTickUnit(RunRange.tickSeconds(toSeconds - fromSeconds, ticks));
        // The value axis holds the bands' tops, which its own ranging (over the means) would cut off.
        double upper = niceUpper(Math.max(minUpper, highest));
        value.setAutoRanging(false);
        value.setLowerBound(0);
        value.setUpperBound(upper);
        value.setTickUnit(upper / 5);
        bandsDirty = true;
    }

    /** Back to the live window: no bands, the value axis ranges itself again. */
    public void release() {
        drawn.clear();
        drawnLines.clear();
        bandsDirty = true;
        value.setAutoRanging(true);
    }

    /** The least value inside the range at the last draw, band bottoms included; NaN when none. */
    public double lowest() {
        return lowest;
    }

    /** The number of points drawn for every line now (tests: bounded by the width). */
    public int pointsDrawn() {
        int n = 0;
        for (Line l : drawnLines) {
            n += l.series().getData().size();
        }
        return n;
    }

    /** How many bands are drawn (lines whose points stand for more than a second). */
    public long bandsShown() {
        return bands.stream().filter(Node::isVisible).count();
    }

    private static double niceUpper(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * magnitude >= v) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private void layoutBands() {
        if (drawn.stream().noneMatch(HistoryColumns::merged) && bands.stream().noneMatch(Node::isVisible)) {
            return; // nothing merged (the live window): no band to place or hide
        }
        if (plot == null) {
            Node background = chart.lookup(".chart-plot-background");
            Node grid = chart.lookup(".chart-vertical-grid-lines");
            if (!(background instanceof Region r) || grid == null || !(grid.getParent() instanceof Group g)) {
                bandsDirty = true; // not skinned yet: the next pulse places them
                return;
            }
            plot = r;
            area = g;
            gridLines = grid;
        }
        while (bands.size() < drawn.size()) {
            Path band = new Path();
            band.getStyleClass().add("history-band");
            band.setMouseTransparent(true);
            band.setStrokeWidth(0);
            bands.add(band);
            // Behind the lines: right after the grid, before the plot content.
            area.getChildren().add(area.getChildren().indexOf(gridLines) + 1, band);
        }
        double left = plot.getLayoutX();
        double top = plot.getLayoutY();
        double[] below = new double[drawn.isEmpty() ? 0 : drawn.stream().mapToInt(HistoryColumns::size).max().orElse(0)];
        for (int b = 0; b < bands.size(); b++) {
            Path band = bands.get(b);
            if (b >= drawn.size() || !drawn.get(b).merged()) {
                band.setVisible(false);
                continue;
            }
            HistoryColumns c = drawn.get(b);
            band.setFill(translucent(drawnLines.get(b).series().getNode()));
            List<PathElement> elements = new ArrayList<>();
            int i = 0;
            while (i < c.size()) { // one closed shape per run of points with a value
                while (i < c.size() && Double.isNaN(c.mean(i))) {
                    i++;
                }
                int start = i;
                while (i < c.size() && !Double.isNaN(c.mean(i))) {
                    i++;
                }
                if (i - start < 1) {
                    continue;
                }
                for (int j = start; j < i; j++) {
                    double x = left + time.getDisplayPosition(c.time(j));
                    double y = top + value.getDisplayPosition(base(below, j) + c.max(j));
                    elements.add(j == start ? new MoveTo(x, y) : new LineTo(x, y));
                }
                for (int j = i - 1; j >= start; j--) {
                    elements.add(new LineTo(left + time.getDisplayPosition(c.time(j)),
                            top + value.getDisplayPosition(base(below, j) + c.min(j))));
                }
                elements.add(new ClosePath());
            }
            if (stacked) {
                for (int j = 0; j < c.size() && j < below.length; j++) {
                    below[j] += Double.isNaN(c.mean(j)) ? 0 : c.mean(j);
                }
            }
            band.getElements().setAll(elements);
            band.setVisible(!elements.isEmpty());
        }
        // Only the plot area shows the band: points just outside the range keep the lines running to its edges.
        for (Path band : bands) {
            band.setClip(new Rectangle(left, top, plot.getWidth(), plot.getHeight()));
        }
    }

    /** What a stacked line's point {@code j} sits on: the means of the lines below it; 0 unstacked. */
    private double base(double[] below, int j) {
        return stacked && j < below.length ? below[j] : 0;
    }

    /** The line's own colour (its CSS is applied by now: this runs after the pulse's layout), a quarter opaque. */
    private static Paint translucent(Node lineNode) {
        if (lineNode instanceof Shape shape && shape.getStroke() instanceof Color c) {
            return c.deriveColor(0, 1, 1, 0.25);
        }
        if (lineNode instanceof Group area) { // an area chart's series: its fill, then its line
            for (Node part : area.getChildren()) {
                if (part.getStyleClass().contains("chart-series-area-line")) {
                    return translucent(part);
                }
            }
        }
        return Color.gray(0.5, 0.25);
    }
}
