package dev.scalelab.engine.data;

/**
 * A notable decision or fault of the database, for the world's decision log. {@code message} says
 * what happened with its inputs ("shard 2 primary killed: head LSN 1,204, replicas applied 1,190 and
 * 1,187"). {@code shardId} is -1 when no single shard is concerned.
 */
public record DataEvent(long atNanos, Kind kind, int shardId, String message) {

    public enum Kind {
        MIGRATION_STARTED,
        MIGRATION_FINISHED,
        RESHARD_REFUSED,
        PRIMARY_KILLED,
        PROMOTED,
        WRITES_LOST,
        SHARD_UNAVAILABLE,
        LAG_SPIKE_STARTED,
        LAG_SPIKE_ENDED,
        HOT_SHARD,
        HOT_SHARD_CLEARED,
        HOT_KEY,
        HOT_KEY_CLEARED
    }
}
