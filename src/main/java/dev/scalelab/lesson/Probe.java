package dev.scalelab.lesson;

import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.sim.HasId;
import dev.scalelab.world.EventsView;
import dev.scalelab.world.PerformanceView;
import dev.scalelab.world.Snapshot;

import java.util.function.ToDoubleFunction;

/**
 * A figure a prediction is answered with, measured on the snapshot at the moment a step's run stops.
 * Lesson files name it by id ("p99-ms"). "Last second" figures are those of the per-second sample
 * that ended last, as the charts draw them; "total" figures count from the start of the run. A figure
 * of a part the scenario does not have (a cache, a database, a dependency) is NaN, which no choice holds.
 */
public enum Probe implements HasId {
    /** p99 latency of the last second, ms. */
    P99_MS("p99-ms", "ms", s -> s.lastSample() == null ? Double.NaN : s.lastSample().p99Ms()),
    /** Ready instances of the pool. */
    INSTANCES("instances", "", s -> s.scaling().readyReplicas()),
    /** p50 latency of the last second, ms. */
    P50_MS("p50-ms", "ms", s -> s.lastSample() == null ? Double.NaN : s.lastSample().p50Ms()),
    /** Requests answered in the last second. */
    THROUGHPUT_PER_SECOND("throughput-per-second", "req/s",
            s -> s.lastSample() == null ? Double.NaN : s.lastSample().throughputPerSecond()),
    /** Requests turned away by full queues (or no ready instance) in the last second. */
    REJECTED_PER_SECOND("rejected-per-second", "req/s",
            s -> s.lastSample() == null ? Double.NaN : s.lastSample().rejectedPerSecond()),
    /** Failed and rejected requests of the last second, as a percentage of those answered. */
    ERROR_PERCENT("error-percent", "%", Probe::errorPercent),
    /** Mean busy-worker fraction of the ready instances in the last second, percent. */
    UTILIZATION_PERCENT("utilization-percent", "%",
            s -> s.lastSample() == null ? Double.NaN : 100 * s.lastSample().utilization()),
    /** The replica count the pool is asked to keep: the autoscaler's last decision. */
    DESIRED_INSTANCES("desired-instances", "", s -> s.scaling().specReplicas()),
    /** What every instance that exists now costs per hour, dollars. */
    COST_PER_HOUR("cost-per-hour", "$/h", s -> s.scaling().costPerHour()),
    /** Cache hits over reads since the start, percent. */
    CACHE_HIT_PERCENT("cache-hit-percent", "%", s -> s.cache() == null ? Double.NaN : 100 * s.cache().hitRatio()),
    /** Cache hits over reads in the last second, percent. */
    CACHE_HIT_PERCENT_LAST_SECOND("cache-hit-percent-last-second", "%",
            s -> s.cache() == null ? Double.NaN : 100 * last(s.cache().hitRatioSeries())),
    /** Loads of a key that was already loading, since the start: the stampede. */
    DUPLICATE_LOADS("duplicate-loads", "", s -> s.cache() == null ? Double.NaN : s.cache().duplicateLoads()),
    /** Loads of a key that was already loading, in the last second. */
    DUPLICATE_LOADS_PER_SECOND("duplicate-loads-per-second", "loads/s",
            s -> s.cache() == null ? Double.NaN : last(s.cache().duplicateLoadsPerSecond())),
    /** Reads the store served in the last second (the cache's misses that reached it). */
    STORE_LOADS_PER_SECOND("store-loads-per-second", "loads/s",
            s -> s.cache() == null ? Double.NaN : last(s.cache().storeLoadsPerSecond())),
    /** Queries the database answered in the last second, over every shard. */
    DATABASE_QUERIES_PER_SECOND("database-queries-per-second", "queries/s",
            s -> s.data() == null ? Double.NaN : last(s.data().queriesPerSecond())),
    /** Reads that returned an older version than the latest committed one, since the start. */
    STALE_READS("stale-reads", "", s -> s.data() == null ? Double.NaN : s.data().database().counters().staleReads()),
    /** Stale reads in the last second. */
    STALE_READS_PER_SECOND("stale-reads-per-second", "reads/s",
            s -> s.data() == null ? Double.NaN : last(s.data().staleReadsPerSecond())),
    /** Reads older than the reading session's own last write of the key, since the start. */
    READ_YOUR_WRITES_VIOLATIONS("read-your-writes-violations", "",
            s -> s.data() == null ? Double.NaN : s.data().database().counters().readYourWritesViolations()),
    /** Keys resharding has moved since the start. */
    KEYS_MOVED("keys-moved", "", s -> s.data() == null ? Double.NaN : s.data().database().counters().keysMoved()),
    /** The last resharding's keys to move as a percentage of every key. */
    KEYS_MOVED_PERCENT("keys-moved-percent", "%",
            s -> s.data() == null ? Double.NaN : 100 * s.data().database().migration().fractionOfKeys()),
    /** Shards of the database now. */
    SHARDS("shards", "", s -> s.data() == null ? Double.NaN : s.data().database().shards().size()),
    /** Dependencies whose circuit breaker is open (or forced open) now. */
    BREAKERS_OPEN("breakers-open", "", Probe::breakersOpen),
    /** Attempts offered to the first dependency in the last second, retries included. */
    DEPENDENCY_ATTEMPTS_PER_SECOND("dependency-attempts-per-second", "attempts/s",
            s -> s.dependencies().isEmpty() ? Double.NaN : last(s.dependencies().get(0).offeredLoadPerSecond())),
    /** The first dependency's attempts sent per request since the start: 1 without retries. */
    RETRY_AMPLIFICATION("retry-amplification", "x",
            s -> s.dependencies().isEmpty() ? Double.NaN : s.dependencies().get(0).stats().amplification()),
    /** Total garbage-collection pause of the fleet in the last second, ms. */
    GC_PAUSE_MS_LAST_SECOND("gc-pause-ms-last-second", "ms", s -> runtime(s) == null ? Double.NaN : last(runtime(s).pauseMsPerSecond())),
    /** The longest single collection pause since the start, ms. */
    GC_MAX_PAUSE_MS("gc-max-pause-ms", "ms", s -> runtime(s) == null ? Double.NaN : runtime(s).maxPauseMs()),
    /** The longest single pause any instance took in the last 30 s ({@link PerformanceView#PAUSE_WINDOW_SECONDS}), ms. */
    GC_LONGEST_PAUSE_MS_LAST_30_SECONDS("gc-longest-pause-ms-last-30-seconds", "ms", Probe::longestRecentPause),
    /** Old-generation (full) collections since the start, over the fleet. */
    OLD_COLLECTIONS("old-collections", "", s -> runtime(s) == null ? Double.NaN : runtime(s).oldCollections()),
    /** The 99th percentile of the wait for a database connection since the start, ms. */
    CONNECTION_WAIT_P99_MS("connection-wait-p99-ms", "ms",
            s -> connections(s) == null ? Double.NaN : connections(s).waitMsP99()),
    /** Requests that gave up waiting for a connection since the start. */
    CONNECTION_TIMEOUTS("connection-timeouts", "", s -> connections(s) == null ? Double.NaN : connections(s).timeouts()),
    /** Records the first consumer group has not consumed yet, over its partitions. */
    CONSUMER_LAG("consumer-lag", "records", s -> group(s) == null ? Double.NaN : group(s).totalLag()),
    /** Ready consumers of the first consumer group. */
    CONSUMERS("consumers", "", Probe::readyConsumers),
    /** The lag autoscaler's last decision for the first group (-1 without one). */
    DESIRED_CONSUMERS("desired-consumers", "", s -> group(s) == null ? Double.NaN : group(s).desiredConsumers()),
    /** Duplicate effects of the first consumer group since the start (records processed twice). */
    DUPLICATES("duplicates", "", s -> group(s) == null ? Double.NaN : group(s).duplicates());

    private final String id;
    private final String unit;
    private final ToDoubleFunction<Snapshot> measure;

    Probe(String id, String unit, ToDoubleFunction<Snapshot> measure) {
        this.id = id;
        this.unit = unit;
        this.measure = measure;
    }

    @Override
    public String id() {
        return id;
    }

    public String unit() {
        return unit;
    }

    /** The figure on {@code snapshot}. */
    public double value(Snapshot snapshot) {
        return measure.applyAsDouble(snapshot);
    }

    /** The probe with {@code id}, or null. */
    public static Probe byId(String id) {
        for (Probe p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        return null;
    }

    private static double last(double[] series) {
        return series == null || series.length == 0 ? Double.NaN : series[series.length - 1];
    }

    private static double errorPercent(Snapshot s) {
        if (s.lastSample() == null) {
            return Double.NaN;
        }
        double bad = s.lastSample().failedPerSecond() + s.lastSample().rejectedPerSecond();
        double answered = s.lastSample().throughputPerSecond() + bad;
        return answered == 0 ? 0 : 100 * bad / answered;
    }

    private static double breakersOpen(Snapshot s) {
        if (s.dependencies().isEmpty()) {
            return Double.NaN;
        }
        return s.dependencies().stream().filter(d -> d.breaker() != null
                && (d.breaker().state() == BreakerState.OPEN || d.breaker().state() == BreakerState.FORCED_OPEN)).count();
    }

    private static PerformanceView.RuntimeView runtime(Snapshot s) {
        return s.performance() == null ? null : s.performance().runtime();
    }

    private static double longestRecentPause(Snapshot s) {
        if (runtime(s) == null) {
            return Double.NaN;
        }
        double longest = 0;
        for (PerformanceView.HeapView heap : runtime(s).instances()) {
            for (double ms : heap.recentPauseMs()) {
                longest = Math.max(longest, ms);
            }
        }
        return longest;
    }

    private static PerformanceView.ConnectionsView connections(Snapshot s) {
        return s.performance() == null ? null : s.performance().connections();
    }

    private static EventsView.GroupView group(Snapshot s) {
        return s.events() == null || s.events().groups().isEmpty() ? null : s.events().groups().get(0);
    }

    private static double readyConsumers(Snapshot s) {
        EventsView.GroupView g = group(s);
        return g == null ? Double.NaN : g.consumers().stream().filter(c -> c.lifecycle() == Lifecycle.READY).count();
    }
}
