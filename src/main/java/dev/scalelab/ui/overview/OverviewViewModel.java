package dev.scalelab.ui.overview;

import dev.scalelab.ui.Formats;
import dev.scalelab.ui.charts.ChartPacer;
import dev.scalelab.world.Sample;
import dev.scalelab.world.Snapshot;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Locale;

/**
 * What the Overview shows besides the drawing itself: the headline figures of the last virtual
 * second, which balancer decisions are new since the last frame, and when the charts need new points.
 *
 * <p>FX thread only.
 */
public final class OverviewViewModel {
    /** At higher rates the canvas shows a sample of the decisions; more dots would only be a blur. */
    static final int MAX_NEW_DOTS_PER_FRAME = 30;
    /** At 100× a sample arrives every frame; a few chart updates a second still read as live. */
    static final long MIN_CHART_UPDATE_INTERVAL_NANOS = ChartPacer.MIN_UPDATE_INTERVAL_NANOS;

    private final ReadOnlyStringWrapper offered = new ReadOnlyStringWrapper(this, "offered", "–");
    private final ReadOnlyStringWrapper completed = new ReadOnlyStringWrapper(this, "completed", "–");
    private final ReadOnlyStringWrapper rejected = new ReadOnlyStringWrapper(this, "rejected", "–");
    private final ReadOnlyStringWrapper p50 = new ReadOnlyStringWrapper(this, "p50", "–");
    private final ReadOnlyStringWrapper p99 = new ReadOnlyStringWrapper(this, "p99", "–");
    private final ReadOnlyStringWrapper utilization = new ReadOnlyStringWrapper(this, "utilization", "–");
    private final ReadOnlyStringWrapper instances = new ReadOnlyStringWrapper(this, "instances", "–");

    private Sample shownSample;
    private long seenDispatches;
    private ChartPacer chartPacer = new ChartPacer();

    /** Takes in a new snapshot: the headline follows the newest per-second sample. */
    public void update(Snapshot snapshot) {
        Sample sample = snapshot.lastSample();
        if (sample == shownSample) {
            return;
        }
        shownSample = sample;
        if (sample == null) {
            for (ReadOnlyStringWrapper figure : new ReadOnlyStringWrapper[] {offered, completed, rejected, p50, p99, utilization, instances}) {
                figure.set("–");
            }
            return;
        }
        offered.set(Formats.count(sample.offeredPerSecond()) + " req/s");
        completed.set(Formats.count(sample.throughputPerSecond()) + " req/s");
        rejected.set(Formats.count(sample.rejectedPerSecond()) + " req/s");
        p50.set(Formats.millis(sample.p50Ms()) + " ms");
        p99.set(Formats.millis(sample.p99Ms()) + " ms");
        utilization.set(String.format(Locale.ROOT, "%.0f %%", sample.utilization() * 100));
        instances.set(Integer.toString(sample.instances()));
    }

    /**
     * The index into {@code dispatches}' arrays from which the decisions are new since the last call:
     * animate {@code [index, length)}. At most {@link #MAX_NEW_DOTS_PER_FRAME} of the newest.
     */
    public int firstNewDispatch(Snapshot.Dispatches dispatches) {
        int length = dispatches.instanceNumbers().length;
        if (dispatches.total() < seenDispatches) {
            seenDispatches = 0; // the run restarted
        }
        long fresh = dispatches.total() - seenDispatches;
        seenDispatches = dispatches.total();
        return length - (int) Math.min(fresh, Math.min(length, MAX_NEW_DOTS_PER_FRAME));
    }

    /**
     * True when the newest sample (see {@link ChartPacer#newestSampleSeconds}) is one the charts have not shown
     * and the charts may redraw now.
     */
    /** The charts were cleared (back from the whole run): the next sample redraws them at once. */
    public void chartsRedrawn() {
        chartPacer = new ChartPacer();
    }

    public boolean chartsDue(double newest, long nowNanos) {
        return chartPacer.due(newest, nowNanos);
    }

    public ReadOnlyStringProperty offeredProperty() {
        return offered.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty completedProperty() {
        return completed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rejectedProperty() {
        return rejected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty p50Property() {
        return p50.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty p99Property() {
        return p99.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty utilizationProperty() {
        return utilization.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty instancesProperty() {
        return instances.getReadOnlyProperty();
    }
}
