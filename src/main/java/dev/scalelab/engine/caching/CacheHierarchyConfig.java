package dev.scalelab.engine.caching;

import java.util.List;

/**
 * A multi-level cache as a scenario describes it.
 *
 * @param levels from the one a request asks first to the one just above the store
 * @param exclusive false (default): inclusive, a hit or load fills every level above; true: one
 *     copy per request path, held in the first level, evictions demoted one level down
 * @param writeBackFlushDelayMs how long a write-back write stays dirty before it is flushed
 * @param coalescing single flight: concurrent misses of a key share one store read
 * @param xfetchBeta XFetch's beta for early refresh (1 in Vattani et al.); 0 turns it off
 * @param eventRingCapacity recent events each level keeps for the view
 */
public record CacheHierarchyConfig(List<CacheLevelConfig> levels, boolean exclusive, WritePolicy writePolicy,
                                   double writeBackFlushDelayMs, boolean coalescing, double xfetchBeta,
                                   int eventRingCapacity) {
    public CacheHierarchyConfig {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a cache hierarchy needs at least one level");
        }
        levels = List.copyOf(levels);
    }
}
