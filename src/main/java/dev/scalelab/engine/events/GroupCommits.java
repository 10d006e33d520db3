package dev.scalelab.engine.events;

import dev.scalelab.sim.Simulation;

/**
 * When a consumer group's members commit the positions they reached (engines.md §6, Commits). AUTO:
 * a poll commits once autoCommitInterval has passed since its member's last commit, and an idle
 * member with something uncommitted commits when the interval is due, as its poll loop would.
 * AFTER_PROCESSING: a commit after each batch. Both: everything on a clean leave (a revoked
 * partition is committed by the {@link GroupCoordinator}).
 *
 * <p>Apart from {@link ConsumerGroup} because it is a policy with a clock of its own (each member's
 * last commit and its idle-commit timer) that only ever moves committed offsets: the group's poll
 * loop says when a poll, a batch or a leave happens, {@link PartitionOffsets} holds the numbers.
 * Confined to the simulation thread, as its group.
 */
final class GroupCommits {
    private final Simulation sim;
    /** For the config in force: a reconfigure may change the commit mode and the interval. */
    private final ConsumerGroup group;
    private final PartitionOffsets offsets;

    GroupCommits(Simulation sim, ConsumerGroup group, PartitionOffsets offsets) {
        this.sim = sim;
        this.group = group;
        this.offsets = offsets;
    }

    /** A member joins: its auto-commit interval counts from now. */
    void joined(GroupMember m) {
        m.commitTick = () -> idleCommit(m);
        m.lastCommitNanos = sim.nowNanos();
    }

    /** A member polls: under auto-commit, it first commits if the interval has passed. */
    void polling(GroupMember m) {
        GroupConfig config = group.config();
        if (config.commit() == CommitMode.AUTO && sim.nowNanos() - m.lastCommitNanos >= config.autoCommitIntervalNanos()) {
            commitOwned(m);
        }
    }

    /** A member processed a whole batch: under AFTER_PROCESSING, it commits. */
    void batchDone(GroupMember m) {
        if (group.config().commit() == CommitMode.AFTER_PROCESSING) {
            commitOwned(m);
        }
    }

    /** The member commits the position of every partition it owns. */
    void commitOwned(GroupMember m) {
        for (int k = 0; k < m.ownedCount; k++) {
            offsets.commit(m.owned[k]);
        }
        m.lastCommitNanos = sim.nowNanos();
    }

    /** An idle member under auto-commit commits what it processed once the interval is due, as its poll loop would. */
    void scheduleIdleCommit(GroupMember m) {
        GroupConfig config = group.config();
        if (config.commit() != CommitMode.AUTO || m.commitTickPending || !hasUncommitted(m)) {
            return;
        }
        m.commitTickPending = true;
        sim.schedule(Math.max(sim.nowNanos(), m.lastCommitNanos + config.autoCommitIntervalNanos()), m.commitTick);
    }

    private void idleCommit(GroupMember m) {
        m.commitTickPending = false;
        GroupConfig config = group.config();
        if (m.gone || m.crashed || m.busy || config.commit() != CommitMode.AUTO) {
            return; // a busy member commits in its own next poll
        }
        if (sim.nowNanos() - m.lastCommitNanos >= config.autoCommitIntervalNanos()) {
            commitOwned(m);
        } else {
            scheduleIdleCommit(m);
        }
    }

    private boolean hasUncommitted(GroupMember m) {
        for (int k = 0; k < m.ownedCount; k++) {
            if (offsets.uncommitted(m.owned[k])) {
                return true;
            }
        }
        return false;
    }
}
