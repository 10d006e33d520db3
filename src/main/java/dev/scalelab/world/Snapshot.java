package dev.scalelab.world;

import dev.scalelab.engine.balancing.PickExplanation;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.scaling.Lifecycle;

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
        List<LogEntry> recentLog,
        Scaling scaling,
        BalancerView balancer) {

    /**
     * The balancer's health handling and its last decision.
     *
     * @param excluded ids of ready instances it does not pick now, each with why ("ejected", "unhealthy")
     * @param lastPick what it weighed for the most recent request, or null for strategies that compare nothing
     */
    public record BalancerView(String strategy, boolean panic, java.util.Map<String, String> excluded,
                               PickExplanation lastPick) {
    }

    /** An instance's lifecycle as drawn: pending, booting, serving, draining or crashed. */
    public enum InstanceState {
        PROVISIONING, BOOTING, READY, DRAINING, FAILED;

        static InstanceState of(Lifecycle lifecycle) {
            switch (lifecycle) {
                case PROVISIONING: return PROVISIONING;
                case BOOTING: return BOOTING;
                case READY: return READY;
                case FAILED: return FAILED;
                default: return DRAINING;
            }
        }
    }

    /**
     * One instance as drawn: its workers, what is busy and what waits, its size, and how far it is
     * through provisioning, booting or warm-up ({@code progress} 0 to 1; 1 when none applies).
     *
     * @param speedFactor below 1 for an instance in gray failure
     */
    public record InstanceView(int number, String id, InstanceState state, int workers, int busy, int queued,
                               int queueCapacity, long routed, long rejected, double utilization, String size,
                               int vcpus, double progress, boolean warmingUp, double speedFactor, double costPerHour) {
    }

    /**
     * The pool as the scalers see it.
     *
     * @param specReplicas     the count the pool keeps (desired)
     * @param targetSize       the size new instances get; {@code rolling} while older ones remain
     * @param lastDecision     the horizontal autoscaler's last decision with its inputs, or ""
     * @param lastVertical     the vertical scaler's last decision, or ""
     */
    public record Scaling(String policy, int specReplicas, int readyReplicas, String targetSize, boolean rolling,
                          double costPerHour, double costDollars, String lastDecision, String lastVertical,
                          String verticalPolicy) {
    }

    /** The newest points of the per-second time series, oldest first, all of the same length. */
    public record Series(double[] timeSeconds, double[] offeredPerSecond, double[] throughputPerSecond,
                         double[] rejectedPerSecond, double[] failedPerSecond, double[] p50Ms, double[] p99Ms,
                         double[] instances, double[] desiredInstances, double[] utilization, double[] costPerHour,
                         double[] costDollars) {
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
