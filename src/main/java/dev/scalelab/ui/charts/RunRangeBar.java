package dev.scalelab.ui.charts;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.util.Locale;

/**
 * The strip above a panel's charts: "Whole run" switches them from the live window to the whole run
 * so far; there, − and + zoom the time axis (as the mouse wheel on a chart does), Fit shows the whole
 * run again, and the label says what is shown and how wide a point is. FX thread only.
 */
public final class RunRangeBar extends HBox {
    private final RunRange range;
    private final ToggleButton wholeRun = new ToggleButton("Whole run");
    private final Button zoomOut = new Button("−");
    private final Button zoomIn = new Button("+");
    private final Button fit = new Button("Fit");
    private final Label shown = new Label();
    private final String liveText;

    /** @param liveWindowSeconds the live window's length, for the label ("live: last 120 s") */
    public RunRangeBar(RunRange range, double liveWindowSeconds) {
        this.range = range;
        this.liveText = String.format(Locale.ROOT, "live: the last %d s", Math.round(liveWindowSeconds));
        getStyleClass().add("run-range-bar");
        wholeRun.getStyleClass().add("whole-run-toggle");
        wholeRun.selectedProperty().bindBidirectional(range.wholeRunProperty());
        wholeRun.setTooltip(tip("Show the charts over the whole run so far instead of the live window. Wheel over a chart "
                + "zooms, a drag pans; where a point stands for several seconds, the band shows their least and greatest value."));
        zoomOut.getStyleClass().add("zoom-out-button");
        zoomIn.getStyleClass().add("zoom-in-button");
        fit.getStyleClass().add("fit-button");
        zoomOut.setTooltip(tip("Zoom out (or the mouse wheel over a chart)"));
        zoomIn.setTooltip(tip("Zoom in, around the middle (or the mouse wheel over a chart, around the pointer)"));
        fit.setTooltip(tip("Show the whole run again"));
        for (Button b : new Button[] {zoomOut, zoomIn, fit}) {
            b.disableProperty().bind(range.wholeRunProperty().not());
            b.setFocusTraversable(true);
        }
        shown.getStyleClass().add("run-range-label");
        shown.setMinWidth(0);
        getChildren().addAll(wholeRun, zoomOut, zoomIn, fit, shown);
        shown.setText(liveText);
        range.wholeRunProperty().addListener(obs -> {
            if (!range.isWholeRun()) {
                shown.setText(liveText);
            }
        });
        setFillHeight(false);
    }

    /** Wires the zoom buttons to the run's length now, which only the panel knows. */
    public void onZoom(java.util.function.DoubleSupplier runSeconds) {
        zoomIn.setOnAction(e -> {
            double s = runSeconds.getAsDouble();
            range.zoom(1 / RunRange.ZOOM_STEP, (range.from(s) + range.to(s)) / 2, s);
        });
        zoomOut.setOnAction(e -> {
            double s = runSeconds.getAsDouble();
            range.zoom(RunRange.ZOOM_STEP, (range.from(s) + range.to(s)) / 2, s);
        });
        fit.setOnAction(e -> range.fit());
    }

    /** Says what the charts show: the slice and how many seconds one point stands for. */
    public void describe(double fromSeconds, double toSeconds, double secondsPerPoint) {
        if (!range.isWholeRun()) {
            return;
        }
        String per = secondsPerPoint <= 1 ? "1 s per point" : String.format(Locale.ROOT, "%s s per point, band: min–max",
                secondsPerPoint >= 10 ? Long.toString(Math.round(secondsPerPoint)) : String.format(Locale.ROOT, "%.1f", secondsPerPoint));
        shown.setText(String.format(Locale.ROOT, "%s %s – %s s · %s", range.zoomed() ? "zoomed:" : "whole run:",
                whole(fromSeconds), whole(toSeconds), per));
    }

    private static String whole(double seconds) {
        return String.format(Locale.ROOT, "%,d", Math.round(seconds));
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        return t;
    }

    public ToggleButton wholeRunToggle() {
        return wholeRun;
    }
}
