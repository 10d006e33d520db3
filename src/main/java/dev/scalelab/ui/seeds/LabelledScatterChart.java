package dev.scalelab.ui.seeds;

import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A scatter chart that writes a short label beside each point (a sweep point's values), so a person
 * can tell the designs apart without hovering. The labels live in the plot area and follow the axes
 * at each layout. FX thread only.
 */
final class LabelledScatterChart extends ScatterChart<Number, Number> {
    private final Map<XYChart.Data<Number, Number>, Label> labels = new IdentityHashMap<>();

    LabelledScatterChart() {
        super(new NumberAxis(), new NumberAxis());
    }

    /** Replaces the labels: one per point of the current series, with the text {@code text} gives it. */
    void label(Function<XYChart.Data<Number, Number>, String> text) {
        getPlotChildren().removeAll(labels.values());
        labels.clear();
        for (XYChart.Series<Number, Number> s : getData()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                Label l = new Label(text.apply(d));
                l.getStyleClass().add("sweep-point-label");
                l.setMouseTransparent(true);
                labels.put(d, l);
            }
        }
        getPlotChildren().addAll(labels.values());
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        for (Map.Entry<XYChart.Data<Number, Number>, Label> e : labels.entrySet()) {
            XYChart.Data<Number, Number> d = e.getKey();
            Label l = e.getValue();
            l.autosize();
            double x = getXAxis().getDisplayPosition(d.getXValue());
            double y = getYAxis().getDisplayPosition(d.getYValue());
            l.relocate(x + 8, y - l.getHeight() - 4); // above and right of the point, clear of its ring
        }
    }
}
