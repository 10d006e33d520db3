package dev.scalelab.engine.events;

import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A topic, a group on it and a log, driven by hand in virtual time; settings changed with small withers. */
final class ConsumerGroupFixture {
    static final long MS = Simulation.NANOS_PER_MILLI;
    static final long S = Simulation.NANOS_PER_SECOND;

    final Simulation sim = new Simulation();
    final List<String> log = new ArrayList<>();
    private long nextId;

    /** Range, constant 1 ms, maxPoll 10, after-processing commits, 100 ms rebalances, 1 s sessions, no failures. */
    static GroupConfig config() {
        return new GroupConfig(AssignorKind.RANGE, new Distribution.Constant(1), 10, CommitMode.AFTER_PROCESSING, 5 * S,
                false, S, 100 * MS, 0, RetryMode.IN_ORDER, 0, 100 * MS, 2, 400 * MS, false);
    }

    static GroupConfig withAssignor(GroupConfig c, AssignorKind a) {
        return new GroupConfig(a, c.processingTime(), c.maxPollRecords(), c.commit(), c.autoCommitIntervalNanos(),
                c.idempotent(), c.sessionTimeoutNanos(), c.rebalanceNanos(), c.errorRate(), c.retryMode(),
                c.maxAttempts(), c.backoffNanos(), c.backoffMultiplier(), c.maxBackoffNanos(), c.deadLetter());
    }

    static GroupConfig withPolling(GroupConfig c, Distribution processingMs, int maxPoll, CommitMode commit,
                                   long autoCommitNanos) {
        return new GroupConfig(c.assignor(), processingMs, maxPoll, commit, autoCommitNanos, c.idempotent(),
                c.sessionTimeoutNanos(), c.rebalanceNanos(), c.errorRate(), c.retryMode(), c.maxAttempts(),
                c.backoffNanos(), c.backoffMultiplier(), c.maxBackoffNanos(), c.deadLetter());
    }

    static GroupConfig withIdempotent(GroupConfig c, boolean idempotent) {
        return new GroupConfig(c.assignor(), c.processingTime(), c.maxPollRecords(), c.commit(),
                c.autoCommitIntervalNanos(), idempotent, c.sessionTimeoutNanos(), c.rebalanceNanos(), c.errorRate(),
                c.retryMode(), c.maxAttempts(), c.backoffNanos(), c.backoffMultiplier(), c.maxBackoffNanos(),
                c.deadLetter());
    }

    static GroupConfig withRebalance(GroupConfig c, long rebalanceNanos) {
        return new GroupConfig(c.assignor(), c.processingTime(), c.maxPollRecords(), c.commit(),
                c.autoCommitIntervalNanos(), c.idempotent(), c.sessionTimeoutNanos(), rebalanceNanos, c.errorRate(),
                c.retryMode(), c.maxAttempts(), c.backoffNanos(), c.backoffMultiplier(), c.maxBackoffNanos(),
                c.deadLetter());
    }

    static GroupConfig withRetry(GroupConfig c, RetryMode mode, int maxAttempts, boolean deadLetter) {
        return new GroupConfig(c.assignor(), c.processingTime(), c.maxPollRecords(), c.commit(),
                c.autoCommitIntervalNanos(), c.idempotent(), c.sessionTimeoutNanos(), c.rebalanceNanos(), c.errorRate(),
                mode, maxAttempts, c.backoffNanos(), c.backoffMultiplier(), c.maxBackoffNanos(), deadLetter);
    }

    Topic topic(int partitions) {
        return new Topic(sim, "orders", partitions, 3600 * S, 0);
    }

    ConsumerGroup group(Topic topic, GroupConfig config) {
        return new ConsumerGroup(sim, "billing", topic, config, new SplittableRandom(7), log::add);
    }

    /** Publishes one unkeyed record to {@code partition} now. */
    long publish(Topic topic, int partition) {
        return topic.append(partition, new EventRecord(nextId++, EventRecord.NO_KEY, sim.nowNanos(), 0, false));
    }

    long publishPoison(Topic topic, int partition) {
        return topic.append(partition, new EventRecord(nextId++, EventRecord.NO_KEY, sim.nowNanos(), 0, true));
    }

    void publishAt(long atNanos, Topic topic, int partition) {
        sim.schedule(atNanos, () -> publish(topic, partition));
    }

    void at(long atNanos, Runnable r) {
        sim.schedule(atNanos, r::run);
    }
}
