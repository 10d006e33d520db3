package dev.scalelab.world.network;

import dev.scalelab.design.NodeKind;
import dev.scalelab.engine.caching.BackingStore;
import dev.scalelab.engine.caching.CacheHierarchy;
import dev.scalelab.engine.caching.CacheHierarchyConfig;
import dev.scalelab.engine.caching.CacheLevelConfig;
import dev.scalelab.engine.caching.HierarchyStats;
import dev.scalelab.engine.caching.LatencyStore;
import dev.scalelab.engine.caching.Scope;
import dev.scalelab.engine.caching.WritePolicy;
import dev.scalelab.sim.Event;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.world.SectionConfigs;
import dev.scalelab.world.Topology;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A cache box (its levels, policies, TTLs and write policy, as the pipeline's cache) or a CDN (one
 * edge level with a TTL), run by the same {@link CacheHierarchy}. A miss is loaded from the node's
 * one outgoing edge: the cache's database, the CDN's origin; a cache box with no edge out loads from
 * the plain store its section describes ({@code storeLatency}), as the pipeline's cache without a
 * database does. A load the origin fails is not kept, and the readers waiting on it fail too.
 */
final class CacheNode extends NetNode implements BackingStore {
    private CacheHierarchy hierarchy;
    /** The figures of the hierarchies a live change replaced, so the report counts the whole run. */
    private HierarchyStats retired = new HierarchyStats(0, 0, 0, 0, 0, 0, 0, 0, 0);
    /** A cache box's plain store, used when it has no edge out; null for a CDN. */
    private final LatencyStore plainStore;
    /** Keys whose last load failed: the readers it answers fail. */
    private final Set<Integer> failedLoads = new HashSet<>();
    private Link origin;
    private long loadId;
    /** A CDN's edge as a cache section ({@link #section}), made for {@link #cdnSpec}. */
    private dev.scalelab.world.Scenario.Cache cdnSection;
    private Topology.Node cdnSpec;

    CacheNode(Network net, Topology.Node spec) {
        super(net, spec);
        plainStore = spec.nodeKind() == NodeKind.CACHE
                ? new LatencyStore(sim, spec.cache().storeLatency().toDistribution(), net.streams.stream("node." + id + ".store"))
                : null;
        hierarchy = build();
    }

    /** The hierarchy its section describes now, empty. */
    private CacheHierarchy build() {
        CacheHierarchyConfig config;
        if (spec.nodeKind() == NodeKind.CDN) {
            Topology.Cdn c = spec.cdn();
            config = new CacheHierarchyConfig(List.of(new CacheLevelConfig("edge", Scope.SHARED, c.capacity(), c.policy(),
                    c.ttlSeconds(), 0, c.hitMs())), false, WritePolicy.WRITE_AROUND, 0, true, 0, 16);
        } else {
            // A level of instance scope is kept once per calling service instance, as the pipeline keeps it in each.
            config = SectionConfigs.cache(spec.cache(), false, 16);
        }
        return new CacheHierarchy(sim, config, this, net.streams.stream("node." + id + ".cache"));
    }

    /**
     * A live change, as the pipeline's cache takes it: a level's capacity, policy or TTL (or a CDN's
     * fields) rebuild the cache cold, its figures so far kept for the report (lookups in flight end
     * on the old one); the write policy and coalescing change in place and the cache keeps its contents.
     */
    @Override
    void change(NodeChange.Change c) {
        switch (c.how()) {
            case CACHE_REBUILD -> {
                retired = retired.plus(hierarchy.stats());
                hierarchy = build();
                net.decide(this, "cache rebuilt with the new settings: it starts cold");
            }
            case CACHE_RECONFIGURE -> hierarchy.reconfigure(WritePolicy.parse(spec.cache().writePolicy()), spec.cache().coalesce(),
                    spec.cache().writeBackFlushDelayMs());
            default -> super.change(c);
        }
    }

    /** Its figures over the whole run: the hierarchies a live change replaced, and this one. */
    HierarchyStats stats() {
        return retired.plus(hierarchy.stats());
    }

    @Override
    void connect() {
        origin = out.isEmpty() ? null : out.get(0);
    }

    @Override
    void accept(Flow f, Reply reply) {
        if (!arrive(f, reply)) {
            return;
        }
        long since = sim.nowNanos();
        inFlight++;
        if (!f.read && kind == NodeKind.CDN) {
            // A CDN caches what is read: a write goes past it to the origin, and its answer comes back the same way.
            if (origin == null) {
                inFlight--;
                fail(reply);
                return;
            }
            origin.send(f, ok -> {
                inFlight--;
                answer(since, ok, reply);
            });
            return;
        }
        hierarchy.get(f.key, Math.max(0, f.callerInstance), f.read, (servedBy, stale) -> {
            inFlight--;
            boolean ok = servedBy != CacheHierarchy.SERVED_BY_STORE || !failedLoads.contains(f.key);
            answer(since, ok, reply);
        });
    }

    @Override
    public void read(int key, Event done) {
        load(key, true, done);
    }

    @Override
    public void write(int key, Event done) {
        load(key, false, done);
    }

    private void load(int key, boolean read, Event done) {
        if (origin == null && plainStore != null) {
            if (read) {
                plainStore.read(key, done);
            } else {
                plainStore.write(key, done);
            }
            return;
        }
        if (origin == null) {
            failedLoads.add(key);
            sim.scheduleIn(0, done);
            return;
        }
        Flow load = new Flow(--loadId, key, read, sim.nowNanos());
        origin.send(load, ok -> {
            if (ok) {
                failedLoads.remove(key);
            } else {
                failedLoads.add(key);
            }
            done.fire();
            if (!ok && read) {
                hierarchy.expireNow(key); // an error is not a value: the next reader asks again
            }
        });
    }


    // ------------------------------------------------------------------ faults on the timeline

    /** The index of level {@code name} ("edge" for a CDN's one level); -1 for none. */
    int levelIndex(String name) {
        if (kind == NodeKind.CDN) {
            return name.equals("edge") ? 0 : -1;
        }
        for (int i = 0; i < spec.cache().levels().size(); i++) {
            if (spec.cache().levels().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** flush-cache: level {@code name} emptied, or every level when null, as the pipeline's cache does. */
    void flush(String name) {
        if (name == null) {
            hierarchy.flushAll();
            net.decide(this, "flushed every level");
        } else {
            hierarchy.flushLevel(levelIndex(name));
            net.decide(this, "flushed " + name);
        }
    }

    /** fail-cache-level: level {@code name} fails and restarts empty, losing its unflushed write-back writes. */
    void fail(String name) {
        int i = levelIndex(name);
        long lostBefore = hierarchy.levelStats(i).lostDirtyWrites();
        hierarchy.failLevel(i);
        long lost = hierarchy.levelStats(i).lostDirtyWrites() - lostBefore;
        net.decide(this, name + " failed and restarted empty; " + lost + " unflushed write-back writes lost");
    }

    /** expire-key: {@code key} expires in every level now; its next reads all miss. */
    void expire(int key) {
        int inFlightBefore = hierarchy.loadsInFlight(key);
        hierarchy.expireNow(key);
        boolean coalesce = kind == NodeKind.CACHE && spec.cache().coalesce();
        net.decide(this, "key " + key + " expired in every level; its next reads all miss"
                + (coalesce ? " (coalesced into one load)" : " (no coalescing: each one loads)")
                + (inFlightBefore > 0 ? "; " + inFlightBefore + " loads already in flight" : ""));
    }

    /** A calling instance stopped: its copies of the instance-scope levels go, with their unflushed writes. */
    void dropInstance(int copy) {
        hierarchy.dropInstance(copy);
    }

    /**
     * Its section as the Caching panel reads a cache: a cache box's own; a CDN's edge as the one level
     * {@code edge} (shared, its capacity, policy, TTL and hit time), the write-around and coalescing its
     * hierarchy runs with (a write goes past it to the origin; concurrent misses of an object share one
     * fetch), and the default store latency, which a view replaces by its origin's.
     */
    dev.scalelab.world.Scenario.Cache section() {
        if (kind != NodeKind.CDN) {
            return spec.cache();
        }
        if (cdnSpec != spec) {
            Topology.Cdn c = spec.cdn();
            dev.scalelab.world.Scenario.Cache d = dev.scalelab.world.Scenario.Cache.DEFAULT;
            cdnSection = new dev.scalelab.world.Scenario.Cache(List.of(new dev.scalelab.world.Scenario.CacheLevel("edge", "shared",
                    c.capacity(), c.policy(), c.ttlSeconds(), 0, c.hitMs())), "write-around", true, false, 0, 0, d.storeLatency());
            cdnSpec = spec;
        }
        return cdnSection;
    }

    /** The hierarchy itself, for the tests of this package. */
    CacheHierarchy hierarchy() {
        return hierarchy;
    }

    @Override
    double hitRatio() {
        HierarchyStats s = stats();
        return s.reads() == 0 ? Double.NaN : s.hitRatio();
    }

    @Override
    void report(ObjectNode out) {
        HierarchyStats s = stats();
        out.put("hitRatio", s.reads() == 0 ? 0 : s.hitRatio());
        out.put("storeLoads", s.storeLoads());
        out.put("reads", s.reads());
        out.put("staleReads", s.staleReads());
    }
}
