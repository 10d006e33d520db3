package dev.scalelab.engine.events;

import dev.scalelab.sim.Event;

import java.util.Arrays;

/**
 * One consumer of a {@link ConsumerGroup}: a single poll loop, so at most one record in hand. Its
 * batch is a list of segments (partition, end offset): the records of a segment are those from the
 * partition's position up to the end, so dropping the rest of a batch needs no bookkeeping (the
 * position is where the next record comes from). Confined to the simulation thread.
 */
final class GroupMember {
    final String id;
    /** Fires when the record in hand is processed. */
    Event done;
    /** Fires when an idle member's poll loop would commit (auto-commit of an idle consumer). */
    Event commitTick;

    /** A record in hand: its completion is scheduled. */
    boolean busy;
    boolean crashed;
    /** Leaving cleanly: it finishes its record in hand, commits and goes. */
    boolean leaving;
    /** Left or removed: every timer of it is stale. */
    boolean gone;
    boolean commitTickPending;
    long lastCommitNanos;
    long processed;

    /** Owned partitions, ascending. */
    int[] owned = new int[4];
    int ownedCount;
    /** Where the next poll starts in {@link #owned}, so partitions take turns at the head of a batch. */
    int cursor;

    int[] segPartition = new int[4];
    long[] segEnd = new long[4];
    int segCount;
    int seg;

    /** The record in hand: its partition (or, for a retry-topic record, the partition it came from). */
    int inHandPartition = -1;
    long inHandOffset;
    long inHandId;
    long inHandKey;
    long inHandPublishNanos;
    int inHandAttempt;
    boolean inHandPoison;
    /** The retry-topic record in hand, or null for a record of the topic itself. */
    RetryTopic.Entry inHandRetry;
    /** With a {@link RecordProcessor}: whether it failed the record in hand. */
    boolean inHandFailed;
    /** With a {@link RecordProcessor}: counts hand-outs, so an answer for an earlier one is told apart. */
    long ticket;

    GroupMember(String id) {
        this.id = id;
    }

    boolean owns(int partition) {
        return Arrays.binarySearch(owned, 0, ownedCount, partition) >= 0;
    }

    void addOwned(int partition) {
        int at = Arrays.binarySearch(owned, 0, ownedCount, partition);
        if (at >= 0) {
            return;
        }
        at = -at - 1;
        if (ownedCount == owned.length) {
            owned = Arrays.copyOf(owned, owned.length * 2);
        }
        System.arraycopy(owned, at, owned, at + 1, ownedCount - at);
        owned[at] = partition;
        ownedCount++;
    }

    void removeOwned(int partition) {
        int at = Arrays.binarySearch(owned, 0, ownedCount, partition);
        if (at >= 0) {
            System.arraycopy(owned, at + 1, owned, at, ownedCount - at - 1);
            ownedCount--;
        }
    }

    void addSegment(int partition, long end) {
        if (segCount == segPartition.length) {
            segPartition = Arrays.copyOf(segPartition, segCount * 2);
            segEnd = Arrays.copyOf(segEnd, segCount * 2);
        }
        segPartition[segCount] = partition;
        segEnd[segCount] = end;
        segCount++;
    }

    void clearBatch() {
        segCount = 0;
        seg = 0;
    }

    int[] ownedPartitions() {
        return Arrays.copyOf(owned, ownedCount);
    }
}
