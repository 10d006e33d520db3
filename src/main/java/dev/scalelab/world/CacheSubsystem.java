package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.caching.BackingStore;
import dev.scalelab.engine.caching.LatencyStore;
import dev.scalelab.sim.RandomStreams;
import dev.scalelab.sim.Simulation;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The cache subsystem: the {@link CacheSystem} the scenario has now, or none. The engine takes its
 * levels at construction, so a change of a level's capacity, policy or TTL (or of the key
 * popularity) builds a new, cold one; its series and totals carry over. Write policy and
 * coalescing change in place. Confined to the simulation thread.
 */
final class CacheSubsystem implements Subsystem {
    /** A scenario field this part changes live, and the step that applies it: see {@link Live}. */
    @Live @Retention(RUNTIME) @Target(RECORD_COMPONENT)
    @interface Applies { Step value(); String[] fields() default {}; }

    enum Step implements ApplyStep {
        /** Changed in place: the cache keeps its contents. */
        RECONFIGURE,
        /** A new hierarchy, cold. */
        REBUILD;
    }

    private final World world;
    private final Simulation sim;
    private final RandomStreams streams;
    /** Where misses go: the database (through the instances' connection pools), or null for a store that answers after a sampled latency. */
    private final BackingStore database;
    private final WorkloadSystem workload;
    private CacheSystem cache;
    /** Levels with a column of their own, or -1 without cache columns. */
    private int levelColumns = -1;

    CacheSubsystem(World world, Simulation sim, RandomStreams streams, BackingStore database, WorkloadSystem workload) {
        this.world = world;
        this.sim = sim;
        this.streams = streams;
        this.database = database;
        this.workload = workload;
        rebuild();
    }

    /** The cache now, or null when the scenario has none. */
    CacheSystem cache() {
        return cache;
    }

    @Override
    public void apply(Parameter p, Source by) {
        switch ((Step) p.step()) {
            case RECONFIGURE -> {
                if (cache != null) {
                    cache.reconfigure(world.currentScenario().cache());
                }
            }
            case REBUILD -> {
                rebuild();
                world.log(by, "cache rebuilt with the new settings: it starts cold");
            }
        }
    }

    /** The workload's key popularity changed: a cache sized and bounded for the old one starts over. */
    void keysChanged(Source by) {
        rebuild();
        if (cache != null) {
            world.log(by, "the cache restarts cold under the new key popularity");
        }
    }

    private void rebuild() {
        Scenario.Cache c = world.currentScenario().cache();
        if (c == null) {
            cache = null;
            return;
        }
        BackingStore store = database != null ? database : new LatencyStore(sim, c.storeLatency().toDistribution(),
                streams.stream("cache.store"));
        cache = new CacheSystem(sim, c, workload.keys(), store, streams.stream("cache"), cache);
    }

    @Override
    public void sample() {
        if (cache != null) {
            cache.sample();
        }
    }

    @Override
    public void declareColumns(SampleColumns columns, Scenario initial) {
        if (initial.cache() != null) {
            columns.add("cache_hit_ratio");
            for (Scenario.CacheLevel l : initial.cache().levels()) {
                columns.add("cache_" + SampleColumns.name(l.name()) + "_hit_ratio");
            }
            columns.add("cache_store_loads_per_s");
            levelColumns = initial.cache().levels().size();
        }
    }

    @Override
    public void columnValues(List<String> cells) {
        if (levelColumns < 0) {
            return;
        }
        cells.add(cache == null ? "" : SampleColumns.ratio(cache.lastHitRatio()));
        for (int i = 0; i < levelColumns; i++) {
            cells.add(cache == null ? "" : SampleColumns.ratio(cache.lastLevelHitRatio(i)));
        }
        cells.add(cache == null ? "" : SampleColumns.count(cache.lastStoreLoads()));
    }

    @Override
    public void report(ObjectNode root) {
        if (cache != null) {
            cache.report(root);
        }
    }
}
