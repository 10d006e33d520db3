package dev.scalelab.ui.charts;

import dev.scalelab.world.Scenario;
import javafx.beans.InvalidationListener;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * The scenario's markers on a chart over virtual time that is not a {@link TimeLineChart} (the panels
 * build plain line charts too): the same thin line or shaded band with its label, put in the chart's
 * plot area beside its plot background and moved when the time axis or the plot does. FX thread only.
 */
public final class MarkerLayer {
    private static final Object KEY = MarkerLayer.class;

    private final NumberAxis time;
    private final Region plot;
    private final Group area;
    private final List<Node> nodes = new ArrayList<>();
    private List<Scenario.Marker> markers = List.of();
    /** Placed again after the pulse's layout too: a new axis range takes its scale only when the axis lays out. */
    private boolean dirty;
    private final InvalidationListener relayout = obs -> {
        layout();
        dirty = true;
    };
    private final Runnable afterLayout = () -> {
        if (dirty) {
            dirty = false;
            layout();
        }
    };

    private MarkerLayer(XYChart<Number, ?> chart, NumberAxis time, Region plot, Group area) {
        this.time = time;
        this.plot = plot;
        this.area = area;
        time.lowerBoundProperty().addListener(relayout);
        time.upperBoundProperty().addListener(relayout);
        time.widthProperty().addListener(relayout);
        plot.layoutXProperty().addListener(relayout);
        plot.layoutYProperty().addListener(relayout);
        plot.heightProperty().addListener(relayout);
        plot.widthProperty().addListener(relayout);
        time.scaleProperty().addListener(relayout);
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
     * Draws {@code markers} on {@code chart} when its x axis is a number axis over time; returns
     * whether it could (a chart not yet skinned has no plot area to draw in).
     */
    @SuppressWarnings("unchecked")
    public static boolean set(XYChart<?, ?> chart, List<Scenario.Marker> markers) {
        if (!(chart.getXAxis() instanceof NumberAxis time)) {
            return false;
        }
        MarkerLayer layer = (MarkerLayer) chart.getProperties().get(KEY);
        if (layer == null) {
            // The plot area is the group of the grid lines (and the series), laid out in the same
            // coordinates as the plot background beside it.
            Node background = chart.lookup(".chart-plot-background");
            Node gridLines = chart.lookup(".chart-vertical-grid-lines");
            if (!(background instanceof Region plot) || gridLines == null || !(gridLines.getParent() instanceof Group area)) {
                return false;
            }
            layer = new MarkerLayer((XYChart<Number, ?>) chart, time, plot, area);
            chart.getProperties().put(KEY, layer);
        }
        layer.show(markers);
        return true;
    }

    /** The markers drawn on {@code chart}, empty when none. */
    public static List<Scenario.Marker> markersOf(XYChart<?, ?> chart) {
        MarkerLayer layer = (MarkerLayer) chart.getProperties().get(KEY);
        return layer == null ? List.of() : layer.markers;
    }

    private void show(List<Scenario.Marker> newMarkers) {
        List<Scenario.Marker> copy = List.copyOf(newMarkers);
        if (copy.equals(markers)) {
            return;
        }
        markers = copy;
        area.getChildren().removeAll(nodes);
        nodes.clear();
        for (Scenario.Marker m : copy) {
            Node shape;
            if (m.untilSeconds() > m.atSeconds()) {
                shape = new Rectangle();
                shape.getStyleClass().add("chart-marker-band");
            } else {
                shape = new Line();
                shape.getStyleClass().add("chart-marker-line");
            }
            Text label = new Text(m.label());
            label.getStyleClass().add("chart-marker-label");
            shape.setMouseTransparent(true);
            label.setMouseTransparent(true);
            shape.setUserData(m);
            nodes.add(shape);
            nodes.add(label);
        }
        area.getChildren().addAll(nodes);
        layout();
    }

    private void layout() {
        double left = plot.getLayoutX();
        double top = plot.getLayoutY();
        double width = plot.getWidth();
        double height = plot.getHeight();
        // Over a whole run markers come close: a label that would run into the one before it is left out.
        double labelledUntil = Double.NEGATIVE_INFINITY;
        for (int i = 0; i + 1 < nodes.size(); i += 2) {
            Node shape = nodes.get(i);
            Text label = (Text) nodes.get(i + 1);
            Scenario.Marker m = (Scenario.Marker) shape.getUserData();
            double from = time.getDisplayPosition(m.atSeconds());
            double to = m.untilSeconds() > m.atSeconds() ? time.getDisplayPosition(m.untilSeconds()) : from;
            boolean inside = width > 0 && to >= 0 && from <= width;
            shape.setVisible(inside);
            label.setVisible(inside);
            if (!inside) {
                continue;
            }
            double x0 = Math.max(0, from);
            double x1 = Math.min(width, to);
            if (shape instanceof Rectangle band) {
                band.setX(left + x0);
                band.setY(top);
                band.setWidth(Math.max(1, x1 - x0));
                band.setHeight(height);
            } else if (shape instanceof Line line) {
                line.setStartX(left + from);
                line.setEndX(left + from);
                line.setStartY(top);
                line.setEndY(top + height);
            }
            label.setX(left + x0 + 3);
            label.setY(top + label.getLayoutBounds().getHeight());
            boolean room = x0 + 3 >= labelledUntil;
            label.setVisible(room);
            if (room) {
                labelledUntil = x0 + 3 + label.getLayoutBounds().getWidth() + 6;
            }
        }
    }
}
