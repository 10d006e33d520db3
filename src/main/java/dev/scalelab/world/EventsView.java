package dev.scalelab.world;

import dev.scalelab.engine.scaling.Lifecycle;

import java.util.List;

/**
 * What the Events panel and the Overview draw of the asynchronous path: the topics' partitions,
 * the consumer groups reading them and the work queues. Null in a {@link Snapshot} whose scenario
 * has no {@code events}. Series are per second and aligned with {@link Snapshot.Series#timeSeconds()}.
 * Arrays are copies of the world's state, never written after the view is made (a series that
 * changes once a simulated second may be shared by the views of that second).
 *
 * @param blockedPublishes publishes that waited for room (backpressure), over every producer
 * @param droppedPublishes publishes dropped or failed because their topic or queue stayed full
 */
public record EventsView(List<TopicView> topics, List<GroupView> groups, List<QueueView> queues, long blockedPublishes,
                         long droppedPublishes, double[] blockedPerSecond, double[] droppedPerSecond) {

    /** How many of a partition's newest records {@link PartitionView#tailKeys()} holds. */
    public static final int TAIL_RECORDS = 64;

    /**
     * A topic now. {@code backlog} is what its slowest group has not consumed; {@code maxRecords}
     * the bound (0: none).
     */
    public record TopicView(String name, List<PartitionView> partitions, long published, long backlog, int maxRecords,
                            boolean full, double[] publishedPerSecond) {
    }

    /**
     * One partition's log. {@code tailKeys} are the keys of its newest records, oldest first, up to
     * {@link #TAIL_RECORDS} ending at {@code logEndOffset} ({@code -1} for unkeyed);
     * {@code poisonOffsets} the poison records at or after the slowest group's position.
     */
    public record PartitionView(int partition, long logStartOffset, long logEndOffset, long[] tailKeys,
                                long[] poisonOffsets) {
    }

    /**
     * A consumer group now. Per-partition arrays are indexed by partition. {@code stopped} marks
     * partitions that process nothing now (a rebalance, an in-order retry's back-off, no owner);
     * {@code retryAttempts} the attempts on the record an in-order partition waits on (0: none).
     * {@code desiredConsumers} is the lag autoscaler's last decision (-1 without one), and
     * {@code lastDecision} its explanation ("" before the first).
     *
     * @param partitionLagSeries per partition, the lag at the end of each second
     * @param duplicatesSeries   duplicate effects in each second
     * @param deadLetteredSeries records dead-lettered in each second
     */
    public record GroupView(String name, String topic, String assignor, String commit, String retryMode, boolean idempotent,
                            List<ConsumerView> consumers, long[] committedOffsets, long[] positions, long[] lag,
                            boolean[] stopped, int[] retryAttempts, long totalLag, boolean rebalancing, long rebalances,
                            double rebalancePauseMsTotal, long consumed, long redelivered, long duplicates,
                            long deadLettered, long skipped, long retryBacklog, double endToEndMsP50, double endToEndMsP99,
                            int desiredConsumers, String lastDecision, double[] totalLagSeries, double[][] partitionLagSeries,
                            double[] endToEndMsP99Series, double[] consumersSeries, double[] desiredSeries,
                            double[] consumedPerSecond, double[] duplicatesSeries, double[] deadLetteredSeries) {
    }

    /**
     * A consumer of a group or queue, in the order of its creation. {@code colour} is a stable
     * small number for its colour; {@code partitions} what it owns (empty for a queue's, or an idle
     * one); {@code processing} the partition it is processing now (-1 idle; for a queue's
     * consumer, 0 when busy).
     */
    public record ConsumerView(String id, Lifecycle lifecycle, int colour, int[] partitions, int processing,
                               long processed) {
    }

    /** A work queue now: visible and in-flight messages, its consumers and its dead-letter queue. */
    public record QueueView(String name, List<ConsumerView> consumers, long visible, long inFlight, int maxMessages,
                            long sent, long deleted, long redelivered, long duplicates, long deadLettered,
                            double visibilityTimeoutSeconds, double endToEndMsP50, double endToEndMsP99,
                            int desiredConsumers, String lastDecision, double[] visibleSeries, double[] inFlightSeries,
                            double[] consumersSeries, double[] desiredSeries, double[] duplicatesSeries,
                            double[] deadLetteredSeries, double[] endToEndMsP99Series) {
    }
}
