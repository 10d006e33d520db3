package dev.scalelab.world;

import java.util.List;

/**
 * What the Performance panel draws: the instances' heaps, collections and object pools; their
 * connection pools and the database's connections; and where requests' time goes. A part the
 * scenario does not have is null ({@code runtime} without {@code service.runtime},
 * {@code connections} without {@code service.connectionPool}); {@code profile} is always there.
 * Series are per second and aligned with {@link Snapshot.Series#timeSeconds()}. Arrays are fresh
 * copies, never written after the view is made.
 */
public record PerformanceView(RuntimeView runtime, ConnectionsView connections, ProfileView profile) {

    /** Pause kinds, as {@link HeapView#recentPauseKinds()} holds them. */
    public static final byte PAUSE_YOUNG = 0;
    public static final byte PAUSE_OLD = 1;
    public static final byte PAUSE_FULL = 2;
    public static final byte PAUSE_ALLOCATION_STALL = 3;
    /** How far back {@link HeapView} lists pauses. */
    public static final double PAUSE_WINDOW_SECONDS = 30;

    /**
     * The heaps of the pool. {@code pauseMsP99} is the 99th percentile of single pauses;
     * {@code pauseMsPerSecond} the total pause time of the fleet in each second (summed over
     * instances), {@code longestPauseMsPerSecond} the longest single pause that started in it (what one
     * request could have waited); {@code allocationMbPerSecond} the fleet's allocation rate.
     */
    public record RuntimeView(String collector, int heapMb, double youngMb, double pauseTargetMs, List<HeapView> instances,
                              long youngCollections, long oldCollections, double pauseMsTotal, double pauseMsP99,
                              double maxPauseMs, double[] pauseMsPerSecond, double[] longestPauseMsPerSecond,
                              double[] collectionsPerSecond,
                              double[] allocationMbPerSecond, ObjectPoolView objectPool) {
    }

    /**
     * One instance's heap now, in pool order. Eden and the survivors make the young generation;
     * {@code pauseKind} is the kind of the pause it is in (a {@code PAUSE_} constant) or -1.
     * The recent pauses are those that started in the last {@link #PAUSE_WINDOW_SECONDS}, oldest
     * first: their start (virtual seconds), length and kind.
     */
    public record HeapView(String instanceId, double edenUsedMb, double edenMb, double survivorUsedMb, double survivorMb,
                           double oldUsedMb, double oldMb, byte pauseKind, long youngCollections, long oldCollections,
                           double[] recentPauseStartSeconds, double[] recentPauseMs, byte[] recentPauseKinds,
                           int poolIdle, int poolBorrowed) {
    }

    /** The object pools summed over the fleet; {@code capacity} is per instance. */
    public record ObjectPoolView(int capacity, int objectsPerRequest, double objectKb, long gets, long hits,
                                 double hitRatio, long drops, double bytesSavedMb, double[] hitRatioSeries) {
    }

    /**
     * The connection pools and the database's side of them. {@code databaseOpen} counts the
     * connections open to the database against {@code maxConnections}; {@code activeQueries} the
     * queries running against {@code databaseCores} (0: contention not modelled).
     */
    public record ConnectionsView(int maximumPoolSize, int minimumIdle, double connectionTimeoutMs,
                                  List<ConnectionPoolView> instances, int databaseOpen, int maxConnections,
                                  int databaseCores, int activeQueries, long acquired, long timeouts, long refused,
                                  int maxPending, long leaked, double waitMsP50, double waitMsP99,
                                  double[] waitMsP99Series, double[] timeoutsPerSecond, double[] refusedPerSecond) {
    }

    /** One instance's connection pool now, in pool order: connections in use, idle, and requests waiting. */
    public record ConnectionPoolView(String instanceId, int total, int active, int idle, int pending, int leaked) {
    }

    /**
     * Where requests' time goes, by {@link Phase} (arrays indexed by ordinal): the mean over every
     * request answered so far, the mean over those slower than the p99 when they ended, and the
     * mean per second ({@code meanMsSeries[phase][second]}). {@code slowTraces} are the slowest
     * recent requests, slowest first; {@code metrics} is the monitor's registry.
     */
    public record ProfileView(double[] meanMs, double[] aboveP99MeanMs, long requests, long aboveP99Requests,
                              double[][] meanMsSeries, List<TraceView> slowTraces, List<MetricView> metrics) {
    }

    /** One request's path as spans, like a tracing UI's waterfall. */
    public record TraceView(long requestId, double startSeconds, double latencyMs, String instanceId,
                            List<SpanView> spans) {
    }

    /** One phase of a request: when it started (ms after arrival) and how long it lasted. */
    public record SpanView(Phase phase, double startMs, double durationMs) {
    }

    /** A metric of the monitor: its last value, how often it was recorded, and when last (virtual seconds). */
    public record MetricView(String name, double value, long count, double lastUpdatedSeconds) {
    }
}
