package dev.scalelab.world;

import dev.scalelab.engine.caching.CacheEventKind;
import dev.scalelab.engine.caching.CacheHierarchy;
import dev.scalelab.engine.caching.CacheLevel;
import dev.scalelab.engine.caching.LevelStats;

/**
 * One level of a cache hierarchy as the Caching panel draws it ({@link Snapshot.CacheLevelView}):
 * its counters summed over its copies, and one copy's slots and newest events. The pipeline's cache
 * and a drawn cache box make their views here alike. Confined to the simulation thread.
 */
public final class CacheLevelViews {
    /** Slots a view copies per level: a 64 x 64 grid. */
    public static final int VIEW_SLOTS = 4096;
    /** The newest events of a copy the view carries. */
    private static final int VIEW_EVENTS = 64;

    private CacheLevelViews() {
    }

    /**
     * Level {@code i} of {@code hierarchy}, configured as {@code c}: the copy drawn is the shared one,
     * or the lowest-numbered instance's.
     *
     * @param cheHitRatio    Che's approximation for the level, NaN where it does not apply
     * @param hitRatioSeries its hit ratio per second, oldest first
     */
    public static Snapshot.CacheLevelView of(CacheHierarchy hierarchy, int i, Scenario.CacheLevel c, double cheHitRatio,
                                             double[] hitRatioSeries) {
        LevelStats s = hierarchy.levelStats(i);
        CacheLevel copy = hierarchy.levelCopies(i).stream().findFirst().orElse(null);
        int[] slots = new int[0];
        byte[] segments = new byte[0];
        byte[] eventKinds = new byte[0];
        int[] eventKeys = new int[0];
        long recorded = 0;
        if (copy != null) {
            int n = Math.min(VIEW_SLOTS, copy.capacity());
            slots = new int[n];
            n = copy.snapshotKeys(n, slots);
            segments = new byte[n];
            for (int slot = 0; slot < n; slot++) {
                segments[slot] = (byte) copy.segmentOf(slot);
            }
            CacheEventKind[] kinds = new CacheEventKind[VIEW_EVENTS];
            int[] keys = new int[VIEW_EVENTS];
            long[] at = new long[VIEW_EVENTS];
            int e = copy.events().copyNewest(VIEW_EVENTS, kinds, keys, at);
            eventKinds = new byte[e];
            eventKeys = new int[e];
            for (int j = 0; j < e; j++) {
                eventKinds[j] = (byte) kinds[j].ordinal();
                eventKeys[j] = keys[j];
            }
            recorded = copy.events().recorded();
        }
        return new Snapshot.CacheLevelView(c.name(), c.scope(), c.policy(), c.capacity(), hierarchy.levelCopies(i).size(),
                s.occupancy(), s.hits(), s.misses(), s.hitRatio(), s.evictions(), s.expiries(), s.lostDirtyWrites(),
                c.latencyMs(), c.ttlSeconds(), cheHitRatio, hitRatioSeries, slots, segments, eventKinds, eventKeys, recorded);
    }
}
