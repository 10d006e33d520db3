package dev.scalelab.world;

import dev.scalelab.engine.data.DatabaseView;
import dev.scalelab.engine.metrics.DownsampledSeries;
import dev.scalelab.engine.metrics.SeriesView;
import dev.scalelab.engine.resilience.MeshClient;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * Every charted series of the run from t = 0, whichever panel is on screen: recorded once per
 * simulated second (never on the per-event path) into {@link DownsampledSeries}, so its memory is
 * bounded however long the run ({@link #BUCKETS} buckets per series, each 28 bytes). Panels read it
 * through {@link Snapshot#history()}, so one opened late draws the same lines as one open from the
 * start. Reading only: recording draws no random number and schedules nothing, so it cannot change
 * the run.
 *
 * <p>A series that begins in the middle of the run (an instance, a shard) starts with empty buckets,
 * so every series keeps the same bucket edges; one whose part is gone (a removed instance or shard)
 * is dropped, which bounds their number by the parts alive at once. Confined to the simulation thread.
 */
public final class RunHistory {
    /** Buckets per series: 4,096 one-second buckets hold 68 minutes, then they double in width. */
    public static final int BUCKETS = 4096;

    private final Map<String, DownsampledSeries> series = new LinkedHashMap<>();
    private long seconds;
    private final Map<String, Long> routedById = new LinkedHashMap<>();
    /** The database's queries, stale reads and read-your-writes violations at the last second ({@link #databaseSecond}). */
    private final long[] databaseBefore = new long[3];
    /** Per dependency, its client's attempts sent and failed at the last sample: counters, not {@code stats()}, whose latency summary walks a histogram. */
    private final Map<String, long[]> attemptsBefore = new LinkedHashMap<>();
    private final long[] linesBefore = new long[Source.values().length];
    private View cachedView;

    /** The names a panel reads its lines by. */
    public static final class Keys {
        public static final String OFFERED = "offeredPerSecond";
        public static final String THROUGHPUT = "throughputPerSecond";
        public static final String REJECTED = "rejectedPerSecond";
        public static final String FAILED = "failedPerSecond";
        public static final String P50_MS = "p50Ms";
        public static final String P99_MS = "p99Ms";
        public static final String INSTANCES = "instances";
        public static final String DESIRED_INSTANCES = "desiredInstances";
        public static final String UTILIZATION = "utilization";
        public static final String COST_PER_HOUR = "costPerHour";
        public static final String DB_QUERIES = "db/queriesPerSecond";
        public static final String DB_STALE_READS = "db/staleReadsPerSecond";
        public static final String DB_RYW_VIOLATIONS = "db/readYourWritesViolationsPerSecond";
        /** Dollars the run has cost so far, at the end of each second. */
        public static final String COST_DOLLARS = "costDollars";
        /** Share of the second's reads served by any cache level, 0 to 1. */
        public static final String CACHE_HIT_RATIO = "cache/hitRatio";
        public static final String CACHE_STORE_LOADS = "cache/storeLoadsPerSecond";
        public static final String CACHE_DUPLICATE_LOADS = "cache/duplicateLoadsPerSecond";
        public static final String CACHE_COALESCED_READS = "cache/coalescedReadsPerSecond";
        /** The longest single collector pause of the second, in ms, over the fleet. */
        public static final String GC_LONGEST_PAUSE_MS = "runtime/longestPauseMs";
        public static final String GC_COLLECTIONS = "runtime/collectionsPerSecond";
        public static final String ALLOCATION_MB = "runtime/allocationMbPerSecond";
        public static final String CONNECTION_WAIT_P99_MS = "connections/waitMsP99";
        public static final String CONNECTION_TIMEOUTS = "connections/timeoutsPerSecond";
        public static final String CONNECTION_REFUSED = "connections/refusedPerSecond";

        private Keys() {
        }

        /** Instance {@code id}'s share of the requests routed in each second, in percent. */
        public static String sharePercent(String instanceId) {
            return "share/" + instanceId;
        }

        public static String shardQueries(int shardId) {
            return "shard/" + shardId + "/queriesPerSecond";
        }

        /** The shard's largest replica lag at the end of each second, in ms (its slowest live replica). */
        public static String shardLagMs(int shardId) {
            return "shard/" + shardId + "/maxLagMs";
        }

        public static String dependencyAttempts(String name) {
            return "dependency/" + name + "/attemptsPerSecond";
        }

        public static String dependencyRequests(String name) {
            return "dependency/" + name + "/requestsPerSecond";
        }

        /** Attempts sent per request that called it, in each second: 1 without retries. */
        public static String dependencyAmplification(String name) {
            return "dependency/" + name + "/attemptsPerRequest";
        }

        /**
         * The breaker's failure rate over its sliding window at the end of each second, in percent; for
         * a client without a breaker, the share of the second's attempts that failed (what one would see).
         */
        public static String failureRatePercent(String name) {
            return "dependency/" + name + "/failureRatePercent";
        }

        /** The breaker's failure-rate threshold in percent (Resilience4j mode only). */
        public static String failureThresholdPercent(String name) {
            return "dependency/" + name + "/failureThresholdPercent";
        }

        /** The breaker's state at the end of each second, as a {@code BreakerState} ordinal (mean: the time-weighted mix). */
        public static String breakerState(String name) {
            return "dependency/" + name + "/breakerState";
        }

        /** Share of the second's lookups at the cache level named {@code level} that hit, 0 to 1. */
        public static String cacheLevelHitRatio(String level) {
            return "cache/level/" + level + "/hitRatio";
        }

        /** The mean time the requests answered in the second spent in phase {@code phaseId}, in ms. */
        public static String phaseMeanMs(String phaseId) {
            return "phase/" + phaseId + "/meanMs";
        }

        /**
         * A series of the events source {@code source} ("group billing", "queue jobs"), {@code measure}
         * one of {@link EventsMeasure}: what the Events panel charts for it.
         */
        public static String events(String source, EventsMeasure measure) {
            return "events/" + source + "/" + measure.id;
        }

        /** Lines the decision log got from {@code source} in each second: the timeline bar's marks. */
        public static String logLines(Source source) {
            return "log/" + source.id();
        }
    }

    /** What the history keeps of a consumer group or a work queue, each second. */
    public enum EventsMeasure {
        /** A group's records published and not yet committed, all partitions; a queue's visible messages. */
        LAG("lag"),
        /** A group's most-lagging partition's lag (which one may change); a queue's messages in flight. */
        LAG_DETAIL("lagDetail"),
        END_TO_END_P99_MS("endToEndP99Ms"),
        CONSUMERS("consumers"),
        DESIRED("desiredConsumers"),
        DUPLICATES("duplicatesPerSecond"),
        DEAD_LETTERED("deadLetteredPerSecond");

        final String id;

        EventsMeasure(String id) {
            this.id = id;
        }
    }

    /**
     * The series as they stand, immutable: each {@link SeriesView} shares the buckets no longer
     * written. {@code seconds} is how much of the run they cover.
     */
    public record View(long seconds, Map<String, SeriesView> series) {
        public static final View EMPTY = new View(0, Map.of());

        /** The series named {@code key}, or an empty one when the run has none of that name (yet). */
        public SeriesView get(String key) {
            SeriesView v = series.get(key);
            return v == null ? SeriesView.EMPTY : v;
        }

        public boolean has(String key) {
            return series.containsKey(key);
        }
    }

    /**
     * Takes the second that just ended, after the parts took their samples; {@code parts} puts the
     * series of the parts that keep their own (cache, runtime, connection pools, profile, events).
     */
    void record(Sample s, ServicePool pool, DataSystem data, List<MeshClient> clients, List<Scenario.Dependency> dependencies,
                DecisionLog log, java.util.function.Consumer<RunHistory> parts) {
        put(Keys.OFFERED, s.offeredPerSecond());
        put(Keys.THROUGHPUT, s.throughputPerSecond());
        put(Keys.REJECTED, s.rejectedPerSecond());
        put(Keys.FAILED, s.failedPerSecond());
        put(Keys.P50_MS, s.p50Ms());
        put(Keys.P99_MS, s.p99Ms());
        put(Keys.INSTANCES, s.instances());
        put(Keys.DESIRED_INSTANCES, s.desiredInstances());
        put(Keys.UTILIZATION, s.utilization());
        put(Keys.COST_PER_HOUR, s.costPerHour());
        put(Keys.COST_DOLLARS, s.costDollars());
        recordShares(pool);
        parts.accept(this);
        if (data != null) {
            recordDatabase(data);
        }
        for (int i = 0; i < clients.size(); i++) {
            MeshClient c = clients.get(i);
            String name = c.dependencyName();
            double attempts = c.lastOfferedLoadPerSecond();
            double requests = c.lastRequestsPerSecond();
            put(Keys.dependencyAttempts(name), attempts);
            put(Keys.dependencyRequests(name), requests);
            put(Keys.dependencyAmplification(name), requests > 0 ? attempts / requests : Double.NaN);
            put(Keys.breakerState(name), c.breaker().state().ordinal());
            Scenario.Dependency config = i < dependencies.size() ? dependencies.get(i) : null;
            put(Keys.failureRatePercent(name), failureRatePercent(c, config));
            if (config != null && config.breaker() != null && config.breaker().mode().equals("resilience4j")) {
                put(Keys.failureThresholdPercent(name), config.breaker().failureRateThreshold());
            }
        }
        long[] lines = log.linesBySource();
        for (Source source : Source.values()) {
            long n = lines[source.ordinal()] - linesBefore[source.ordinal()];
            linesBefore[source.ordinal()] = lines[source.ordinal()];
            if (n > 0 || series.containsKey(Keys.logLines(source))) {
                put(Keys.logLines(source), n);
            }
        }
        // Every series takes one value a second: those not given one this second (a part gone quiet) get none.
        seconds++;
        for (DownsampledSeries d : series.values()) {
            while (d.seconds() < seconds) {
                d.append(Double.NaN);
            }
        }
        cachedView = null;
    }

    private void recordShares(ServicePool pool) {
        long total = 0;
        for (ServiceInstance in : pool.instances) {
            total += in.routed - routedById.getOrDefault(in.id, 0L);
        }
        Set<String> alive = new HashSet<>();
        for (ServiceInstance in : pool.instances) {
            long routed = in.routed - routedById.getOrDefault(in.id, 0L);
            routedById.put(in.id, in.routed);
            alive.add(in.id);
            put(Keys.sharePercent(in.id), total == 0 ? Double.NaN : 100.0 * routed / total);
        }
        if (routedById.size() > alive.size()) {
            routedById.keySet().retainAll(alive);
            series.keySet().removeIf(k -> k.startsWith("share/") && !alive.contains(k.substring("share/".length())));
        }
    }

    private void recordDatabase(DataSystem data) {
        Set<String> alive = databaseSecond(data.database(), databaseBefore, this::put);
        series.keySet().removeIf(k -> k.startsWith("shard/") && !alive.contains(k));
    }

    /**
     * A database's series for the second that just ended, as the Database panel charts them: queries,
     * stale reads and read-your-writes violations in it (from the counters in {@code before}, which it
     * updates), each shard's queries per second and its replicas' worst lag. The pipeline's history and
     * a drawn database's watch record theirs here alike; returns the shard series' keys alive now.
     */
    public static Set<String> databaseSecond(dev.scalelab.engine.data.Database database, long[] before,
                                             java.util.function.ObjDoubleConsumer<String> put) {
        return databaseSecond(database.view(), database.counters(), before, put);
    }

    /** As above, from a view of the database and totals {@code c} that only grow (a drawn box's, over its layouts). */
    public static Set<String> databaseSecond(DatabaseView db, DatabaseView.Counters c, long[] before,
                                             java.util.function.ObjDoubleConsumer<String> put) {
        long queries = c.reads() + c.writes();
        put.accept(Keys.DB_QUERIES, queries - before[0]);
        put.accept(Keys.DB_STALE_READS, c.staleReads() - before[1]);
        put.accept(Keys.DB_RYW_VIOLATIONS, c.readYourWritesViolations() - before[2]);
        before[0] = queries;
        before[1] = c.staleReads();
        before[2] = c.readYourWritesViolations();
        Set<String> alive = new HashSet<>();
        for (DatabaseView.ShardView s : db.shards()) {
            put.accept(Keys.shardQueries(s.shardId()), s.queriesPerSecond());
            alive.add(Keys.shardQueries(s.shardId()));
            if (s.nodes().size() > 1) {
                double maxLag = 0;
                for (DatabaseView.NodeView node : s.nodes()) {
                    if (node.alive() && !node.primary()) {
                        maxLag = Math.max(maxLag, node.lagMs());
                    }
                }
                put.accept(Keys.shardLagMs(s.shardId()), maxLag);
                alive.add(Keys.shardLagMs(s.shardId()));
            }
        }
        return alive;
    }

    /** See {@link Keys#failureRatePercent}. */
    private double failureRatePercent(MeshClient c, Scenario.Dependency config) {
        long[] now = {c.attemptsSent(), c.failedAttempts()};
        long[] before = attemptsBefore.put(c.dependencyName(), now);
        if (config != null && config.breaker() != null) {
            return c.breaker().view().failureRatePercent();
        }
        boolean rebuilt = before == null || now[0] < before[0]; // a reconfigured client counts from 0
        long sent = now[0] - (rebuilt ? 0 : before[0]);
        long failed = now[1] - (rebuilt ? 0 : before[1]);
        return sent > 0 ? Math.min(100, 100.0 * failed / sent) : Double.NaN;
    }

    /** Puts the newest value of a part's per-second ring (it appended this second's). */
    void putLast(String key, dev.scalelab.engine.metrics.RingSeries ring) {
        put(key, ring.last());
    }

    /** Puts this second's value of {@code key}: the first one given in a second counts. */
    void put(String key, double value) {
        DownsampledSeries d = series.get(key);
        if (d == null) {
            d = DownsampledSeries.startingAfter(BUCKETS, seconds);
            series.put(key, d);
        }
        if (d.seconds() == seconds) { // once a second, the first value given wins
            d.append(value);
        }
    }

    /** The series as they stand; the same object until the next second is recorded. */
    View view() {
        if (cachedView == null) {
            Map<String, SeriesView> views = new LinkedHashMap<>();
            for (Map.Entry<String, DownsampledSeries> e : series.entrySet()) {
                views.put(e.getKey(), e.getValue().view());
            }
            cachedView = new View(seconds, Collections.unmodifiableMap(views));
        }
        return cachedView;
    }

    /** Bytes the buckets hold now. */
    long retainedBytes() {
        long n = 0;
        for (DownsampledSeries d : series.values()) {
            n += d.retainedBytes();
        }
        return n;
    }
}
