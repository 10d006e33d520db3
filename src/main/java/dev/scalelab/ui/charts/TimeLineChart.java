package dev.scalelab.ui.charts;

import dev.scalelab.world.Scenario;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;

/**
 * A live line chart over virtual time, as FXML declares one: a time axis with a fixed range (the
 * panel moves it as the window slides) and a value axis from zero; no animation and no symbols,
 * which would cost every frame, the legend on top, and free to shrink with its pane.
 *
 * <pre>{@code <TimeLineChart fx:id="latencyChart" valueLabel="latency (ms)" windowSeconds="120" tickSeconds="20"/>}</pre>
 */
public final class TimeLineChart extends LineChart<Number, Number> {
    /** The markers' shapes and labels, in the plot's children after the series; laid out with them. */
    private final List<MarkerNodes> markerNodes = new ArrayList<>();
    private List<Scenario.Marker> markers = List.of();

    private record MarkerNodes(Scenario.Marker marker, Node shape, Text label) {
    }

    public TimeLineChart() {
        super(newTimeAxis(), newValueAxis());
        setAnimated(false);
        setCreateSymbols(false);
        setLegendSide(Side.TOP);
        setMinWidth(0);
        // The markers move with the axis even when no new point asks the chart for a layout.
        javafx.beans.InvalidationListener moved = obs -> {
            if (!markerNodes.isEmpty()) {
                requestLayout();
            }
        };
        timeAxis().lowerBoundProperty().addListener(moved);
        timeAxis().upperBoundProperty().addListener(moved);
        timeAxis().widthProperty().addListener(moved);
    }

    private static NumberAxis newTimeAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setAutoRanging(false);
        axis.setLabel("virtual time (s)");
        axis.setAnimated(false);
        return axis;
    }

    private static NumberAxis newValueAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setForceZeroInRange(true);
        axis.setAnimated(false);
        return axis;
    }

    /** The time axis, whose bounds the panel sets. */
    public NumberAxis timeAxis() {
        return (NumberAxis) getXAxis();
    }

    public String getValueLabel() {
        return getYAxis().getLabel();
    }

    /** The value axis's label, with its unit: "latency (ms)". */
    public void setValueLabel(String label) {
        getYAxis().setLabel(label);
    }

    public double getWindowSeconds() {
        return timeAxis().getUpperBound() - timeAxis().getLowerBound();
    }

    /** The time axis's first span, from 0: the window the panel slides once it is full. */
    public void setWindowSeconds(double seconds) {
        timeAxis().setLowerBound(0);
        timeAxis().setUpperBound(seconds);
    }

    public double getTickSeconds() {
        return timeAxis().getTickUnit();
    }

    public void setTickSeconds(double seconds) {
        timeAxis().setTickUnit(seconds);
    }

    /** The markers drawn now. */
    public List<Scenario.Marker> getMarkers() {
        return markers;
    }

    /**
     * Draws each marker on the time axis: a moment as a thin vertical line, a span as a shaded band,
     * each with its label at the top. They move with the axis as the window slides; one outside the
     * axis's range is not drawn.
     */
    public void setMarkers(List<Scenario.Marker> newMarkers) {
        List<Scenario.Marker> copy = List.copyOf(newMarkers);
        if (copy.equals(markers)) {
            return;
        }
        markers = copy;
        for (MarkerNodes n : markerNodes) {
            getPlotChildren().removeAll(n.shape(), n.label());
        }
        markerNodes.clear();
        for (Scenario.Marker m : copy) {
            Node shape;
            if (m.untilSeconds() > m.atSeconds()) {
                Rectangle band = new Rectangle();
                band.getStyleClass().add("chart-marker-band");
                shape = band;
            } else {
                Line line = new Line();
                line.getStyleClass().add("chart-marker-line");
                shape = line;
            }
            shape.setManaged(false);
            shape.setMouseTransparent(true);
            Text label = new Text(m.label());
            label.getStyleClass().add("chart-marker-label");
            label.setManaged(false);
            label.setMouseTransparent(true);
            markerNodes.add(new MarkerNodes(m, shape, label));
            getPlotChildren().addAll(shape, label);
        }
        requestLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis time = timeAxis();
        double height = getYAxis().getHeight();
        double width = time.getWidth();
        // Over a whole run markers come close: a label that would run into the one before it is left out.
        double labelledUntil = Double.NEGATIVE_INFINITY;
        for (MarkerNodes n : markerNodes) {
            Scenario.Marker m = n.marker();
            double from = time.getDisplayPosition(m.atSeconds());
            double to = m.untilSeconds() > m.atSeconds() ? time.getDisplayPosition(m.untilSeconds()) : from;
            boolean inside = to >= 0 && from <= width;
            n.shape().setVisible(inside);
            n.label().setVisible(inside);
            if (!inside) {
                continue;
            }
            double left = Math.max(0, from);
            double right = Math.min(width, to);
            if (n.shape() instanceof Rectangle band) {
                band.setX(left);
                band.setY(0);
                band.setWidth(Math.max(1, right - left));
                band.setHeight(height);
            } else if (n.shape() instanceof Line line) {
                line.setStartX(from);
                line.setEndX(from);
                line.setStartY(0);
                line.setEndY(height);
            }
            n.label().setX(left + 3);
            n.label().setY(n.label().getLayoutBounds().getHeight());
            boolean room = left + 3 >= labelledUntil;
            n.label().setVisible(room);
            if (room) {
                labelledUntil = left + 3 + n.label().getLayoutBounds().getWidth() + 6;
            }
            n.shape().toFront();
            n.label().toFront();
        }
    }
}
