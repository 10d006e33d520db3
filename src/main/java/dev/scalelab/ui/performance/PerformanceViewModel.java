package dev.scalelab.ui.performance;

import dev.scalelab.engine.runtime.CollectorKind;
import dev.scalelab.ui.Formats;
import dev.scalelab.ui.charts.ChartPacer;
import dev.scalelab.world.PerformanceView;
import dev.scalelab.world.PerformanceView.ConnectionsView;
import dev.scalelab.world.PerformanceView.RuntimeView;
import dev.scalelab.world.Sample;
import dev.scalelab.world.ServiceResources;
import dev.scalelab.world.Snapshot;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Locale;

/**
 * What the Performance panel shows besides its drawings: which parts the scenario has (a heap
 * model, an object pool, connection pools), the headline figures, and when the charts and lists
 * take new data. Rates are those of the last whole virtual second, totals since the start.
 *
 * <p>FX thread only.
 */
public final class PerformanceViewModel {
    private static final String NONE = "–";

    private final ReadOnlyBooleanWrapper hasRuntime = new ReadOnlyBooleanWrapper(this, "hasRuntime", false);
    private final ReadOnlyBooleanWrapper hasObjectPool = new ReadOnlyBooleanWrapper(this, "hasObjectPool", false);
    private final ReadOnlyBooleanWrapper hasConnections = new ReadOnlyBooleanWrapper(this, "hasConnections", false);
    private final ReadOnlyStringWrapper p99 = new ReadOnlyStringWrapper(this, "p99", NONE);
    private final ReadOnlyStringWrapper gcPause = new ReadOnlyStringWrapper(this, "gcPause", NONE);
    private final ReadOnlyStringWrapper collections = new ReadOnlyStringWrapper(this, "collections", NONE);
    private final ReadOnlyStringWrapper poolHitRatio = new ReadOnlyStringWrapper(this, "poolHitRatio", NONE);
    private final ReadOnlyStringWrapper connectionWait = new ReadOnlyStringWrapper(this, "connectionWait", NONE);
    private final ReadOnlyStringWrapper timeoutsAndRefusals = new ReadOnlyStringWrapper(this, "timeoutsAndRefusals", NONE);

    private final ChartPacer chartPacer = new ChartPacer();
    private final ChartPacer listPacer = new ChartPacer();

    /** Takes in a new snapshot; its performance view may be null (a world without one), which shows nothing. */
    public void update(Snapshot snapshot) {
        PerformanceView performance = snapshot.performance();
        RuntimeView runtime = performance == null ? null : performance.runtime();
        ConnectionsView connections = performance == null ? null : performance.connections();
        hasRuntime.set(runtime != null);
        hasObjectPool.set(runtime != null && runtime.objectPool() != null);
        hasConnections.set(connections != null);
        Sample sample = snapshot.lastSample();
        p99.set(sample == null ? NONE : Formats.millis(sample.p99Ms()) + " ms");
        if (runtime == null) {
            gcPause.set(NONE);
            collections.set(NONE);
            poolHitRatio.set(NONE);
        } else {
            double lastSecond = last(runtime.pauseMsPerSecond());
            gcPause.set((Double.isNaN(lastSecond) ? NONE : duration(lastSecond)) + " · Σ " + duration(runtime.pauseMsTotal()));
            double perSecond = last(runtime.collectionsPerSecond());
            collections.set(Double.isNaN(perSecond) ? NONE : String.format(Locale.ROOT, "%.1f /s", perSecond));
            poolHitRatio.set(runtime.objectPool() == null ? NONE : ObjectPoolCanvas.percent(runtime.objectPool().hitRatio()));
        }
        if (connections == null) {
            connectionWait.set(NONE);
            timeoutsAndRefusals.set(NONE);
        } else {
            double wait = last(connections.waitMsP99Series());
            connectionWait.set(Double.isNaN(wait) ? NONE : Formats.millis(wait) + " ms");
            timeoutsAndRefusals.set(Formats.count(connections.timeouts()) + " + " + Formats.count(connections.refused()));
        }
    }

    /** A pause time as short as a card needs: {@code 0.40 ms}, {@code 38 ms}, {@code 2.4 s}, {@code 61 s}. */
    static String duration(double ms) {
        if (ms < 10) {
            return Formats.millis(ms) + " ms";
        }
        if (ms < 1000) {
            return Math.round(ms) + " ms";
        }
        return ms < 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000) : Math.round(ms / 1000) + " s";
    }

    /** The newest value of a per-second series, NaN before the first second. */
    static double last(double[] perSecond) {
        return perSecond == null || perSecond.length == 0 ? Double.NaN : perSecond[perSecond.length - 1];
    }

    /** True when the newest sample is one the charts have not shown and they may redraw at {@code nowNanos}. */
    boolean chartsDue(Snapshot.Series series, long nowNanos) {
        return chartPacer.due(ChartPacer.newestSampleSeconds(series), nowNanos);
    }

    /**
     * True when the trace list and the monitor may take the newest data: at most four times a wall
     * second, so that a row stays put long enough to be clicked.
     */
    boolean listsDue(double snapshotSeconds, long nowNanos) {
        return listPacer.due(snapshotSeconds, nowNanos);
    }

    /** The old-space occupancy that starts a collection, in MB of old space; NaN when there is no line to draw. */
    static double initiatingOldMb(ServiceResources.ServiceRuntime runtime) {
        if (runtime == null || runtime.collector() != CollectorKind.G1) {
            return Double.NaN; // parallel collects old space when it is full; zgc has no such threshold
        }
        return runtime.heapMb() * runtime.initiatingOccupancyPercent() / 100.0;
    }

    public ReadOnlyBooleanProperty hasRuntimeProperty() {
        return hasRuntime.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasObjectPoolProperty() {
        return hasObjectPool.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasConnectionsProperty() {
        return hasConnections.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty p99Property() {
        return p99.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gcPauseProperty() {
        return gcPause.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty collectionsProperty() {
        return collections.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty poolHitRatioProperty() {
        return poolHitRatio.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionWaitProperty() {
        return connectionWait.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeoutsAndRefusalsProperty() {
        return timeoutsAndRefusals.getReadOnlyProperty();
    }
}
