package dev.scalelab.world;

import dev.scalelab.engine.metrics.LatencySummary;

import java.util.List;

/**
 * An immutable view of the world at one instant, made on the simulation thread and read by the UI.
 * Arrays in it are fresh copies and are never written after the snapshot is made.
 */
public record Snapshot(
        double timeSeconds,
        long eventsFired,
        Scenario current,
        List<InstanceView> instances,
        long offered,
        long completed,
        long rejected,
        long failed,
        Sample lastSample,
        LatencySummary totalLatency,
        Series series,
        Dispatches dispatches,
        long logCount,
        List<LogEntry> recentLog) {

    public enum InstanceState { READY, DRAINING }

    /** One instance as drawn: its workers, what is busy and what waits. */
    public record InstanceView(int number, String id, InstanceState state, int workers, int busy, int queued,
                               int queueCapacity, long routed, long rejected, double utilization) {
    }

    /** The newest points of the per-second time series, oldest first, all of the same length. */
    public record Series(double[] timeSeconds, double[] offeredPerSecond, double[] throughputPerSecond,
                         double[] rejectedPerSecond, double[] p50Ms, double[] p99Ms, double[] instances,
                         double[] utilization) {
        public int size() {
            return timeSeconds.length;
        }
    }

    /**
     * The newest balancer decisions, for animation: {@code total} counts every decision so far, and
     * the arrays hold the last {@code instanceNumbers.length} of them, oldest first.
     */
    public record Dispatches(long total, int[] instanceNumbers, byte[] outcomes) {
        public static final byte QUEUED = 0;
        public static final byte REJECTED_QUEUE_FULL = 1;
        public static final byte REJECTED_NO_INSTANCE = 2;
    }
}
