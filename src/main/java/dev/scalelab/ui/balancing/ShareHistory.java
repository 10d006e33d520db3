package dev.scalelab.ui.balancing;

import dev.scalelab.world.Snapshot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each instance's share of the traffic over time: at every new per-second sample, the requests
 * routed to it since the previous one over all requests routed meanwhile, in percent. The snapshot
 * only has cumulative counts, and a cumulative share would hide a change made minutes into a run.
 *
 * <p>Keeps the newest {@link #CAPACITY} points per instance in rings. Not thread-safe; the FX
 * thread owns it.
 */
final class ShareHistory {
    static final int CAPACITY = 512;

    /** One instance's points, oldest first in a ring. */
    static final class Line {
        private final double[] times = new double[CAPACITY];
        private final double[] percents = new double[CAPACITY];
        private int head;
        private int size;
        private long routedBefore;

        private void add(double time, double percent) {
            if (size == CAPACITY) {
                head = (head + 1) % CAPACITY;
                size--;
            }
            int slot = (head + size) % CAPACITY;
            times[slot] = time;
            percents[slot] = percent;
            size++;
        }

        int size() {
            return size;
        }

        double time(int i) {
            return times[(head + i) % CAPACITY];
        }

        double percent(int i) {
            return percents[(head + i) % CAPACITY];
        }
    }

    private final Map<String, Line> lines = new HashMap<>();
    private double recordedUntilSeconds = Double.NEGATIVE_INFINITY;

    /**
     * Records a point for every instance when {@code snapshot} has a per-second sample newer than
     * the last one recorded; starts over when its time went back (a new run). True when it recorded.
     */
    boolean record(Snapshot snapshot) {
        Snapshot.Series series = snapshot.series();
        if (series.size() == 0) {
            if (snapshot.timeSeconds() < recordedUntilSeconds) {
                clear();
            }
            return false;
        }
        double newest = series.timeSeconds()[series.size() - 1];
        if (newest < recordedUntilSeconds) {
            clear();
        }
        if (newest == recordedUntilSeconds) {
            return false;
        }
        List<Snapshot.InstanceView> instances = snapshot.instances();
        long total = 0;
        for (Snapshot.InstanceView in : instances) {
            Line line = lines.get(in.id());
            total += in.routed() - (line == null ? 0 : line.routedBefore);
        }
        for (Snapshot.InstanceView in : instances) {
            Line line = lines.computeIfAbsent(in.id(), id -> new Line());
            long routed = in.routed() - line.routedBefore;
            line.routedBefore = in.routed();
            // The first point of a run would be the share since t = 0 up to a sample: still a share, kept.
            if (total > 0) {
                line.add(newest, 100.0 * routed / total);
            }
        }
        recordedUntilSeconds = newest;
        return true;
    }

    /** The points of instance {@code id}, or null if it has none. */
    Line line(String id) {
        return lines.get(id);
    }

    /** The time of the newest recorded point, or negative infinity before the first. */
    double recordedUntilSeconds() {
        return recordedUntilSeconds;
    }

    void clear() {
        lines.clear();
        recordedUntilSeconds = Double.NEGATIVE_INFINITY;
    }
}
