package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.caching.BackingStore;
import dev.scalelab.engine.caching.Belady;
import dev.scalelab.engine.caching.CacheHierarchy;
import dev.scalelab.engine.caching.CacheHierarchyConfig;
import dev.scalelab.engine.caching.CacheLevel;
import dev.scalelab.engine.caching.CacheLevelConfig;
import dev.scalelab.engine.caching.CheApproximation;
import dev.scalelab.engine.caching.HierarchyStats;
import dev.scalelab.engine.caching.KeyTraceRecorder;
import dev.scalelab.engine.caching.LevelStats;
import dev.scalelab.engine.caching.RequestCallback;
import dev.scalelab.engine.caching.Scope;
import dev.scalelab.engine.caching.WritePolicy;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.sim.KeySampler;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The multi-level cache in the world: builds the hierarchy from the scenario, keeps its per-second
 * series, the reference bounds (Che's approximation for LRU under the workload's key popularity,
 * Belady's MIN over the recent key trace) and its view for the UI. Confined to the simulation thread.
 */
final class CacheSystem {
    /** Reads remembered for Belady's bound: enough for a stable estimate, cheap to replay (O(n log n)). */
    private static final int TRACE_READS = 100_000;
    private static final long BELADY_PERIOD_NANOS = 30 * Simulation.NANOS_PER_SECOND;
    private static final int VIEW_EVENTS = 64;

    private final Simulation sim;
    private Scenario.Cache config;
    private final CacheHierarchy hierarchy;
    private final KeyTraceRecorder trace = new KeyTraceRecorder(TRACE_READS);
    private final double[] cheHitRatio;
    private final int totalCapacity;
    private double optimalHitRatio = Double.NaN;
    /** The trace at the latest Belady boundary whose bound nobody has asked for yet, or null. */
    private int[] traceAtBoundary;

    // Per-second series, aligned with the world's.
    private final RingSeries[] levelHitRatio;
    private final RingSeries overallHitRatio;
    private final RingSeries storeLoads;
    /** Per second: loads of a key already loading (the stampede), and reads that joined a load in flight. */
    private final RingSeries duplicateLoads;
    private final RingSeries coalescedReads;
    /** Totals of the hierarchies this one replaced, so reports and counters never go backwards. */
    private final HierarchyStats retired;
    private long[] lastHits;
    private long[] lastMisses;
    private long lastReads;
    private long lastCacheReads;
    private long lastStoreLoads;
    private long lastDuplicateLoads;
    private long lastCoalescedReads;

    /**
     * @param previous the cache this one replaces (a change of levels), or null: its series and
     *                 totals carry over, its contents do not
     */
    CacheSystem(Simulation sim, Scenario.Cache config, KeySampler keys, BackingStore store, SplittableRandom random,
                CacheSystem previous) {
        this.sim = sim;
        this.config = config;
        List<CacheLevelConfig> levels = new ArrayList<>();
        int total = 0;
        for (Scenario.CacheLevel l : config.levels()) {
            levels.add(new CacheLevelConfig(l.name(), Scope.parse(l.scope()), l.capacity(), l.policy(), l.ttlSeconds(),
                    l.ttlJitterFraction(), l.latencyMs()));
            total += l.capacity();
        }
        totalCapacity = total;
        hierarchy = new CacheHierarchy(sim, new CacheHierarchyConfig(levels, config.exclusive(),
                WritePolicy.parse(config.writePolicy()), config.writeBackFlushDelayMs(), config.coalesce(), config.xfetchBeta(),
                VIEW_EVENTS), store, random);
        int n = levels.size();
        levelHitRatio = new RingSeries[n];
        for (int i = 0; i < n; i++) {
            levelHitRatio[i] = previous != null && i < previous.levelHitRatio.length
                    ? previous.levelHitRatio[i] : new RingSeries(World.SERIES_CAPACITY);
        }
        overallHitRatio = previous != null ? previous.overallHitRatio : new RingSeries(World.SERIES_CAPACITY);
        storeLoads = previous != null ? previous.storeLoads : new RingSeries(World.SERIES_CAPACITY);
        duplicateLoads = previous != null ? previous.duplicateLoads : new RingSeries(World.SERIES_CAPACITY);
        coalescedReads = previous != null ? previous.coalescedReads : new RingSeries(World.SERIES_CAPACITY);
        retired = previous != null ? previous.totals() : new HierarchyStats(0, 0, 0, 0, 0, 0, 0, 0, 0);
        lastReads = retired.reads();
        lastCacheReads = retired.cacheReads();
        lastStoreLoads = retired.storeLoads();
        lastDuplicateLoads = retired.duplicateLoads();
        lastCoalescedReads = retired.coalescedReads();
        lastHits = new long[n];
        lastMisses = new long[n];
        cheHitRatio = new double[n];
        java.util.Arrays.fill(cheHitRatio, Double.NaN);
        // Che's approximation holds where the request stream is IRM: at the first level. An
        // instance-scoped first level sees a random split of that stream, which is IRM with the same
        // popularity, so the same prediction applies to each copy.
        double[] p = CheApproximation.probabilities(keys);
        Scenario.CacheLevel first = config.levels().get(0);
        cheHitRatio[0] = first.policy().equals("fifo") || first.policy().equals("random")
                ? CheApproximation.fifoHitRatio(p, first.capacity())
                : CheApproximation.lruHitRatio(p, first.capacity());
        sim.schedule(sim.nowNanos() + BELADY_PERIOD_NANOS, this::updateOptimum);
    }

    /** Totals since the start of the run, across rebuilds. */
    HierarchyStats totals() {
        return retired.plus(hierarchy.stats());
    }

    /** Write policy and coalescing change in place: the cache keeps its contents. */
    void reconfigure(Scenario.Cache next) {
        config = next;
        hierarchy.reconfigure(WritePolicy.parse(next.writePolicy()), next.coalesce(), next.writeBackFlushDelayMs());
    }

    void get(int key, int instance, boolean read, RequestCallback done) {
        if (read) {
            trace.record(key);
        }
        hierarchy.get(key, instance, read, done);
    }

    /** The fill/flush of instance {@code number}'s private levels ends with it. */
    void instanceGone(int number) {
        hierarchy.dropInstance(number);
    }

    private void updateOptimum() {
        // Belady's replay costs O(n log n) over 100,000 reads, and most runs read the bound once, at
        // the end (the report) or a few times a second (the view): so the boundary only keeps the
        // trace as it stands, and the bound over it is computed when someone asks. The number is
        // the one the boundary would have computed.
        if (trace.size() >= 2) {
            traceAtBoundary = trace.toArray();
        }
        sim.schedule(sim.nowNanos() + BELADY_PERIOD_NANOS, this::updateOptimum);
    }

    /**
     * Belady's MIN over the recent reads: the first half warms its cache and only the second half
     * counts, so the bound compares with a cache that has been running, not one starting cold.
     */
    private void computeOptimum() {
        int n = trace.size();
        if (n >= 2) {
            optimalHitRatio = optimum(trace.toArray());
            traceAtBoundary = null;
        }
    }

    private double optimum(int[] keys) {
        int n = keys.length;
        int warm = n / 2;
        return Belady.hits(keys, totalCapacity, warm) / (double) (n - warm);
    }

    /** The bound as of the latest boundary: computed now from the trace kept there, if not yet. */
    private double optimumAtBoundary() {
        if (traceAtBoundary != null) {
            optimalHitRatio = optimum(traceAtBoundary);
            traceAtBoundary = null;
        }
        return optimalHitRatio;
    }

    double optimalHitRatio() {
        if (Double.isNaN(optimumAtBoundary())) {
            computeOptimum();
        }
        return optimalHitRatio;
    }

    /** Called once per simulated second by the world. */
    void sample() {
        for (int i = 0; i < levelHitRatio.length; i++) {
            LevelStats s = hierarchy.levelStats(i);
            long hits = s.hits() - lastHits[i];
            long lookups = hits + s.misses() - lastMisses[i];
            levelHitRatio[i].append(lookups == 0 ? Double.NaN : hits / (double) lookups);
            lastHits[i] = s.hits();
            lastMisses[i] = s.misses();
        }
        HierarchyStats h = totals();
        long reads = h.reads() - lastReads;
        overallHitRatio.append(reads == 0 ? Double.NaN : (h.cacheReads() - lastCacheReads) / (double) reads);
        storeLoads.append(h.storeLoads() - lastStoreLoads);
        duplicateLoads.append(h.duplicateLoads() - lastDuplicateLoads);
        coalescedReads.append(h.coalescedReads() - lastCoalescedReads);
        lastReads = h.reads();
        lastCacheReads = h.cacheReads();
        lastStoreLoads = h.storeLoads();
        lastDuplicateLoads = h.duplicateLoads();
        lastCoalescedReads = h.coalescedReads();
    }

    /** This second's values into the run's history, by level name (the Caching panel's whole run). */
    void recordHistory(RunHistory h) {
        h.putLast(RunHistory.Keys.CACHE_HIT_RATIO, overallHitRatio);
        for (int i = 0; i < levelHitRatio.length; i++) {
            h.putLast(RunHistory.Keys.cacheLevelHitRatio(config.levels().get(i).name()), levelHitRatio[i]);
        }
        h.putLast(RunHistory.Keys.CACHE_STORE_LOADS, storeLoads);
        h.putLast(RunHistory.Keys.CACHE_DUPLICATE_LOADS, duplicateLoads);
        h.putLast(RunHistory.Keys.CACHE_COALESCED_READS, coalescedReads);
    }

    /** The last second's overall hit ratio (NaN without reads), for the time series. */
    double lastHitRatio() {
        return overallHitRatio.last();
    }

    /** The last second's hit ratio of level {@code i} (NaN without lookups). */
    double lastLevelHitRatio(int i) {
        return i < levelHitRatio.length ? levelHitRatio[i].last() : Double.NaN;
    }

    /** Loads from the backing store in the last second. */
    double lastStoreLoads() {
        return storeLoads.last();
    }

    // ------------------------------------------------------------------ actions

    boolean flush(String levelName, World world) {
        if (levelName == null) {
            hierarchy.flushAll();
            world.log(Source.CACHE, "flushed every level");
            return true;
        }
        int i = levelIndex(levelName);
        if (i < 0) {
            world.log(Source.CACHE, "flush-cache " + levelName + ": no such level");
            return false;
        }
        hierarchy.flushLevel(i);
        world.log(Source.CACHE, "flushed " + levelName);
        return true;
    }

    void expire(int key, World world) {
        int inFlightBefore = hierarchy.loadsInFlight(key);
        hierarchy.expireNow(key);
        world.log(Source.CACHE, "key " + key + " expired in every level; its next reads all miss"
                + (config.coalesce() ? " (coalesced into one load)" : " (no coalescing: each one loads)")
                + (inFlightBefore > 0 ? "; " + inFlightBefore + " loads already in flight" : ""));
    }

    boolean fail(String levelName, World world) {
        int i = levelIndex(levelName);
        if (i < 0) {
            world.log(Source.CACHE, "fail-cache-level " + levelName + ": no such level");
            return false;
        }
        long lostBefore = hierarchy.levelStats(i).lostDirtyWrites();
        hierarchy.failLevel(i);
        long lost = hierarchy.levelStats(i).lostDirtyWrites() - lostBefore;
        world.log(Source.CACHE, levelName + " failed and restarted empty; " + lost + " unflushed write-back writes lost");
        return true;
    }

    private int levelIndex(String name) {
        for (int i = 0; i < config.levels().size(); i++) {
            if (config.levels().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ views

    Snapshot.CacheView view(int points) {
        HierarchyStats h = totals();
        List<Snapshot.CacheLevelView> levels = new ArrayList<>();
        for (int i = 0; i < config.levels().size(); i++) {
            levels.add(CacheLevelViews.of(hierarchy, i, config.levels().get(i), cheHitRatio[i], levelHitRatio[i].tail(points)));
        }
        return new Snapshot.CacheView(List.copyOf(levels), h.hitRatio(), h.reads(), h.storeLoads(), h.duplicateLoads(),
                h.coalescedReads(), h.staleReads(), h.writes(), h.storeWrites(), config.writePolicy(), config.coalesce(),
                optimumAtBoundary(), overallHitRatio.tail(points), storeLoads.tail(points), duplicateLoads.tail(points),
                coalescedReads.tail(points));
    }

    void report(ObjectNode root) {
        HierarchyStats h = totals();
        ObjectNode cache = root.putObject("cache");
        cache.put("hitRatio", h.hitRatio());
        cache.put("reads", h.reads());
        cache.put("hits", h.cacheReads());
        cache.put("misses", h.storeReads());
        cache.put("storeLoads", h.storeLoads());
        cache.put("duplicateLoads", h.duplicateLoads());
        cache.put("coalescedReads", h.coalescedReads());
        cache.put("staleReads", h.staleReads());
        cache.put("writes", h.writes());
        cache.put("storeWrites", h.storeWrites());
        cache.put("writePolicy", config.writePolicy());
        cache.put("coalesce", config.coalesce());
        double optimum = optimalHitRatio();
        if (Double.isNaN(optimum)) {
            cache.putNull("optimalHitRatio");
        } else {
            cache.put("optimalHitRatio", optimum);
        }
        cache.put("optimalCapacity", totalCapacity);
        ArrayNode levels = cache.putArray("levels");
        long lost = 0;
        for (int i = 0; i < config.levels().size(); i++) {
            LevelStats s = hierarchy.levelStats(i);
            lost += s.lostDirtyWrites();
            ObjectNode l = levels.addObject();
            l.put("name", s.name()).put("policy", config.levels().get(i).policy()).put("hits", s.hits()).put("misses", s.misses())
                    .put("hitRatio", s.hitRatio()).put("evictions", s.evictions()).put("expiries", s.expiries())
                    .put("lostDirtyWrites", s.lostDirtyWrites());
            if (!Double.isNaN(cheHitRatio[i])) {
                l.put("cheHitRatio", cheHitRatio[i]);
            }
        }
        cache.put("lostWrites", lost);
    }
}
