package dev.scalelab.engine.events;

import dev.scalelab.sim.Simulation;

/**
 * A Kafka topic: {@code partitions} ordered logs. Records are kept for the retention time whether
 * consumed or not; a bound on the records its slowest group has not consumed is the backpressure
 * producers feel. Groups subscribe to hear of new records. Confined to the simulation thread.
 */
public final class Topic {

    /**
     * @param retentionNanos how long a record is kept (records are deleted from the head of each log)
     * @param maxRecords     the most records unconsumed by the slowest group; 0 for no bound
     */
    public Topic(Simulation sim, String name, int partitions, long retentionNanos, int maxRecords) {
        throw new UnsupportedOperationException("not built yet");
    }

    public String name() {
        throw new UnsupportedOperationException("not built yet");
    }

    public int partitions() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Appends {@code r} to {@code partition} now and tells the subscribed groups; returns its offset. */
    public long append(int partition, EventRecord r) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** More partitions (never fewer, as in Kafka): the groups rebalance to take them. */
    public void addPartitions(int newCount) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** New settings of retention and the bound; the next retention pass and the next publish see them. */
    public void reconfigure(long retentionNanos, int maxRecords) {
        throw new UnsupportedOperationException("not built yet");
    }

    public PartitionLog partition(int i) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Records published, over all partitions. */
    public long published() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Records not yet consumed by the slowest subscribed group (0 without groups). */
    public long backlog() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Whether a publish now would exceed {@code maxRecords}. */
    public boolean full() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Runs {@code r} once, when the topic is next not full (at once if it is not); waiters run in FIFO order. */
    public void whenSpace(Runnable r) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Forgets a waiter that gave up (its max block time passed). */
    public void cancelWait(Runnable r) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Subscribes a group: it hears of every append and of added partitions, and counts in the backlog. */
    public void subscribe(ConsumerGroup group) {
        throw new UnsupportedOperationException("not built yet");
    }
}
