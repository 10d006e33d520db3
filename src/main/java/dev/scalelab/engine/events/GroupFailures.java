package dev.scalelab.engine.events;

import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * What a consumer group does with a record whose processing failed (engines.md §6, the retry
 * settings of {@link GroupConfig}). In order: the partition waits backoff × multiplier^(attempt−1),
 * capped at maxBackoff, and its owner then retries the same record (it goes on with its other
 * partitions meanwhile). Through the retry topic: the
 * record moves to the {@link RetryTopic} with its attempt count and due time, and its partition goes
 * on at once. After maxAttempts attempts (0: never) the record is dead-lettered to
 * {@code <topic>.dlt} or skipped. Confined to the simulation thread.
 */
final class GroupFailures {
    /** Given-up records are logged at most this often, with the count since the last line. */
    private static final long GIVE_UP_LOG_INTERVAL_NANOS = Simulation.NANOS_PER_SECOND;

    private final Simulation sim;
    private final String group;
    private final Consumer<String> log;
    private final Topic deadLetterTopic;
    private final RetryTopic retryTopic = new RetryTopic();
    /** In order: attempts made on the record each partition waits on. */
    private int[] attempts;
    private long[] waitUntilNanos;
    /** The offset whose stall was logged, so a blocked partition is explained once. */
    private long[] stallLoggedOffset;

    private long failedAttempts;
    private long deadLettered;
    private long skipped;
    private long givenUpSinceLog;
    private long lastGiveUpLogNanos = Long.MIN_VALUE;

    GroupFailures(Simulation sim, String group, Topic topic, Consumer<String> log) {
        this.sim = sim;
        this.group = group;
        this.log = log;
        this.deadLetterTopic = new Topic(sim, topic.name() + ".dlt", 1, topic.retentionNanos(), 0);
        attempts = new int[topic.partitions()];
        waitUntilNanos = new long[topic.partitions()];
        stallLoggedOffset = new long[topic.partitions()];
        Arrays.fill(stallLoggedOffset, -1);
    }

    void grow(int partitions) {
        int old = attempts.length;
        attempts = Arrays.copyOf(attempts, partitions);
        waitUntilNanos = Arrays.copyOf(waitUntilNanos, partitions);
        stallLoggedOffset = Arrays.copyOf(stallLoggedOffset, partitions);
        Arrays.fill(stallLoggedOffset, old, partitions, -1);
    }

    Topic deadLetterTopic() {
        return deadLetterTopic;
    }

    /** Whether {@code p} waits out an in-order retry's back-off now. */
    boolean waiting(int p) {
        return waitUntilNanos[p] > sim.nowNanos();
    }

    int attempts(int p) {
        return attempts[p];
    }

    void succeeded(int p) {
        attempts[p] = 0;
    }

    /**
     * In order: the record in hand of {@code m} on {@code p} failed. Returns true when it is given up
     * (the partition goes on past it); false when the partition waits, then {@code backoffOver}
     * hears of it.
     */
    boolean failedInOrder(GroupConfig config, GroupMember m, int p, IntConsumer backoffOver) {
        failedAttempts++;
        int made = ++attempts[p];
        if (givesUp(config, made)) {
            attempts[p] = 0;
            giveUp(config, m, made);
            return true;
        }
        long wait = backoffNanos(config, made);
        waitUntilNanos[p] = sim.nowNanos() + wait;
        sim.scheduleIn(wait, () -> backoffOver.accept(p));
        if (m.inHandPoison && config.maxAttempts() == 0 && wait >= config.maxBackoffNanos()
                && stallLoggedOffset[p] != m.inHandOffset) {
            stallLoggedOffset[p] = m.inHandOffset;
            log.accept(String.format("%s: partition %d blocked at offset %d (poison record, %d attempts so far); "
                    + "retrying every %d ms for ever", group, p, m.inHandOffset, made,
                    wait / Simulation.NANOS_PER_MILLI));
        }
        return false;
    }

    /** Through the retry topic: the record in hand of {@code m} failed; {@code due} fires when its retry is due. */
    void failedToRetryTopic(GroupConfig config, GroupMember m, Event due) {
        failedAttempts++;
        int made = m.inHandAttempt + 1;
        if (givesUp(config, made)) {
            giveUp(config, m, made);
            return;
        }
        long dueNanos = sim.nowNanos() + backoffNanos(config, made);
        retryTopic.add(new RetryTopic.Entry(new EventRecord(m.inHandId, m.inHandKey, m.inHandPublishNanos, made,
                m.inHandPoison), m.inHandPartition, m.inHandOffset, dueNanos));
        sim.schedule(dueNanos, due);
    }

    /** The earliest retry record due now, or null. */
    RetryTopic.Entry takeDue() {
        return retryTopic.takeDue(sim.nowNanos());
    }

    /** A retry record taken by a member that crashed: not acknowledged, so it is still in the retry topic. */
    void putBack(RetryTopic.Entry e, Event due) {
        retryTopic.add(e);
        sim.schedule(Math.max(sim.nowNanos(), e.dueNanos()), due);
    }

    long retryBacklog() {
        return retryTopic.size();
    }

    long failedAttempts() {
        return failedAttempts;
    }

    long deadLettered() {
        return deadLettered;
    }

    long skipped() {
        return skipped;
    }

    /** The wait before attempt {@code made + 1}: backoff × multiplier^(made−1), capped at maxBackoff. */
    static long backoffNanos(GroupConfig config, int made) {
        double wait = config.backoffNanos() * Math.pow(config.backoffMultiplier(), made - 1);
        return (long) Math.min(wait, config.maxBackoffNanos());
    }

    private static boolean givesUp(GroupConfig config, int made) {
        return config.maxAttempts() > 0 && made >= config.maxAttempts();
    }

    private void giveUp(GroupConfig config, GroupMember m, int made) {
        if (config.deadLetter()) {
            deadLetterTopic.append(0, new EventRecord(m.inHandId, m.inHandKey, m.inHandPublishNanos, made,
                    m.inHandPoison));
            deadLettered++;
        } else {
            skipped++;
        }
        givenUpSinceLog++;
        long now = sim.nowNanos();
        if (lastGiveUpLogNanos == Long.MIN_VALUE || now - lastGiveUpLogNanos >= GIVE_UP_LOG_INTERVAL_NANOS) {
            log.accept(String.format("%s: %d record%s %s after %d attempts (latest: partition %d offset %d%s)", group,
                    givenUpSinceLog, givenUpSinceLog == 1 ? "" : "s",
                    config.deadLetter() ? "dead-lettered to " + deadLetterTopic.name() : "skipped", made,
                    m.inHandPartition, m.inHandOffset, m.inHandPoison ? ", poison" : ""));
            givenUpSinceLog = 0;
            lastGiveUpLogNanos = now;
        }
    }
}
