package dev.scalelab.engine.data;

import dev.scalelab.engine.data.QueryResult.Outcome;
import dev.scalelab.sim.Simulation;

import java.util.SplittableRandom;

/**
 * A database's replication: a write served on its shard's primary commits to the shard's log, every
 * log entry (a write, or a key's copy at a resharding cutover) ships to each live replica to apply
 * after its own lag, in log order, and the write is acknowledged to its client as the replication
 * mode says (at once, or once enough replicas applied it). It owns the lag stream.
 *
 * <p>Apart from {@link Database} because it runs on a clock of its own: the applies are events of
 * their own, at lags drawn from a stream of its own, and a failover (the new primary's replicas
 * fetching what they miss) and a resharding cutover ship through it just as writes do. The database
 * keeps where a query goes and how a node serves it. Confined to the simulation thread, as its
 * database.
 */
final class Replication {
    private final Database db;
    /** The lags' own stream, so that changing the read policy does not change them. */
    private final SplittableRandom lagRandom;

    Replication(Database db, SplittableRandom lagRandom) {
        this.db = db;
        this.lagRandom = lagRandom;
    }

    /** The write served on its shard's primary takes the next log position, ships, and is acknowledged or waits for acks. */
    void commit(Query q) {
        Shard shard = q.shard;
        Node primary = q.node;
        long lsn = ++shard.headLsn;
        int version = db.keys.version(q.key) + 1;
        db.keys.setVersion(q.key, version);
        LogEntry entry = new LogEntry(lsn, q.key, version, db.keys.lsn(q.key), db.sim.nowNanos(), false);
        db.keys.setLsn(q.key, lsn);
        shard.log.append(entry);
        primary.appliedLsn = lsn;
        if (q.session != null) {
            q.session.wrote(shard.id, lsn, q.key, version);
        }
        int acksNeeded = ReadRouting.acksNeeded(db.config.replicationMode(), shard);
        if (acksNeeded > 0) {
            entry.waiter = q; // MySQL's semi-sync holds the client's connection until the ack
            entry.acksNeeded = acksNeeded;
        }
        ship(shard, entry, entry.commitNanos);
        shard.trimLog();
        if (acksNeeded == 0) {
            acknowledge(entry, q);
        }
    }

    /** The write is acknowledged: its connection is free again and its client hears of it. */
    private void acknowledge(LogEntry entry, Query q) {
        entry.waiter = null;
        entry.acknowledged = true;
        db.release(q.node, q);
        q.node.served++;
        q.done = true;
        if (q.callback != null) {
            q.callback.accept(db.result(q, Outcome.OK, q.shard.id, q.node.name, entry.version, false, false, entry.lsn, ""));
        } else {
            q.then.fire();
        }
    }

    /** Sends an entry to every live replica of the shard, each to apply after its own lag. */
    void ship(Shard shard, LogEntry entry, long fromNanos) {
        for (Node replica : shard.liveReplicas()) {
            shipTo(replica, entry, fromNanos);
        }
    }

    void shipTo(Node replica, LogEntry entry, long fromNanos) {
        Simulation sim = db.sim;
        long lagNanos = Simulation.millisToNanos(db.config.replicationLagMs().sample(lagRandom));
        if (replica.lagSpikeActive(sim.nowNanos())) {
            lagNanos += replica.spikeExtraNanos;
        }
        // A replica applies in log order (MySQL's applier, PostgreSQL's startup process): an entry
        // never overtakes the one before it.
        long applyAt = Math.max(Math.max(fromNanos + lagNanos, replica.lastApplyAtNanos), sim.nowNanos());
        replica.lastApplyAtNanos = applyAt;
        int epoch = replica.replicationEpoch;
        sim.schedule(applyAt, () -> apply(replica, entry, epoch));
    }

    private void apply(Node replica, LogEntry entry, int epoch) {
        if (!replica.alive || replica.replicationEpoch != epoch) {
            return;
        }
        replica.appliedLsn = entry.lsn;
        Query waiter = entry.waiter;
        if (waiter != null && !waiter.done && ++entry.acks >= entry.acksNeeded) {
            acknowledge(entry, waiter);
        }
        replica.shard.trimLog();
    }
}
