package dev.scalelab.engine.data;

/**
 * One entry of a shard's replication log (a binlog event, a WAL record): the write of one version of
 * one key at log position {@code lsn}. A migration entry is the copy of a key that resharding moved
 * in; it carries the key's version unchanged.
 */
final class LogEntry {
    static final long NO_LSN = 0;

    final long lsn;
    final int key;
    final int version;
    /** The previous entry for the same key on this shard, or {@link #NO_LSN}. */
    final long previousLsnOfKey;
    final long commitNanos;
    final boolean migration;

    /** A semi-synchronous or synchronous write waiting for replica acknowledgements. */
    Query waiter;
    int acksNeeded;
    int acks;
    /** Whether the client was told the write succeeded. */
    boolean acknowledged;

    LogEntry(long lsn, int key, int version, long previousLsnOfKey, long commitNanos, boolean migration) {
        this.lsn = lsn;
        this.key = key;
        this.version = version;
        this.previousLsnOfKey = previousLsnOfKey;
        this.commitNanos = commitNanos;
        this.migration = migration;
    }
}
