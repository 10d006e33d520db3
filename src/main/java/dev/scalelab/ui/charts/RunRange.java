package dev.scalelab.ui.charts;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * What a panel's charts show: the live window (the newest two minutes, sliding) or the whole run,
 * and in the whole run the slice the user zoomed to and panned. Until the user zooms, the whole run
 * fits the axis and grows with the run; a zoomed slice stays where it was put. Every change bumps
 * {@link #revisionProperty()}, so the charts redraw once for it. FX thread only.
 */
public final class RunRange {
    /** The narrowest slice zooming in reaches: half a minute of virtual time. */
    public static final double MIN_SPAN_SECONDS = 30;
    /** Each press of + or − (or a wheel notch) narrows or widens the slice by this factor. */
    public static final double ZOOM_STEP = 1.5;

    private final BooleanProperty wholeRun = new SimpleBooleanProperty(this, "wholeRun", false);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    /** The zoomed slice, or NaN while the whole run fits. */
    private double fromSeconds = Double.NaN;
    private double toSeconds = Double.NaN;

    public RunRange() {
        wholeRun.addListener(obs -> changed());
    }

    /** True: the charts show the whole run; false: the live window. */
    public BooleanProperty wholeRunProperty() {
        return wholeRun;
    }

    public boolean isWholeRun() {
        return wholeRun.get();
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public boolean zoomed() {
        return !Double.isNaN(fromSeconds);
    }

    /** The slice's start for a run of {@code runSeconds} so far. */
    public double from(double runSeconds) {
        return zoomed() ? fromSeconds : 0;
    }

    /** The slice's end: the run's end while it fits (at least a minute, so a young run is not stretched). */
    public double to(double runSeconds) {
        return zoomed() ? toSeconds : Math.max(60, runSeconds);
    }

    /**
     * Narrows ({@code factor} below 1) or widens the slice around {@code atSeconds}, which stays under
     * the pointer; wide enough to hold the whole run, it fits again.
     */
    public void zoom(double factor, double atSeconds, double runSeconds) {
        double from = from(runSeconds);
        double to = to(runSeconds);
        double full = Math.max(60, runSeconds);
        double span = Math.max(MIN_SPAN_SECONDS, (to - from) * factor);
        if (span >= full) {
            fit();
            return;
        }
        double at = Math.max(from, Math.min(to, atSeconds));
        double left = at - (at - from) * span / (to - from);
        place(left, span, full);
    }

    /** Moves the slice by {@code seconds} (later when positive), kept inside the run. */
    public void pan(double seconds, double runSeconds) {
        if (!zoomed()) {
            return;
        }
        place(fromSeconds + seconds, toSeconds - fromSeconds, Math.max(60, runSeconds));
    }

    /** Shows the slice {@code [fromSeconds, toSeconds]} of the whole run, as a zoom would. */
    public void show(double fromSeconds, double toSeconds) {
        wholeRun.set(true);
        this.fromSeconds = Math.max(0, fromSeconds);
        this.toSeconds = Math.max(this.fromSeconds + MIN_SPAN_SECONDS, toSeconds);
        changed();
    }

    /**
     * Applies the command line's {@code --charts}: "whole" for the whole run, "FROM-TO" for a slice of
     * it; null leaves the live window.
     */
    public void apply(String charts) {
        if (charts == null) {
            return;
        }
        if (charts.equals("whole")) {
            wholeRun.set(true);
            return;
        }
        String[] ends = charts.split("-");
        show(Double.parseDouble(ends[0]), Double.parseDouble(ends[1]));
    }

    /** The whole run fits the axis again. */
    public void fit() {
        fromSeconds = Double.NaN;
        toSeconds = Double.NaN;
        changed();
    }

    private void place(double left, double span, double full) {
        fromSeconds = Math.max(0, Math.min(left, full - span));
        toSeconds = fromSeconds + span;
        changed();
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    /** A tick unit of 1, 2 or 5 × 10^k seconds giving about six ticks over {@code spanSeconds}. */
    public static double tickSeconds(double spanSeconds) {
        return tickSeconds(spanSeconds, 6);
    }

    /** Room one label of a time axis needs, "1,200" with its gap: an axis this wide holds one tick per this. */
    public static final double LABEL_PIXELS = 48;

    /**
     * A tick unit of 1, 2 or 5 × 10^k seconds giving at most about {@code ticks} ticks over {@code spanSeconds}: a
     * narrow chart (the Performance panel's three side by side) takes fewer, so its labels do not run together.
     */
    public static double tickSeconds(double spanSeconds, int ticks) {
        double raw = Math.max(1, spanSeconds / Math.max(1, ticks));
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
