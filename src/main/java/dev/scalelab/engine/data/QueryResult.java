package dev.scalelab.engine.data;

/**
 * How a read or write ended, handed to the caller's callback at {@code completedNanos}.
 *
 * @param shardId   the shard that answered (or that failed it); -1 when none was reached
 * @param node      the node that answered, such as {@code s2-primary} or {@code s2-r1}; empty when none
 * @param version   for a read, the key's version the node returned (0 = never written); for a write,
 *                  the version it created
 * @param stale     a read that returned an older version than the latest committed one
 * @param readYourWritesViolation a read older than this session's own last write of the key
 * @param lsn       for a write, its log position on the shard; for a read, the node's applied position
 * @param detail    why a query failed or was rejected; empty on success
 */
public record QueryResult(Kind kind, int key, Outcome outcome, long submittedNanos, long completedNanos, int shardId,
                          String node, int version, boolean stale, boolean readYourWritesViolation, long lsn,
                          String detail) {

    public long latencyNanos() {
        return completedNanos - submittedNanos;
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    public enum Kind {
        READ,
        WRITE
    }

    public enum Outcome {
        OK,
        /** The node's connections and queue were full. */
        REJECTED,
        /** No node could serve it (primary dead, shard unavailable) or the node died while it waited. */
        FAILED
    }
}
