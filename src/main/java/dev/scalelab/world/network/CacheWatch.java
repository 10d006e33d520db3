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
 * A drawn cache box or CDN watched as the pipeline's Caching panel sees its cache: its levels (counters
 * summed over their copies, one copy's slots and newest events, as {@link CacheLevelViews} makes
 * them; a CDN's one level is its edge, {@link CacheNode#section}), and per second each level's and
 * the whole cache's hit ratio and the loads from its origin (duplicate loads, reads that joined a
 * load). Read from the node's {@link CacheHierarchy}; a live change that rebuilds it cold starts its
 * levels' counts again, as the pipeline's does. Belady's bound is the pipeline's alone: here it is
 * absent (NaN). Che's approximation is given for a CDN's edge where the keys reaching it are the
 * workload's (see {@link #cheHitRatio}); a cache box's levels are left without it (NaN), not estimated.
 */
final class CacheWatch extends Watch {
    private final CacheNode cache;
    private CacheHierarchy counted;
    private long[] levelHits = new long[0];
    private long[] levelMisses = new long[0];
    private HierarchyStats atSecond;
    private Topology.Node shownSpec;
    private Scenario shownScenario;
    /** The origin's mean answer time so far, to 0.1 ms, read each second, for a CDN whose origin is no database; else NaN. */
    private double originMs = Double.NaN;
    /** The origin's mean answer time the shown scenario's store latency is. */
    private double shownOriginMs = Double.NaN;
    /** Che's hit ratio for {@link #cheSpec}'s edge; NaN where it does not apply. */
    private double che = Double.NaN;
    private Topology.Node cheSpec;
    private Scenario.Keys cheKeys;

    CacheWatch(Network net, CacheNode cache) {
        super(net, cache);
        this.cache = cache;
        atSecond = cache.stats();
        countFrom(cache.hierarchy());
    }

    /** The levels' counters of {@code h} as they stand: the next second counts from them. */
    private void countFrom(CacheHierarchy h) {
        counted = h;
        int n = cache.section().levels().size();
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
            levelHits = new long[cache.section().levels().size()];
            levelMisses = new long[levelHits.length];
        }
        List<Scenario.CacheLevel> levels = cache.section().levels();
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
        NetNode origin = cache.out.isEmpty() ? null : cache.out.get(0).to;
        if (cache.kind == NodeKind.CDN && origin != null && !(origin instanceof DatabaseNode)) {
            dev.scalelab.engine.metrics.LatencySummary answered = origin.latency.total();
            originMs = answered.count() == 0 ? Double.NaN : Math.max(0.1, Math.round(answered.meanMs() * 10) / 10.0);
        }
    }

    @Override
    Source source(String explanation) {
        return explanation.startsWith("set ") ? Source.USER : Source.CACHE;
    }

    @Override
    Snapshot view() {
        CacheHierarchy h = cache.hierarchy();
        Scenario.Cache section = cache.section();
        List<Snapshot.CacheLevelView> levels = new ArrayList<>(section.levels().size());
        for (int i = 0; i < section.levels().size(); i++) {
            Scenario.CacheLevel c = section.levels().get(i);
            levels.add(CacheLevelViews.of(h, i, c, i == 0 ? cheHitRatio() : Double.NaN,
                    recent(RunHistory.Keys.cacheLevelHitRatio(c.name()))));
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
     * Che's approximation for a CDN's edge: its hit ratio were its reads an independent stream of the
     * workload's keys (IRM), as they are where every box between the clients and the CDN passes a
     * request's key on (none caches) and every clients box reaching it draws the same keys. FIFO's
     * and random's characteristic time for those policies, LRU's for the rest, as the pipeline's
     * first level; the TTL is not in the formula, so an edge whose objects expire before they would
     * be evicted hits less. NaN for a cache box, and for a CDN the keys reach filtered or mixed.
     */
    private double cheHitRatio() {
        if (cache.kind != NodeKind.CDN) {
            return Double.NaN;
        }
        Scenario.Keys keys = upstreamKeys(); // the clients' keys may change live too
        if (cheSpec != cache.spec || !java.util.Objects.equals(keys, cheKeys)) {
            cheSpec = cache.spec;
            cheKeys = keys;
            if (keys == null) {
                che = Double.NaN;
            } else {
                double[] p = dev.scalelab.engine.caching.CheApproximation.probabilities(dev.scalelab.world.SectionConfigs.keys(keys));
                Topology.Cdn c = cache.spec.cdn();
                che = c.capacity() >= p.length ? 1.0 : c.policy().equals("fifo") || c.policy().equals("random")
                        ? dev.scalelab.engine.caching.CheApproximation.fifoHitRatio(p, c.capacity())
                        : dev.scalelab.engine.caching.CheApproximation.lruHitRatio(p, c.capacity());
            }
        }
        return che;
    }

    /** The keys of the clients boxes whose requests reach the box, when they are one stream of one key popularity; else null. */
    private Scenario.Keys upstreamKeys() {
        java.util.ArrayDeque<NetNode> todo = new java.util.ArrayDeque<>(List.of(cache));
        java.util.Set<NetNode> seen = new java.util.HashSet<>(List.of(cache));
        Scenario.Keys keys = null;
        while (!todo.isEmpty()) {
            NetNode at = todo.poll();
            for (Link l : net.linkList()) {
                if (l.to != at || !seen.add(l.from)) {
                    continue;
                }
                if (l.from instanceof CacheNode) {
                    return null; // a cache before it: it sees the keys that one missed, not the workload's popularity
                }
                if (l.from.kind == NodeKind.CLIENTS) {
                    Scenario.Keys k = l.from.spec.workload().keys();
                    if (keys != null && !keys.equals(k)) {
                        return null; // two popularities mixed
                    }
                    keys = k;
                } else {
                    todo.add(l.from);
                }
            }
        }
        return keys;
    }

    /**
     * The box's section in a scenario of its own: its cache as it runs now, the design's traffic (the
     * first clients box's: its keys colour the slots), and the database its misses load from when its
     * edge leads to one (the store card's latency). A CDN's origin of another kind answers in its own
     * time: the store latency is its mean answer time so far, to 0.1 ms. The other sections are the
     * defaults, unread.
     */
    private Scenario scenario() {
        Topology.Node spec = cache.spec;
        NetNode origin = cache.out.isEmpty() ? null : cache.out.get(0).to;
        if (spec != shownSpec || Double.compare(originMs, shownOriginMs) != 0) {
            Scenario d = Scenario.DEFAULT;
            Scenario run = net.scenario();
            Scenario.Workload workload = run.topology().nodes().stream().filter(n -> n.nodeKind() == NodeKind.CLIENTS)
                    .map(Topology.Node::workload).findFirst().orElse(d.workload());
            Scenario.Database database = origin instanceof DatabaseNode ? origin.spec.database() : null;
            Scenario.Cache section = cache.section();
            if (!Double.isNaN(originMs)) {
                section = new Scenario.Cache(section.levels(), section.writePolicy(), section.coalesce(), section.exclusive(),
                        section.writeBackFlushDelayMs(), section.xfetchBeta(), dev.scalelab.world.DistributionSpec.constant(originMs));
            }
            shownScenario = new Scenario(node.id, "", "", List.of(), run.seed(), run.durationSeconds(), workload, d.service(),
                    d.autoscaler(), d.verticalScaler(), null, d.balancer(), section, database, List.of(), null, null, List.of());
            shownSpec = spec;
            shownOriginMs = originMs;
        }
        return shownScenario;
    }
}
