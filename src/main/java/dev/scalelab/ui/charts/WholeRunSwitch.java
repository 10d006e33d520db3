package dev.scalelab.ui.charts;

import dev.scalelab.world.RunHistory;
import dev.scalelab.world.Snapshot;
import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A panel's Whole run switch in one piece: its {@link RunRange}, the {@link RunRangeBar} above the
 * charts and the {@link WholeRunPacer}, so that a panel only says how its charts draw the whole run
 * and how they go back to the live window. FX thread only.
 */
public final class WholeRunSwitch {
    /** A panel's charts as the switch drives them. */
    public interface Charts {
        /** Draws {@code [fromSeconds, toSeconds]} of the run from {@code snapshot}'s history; returns the seconds a point stands for. */
        double showWholeRun(Snapshot snapshot, double fromSeconds, double toSeconds);

        /** Back to the live window: the next live update draws it afresh. */
        void backToLive();

        /** The width of a time axis in pixels: the points a line gets follow it, so a new width draws again. */
        double timeAxisWidth();
    }

    /** What the panel's charts do this pulse. */
    public enum Pulse {
        /** The whole run is shown (and was redrawn if it was due): no live update. */
        WHOLE_RUN,
        /** The live window, updated when its own pacing says so. */
        LIVE,
        /** The live window again after the whole run: update it now, whatever the pacing. */
        LIVE_AFRESH
    }

    private final RunRange range = new RunRange();
    private final WholeRunPacer pacer = new WholeRunPacer(range);
    private final RunRangeBar bar;
    private Snapshot snapshot;

    /** @param barId the bar's id ({@code scalingRangeBar}), for tests and the stylesheet */
    public WholeRunSwitch(String barId, double liveWindowSeconds) {
        bar = new RunRangeBar(range, liveWindowSeconds);
        bar.setId(barId);
        bar.onZoom(this::runSeconds);
    }

    public RunRange range() {
        return range;
    }

    public RunRangeBar bar() {
        return bar;
    }

    /** How far the run has gone, for zooming. */
    public double runSeconds() {
        return snapshot == null ? 0 : snapshot.history().seconds();
    }

    /** The whole run is drawn again at the next pulse (the panel's charts show another source now). */
    public void redraw() {
        pacer.invalidate();
    }

    /** The bar above {@code charts}, which take the height left. */
    public VBox above(Node charts) {
        VBox box = new VBox(bar, charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        box.getStyleClass().add("run-charts");
        return box;
    }

    /**
     * Called every pulse with the newest snapshot: draws the whole run when due (the user zoomed or
     * switched, the charts changed width, the run grew a wall second ago), and says what the live
     * charts should do.
     */
    public Pulse pulse(Snapshot newest, long nowNanos, Charts charts) {
        snapshot = newest;
        if (pacer.leftWholeRun()) {
            charts.backToLive();
            return Pulse.LIVE_AFRESH;
        }
        if (!range.isWholeRun()) {
            return Pulse.LIVE;
        }
        RunHistory.View history = newest.history();
        if (pacer.due(history, charts.timeAxisWidth(), nowNanos)) {
            double run = runSeconds();
            double from = range.from(run);
            double to = range.to(run);
            bar.describe(from, to, charts.showWholeRun(newest, from, to));
        }
        return Pulse.WHOLE_RUN;
    }
}
