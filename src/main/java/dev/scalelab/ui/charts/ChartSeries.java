package dev.scalelab.ui.charts;

import javafx.scene.chart.XYChart;

/**
 * Helpers shared by the panels' live line charts, which keep a sliding window of per-second
 * points: new points are appended, points that slid out of the window are dropped. FX thread only.
 */
public final class ChartSeries {
    private ChartSeries() {
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
}
