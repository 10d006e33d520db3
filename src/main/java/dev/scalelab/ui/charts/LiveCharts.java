package dev.scalelab.ui.charts;

import javafx.geometry.Side;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * Helpers shared by the panels' live line charts, which keep a sliding window of per-second
 * points: new points are appended, points that slid out of the window are dropped. FX thread only.
 */
public final class LiveCharts {
    private LiveCharts() {
    }

    /** An empty series with a legend name. */
    public static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    /** Removes the points before {@code windowStart} (x in seconds), which are always at the front. */
    public static void dropBefore(XYChart.Series<Number, Number> s, double windowStart) {
        int stale = 0;
        while (stale < s.getData().size() && s.getData().get(stale).getXValue().doubleValue() < windowStart) {
            stale++;
        }
        if (stale > 0) {
            s.getData().remove(0, stale);
        }
    }

    /**
     * A time axis showing {@code [0, windowSeconds]} with a tick every {@code tickSeconds}; its range
     * is fixed, and the panel moves it as the window slides.
     */
    public static NumberAxis timeAxis(double windowSeconds, double tickSeconds) {
        NumberAxis axis = new NumberAxis(0, windowSeconds, tickSeconds);
        axis.setAutoRanging(false);
        axis.setLabel("virtual time (s)");
        axis.setAnimated(false);
        return axis;
    }

    /**
     * A line chart over {@code timeAxis} with a value axis from zero: no animation and no symbols,
     * which would cost every frame, the legend on top, and free to shrink with its pane.
     */
    public static LineChart<Number, Number> lineChart(NumberAxis timeAxis, String valueLabel, String styleClass) {
        NumberAxis valueAxis = new NumberAxis();
        valueAxis.setLabel(valueLabel);
        valueAxis.setForceZeroInRange(true);
        valueAxis.setAnimated(false);
        LineChart<Number, Number> chart = new LineChart<>(timeAxis, valueAxis);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendSide(Side.TOP);
        chart.getStyleClass().add(styleClass);
        chart.setMinWidth(0);
        return chart;
    }
}
