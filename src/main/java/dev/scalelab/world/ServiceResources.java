package dev.scalelab.world;

import dev.scalelab.engine.runtime.CollectorKind;

/**
 * The service pool's per-instance resources as the scenario file holds them, each section of
 * {@code service} absent when the feature is off: the JVM-like heap ({@code service.runtime}), the
 * object pool ({@code service.objectPool}) and the connection pool ({@code service.connectionPool}).
 */
public final class ServiceResources {

    private ServiceResources() {
    }

    /**
     * An instance's JVM-like heap: requests allocate into eden; a young collection runs when eden is
     * full and copies what survives; survivors are promoted to old space after
     * {@code maxTenuringThreshold} collections; an old collection runs when old space passes
     * {@code initiatingOccupancyPercent}. Pauses stop the instance's workers (stop-the-world).
     */
    public record ServiceRuntime(
            @RuntimeSystem.Applies(RuntimeSystem.Step.RECONFIGURE_HEAPS)
            @Field(description = "The collector: parallel (throughput: long, rare stop-the-world pauses), g1 (regions, "
                    + "sizes the young generation to meet the pause target; the JVM's default) or zgc (concurrent: "
                    + "sub-millisecond pauses, but allocation stalls and extra CPU when allocation outruns it).")
            CollectorKind collector,
            @RuntimeSystem.Applies(RuntimeSystem.Step.RECONFIGURE_HEAPS)
            @Field(description = "Maximum heap per instance (-Xmx). The JVM's default is a quarter of the machine's memory: "
                    + "1024 MB of a 4 GB container.", unit = "MB", min = 16, max = 262_144) int heapMb,
            @RuntimeSystem.Applies(RuntimeSystem.Step.RECONFIGURE_HEAPS)
            @Field(description = "Young generation (eden and survivors) per instance; 0 lets the collector size it: a third "
                    + "of the heap for parallel (NewRatio 2), 5-60% adapted to the pause target for g1.", unit = "MB",
                    min = 0, max = 262_144) int youngMb,
            @RuntimeSystem.Applies(RuntimeSystem.Step.RECONFIGURE_HEAPS)
            @Field(description = "Memory one request allocates, besides its pooled objects (mean of an exponential "
                    + "distribution).", unit = "KB", min = 0, max = 1_048_576) double allocationKbPerRequest,
            @RuntimeSystem.Applies(RuntimeSystem.Step.RECONFIGURE_HEAPS)
            @Field(description = "Fraction of the bytes in eden still alive at a young collection: what a young pause "
                    + "copies and what is promoted.", min = 0, max = 1) double survivingFraction,
            @RuntimeSystem.Applies(RuntimeSystem.Step.RECONFIGURE_HEAPS)
            @Field(description = "Young collections an object survives before it is promoted to old space "
                    + "(MaxTenuringThreshold; 15 by default).", unit = "collections", min = 0, max = 15) int maxTenuringThreshold,
            @RuntimeSystem.Applies(RuntimeSystem.Step.RECONFIGURE_HEAPS)
            @Field(description = "Long-lived data the service holds (sessions, caches): old space never drops below it, "
                    + "and an old collection's pause grows with it.", unit = "MB", min = 0, max = 262_144) double liveSetMb,
            @RuntimeSystem.Applies(RuntimeSystem.Step.RECONFIGURE_HEAPS)
            @Field(description = "g1: the pause time it aims at (MaxGCPauseMillis; 200 ms by default).", unit = "ms",
                    min = 1, max = 10_000) double pauseTargetMs,
            @RuntimeSystem.Applies(RuntimeSystem.Step.RECONFIGURE_HEAPS)
            @Field(description = "Old-space occupancy, in percent of the heap, that starts an old collection "
                    + "(g1's InitiatingHeapOccupancyPercent, 45 by default; parallel collects when old space is full).",
                    unit = "%", min = 1, max = 100) int initiatingOccupancyPercent) {
        public static final ServiceRuntime DEFAULT = new ServiceRuntime(CollectorKind.G1, 1024, 0, 256, 0.05, 15, 128, 200, 45);

        public ServiceRuntime {
            if (youngMb >= heapMb) {
                throw new ScenarioException("service.runtime.youngMb", youngMb + " MB is not below heapMb (" + heapMb + " MB)");
            }
        }
    }

    /**
     * The pattern notes' object pool on each instance: a request gets {@code objectsPerRequest}
     * objects when it starts and puts them back when it ends. Get takes an idle one or allocates a
     * new one (a miss); Put keeps it if the pool has room, else drops it. Capacity 0 pools nothing.
     */
    public record ObjectPool(
            @RuntimeSystem.Applies(RuntimeSystem.Step.RECONFIGURE_POOLS)
            @Field(description = "Idle objects the pool keeps per instance; 0 pools nothing (every get allocates).",
                    unit = "objects", min = 0, max = 1_000_000) int capacity,
            @RuntimeSystem.Applies(RuntimeSystem.Step.RECONFIGURE_POOLS)
            @Field(description = "Objects (buffers, parsers) a request gets when it starts and puts back when it ends.",
                    unit = "objects", min = 0, max = 10_000) int objectsPerRequest,
            @RuntimeSystem.Applies(RuntimeSystem.Step.RECONFIGURE_POOLS)
            @Field(description = "Size of one object: what a miss allocates.", unit = "KB", min = 0, max = 1_048_576)
            double objectKb) {
        public static final ObjectPool DEFAULT = new ObjectPool(64, 4, 32);
    }

    /**
     * Each instance's pool of connections to the database, with HikariCP's settings and defaults.
     * A query borrows a connection; when none is free it waits in FIFO order, and a wait past
     * {@code connectionTimeoutMs} fails the request.
     */
    public record ConnectionPool(
            @ConnectionSystem.Applies(ConnectionSystem.Step.RECONFIGURE_POOLS)
            @Field(description = "Connections the pool may hold, idle and in use (HikariCP maximumPoolSize; 10 by default).",
                    unit = "connections", min = 1, max = 10_000) int maximumPoolSize,
            @ConnectionSystem.Applies(ConnectionSystem.Step.RECONFIGURE_POOLS)
            @Field(description = "Idle connections the pool keeps open (HikariCP minimumIdle; by default equal to "
                    + "maximumPoolSize, a fixed-size pool).", unit = "connections", min = 0, max = 10_000) int minimumIdle,
            @ConnectionSystem.Applies(ConnectionSystem.Step.RECONFIGURE_POOLS)
            @Field(description = "How long a query waits for a connection before the request fails with \"connection "
                    + "timeout\" (HikariCP connectionTimeout; 30000 ms by default, 250 at least).", unit = "ms",
                    min = 250, max = 3_600_000) double connectionTimeoutMs,
            @ConnectionSystem.Applies(ConnectionSystem.Step.RECONFIGURE_POOLS)
            @Field(description = "Time to open a new connection to the database (TCP, TLS, authentication).", unit = "ms",
                    min = 0, max = 60_000) double connectionSetupMs,
            @ConnectionSystem.Applies(ConnectionSystem.Step.RECONFIGURE_POOLS)
            @Field(description = "A connection is retired and replaced after this long (HikariCP maxLifetime; 1800 s by "
                    + "default).", unit = "s", min = 30, max = 86_400) double maxLifetimeSeconds,
            @ConnectionSystem.Applies(ConnectionSystem.Step.RECONFIGURE_POOLS)
            @Field(description = "A connection held longer than this is logged as a possible leak (HikariCP "
                    + "leakDetectionThreshold; 0 is off, 2000 ms at least when on).", unit = "ms", min = 0, max = 3_600_000)
            double leakDetectionThresholdMs) {
        public static final ConnectionPool DEFAULT = new ConnectionPool(10, 10, 30_000, 20, 1800, 0);
    }
}
