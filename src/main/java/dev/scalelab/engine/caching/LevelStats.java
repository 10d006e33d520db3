package dev.scalelab.engine.caching;

/**
 * Counters of one cache level (or the sum over a level's per-instance copies). Counts are totals
 * since the level was made; a rate is the world's difference of two snapshots over virtual time.
 *
 * @param earlyRefreshes hits turned into misses by XFetch so that one request refreshes early
 * @param invalidations explicit removals: writes, flushes, operator actions other than expiry
 * @param lostDirtyWrites write-back entries that were never flushed when the level failed
 */
public record LevelStats(String name, long capacity, long occupancy, long hits, long misses, long evictions,
                         long expiries, long earlyRefreshes, long invalidations, long dirtyEntries,
                         long lostDirtyWrites) {

    /** Hits over lookups, 0 before the first lookup. */
    public double hitRatio() {
        long lookups = hits + misses;
        return lookups == 0 ? 0 : (double) hits / lookups;
    }

    LevelStats plus(LevelStats other) {
        return new LevelStats(name, capacity + other.capacity, occupancy + other.occupancy, hits + other.hits,
                misses + other.misses, evictions + other.evictions, expiries + other.expiries,
                earlyRefreshes + other.earlyRefreshes, invalidations + other.invalidations,
                dirtyEntries + other.dirtyEntries, lostDirtyWrites + other.lostDirtyWrites);
    }

    static LevelStats empty(String name) {
        return new LevelStats(name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
