package dev.scalelab.engine.data;

import dev.scalelab.sim.Simulation;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A database's faults: a replica's lag spike, and a primary's death with the failover after it (the
 * most up-to-date replica promoted, the writes it never applied undone). Confined to the simulation
 * thread, as its {@link Database}.
 */
final class DatabaseFaults {
    private final Database db;

    DatabaseFaults(Database db) {
        this.db = db;
    }

    /**
     * Fault: the named replica applies entries committed in the next {@code durationSeconds}
     * {@code extraMs} later (a long query on the replica, a saturated disk). Returns false when no
     * live replica has that name.
     */
    boolean lagSpike(String nodeName, double extraMs, double durationSeconds) {
        Node node = findNode(nodeName);
        if (node == null || node.primary || !node.alive) {
            return false;
        }
        node.spikeExtraNanos = Simulation.millisToNanos(extraMs);
        node.spikeUntilNanos = db.sim.nowNanos() + Simulation.secondsToNanos(durationSeconds);
        db.report(DataEvent.Kind.LAG_SPIKE_STARTED, node.shard.id, String.format(Locale.ROOT,
                "%s: +%s ms replication lag for %s s (applied LSN %d of %d)", node.name, Database.fmt(extraMs),
                Database.fmt(durationSeconds), node.appliedLsn, node.shard.headLsn));
        long until = node.spikeUntilNanos;
        db.sim.schedule(until, () -> {
            if (node.spikeUntilNanos == until) {
                db.report(DataEvent.Kind.LAG_SPIKE_ENDED, node.shard.id, String.format(Locale.ROOT,
                        "%s: lag spike over, %s ms behind now", node.name, Database.fmt(db.lagNanos(node) / 1e6)));
            }
        });
        return true;
    }

    private Node findNode(String name) {
        for (Shard shard : db.shardsById) {
            for (Node n : shard.nodes) {
                if (n.name.equals(name) && !shard.retired) {
                    return n;
                }
            }
        }
        return null;
    }

    /**
     * Fault: the shard's primary dies. Its queued and running queries fail; replicas keep what they
     * had applied (what was still on its way is gone with the primary). After the detection delay the
     * replica with the highest applied LSN is promoted (as Orchestrator and MHA pick the most
     * up-to-date replica). Returns false when the shard has no live primary.
     */
    boolean killPrimary(int shardId) {
        Shard shard = db.liveShard(shardId);
        if (shard == null || shard.primary == null) {
            return false;
        }
        Node dead = shard.primary;
        dead.alive = false;
        shard.primary = null;
        List<Query> lost = dead.inService.toList();
        lost.addAll(dead.queue);
        dead.inService.clear();
        dead.queue.clear();
        if (dead.cpu != null) {
            dead.cpu.clear();
        }
        for (Query q : lost) {
            db.fail(q, shardId, dead.name, dead.name + " died");
        }
        List<Node> replicas = shard.liveReplicas();
        for (Node replica : replicas) {
            replica.replicationEpoch++; // entries not applied yet never arrive
            replica.lastApplyAtNanos = db.sim.nowNanos();
        }
        db.report(DataEvent.Kind.PRIMARY_KILLED, shardId, String.format(Locale.ROOT,
                "%s killed at head LSN %,d; replicas applied %s; promotion in %s ms", dead.name, shard.headLsn,
                replicas.isEmpty() ? "nothing (no replica)" : replicas.stream()
                        .map(r -> r.name + " " + r.appliedLsn).collect(Collectors.joining(", ")),
                Database.fmt(db.config.failoverDetectionMs())));
        db.sim.scheduleIn(Simulation.millisToNanos(db.config.failoverDetectionMs()), () -> promote(shard, dead));
        return true;
    }

    private void promote(Shard shard, Node dead) {
        List<Node> replicas = shard.liveReplicas();
        if (replicas.isEmpty()) {
            db.report(DataEvent.Kind.SHARD_UNAVAILABLE, shard.id, "shard " + shard.id
                    + " has no replica to promote: writes fail until it is removed");
            return;
        }
        Node best = replicas.stream().max(Comparator.comparingLong((Node n) -> n.appliedLsn)).orElseThrow();
        long oldHead = shard.headLsn;
        int lost = 0;
        int lostAcknowledged = 0;
        // Undo, newest first, every write the new primary never applied. Keys that resharding copied
        // elsewhere meanwhile keep their data (the copy has it); a migration entry is on every node.
        for (long lsn = oldHead; lsn > best.appliedLsn; lsn--) {
            LogEntry e = shard.log.get(lsn);
            if (!e.migration && db.keys.holder(e.key) == shard.id && db.keys.lsn(e.key) == lsn) {
                db.keys.setVersion(e.key, e.version - 1);
                db.keys.setLsn(e.key, e.previousLsnOfKey);
                lost++;
                if (e.acknowledged) {
                    lostAcknowledged++;
                }
            }
        }
        shard.log.truncateAfter(best.appliedLsn);
        shard.headLsn = best.appliedLsn;
        best.primary = true;
        shard.primary = best;
        db.writesLost(lost, lostAcknowledged);
        db.report(DataEvent.Kind.PROMOTED, shard.id, String.format(Locale.ROOT,
                "%s promoted to primary of shard %d after %s ms: applied LSN %d of the dead %s's %d",
                best.name, shard.id, Database.fmt(db.config.failoverDetectionMs()), best.appliedLsn, dead.name, oldHead));
        if (oldHead > best.appliedLsn) {
            db.report(DataEvent.Kind.WRITES_LOST, shard.id, String.format(Locale.ROOT,
                    "shard %d lost %d writes (LSN %d..%d never reached %s), %d of them acknowledged to clients",
                    shard.id, lost, best.appliedLsn + 1, oldHead, best.name, lostAcknowledged));
        }
        // The other replicas follow the new primary and fetch what they miss from it.
        for (Node replica : shard.liveReplicas()) {
            replica.replicationEpoch++;
            replica.lastApplyAtNanos = db.sim.nowNanos();
            for (long lsn = replica.appliedLsn + 1; lsn <= shard.headLsn; lsn++) {
                db.replication.shipTo(replica, shard.log.get(lsn), db.sim.nowNanos());
            }
        }
        shard.trimLog();
    }
}
