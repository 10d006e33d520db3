package dev.scalelab.engine.data;

/**
 * The tail of a shard's log that some replica still has to apply, in a growable ring indexed by
 * LSN. Entries every live replica applied are trimmed, so the size is bounded by write rate times
 * the largest lag.
 */
final class ReplicationLog {
    private LogEntry[] ring = new LogEntry[16];
    private int head;
    private int size;
    /** The LSN of the entry at {@code head}, or of the next append when empty. */
    private long firstLsn = 1;

    void append(LogEntry entry) {
        if (entry.lsn != firstLsn + size) {
            throw new IllegalStateException("log gap: appending " + entry.lsn + " after " + (firstLsn + size - 1));
        }
        if (size == ring.length) {
            LogEntry[] bigger = new LogEntry[ring.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = ring[(head + i) & (ring.length - 1)];
            }
            ring = bigger;
            head = 0;
        }
        ring[(head + size) & (ring.length - 1)] = entry;
        size++;
    }

    /** The entry at {@code lsn}; it must not be trimmed yet. */
    LogEntry get(long lsn) {
        long offset = lsn - firstLsn;
        if (offset < 0 || offset >= size) {
            throw new IllegalStateException("LSN " + lsn + " is not retained (" + firstLsn + ".." + (firstLsn + size - 1) + ")");
        }
        return ring[(int) ((head + offset) & (ring.length - 1))];
    }

    /** Drops the entries up to and including {@code lsn}. */
    void trimThrough(long lsn) {
        while (size > 0 && firstLsn <= lsn) {
            ring[head] = null;
            head = (head + 1) & (ring.length - 1);
            size--;
            firstLsn++;
        }
        if (size == 0) {
            firstLsn = Math.max(firstLsn, lsn + 1);
        }
    }

    /** Drops the entries after {@code lsn}: the part of the log a failover discards. */
    void truncateAfter(long lsn) {
        while (size > 0 && firstLsn + size - 1 > lsn) {
            ring[(head + size - 1) & (ring.length - 1)] = null;
            size--;
        }
        if (size == 0) {
            firstLsn = lsn + 1;
        }
    }

    int size() {
        return size;
    }
}
