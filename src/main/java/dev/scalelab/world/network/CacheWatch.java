package dev.scalelab.world.network;

import dev.scalelab.design.NodeKind;
import dev.scalelab.engine.caching.CacheHierarchy;
import dev.scalelab.engine.caching.HierarchyStats;
import dev.scalelab.engine.caching.LevelStats;
import dev.scalelab.world.CacheLevelViews;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Source;
import dev.scalelab.world.Topology;

import java.util.ArrayList;
import java.util.List;

/**
 * A drawn cache box watched as the pipeline's Caching panel sees its cache: its levels (counters
 * summed over their copies, one copy's slots and newest events, as {@link CacheLevelViews} makes
 * them), and per second each level's and the whole cache's hit ratio and the loads from its origin
 * (duplicate loads, reads that joined a load). Read from the node's {@link CacheHierarchy}; a live
 * change that rebuilds it cold starts its levels' counts again, as the pipeline's does. Che's
 * approximation and Belady's bound are the pipeline's alone (they need the workload's key stream at
 * the cache): here they are absent (NaN), not estimated.
 */
final class CacheWatch extends Watch {
    private final CacheNode cache;
    private CacheHierarchy counted;
    private long[] levelHits = new long[0];
    private long[] levelMisses = new long[0];
    private HierarchyStats atSecond;
    private Topology.Node shownSpec;
    private Scenario shownScenario;

    CacheWatch(Network net, CacheNode cache) {
        super(net, cache);
        this.cache = cache;
        atSecond = cache.stats();
        countFrom(cache.hierarchy());
    }

    /** The levels' counters of {@code h} as they stand: the next second counts from them. */
    private void countFrom(CacheHierarchy h) {
        counted = h;
        int n = cache.spec.cache().levels().size();
        levelHits = new long[n];
        levelMisses = new long[n];
        for (int i = 0; i < n; i++) {
            LevelStats s = h.levelStats(i);
            levelHits[i] = s.hits();
            levelMisses[i] = s.misses();
        }
    }

    @Override
    void take(boolean partial) {
        CacheHierarchy h = cache.hierarchy();
        if (h != counted) {
            // Rebuilt cold by a live change: its levels count from zero.
            counted = h;
            levelHits = new long[cache.spec.cache().levels().size()];
            levelMisses = new long[levelHits.length];
        }
        List<Scenario.CacheLevel> levels = cache.spec.cache().levels();
        for (int i = 0; i < levels.size(); i++) {
            LevelStats s = h.levelStats(i);
            long hits = s.hits() - levelHits[i];
            long lookups = hits + s.misses() - levelMisses[i];
            levelHits[i] = s.hits();
            levelMisses[i] = s.misses();
            put(RunHistory.Keys.cacheLevelHitRatio(levels.get(i).name()), partial || lookups == 0 ? Double.NaN : hits / (double) lookups);
        }
        HierarchyStats now = cache.stats();
        long reads = now.reads() - atSecond.reads();
        put(RunHistory.Keys.CACHE_HIT_RATIO, partial || reads == 0 ? Double.NaN : (now.cacheReads() - atSecond.cacheReads()) / (double) reads);
        put(RunHistory.Keys.CACHE_STORE_LOADS, partial ? Double.NaN : now.storeLoads() - atSecond.storeLoads());
        put(RunHistory.Keys.CACHE_DUPLICATE_LOADS, partial ? Double.NaN : now.duplicateLoads() - atSecond.duplicateLoads());
        put(RunHistory.Keys.CACHE_COALESCED_READS, partial ? Double.NaN : now.coalescedReads() - atSecond.coalescedReads());
        putOwnSecond(cache, partial);
        atSecond = now;
    }

    @Override
    Source source(String explanation) {
        return explanation.startsWith("set ") ? Source.USER : Source.CACHE;
    }

    @Override
    Snapshot view() {
        CacheHierarchy h = cache.hierarchy();
        Scenario.Cache section = cache.spec.cache();
        List<Snapshot.CacheLevelView> levels = new ArrayList<>(section.levels().size());
        for (int i = 0; i < section.levels().size(); i++) {
            Scenario.CacheLevel c = section.levels().get(i);
            levels.add(CacheLevelViews.of(h, i, c, Double.NaN, recent(RunHistory.Keys.cacheLevelHitRatio(c.name()))));
        }
        HierarchyStats s = cache.stats();
        Snapshot.CacheView view = new Snapshot.CacheView(List.copyOf(levels), s.hitRatio(), s.reads(), s.storeLoads(),
                s.duplicateLoads(), s.coalescedReads(), s.staleReads(), s.writes(), s.storeWrites(), section.writePolicy(),
                section.coalesce(), Double.NaN, recent(RunHistory.Keys.CACHE_HIT_RATIO), recent(RunHistory.Keys.CACHE_STORE_LOADS),
                recent(RunHistory.Keys.CACHE_DUPLICATE_LOADS), recent(RunHistory.Keys.CACHE_COALESCED_READS));
        Snapshot.Series series = ownSeries();
        dev.scalelab.engine.metrics.LatencySummary latency = cache.latency.total();
        return new Snapshot(net.sim.nowSeconds(), net.sim.eventsFired(), scenario(), callers(), cache.arrivals, latency.count(),
                cache.ownErrors, cache.errors, null, latency, series, new Snapshot.Dispatches(0, new int[0], new byte[0]),
                logCount(), log(), null, null, view, null, List.of(), null, null, null, history());
    }

    /**
     * The instances of the services that call the box: where its reads come from, and (numbered by
     * their copy, as the box keeps a level of instance scope once per calling instance) whose copy is drawn.
     */
    private List<Snapshot.InstanceView> callers() {
        long now = net.sim.nowNanos();
        List<Snapshot.InstanceView> views = new ArrayList<>();
        for (NetNode n : net.nodeList()) {
            if (n instanceof ServiceNode s && s.out.stream().anyMatch(l -> l.to == cache)) {
                for (ServiceNode.Instance in : s.instances) {
                    views.add(ServiceWatch.instanceView(s, in, Double.NaN, now, in.copy));
                }
            }
        }
        return List.copyOf(views);
    }

    /**
     * The box's section in a scenario of its own: its cache as it runs now, the design's traffic (the
     * first clients box's: its keys colour the slots), and the database its misses load from when its
     * edge leads to one (the store card's latency); the other sections are the defaults, unread.
     */
    private Scenario scenario() {
        Topology.Node spec = cache.spec;
        if (spec != shownSpec) {
            Scenario d = Scenario.DEFAULT;
            Scenario run = net.scenario();
            Scenario.Workload workload = run.topology().nodes().stream().filter(n -> n.nodeKind() == NodeKind.CLIENTS)
                    .map(Topology.Node::workload).findFirst().orElse(d.workload());
            NetNode origin = cache.out.isEmpty() ? null : cache.out.get(0).to;
            Scenario.Database database = origin instanceof DatabaseNode ? origin.spec.database() : null;
            shownScenario = new Scenario(node.id, "", "", List.of(), run.seed(), run.durationSeconds(), workload, d.service(),
                    d.autoscaler(), d.verticalScaler(), null, d.balancer(), spec.cache(), database, List.of(), null, null, List.of());
            shownSpec = spec;
        }
        return shownScenario;
    }
}
