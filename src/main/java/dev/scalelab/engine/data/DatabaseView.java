package dev.scalelab.engine.data;

import java.util.List;

/**
 * An immutable copy of the database's state for the UI and the report, taken on the simulation
 * thread by {@link Database#view()}; safe to hand to any thread.
 *
 * @param routerVersion bumped whenever the router changes, so a ring view can keep its points until then
 * @param hotKeys       the keys over the hot-key share in the last full second that had queries
 */
public record DatabaseView(long atNanos, ShardRouter.Strategy strategy, long routerVersion, List<ShardView> shards,
                           MigrationView migration, Counters counters, List<HotKey> hotKeys) {

    /**
     * @param range            the Vitess-style range name ({@code 40-80}) for range strategies, else empty
     * @param available        whether it has a live primary (writes are possible)
     * @param queriesPerSecond queries routed to it over the last full second
     * @param loadShare        its share of all shards' queries over that second
     * @param keysOwned        keys it holds now (during a migration, moved keys count at their new owner)
     * @param retiring         being removed: its keys are moving away
     */
    public record ShardView(int shardId, String range, boolean available, boolean hot, boolean retiring,
                            double queriesPerSecond, double loadShare, int keysOwned, long headLsn,
                            List<NodeView> nodes) {
    }

    /**
     * @param lagMs     how far behind the primary the node is: the age of the oldest entry it has not
     *                  applied (0 when caught up, as PostgreSQL's replay lag)
     * @param lagSpike  an injected lag spike is running on it
     * @param served    queries it has completed
     */
    public record NodeView(String name, boolean primary, boolean alive, int connectionsBusy, int connectionLimit,
                           int queueLength, long appliedLsn, double lagMs, boolean lagSpike, long served) {
    }

    /**
     * The running or last resharding.
     *
     * @param fractionOfKeys keys to move over all keys
     * @param progress       keys moved over keys to move (1 when done)
     * @param finishedAtSeconds NaN while running
     * @param from           the router the keys are moving away from (the new one is the database's),
     *                       so a view can tell each key's old and new owner; null before any resharding
     * @param nextKey        keys move in ascending order: every moving key below this one has moved, every
     *                       other has not (the key count once done), so a view knows where each key is
     */
    public record MigrationView(boolean active, String description, int keysToMove, int keysMoved,
                                double fractionOfKeys, double progress, double startedAtSeconds,
                                double finishedAtSeconds, ShardRouter from, int nextKey) {
        public static final MigrationView NONE = new MigrationView(false, "", 0, 0, 0, 0, Double.NaN, Double.NaN, null, 0);
    }

    /**
     * Totals since the start.
     *
     * @param staleReads                reads that returned an older version than the latest committed
     * @param readYourWritesViolations  reads older than the reading session's own last write of the key
     * @param monotonicReadViolations   reads older than a version the session had already read
     * @param lostWrites                committed writes a failover discarded
     * @param lostAcknowledgedWrites    of those, the ones the client had been told succeeded
     * @param keysMoved                 keys resharding has moved
     * @param rerouted                  queries that reached a shard no longer (or not yet) holding their
     *                                  key and were sent on, as mongos retries after a StaleConfig error
     * @param dualReadFallbacks         of those, dual reads that fell back to the old owner
     */
    public record Counters(long reads, long writes, long staleReads, long readYourWritesViolations,
                           long monotonicReadViolations, long lostWrites, long lostAcknowledgedWrites, long keysMoved,
                           long rejected, long failed, long rerouted, long dualReadFallbacks) {
    }

    /** A key drawing more than the hot-key share of the last full second's queries. */
    public record HotKey(int key, int shardId, double share) {
    }
}
