package dev.scalelab.engine.caching;

/**
 * Totals of a cache hierarchy since it was made; the world turns them into rates.
 *
 * @param cacheReads reads answered by some level
 * @param storeReads reads answered by a load from the store
 * @param storeLoads reads issued to the store (a coalesced read issues none)
 * @param duplicateLoads store reads issued while another read of the same key was in flight:
 *     the stampede, 0 with coalescing
 * @param coalescedReads reads that waited on another request's load
 * @param staleReads reads that returned a version older than a write acknowledged before they began
 * @param storeWrites writes issued to the store, write-back flushes included
 */
public record HierarchyStats(long reads, long cacheReads, long storeReads, long storeLoads, long duplicateLoads,
                             long coalescedReads, long staleReads, long writes, long storeWrites) {

    /** Both hierarchies' totals: one rebuilt with new settings counts on from the one it replaced. */
    public HierarchyStats plus(HierarchyStats o) {
        return new HierarchyStats(reads + o.reads, cacheReads + o.cacheReads, storeReads + o.storeReads, storeLoads + o.storeLoads,
                duplicateLoads + o.duplicateLoads, coalescedReads + o.coalescedReads, staleReads + o.staleReads, writes + o.writes,
                storeWrites + o.storeWrites);
    }

    /** Reads answered by a cache over all completed reads, 0 before the first. */
    public double hitRatio() {
        return reads == 0 ? 0 : (double) cacheReads / reads;
    }
}
