package dev.scalelab.world;

import dev.scalelab.engine.balancing.PickExplanation;
import dev.scalelab.engine.caching.CacheEventKind;
import dev.scalelab.engine.data.DatabaseView;
import dev.scalelab.engine.data.ShardRouter;
import dev.scalelab.engine.resilience.BreakerTransition;
import dev.scalelab.engine.resilience.BreakerView;
import dev.scalelab.engine.resilience.MeshStats;
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
        BalancerView balancer,
        CacheView cache,
        DataView data,
        List<DependencyView> dependencies,
        PerformanceView performance,
        EventsView events,
        GatewayView gateway,
        RunHistory.View history) {

    /**
     * One cache level: counters summed over its copies, and one copy drawn (the shared one or the
     * first instance's): its slot keys ({@code -1} empty), W-TinyLFU region of each slot (0 window,
     * 1 probation, 2 protected), and its newest events (kinds are {@link CacheEventKind} ordinals,
     * newest first; {@code eventsRecorded} counts all so a view can flash only new ones).
     *
     * @param cheHitRatio Che's approximation for an LRU of this capacity under the workload's key
     *                    popularity; NaN below the first level, where the stream is no longer IRM
     */
    public record CacheLevelView(String name, String scope, String policy, int capacity, int copies, long occupancy,
                                 long hits, long misses, double hitRatio, long evictions, long expiries,
                                 long lostDirtyWrites, double latencyMs, double ttlSeconds, double cheHitRatio,
                                 double[] hitRatioSeries, int[] slotKeys, byte[] slotSegments, byte[] eventKinds,
                                 int[] eventKeys, long eventsRecorded) {
    }

    /**
     * The cache as a whole. {@code optimalHitRatio} is Belady's MIN for one cache of the same total
     * capacity over the recent reads (NaN until computed); series are per second, aligned with
     * {@link Series#timeSeconds()}: {@code duplicateLoadsPerSecond} counts loads of a key that was
     * already loading (the stampede), {@code coalescedReadsPerSecond} reads that joined such a load.
     */
    public record CacheView(List<CacheLevelView> levels, double hitRatio, long reads, long storeLoads,
                            long duplicateLoads, long coalescedReads, long staleReads, long writes, long storeWrites,
                            String writePolicy, boolean coalesce, double optimalHitRatio, double[] hitRatioSeries,
                            double[] storeLoadsPerSecond, double[] duplicateLoadsPerSecond,
                            double[] coalescedReadsPerSecond) {
    }

    /**
     * The database: the engine's immutable view, its router (immutable, for drawing the ring and
     * placing keys), and per-second series aligned with {@link Series#timeSeconds()}.
     */
    public record DataView(DatabaseView database, ShardRouter router, String consistency, String readPolicy,
                           String replication, double[] queriesPerSecond, double[] staleReadsPerSecond) {
    }

    /**
     * One downstream dependency: the mesh client's counters, its breaker, the service's load and
     * faults, and per-second series (attempts offered to it, requests made) ending now.
     */
    public record DependencyView(String name, double callProbability, MeshStats stats, BreakerView breaker,
                                 List<BreakerTransition> transitions, int busyWorkers, int servers, int queueLength,
                                 double errorRate, List<String> activeFaults, double[] offeredLoadPerSecond,
                                 double[] requestsPerSecond) {
    }

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

        /** The drawn state of an engine lifecycle: the pipeline's pool and a drawn service's share it. */
        public static InstanceState of(Lifecycle lifecycle) {
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
     * @param weight      its balancing weight (weighted strategies use it)
     * @param errorRate   the fraction of its requests it answers with an error (0 when healthy)
     */
    public record InstanceView(int number, String id, InstanceState state, int workers, int busy, int queued,
                               int queueCapacity, long routed, long rejected, double utilization, String size,
                               int vcpus, double progress, boolean warmingUp, double speedFactor, double costPerHour,
                               double weight, double errorRate) {
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
        /** How many of the newest decisions a record keeps: the pipeline's balancer and a watched drawn one alike. */
        public static final int KEPT = 256;
        public static final byte QUEUED = 0;
        public static final byte REJECTED_QUEUE_FULL = 1;
        public static final byte REJECTED_NO_INSTANCE = 2;
    }
}
