package dev.scalelab.engine.events;

import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A consumer group's coordinator: who owns each partition, and the rebalances that change it
 * (engines.md §6). Eager (range, round-robin): every partition is revoked at once; a member with a
 * record in hand finishes it (the rest of its batch is dropped) and commits; the new assignment of
 * the {@link Assignor} starts when the rebalance time has passed and every revoked record in hand
 * is done, each partition from its committed offset. Cooperative sticky: the target assignment is
 * computed at the start and only the partitions whose owner changes are revoked and stopped, the
 * same way; the others never stop. A change during a rebalance restarts it (a new generation, a
 * new full rebalance time) and the stop goes on; it counts as one rebalance, whose pause runs from
 * its first start to its end (0 for a cooperative rebalance that moves nothing, as when a member
 * joins a group with no partition to spare). Confined to the simulation thread.
 */
final class GroupCoordinator {
    private final Simulation sim;
    private final ConsumerGroup group;
    private final TreeMap<String, GroupMember> members;
    private final PartitionOffsets offsets;
    private final Topic topic;
    private final Consumer<String> log;
    private Assignor assignor;

    private GroupMember[] owner;
    /** Revoked, not yet handed to its next owner. */
    private boolean[] inTransit;
    /** A member is processing one of its records now. */
    private boolean[] inHand;
    private GroupMember[] target;

    private boolean rebalancing;
    private boolean eagerRebalance;
    private long rebalanceStartNanos;
    private long rebalanceEndNanos;
    private long generation;
    private String rebalanceReason;
    /** Whether this rebalance stopped any partition: a cooperative one that moves nothing pauses nothing. */
    private boolean rebalanceStopped;
    /** Records of revoked partitions still in a member's hands: the rebalance waits for them. */
    private int revokingInHand;
    private Map<String, List<Integer>> assignmentView;
    private long rebalances;
    private long rebalancePauseNanos;

    GroupCoordinator(Simulation sim, ConsumerGroup group, TreeMap<String, GroupMember> members, PartitionOffsets offsets,
                     Topic topic, Consumer<String> log) {
        this.sim = sim;
        this.group = group;
        this.members = members;
        this.offsets = offsets;
        this.topic = topic;
        this.log = log;
        this.assignor = Assignor.of(group.config().assignor());
        int p = topic.partitions();
        owner = new GroupMember[p];
        inTransit = new boolean[p];
        inHand = new boolean[p];
        target = new GroupMember[p];
    }

    /** A new assignor, used from the next rebalance on. */
    void setAssignor(AssignorKind kind) {
        assignor = Assignor.of(kind);
    }

    void grow(int partitions) {
        owner = Arrays.copyOf(owner, partitions);
        inTransit = Arrays.copyOf(inTransit, partitions);
        inHand = Arrays.copyOf(inHand, partitions);
        target = Arrays.copyOf(target, partitions);
    }

    int partitions() {
        return owner.length;
    }

    GroupMember owner(int p) {
        return owner[p];
    }

    boolean inTransit(int p) {
        return inTransit[p];
    }

    boolean inHand(int p) {
        return inHand[p];
    }

    void setInHand(int p, boolean held) {
        inHand[p] = held;
    }

    boolean rebalancing() {
        return rebalancing;
    }

    /** Whether no member may poll now: an eager rebalance is under way. */
    boolean stopsEveryone() {
        return rebalancing && eagerRebalance;
    }

    long rebalances() {
        return rebalances;
    }

    long rebalancePauseNanos() {
        return rebalancePauseNanos;
    }

    /** The current assignment, member → ascending partitions; every member has an entry. */
    Map<String, List<Integer>> assignment() {
        if (assignmentView == null) {
            assignmentView = Collections.unmodifiableMap(ownedMap());
        }
        return assignmentView;
    }

    /** A member leaves the group (cleanly, or removed after a crash): a rebalance starts; a crashed one's partitions are named. */
    void removeMember(GroupMember m, String how) {
        if (m.gone) {
            return;
        }
        m.gone = true;
        if (m.crashed) {
            StringBuilder parts = new StringBuilder();
            StringBuilder from = new StringBuilder();
            for (int k = 0; k < m.ownedCount; k++) {
                parts.append(k == 0 ? "" : ", ").append(m.owned[k]);
                from.append(k == 0 ? "" : ", ").append(offsets.committed(m.owned[k]));
            }
            String none = rebalancing ? ": its partitions were revoked by the rebalance in progress"
                    : ": it owned no partition";
            log.accept(m.ownedCount == 0 ? m.id + " " + how + none
                    : m.id + " " + how + ": partition" + (m.ownedCount == 1 ? " " : "s ") + parts
                    + " resume" + (m.ownedCount == 1 ? "s" : "") + " from committed offset"
                    + (m.ownedCount == 1 ? " " : "s ") + from);
        }
        members.remove(m.id);
        startRebalance(m.id + " " + how);
    }

    void startRebalance(String reason) {
        long now = sim.nowNanos();
        if (!rebalancing) {
            rebalancing = true;
            rebalanceStartNanos = now;
            rebalanceReason = reason;
            rebalanceStopped = false;
        } else {
            rebalanceReason = rebalanceReason + "; " + reason;
        }
        generation++;
        eagerRebalance = !assignor.cooperative();
        rebalanceEndNanos = now + group.config().rebalanceNanos();
        if (eagerRebalance) {
            for (int p = 0; p < owner.length; p++) {
                revoke(p);
            }
        } else {
            assignTargets();
            for (int p = 0; p < owner.length; p++) {
                if (owner[p] != target[p] || inTransit[p]) {
                    revoke(p);
                }
            }
        }
        long gen = generation;
        sim.schedule(rebalanceEndNanos, () -> {
            if (gen == generation) {
                tryFinishRebalance();
            }
        });
    }

    /** The record of revoked partition {@code p} that a member held is done: it commits it, and the rebalance may end. */
    void revokedRecordDone(int p) {
        offsets.commit(p);
        revokedRecordGone();
    }

    /** A record of a revoked partition was dropped with its crashed member: the rebalance waits for it no longer. */
    void revokedRecordGone() {
        revokingInHand--;
        tryFinishRebalance();
    }

    /** Asks the assignor for the next assignment of the members now in the group, as each partition's target owner. */
    private void assignTargets() {
        Map<String, List<Integer>> next = assignor.assign(List.copyOf(members.keySet()), owner.length, ownedMap());
        Arrays.fill(target, null);
        for (Map.Entry<String, List<Integer>> e : next.entrySet()) {
            GroupMember m = members.get(e.getKey());
            for (int p : e.getValue()) {
                target[p] = m;
            }
        }
    }

    /** Takes {@code p} from its owner: at once, or at the end of the record of it in hand; the owner commits it. */
    private void revoke(int p) {
        inTransit[p] = true;
        rebalanceStopped = true;
        GroupMember m = owner[p];
        if (m == null) {
            return;
        }
        owner[p] = null;
        m.removeOwned(p);
        assignmentView = null;
        if (m.crashed) {
            return; // a crashed member commits nothing
        }
        if (inHand[p] && m.busy && m.inHandRetry == null && m.inHandPartition == p) {
            revokingInHand++;
        } else {
            offsets.commit(p);
        }
    }

    private void tryFinishRebalance() {
        if (!rebalancing || sim.nowNanos() < rebalanceEndNanos || revokingInHand > 0) {
            return;
        }
        if (eagerRebalance) {
            assignTargets();
        }
        for (int p = 0; p < owner.length; p++) {
            if (inTransit[p]) {
                inTransit[p] = false;
                offsets.resetToCommitted(p); // each partition restarts from its committed offset
                owner[p] = target[p];
                if (target[p] != null) {
                    target[p].addOwned(p);
                }
            }
        }
        assignmentView = null;
        rebalancing = false;
        rebalances++;
        long pause = rebalanceStopped ? sim.nowNanos() - rebalanceStartNanos : 0;
        rebalancePauseNanos += pause;
        log.accept(String.format("%s: rebalance %d (%s, %s) after %s: %s; %s stopped %d ms", group.name(), rebalances,
                group.config().assignor().id(), eagerRebalance ? "eager" : "cooperative", rebalanceReason,
                describe(assignment()),
                eagerRebalance ? "every partition" : rebalanceStopped ? "moved partitions" : "no partition",
                pause / Simulation.NANOS_PER_MILLI));
        topic.progressed();
        group.resumeIdle();
    }

    private Map<String, List<Integer>> ownedMap() {
        Map<String, List<Integer>> map = new LinkedHashMap<>();
        for (GroupMember m : members.values()) {
            List<Integer> parts = new ArrayList<>(m.ownedCount);
            for (int k = 0; k < m.ownedCount; k++) {
                parts.add(m.owned[k]);
            }
            map.put(m.id, Collections.unmodifiableList(parts));
        }
        return map;
    }

    private static String describe(Map<String, List<Integer>> assignment) {
        if (assignment.isEmpty()) {
            return "no members";
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<Integer>> e : assignment.entrySet()) {
            b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
        }
        return b.toString();
    }
}
