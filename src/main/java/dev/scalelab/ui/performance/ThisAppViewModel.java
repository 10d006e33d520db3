package dev.scalelab.ui.performance;

import dev.scalelab.runtime.JvmMonitor;
import dev.scalelab.runtime.JvmReading;
import dev.scalelab.runtime.JvmSample;
import dev.scalelab.runtime.ProfileTable;
import dev.scalelab.ui.Formats;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Locale;

/**
 * What the "This app" view shows: the app's own JVM from a {@link JvmMonitor} (the headline figures
 * of the newest wall second, and a revision counter that moves when a sample arrives, for the
 * charts), and the simulator's profile table as the runner last published it.
 *
 * <p>Confined to the FX thread in the app, where every pulse feeds it; it touches no scene graph, so
 * a test may drive it from its own thread.
 */
public final class ThisAppViewModel {
    private final JvmMonitor monitor = new JvmMonitor();
    private final ReadOnlyStringWrapper heap = new ReadOnlyStringWrapper(this, "heap", "–");
    private final ReadOnlyStringWrapper collections = new ReadOnlyStringWrapper(this, "collections", "–");
    private final ReadOnlyStringWrapper allocation = new ReadOnlyStringWrapper(this, "allocation", "–");
    private final ReadOnlyStringWrapper threads = new ReadOnlyStringWrapper(this, "threads", "–");
    private final ReadOnlyStringWrapper events = new ReadOnlyStringWrapper(this, "events", "–");
    private final ReadOnlyStringWrapper frames = new ReadOnlyStringWrapper(this, "frames", "–");
    private final ObservableList<ProfileTable.Line> profileLines = FXCollections.observableArrayList();
    private ProfileTable shownProfile;
    private long revision;

    /**
     * One UI pulse at {@code pulseNanos}: recorded as a frame, and once a wall second the JVM is read
     * (the simulation thread {@code simulationThreadId}, {@code eventsFired} events so far).
     */
    public void pulse(long pulseNanos, long simulationThreadId, long eventsFired) {
        monitor.recordFrame(pulseNanos);
        if (monitor.sampleIfDue(pulseNanos, simulationThreadId, eventsFired)) {
            sampled();
        }
    }

    /** Takes a reading made elsewhere (a test's); as {@link #pulse} does once a second. */
    void take(JvmReading reading) {
        if (monitor.add(reading)) {
            sampled();
        }
    }

    private void sampled() {
        JvmSample s = monitor.latest();
        revision++;
        heap.set(String.format(Locale.ROOT, "%.0f / %.0f MiB", s.heapUsedMib(), s.heapCommittedMib()));
        double perSecond = 0;
        double msPerSecond = 0;
        for (JvmSample.CollectorRate c : s.collectors()) {
            perSecond += c.collectionsPerSecond();
            msPerSecond += c.collectionMsPerSecond();
        }
        collections.set(String.format(Locale.ROOT, "%s / s, %s ms", decimal(perSecond), decimal(msPerSecond)));
        allocation.set(Double.isNaN(s.allocationMibPerSecond()) ? "not measured"
                : String.format(Locale.ROOT, "%s MiB / s", decimal(s.allocationMibPerSecond())));
        threads.set(Integer.toString(s.threads()));
        events.set(Formats.compact(Math.round(s.eventsPerSecond())) + " / s");
        frames.set(Double.isNaN(s.frameP95Ms()) ? "–"
                : String.format(Locale.ROOT, "p95 %s, max %s ms", decimal(s.frameP95Ms()), decimal(s.frameMaxMs())));
    }

    /** 0.5, 12.3, 140: one decimal below a hundred. */
    private static String decimal(double value) {
        return value < 100 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.0f", value);
    }

    /** Shows {@code table} in the profile's rows when it is not the one shown already. */
    public void showProfile(ProfileTable table) {
        if (table != shownProfile) {
            shownProfile = table;
            profileLines.setAll(table.lines());
        }
    }

    /** Moves on with every new sample. */
    public long revision() {
        return revision;
    }

    public JvmMonitor monitor() {
        return monitor;
    }

    public ObservableList<ProfileTable.Line> profileLines() {
        return profileLines;
    }

    /** Heap used and committed, MiB. */
    public ReadOnlyStringProperty heapProperty() {
        return heap.getReadOnlyProperty();
    }

    /** Collections and collection time per second, all collectors. */
    public ReadOnlyStringProperty collectionsProperty() {
        return collections.getReadOnlyProperty();
    }

    /** The simulation thread's allocation rate. */
    public ReadOnlyStringProperty allocationProperty() {
        return allocation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty threadsProperty() {
        return threads.getReadOnlyProperty();
    }

    /** Simulated events per wall second. */
    public ReadOnlyStringProperty eventsProperty() {
        return events.getReadOnlyProperty();
    }

    /** The frame interval's p95 and maximum over the second. */
    public ReadOnlyStringProperty framesProperty() {
        return frames.getReadOnlyProperty();
    }
}
