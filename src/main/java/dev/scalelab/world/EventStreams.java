package dev.scalelab.world;

import dev.scalelab.engine.events.AssignorKind;
import dev.scalelab.engine.events.CommitMode;
import dev.scalelab.engine.events.RetryMode;
import dev.scalelab.sim.HasId;
import dev.scalelab.sim.RateShape;

import java.util.List;

/**
 * The asynchronous path as the scenario file holds it ({@code events}): Kafka-style topics with
 * partitions, the producers that publish to them (the request path, or a steady source of its
 * own), the consumer groups that read them, and SQS-style work queues. Absent, the system has no
 * asynchronous path and runs exactly as before.
 */
public final class EventStreams {

    private EventStreams() {
    }

    /** Where a producer's records come from. */
    public enum Source implements HasId {
        /** A fraction of all requests, when they are answered. */
        REQUESTS("requests"),
        /** Every write (an outbox: the write and its event commit together). */
        WRITES("writes"),
        /** Poisson arrivals at the producer's own rate and shape. */
        STEADY("steady");

        private final String id;

        Source(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** What a producer does when its topic or queue is full. */
    public enum WhenFull implements HasId {
        /** Waits up to {@code maxBlockMs} for room, then fails (Kafka's max.block.ms). */
        BLOCK("block"),
        /** Drops the record at once and goes on. */
        DROP("drop");

        private final String id;

        WhenFull(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** The lag autoscaler's kind: off, or KEDA's Kafka scaler (for a queue: its SQS scaler, on visible and in-flight messages). */
    public enum ScalerKind implements HasId {
        NONE("none"),
        KEDA_LAG("keda-lag");

        private final String id;

        ScalerKind(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    public record Events(
            @Field(description = "Kafka-style topics: partitioned, ordered within a partition, kept for their retention.",
                    omitEmpty = true, maxItems = 16, liveItems = 1) List<Topic> topics,
            @Field(description = "What publishes: the request path (a fraction of requests, or every write) or a steady "
                    + "source of its own.", omitEmpty = true, maxItems = 16, liveItems = 1) List<Producer> producers,
            @Field(description = "Consumer groups: each reads every record of its topic once (fan-out across groups), "
                    + "its partitions shared among its consumers.", omitEmpty = true, maxItems = 16, liveItems = 1) List<Group> groups,
            @Field(description = "SQS-style work queues: competing consumers, a visibility timeout, a dead-letter queue.",
                    omitEmpty = true, maxItems = 16, liveItems = 1) List<Queue> queues) {
        public static final Events DEFAULT = new Events(List.of(), List.of(), List.of(), List.of());

        public Events {
            topics = List.copyOf(topics);
            producers = List.copyOf(producers);
            groups = List.copyOf(groups);
            queues = List.copyOf(queues);
        }
    }

    /**
     * A topic of {@code partitions} ordered logs. A keyed record goes to partition
     * murmur2(key) mod partitions, Kafka's default partitioner, so adding partitions moves keys.
     */
    public record Topic(
            @Field(description = "The topic's name, used by producers, groups, the timeline and the report.",
                    pattern = "[a-z0-9][a-z0-9.-]{0,30}", patternHint = "must be lower-case letters, digits, dots and dashes "
                    + "(at most 31)", example = "orders", unique = true) String name,
            @EventsSystem.Applies(EventsSystem.Step.PARTITIONS)
            @Field(description = "Partitions: the unit of order and of parallelism; a group runs at most this many busy "
                    + "consumers. Adding partitions moves where keys go (Kafka does not rehash consistently).",
                    unit = "partitions", min = 1, max = 256) int partitions,
            @EventsSystem.Applies(EventsSystem.Step.TOPIC)
            @Field(description = "How long records are kept, consumed or not (retention.ms; 7 days by default). A group "
                    + "lagging further behind loses the records deleted under it.", unit = "s", min = 1, max = 1e8)
            double retentionSeconds,
            @EventsSystem.Applies(EventsSystem.Step.TOPIC)
            @Field(description = "The most records the topic holds unconsumed by its slowest group: beyond it producers "
                    + "block or drop (backpressure). 0: no bound.", unit = "records", min = 0, max = 100_000_000)
            int maxRecords) {
        public static final Topic DEFAULT = new Topic(null, 8, 604_800, 0);
    }

    public record Producer(
            @Field(description = "The topic or work queue it publishes to.", example = "orders") String topic,
            @Field(description = "requests: a fraction of answered requests publish; writes: every write publishes (an "
                    + "outbox); steady: Poisson arrivals at its own rate.") Source source,
            @EventsSystem.Applies(EventsSystem.Step.PRODUCERS)
            @Field(description = "requests: the fraction of answered requests that publish a record.", min = 0, max = 1,
                    when = "source=requests") double fraction,
            @EventsSystem.Applies(EventsSystem.Step.PRODUCERS)
            @Field(description = "steady: mean records per second, before the rate shape.", unit = "records/s", min = 0,
                    max = 10_000_000, when = "source=steady") double ratePerSecond,
            @Field(description = "steady: how the rate changes over time, as the workload's does.") RateShape shape,
            @Field(description = "Whether records carry a key: keyed records of one key stay in order on one partition "
                    + "(the request's key, or for a steady producer one of keyCount keys); unkeyed records fill a batch "
                    + "on one partition, then move on (the sticky partitioner).") boolean keyed,
            @Field(description = "steady: how many distinct keys its records use (uniformly).", unit = "keys", min = 1,
                    max = 10_000_000, when = "source=steady") int keyCount,
            @Field(description = "Unkeyed records: how many fill one batch before the sticky partitioner moves to another "
                    + "partition (batch.size 16 KB of 1 KB records).", unit = "records", min = 1, max = 100_000)
            int batchRecords,
            @Field(description = "When the topic or queue is full: block (wait, then fail the request) or drop the record.")
            WhenFull whenFull,
            @Field(description = "block: how long a publish waits for room before it fails (max.block.ms; 60000 by "
                    + "default). The request waits with it.", unit = "ms", min = 0, max = 3_600_000) double maxBlockMs) {
        public static final Producer DEFAULT = new Producer(null, Source.REQUESTS, 1, 100, RateShape.CONSTANT, true, 1000,
                16, WhenFull.BLOCK, 60_000);
    }

    /**
     * What a group does with a record that fails: retry it in place (the partition waits: order
     * kept) or move it to a retry topic (the partition goes on), then dead-letter or skip it after
     * {@code maxAttempts}.
     */
    public record Retry(
            @EventsSystem.Applies(EventsSystem.Step.GROUP)
            @Field(description = "in-order: retry on the partition after the back-off, blocking the records behind it; "
                    + "retry-topic: move it to a retry topic and go on (non-blocking, order lost).") RetryMode mode,
            @EventsSystem.Applies(EventsSystem.Step.GROUP)
            @Field(description = "Attempts in all, the first included, before the record is dead-lettered or skipped. 0: "
                    + "retry for ever (a poison record then stops an in-order partition).", unit = "attempts", min = 0,
                    max = 1000) int maxAttempts,
            @Field(description = "Wait before the first retry.", unit = "ms", min = 0, max = 3_600_000) double backoffMs,
            @Field(description = "Each further retry waits this many times longer.", min = 1, max = 100) double multiplier,
            @Field(description = "The longest wait between attempts.", unit = "ms", min = 0, max = 3_600_000,
                    atLeast = "backoffMs") double maxBackoffMs,
            @EventsSystem.Applies(EventsSystem.Step.GROUP)
            @Field(description = "After the last attempt: true publishes the record to the dead-letter topic; false logs "
                    + "and skips it.") boolean deadLetter) {
        public static final Retry DEFAULT = new Retry(RetryMode.IN_ORDER, 10, 1000, 2, 30_000, false);
    }

    /**
     * KEDA's scaler in front of an HPA: desired = ceil(lag / lagThreshold), capped at the partition
     * count unless idle consumers are allowed, through the HPA's stabilisation and policies.
     */
    public record LagAutoscaler(
            @Field(description = "keda-lag: KEDA's Kafka scaler (total lag of the group; for a queue, visible and "
                    + "in-flight messages) driving the HPA; none: a fixed number of consumers.") ScalerKind policy,
            @Field(description = "Lag one consumer is meant to carry: the HPA's AverageValue target (KEDA's lagThreshold; "
                    + "10 by default; for a queue, queueLength, 5 by default).", unit = "records", min = 1,
                    max = 100_000_000) long lagThreshold,
            @Field(description = "From zero consumers, KEDA activates one only when the lag is above this.",
                    unit = "records", min = 0, max = 100_000_000) long activationLagThreshold,
            @Field(description = "Fewest consumers (KEDA minReplicaCount; 0 lets the group scale to zero when idle).",
                    unit = "consumers", min = 0, max = 500) int minReplicas,
            @Field(description = "Most consumers (KEDA maxReplicaCount).", unit = "consumers", min = 1, max = 500,
                    atLeast = "minReplicas") int maxReplicas,
            @Field(description = "Whether to scale past the partition count; the extra consumers get no partition and sit "
                    + "idle.") boolean allowIdleConsumers,
            @Field(description = "How often KEDA reads the lag and the HPA decides (pollingInterval; 30 s by default).",
                    unit = "s", min = 1, max = 3600) double pollingIntervalSeconds,
            @Field(description = "How long the lag must stay at or below the activation threshold before KEDA scales to "
                    + "zero (cooldownPeriod; 300 s).", unit = "s", min = 0, max = 86_400) double cooldownSeconds,
            @Field(description = "HPA: scales down only to the highest recommendation of this window (300 s by default).",
                    unit = "s", min = 0, max = 3600) double scaleDownStabilizationSeconds,
            @Field(description = "HPA behavior: at most this many consumers added per 15 s (0: no Pods policy; 4 by "
                    + "default).", unit = "pods", min = 0, max = 1000) int scaleUpPods,
            @Field(description = "HPA behavior: at most this percentage added per 15 s (0: no Percent policy; 100 by "
                    + "default).", unit = "%", min = 0, max = 10_000) int scaleUpPercent) {
        public static final LagAutoscaler DEFAULT = new LagAutoscaler(ScalerKind.KEDA_LAG, 10, 0, 0, 100, false, 30, 300,
                300, 4, 100);
    }

    /**
     * A consumer group on one topic. Its consumers live as service instances do: they provision,
     * boot, join (a rebalance), consume, and leave on scale-in (another rebalance).
     */
    public record Group(
            @Field(description = "The group's name (group.id), used by the timeline and the report.",
                    pattern = "[a-z0-9][a-z0-9.-]{0,30}", patternHint = "must be lower-case letters, digits, dots and dashes "
                    + "(at most 31)", example = "billing", unique = true) String name,
            @Field(description = "The topic the group reads.", example = "orders") String topic,
            @EventsSystem.Applies(EventsSystem.Step.CONSUMERS)
            @Field(description = "Consumers at the start (and the count without an autoscaler).", unit = "consumers",
                    min = 0, max = 500) int consumers,
            @Field(description = "Time a new consumer is pending before it starts booting.", unit = "s", min = 0, max = 3600)
            double provisionSeconds,
            @Field(description = "Time a new consumer boots before it joins the group.", unit = "s", min = 0, max = 3600)
            double bootSeconds,
            @EventsSystem.Applies(EventsSystem.Step.GROUP)
            @Field(description = "How partitions are shared: range (per topic, in runs), round-robin (dealt in turn) or "
                    + "cooperative-sticky (keeps what it can; only moved partitions stop).") AssignorKind assignor,
            @EventsSystem.Applies(value = EventsSystem.Step.GROUP, fields = {"meanMs"})
            @Field(description = "Time a consumer spends on one record.") DistributionSpec processingTime,
            @EventsSystem.Applies(EventsSystem.Step.GROUP)
            @Field(description = "Records one poll returns at most (max.poll.records; 500 by default).", unit = "records",
                    min = 1, max = 100_000) int maxPollRecords,
            @EventsSystem.Applies(EventsSystem.Step.GROUP)
            @Field(description = "auto: commit what the previous poll returned every autoCommitIntervalMs; "
                    + "after-processing: commit each batch once it is processed.") CommitMode commit,
            @Field(description = "auto: how often offsets are committed (auto.commit.interval.ms; 5000 by default).",
                    unit = "ms", min = 1, max = 3_600_000, when = "commit=auto") double autoCommitIntervalMs,
            @EventsSystem.Applies(EventsSystem.Step.GROUP)
            @Field(description = "Whether processing skips records it has already processed (deduplication by record id): "
                    + "redeliveries then have no second effect.") boolean idempotent,
            @Field(description = "A consumer that stops heartbeating is removed after this long (session.timeout.ms; "
                    + "45000 by default); its partitions restart from the last commit.", unit = "ms", min = 1,
                    max = 3_600_000) double sessionTimeoutMs,
            @Field(description = "How long a rebalance stops the partitions it moves (all of them for range and "
                    + "round-robin).", unit = "ms", min = 0, max = 600_000) double rebalanceMs,
            @EventsSystem.Applies(EventsSystem.Step.GROUP)
            @Field(description = "Fraction of processing attempts that fail.", min = 0, max = 1) double errorRate,
            @Field(description = "What happens to a record whose processing fails.") Retry retry,
            @EventsSystem.Applies(value = EventsSystem.Step.AUTOSCALER,
                    fields = {"lagThreshold", "minReplicas", "maxReplicas", "allowIdleConsumers"})
            @Field(description = "The lag autoscaler; absent for a fixed number of consumers.") LagAutoscaler autoscaler) {
        public static final Group DEFAULT = new Group(null, null, 2, 0, 10, AssignorKind.RANGE,
                DistributionSpec.exponential(10), 500, CommitMode.AUTO, 5000, false, 45_000, 3000, 0, Retry.DEFAULT, null);
    }

    /**
     * An SQS-style work queue: any consumer takes any message; a received message is invisible
     * for the visibility timeout and comes back if it is not deleted in time.
     */
    public record Queue(
            @Field(description = "The queue's name, used by producers, the timeline and the report.",
                    pattern = "[a-z0-9][a-z0-9.-]{0,30}", patternHint = "must be lower-case letters, digits, dots and dashes "
                    + "(at most 31)", example = "jobs", unique = true) String name,
            @EventsSystem.Applies(EventsSystem.Step.CONSUMERS)
            @Field(description = "Consumers at the start (and the count without an autoscaler).", unit = "consumers",
                    min = 0, max = 500) int consumers,
            @Field(description = "Time a new consumer is pending before it starts booting.", unit = "s", min = 0, max = 3600)
            double provisionSeconds,
            @Field(description = "Time a new consumer boots before it receives messages.", unit = "s", min = 0, max = 3600)
            double bootSeconds,
            @EventsSystem.Applies(value = EventsSystem.Step.QUEUE, fields = {"meanMs"})
            @Field(description = "Time a consumer spends on one message.") DistributionSpec processingTime,
            @Field(description = "Messages one receive returns at most (MaxNumberOfMessages, 1 to 10).", unit = "messages",
                    min = 1, max = 10) int receiveBatch,
            @EventsSystem.Applies(EventsSystem.Step.QUEUE)
            @Field(description = "How long a received message stays invisible (VisibilityTimeout; 30 s by default). Not "
                    + "deleted by then, it comes back and another consumer takes it: a duplicate.", unit = "s", min = 0,
                    max = 43_200) double visibilityTimeoutSeconds,
            @EventsSystem.Applies(EventsSystem.Step.QUEUE)
            @Field(description = "Receives before the redrive policy moves a message to the dead-letter queue. 0: no "
                    + "dead-letter queue.", unit = "receives", min = 0, max = 1000) int maxReceiveCount,
            @Field(description = "Fraction of processing attempts that fail (the message is not deleted and comes back).",
                    min = 0, max = 1) double errorRate,
            @Field(description = "The most messages the queue holds (visible and in flight): beyond it producers block or "
                    + "drop. 0: no bound.", unit = "messages", min = 0, max = 100_000_000) int maxMessages,
            @Field(description = "Whether processing skips messages it has already processed (deduplication by id).")
            boolean idempotent,
            @Field(description = "The autoscaler on visible and in-flight messages; absent for a fixed number of consumers.")
            LagAutoscaler autoscaler) {
        public static final Queue DEFAULT = new Queue(null, 2, 0, 10, DistributionSpec.exponential(100), 1, 30, 0, 0, 0,
                false, null);
    }
}
