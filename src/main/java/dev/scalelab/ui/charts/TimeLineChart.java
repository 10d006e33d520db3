package dev.scalelab.ui.charts;

import javafx.geometry.Side;
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

    public TimeLineChart() {
        super(newTimeAxis(), newValueAxis());
        setAnimated(false);
        setCreateSymbols(false);
        setLegendSide(Side.TOP);
        setMinWidth(0);
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
}
