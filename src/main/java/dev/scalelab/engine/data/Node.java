package dev.scalelab.engine.data;

import java.util.ArrayDeque;

/**
 * A database server: a FIFO queueing station with {@code connectionLimit} queries in service at
 * once and a bounded wait queue, plus its replication state (the LSN it has applied).
 */
final class Node {
    final Shard shard;
    final String name;
    boolean primary;
    boolean alive = true;

    /** The last log position applied here; a primary's is its shard's head. */
    long appliedLsn;
    /** When the last entry shipped here is due to apply: entries apply in log order. */
    long lastApplyAtNanos;
    /** Bumped to cancel the applies in flight (the primary died, or a new primary re-ships). */
    int replicationEpoch;
    long spikeExtraNanos;
    long spikeUntilNanos;

    final ArrayDeque<Query> queue = new ArrayDeque<>();
    final InService inService = new InService();
    /** Its cores shared by the running queries, from the first query run with contention modelled; null before. */
    NodeCpu cpu;
    long served;

    Node(Shard shard, String name, boolean primary) {
        this.shard = shard;
        this.name = name;
        this.primary = primary;
    }

    boolean lagSpikeActive(long nowNanos) {
        return nowNanos < spikeUntilNanos;
    }
}
