package dev.scalelab.engine.events;

import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kafka topic: {@code partitions} ordered logs. Records are kept for the retention time whether
 * consumed or not; a bound on the records its slowest group has not consumed is the backpressure
 * producers feel. Groups subscribe to hear of new records. Confined to the simulation thread.
 *
 * <ul>
 *   <li>Retention: a pass once a simulated second, scheduled only while a log holds records,
 *       deletes from each log's head the records published at least the retention time ago; a
 *       group whose position falls below the new log start jumps to it (auto.offset.reset =
 *       earliest) and counts the records it never read. The same pass frees from memory the
 *       records every group has committed (see {@link PartitionLog}).</li>
 *   <li>Backlog: for each group Σ (log end − position) over partitions, where the position is the
 *       next record the group will process; the topic's backlog is the largest, its slowest
 *       group's. Without groups it is 0 (nobody reads, so nobody falls behind).</li>
 *   <li>Backpressure: full when {@code maxRecords > 0} and the backlog has reached it. Waiters
 *       ({@link #whenSpace}) run in FIFO order as soon as a group's progress, a retention pass or a
 *       larger bound makes room.</li>
 * </ul>
 */
public final class Topic {
    private static final long RETENTION_PASS_NANOS = Simulation.NANOS_PER_SECOND;

    private final Simulation sim;
    private final String name;
    private final List<PartitionLog> logs = new ArrayList<>();
    private final List<ConsumerGroup> groups = new ArrayList<>();
    private final ArrayDeque<Runnable> waiters = new ArrayDeque<>();
    private final Event retentionPass = this::retentionPass;
    private long retentionNanos;
    private int maxRecords;
    private long published;
    private boolean retentionScheduled;
    /** True while waiters run, so that a waiter's own publish does not start a nested round. */
    private boolean releasing;

    /**
     * @param retentionNanos how long a record is kept (records are deleted from the head of each log)
     * @param maxRecords     the most records unconsumed by the slowest group; 0 for no bound
     */
    public Topic(Simulation sim, String name, int partitions, long retentionNanos, int maxRecords) {
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be at least 1, not " + partitions);
        }
        this.sim = sim;
        this.name = name;
        for (int p = 0; p < partitions; p++) {
            logs.add(new PartitionLog());
        }
        setLimits(retentionNanos, maxRecords);
    }

    public String name() {
        return name;
    }

    public int partitions() {
        return logs.size();
    }

    public long retentionNanos() {
        return retentionNanos;
    }

    public int maxRecords() {
        return maxRecords;
    }

    /** Appends {@code r} to {@code partition} now and tells the subscribed groups; returns its offset. */
    public long append(int partition, EventRecord r) {
        long offset = logs.get(partition).append(r);
        published++;
        if (!retentionScheduled) {
            retentionScheduled = true;
            sim.scheduleIn(RETENTION_PASS_NANOS, retentionPass);
        }
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).recordAppended(partition);
        }
        return offset;
    }

    /** More partitions (never fewer, as in Kafka): the groups rebalance to take them. */
    public void addPartitions(int newCount) {
        if (newCount < logs.size()) {
            throw new IllegalArgumentException("topic " + name + ": partitions can only grow, as in Kafka ("
                    + logs.size() + " → " + newCount + ")");
        }
        if (newCount == logs.size()) {
            return;
        }
        while (logs.size() < newCount) {
            logs.add(new PartitionLog());
        }
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).partitionsAdded();
        }
    }

    /** New settings of retention and the bound; the next retention pass and the next publish see them. */
    public void reconfigure(long retentionNanos, int maxRecords) {
        setLimits(retentionNanos, maxRecords);
        releaseWaiters();
    }

    public PartitionLog partition(int i) {
        return logs.get(i);
    }

    /** Records published, over all partitions. */
    public long published() {
        return published;
    }

    /** Records not yet consumed by the slowest subscribed group (0 without groups). */
    public long backlog() {
        long most = 0;
        for (int g = 0; g < groups.size(); g++) {
            most = Math.max(most, groups.get(g).unconsumed());
        }
        return most;
    }

    /** Whether a publish now would exceed {@code maxRecords}. */
    public boolean full() {
        return maxRecords > 0 && backlog() >= maxRecords;
    }

    /** Runs {@code r} once, when the topic is next not full (at once if it is not); waiters run in FIFO order. */
    public void whenSpace(Runnable r) {
        if (waiters.isEmpty() && !full()) {
            r.run();
        } else {
            waiters.add(r);
        }
    }

    /** Forgets a waiter that gave up (its max block time passed). */
    public void cancelWait(Runnable r) {
        waiters.remove(r);
    }

    /** Publishes waiting for room. */
    public int waiting() {
        return waiters.size();
    }

    /** Subscribes a group: it hears of every append and of added partitions, and counts in the backlog. */
    public void subscribe(ConsumerGroup group) {
        if (!groups.contains(group)) {
            groups.add(group);
        }
    }

    /**
     * Called by a group whose position advanced: runs the waiters the room now admits. Cheap when
     * nobody waits, which is the common case on the per-record path.
     */
    void progressed() {
        if (!waiters.isEmpty()) {
            releaseWaiters();
        }
    }

    private void releaseWaiters() {
        if (releasing) {
            return;
        }
        releasing = true;
        try {
            while (!waiters.isEmpty() && !full()) {
                waiters.poll().run();
            }
        } finally {
            releasing = false;
        }
    }

    private void retentionPass() {
        retentionScheduled = false;
        long cutoff = sim.nowNanos() - retentionNanos;
        boolean holding = false;
        for (int p = 0; p < logs.size(); p++) {
            PartitionLog log = logs.get(p);
            if (log.deleteThrough(cutoff) > 0) {
                for (int g = 0; g < groups.size(); g++) {
                    groups.get(g).logTruncated(p);
                }
            }
            if (!groups.isEmpty()) {
                long floor = Long.MAX_VALUE;
                for (int g = 0; g < groups.size(); g++) {
                    floor = Math.min(floor, groups.get(g).committedOffset(p));
                }
                log.release(floor);
            }
            holding |= log.size() > 0;
        }
        if (holding) {
            retentionScheduled = true;
            sim.scheduleIn(RETENTION_PASS_NANOS, retentionPass);
        }
        releaseWaiters();
    }

    private void setLimits(long retentionNanos, int maxRecords) {
        if (retentionNanos <= 0) {
            throw new IllegalArgumentException("topic " + name + ": retention must be positive, not " + retentionNanos
                    + " ns");
        }
        if (maxRecords < 0) {
            throw new IllegalArgumentException("topic " + name + ": maxRecords must be 0 (no bound) or more, not "
                    + maxRecords);
        }
        this.retentionNanos = retentionNanos;
        this.maxRecords = maxRecords;
    }
}
