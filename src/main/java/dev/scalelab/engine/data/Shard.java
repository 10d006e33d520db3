package dev.scalelab.engine.data;

import java.util.ArrayList;
import java.util.List;

/** A shard: its primary and replicas (dead ones stay listed), its log and its load. */
final class Shard {
    final int id;
    final List<Node> nodes = new ArrayList<>();
    /** The live primary, or null between a primary's death and a promotion. */
    Node primary;
    long headLsn;
    final ReplicationLog log = new ReplicationLog();
    final LoadWindow load = new LoadWindow();
    int keysHeld;
    int roundRobinCursor;
    boolean hot;
    /** Being removed: its keys are moving away. */
    boolean retiring;
    /** Removed; kept only while queries it held finish. */
    boolean retired;

    Shard(int id, int replicas) {
        this.id = id;
        primary = new Node(this, "s" + id + "-primary", true);
        nodes.add(primary);
        for (int r = 1; r <= replicas; r++) {
            nodes.add(new Node(this, "s" + id + "-r" + r, false));
        }
    }

    List<Node> liveReplicas() {
        List<Node> replicas = new ArrayList<>();
        for (Node n : nodes) {
            if (n.alive && !n.primary) {
                replicas.add(n);
            }
        }
        return replicas;
    }

    /** Entries every live replica has applied can go; with no live replica, all of them. */
    void trimLog() {
        long minApplied = headLsn;
        for (Node n : nodes) {
            if (n.alive && !n.primary) {
                minApplied = Math.min(minApplied, n.appliedLsn);
            }
        }
        log.trimThrough(minApplied);
    }
}
