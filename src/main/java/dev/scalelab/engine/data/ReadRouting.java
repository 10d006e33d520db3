package dev.scalelab.engine.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Which node of a shard serves a read (the read policy among the nodes that applied what the
 * session's consistency needs) and how many replicas a write waits for (the replication mode). On
 * every query's path: no allocation.
 */
final class ReadRouting {
    private ReadRouting() {
    }

    /** The LSN a read of {@code session} must see on {@code shard}: its own last write, or the newest it saw; 0 for none. */
    static long requiredLsn(DatabaseConfig.Consistency consistency, Session session, Shard shard) {
        if (session == null) {
            return 0;
        }
        switch (consistency) {
            case READ_YOUR_WRITES:
                return session.lastWriteLsn(shard.id);
            case MONOTONIC_READS:
                return session.maxSeenLsn(shard.id);
            default:
                return 0;
        }
    }

    /**
     * The read policy among the live nodes that applied {@code requiredLsn}; when none of those
     * qualifies, the primary (engines.md: "read only from replicas that have applied it; otherwise
     * use the primary"); null when there is no live primary either.
     */
    static Node chooseReadNode(DatabaseConfig.ReadPolicy policy, Shard shard, long requiredLsn, SplittableRandom choiceRandom,
                               long nowNanos) {
        switch (policy) {
            case REPLICAS_FIRST: {
                // Count the qualifying replicas, draw one, then find it: the same draw from the same
                // stream as picking from a list of them, without two lists made per read.
                List<Node> nodes = shard.nodes;
                int candidates = 0;
                for (int i = 0; i < nodes.size(); i++) {
                    if (servesFromReplica(nodes.get(i), requiredLsn)) {
                        candidates++;
                    }
                }
                if (candidates > 0) {
                    int chosen = choiceRandom.nextInt(candidates);
                    for (int i = 0; ; i++) {
                        Node n = nodes.get(i);
                        if (servesFromReplica(n, requiredLsn) && chosen-- == 0) {
                            return n;
                        }
                    }
                }
                break;
            }
            case ROUND_ROBIN: {
                int count = shard.nodes.size();
                for (int i = 0; i < count; i++) {
                    Node n = shard.nodes.get((shard.roundRobinCursor + i) % count);
                    if (n.alive && n.appliedLsn >= requiredLsn) {
                        shard.roundRobinCursor = (shard.roundRobinCursor + i + 1) % count;
                        return n;
                    }
                }
                break;
            }
            case LEAST_LAG: {
                Node best = null;
                for (Node n : shard.liveReplicas()) {
                    if (n.appliedLsn >= requiredLsn && (best == null || lagNanos(n, nowNanos) < lagNanos(best, nowNanos))) {
                        best = n;
                    }
                }
                if (best != null) {
                    return best;
                }
                break;
            }
            case PRIMARY_ONLY:
                break;
            default:
                throw new AssertionError(policy);
        }
        return shard.primary;
    }

    /** How far behind its primary a replica is: the age of the oldest entry it has not applied. */
    static long lagNanos(Node node, long nowNanos) {
        Shard shard = node.shard;
        if (node.primary || !node.alive || node.appliedLsn >= shard.headLsn) {
            return 0;
        }
        return nowNanos - shard.log.get(node.appliedLsn + 1).commitNanos;
    }

    private static boolean servesFromReplica(Node n, long requiredLsn) {
        return n.alive && !n.primary && n.appliedLsn >= requiredLsn;
    }

    /** How many replicas a write waits for before it is acknowledged, by the replication mode. */
    static int acksNeeded(DatabaseConfig.ReplicationMode mode, Shard shard) {
        if (mode == DatabaseConfig.ReplicationMode.ASYNC) {
            return 0; // asynchronous replication waits for no replica: no need to count them on every write
        }
        int replicas = shard.liveReplicas().size();
        switch (mode) {
            case SEMI_SYNC:
                return Math.min(1, replicas);
            case SYNC:
                return replicas;
            default:
                return 0;
        }
    }
}
