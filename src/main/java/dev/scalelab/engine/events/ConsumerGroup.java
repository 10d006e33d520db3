package dev.scalelab.engine.events;

import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.sim.Simulation;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A Kafka consumer group on one topic, in virtual time: members join and leave (each change a
 * rebalance: eager stops every partition for the rebalance time, cooperative only the moved ones),
 * poll up to maxPollRecords from their partitions, process records one at a time, and commit
 * (auto-commit of the previous poll every interval, or after each batch). A crashed member is
 * removed after the session timeout; its partitions restart from the last commit, so what it
 * processed since is processed again (at-least-once), unless the group is idempotent. Failures
 * are retried in order (the partition waits) or through a retry topic, then dead-lettered or
 * skipped. Confined to the simulation thread.
 */
public final class ConsumerGroup {

    /** @param log hears one line per decision worth explaining: rebalances, removals, dead letters, stalls */
    public ConsumerGroup(Simulation sim, String name, Topic topic, GroupConfig config, SplittableRandom random,
                         Consumer<String> log) {
        throw new UnsupportedOperationException("not built yet");
    }

    // ------------------------------------------------------------------ membership, from the world's consumers

    /** A ready consumer joins: a rebalance starts. */
    public void join(String memberId) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** A consumer leaves cleanly (scale-in): it stops at its next record boundary, commits, and a rebalance starts. */
    public void leave(String memberId) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** A consumer crashes: it stops now without committing; the group notices after the session timeout. */
    public void crash(String memberId) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void reconfigure(GroupConfig next) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Called by the topic when it appends to {@code partition}: an idle owner starts polling. */
    public void recordAppended(int partition) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Called by the topic when it has more partitions: a rebalance assigns them. */
    public void partitionsAdded() {
        throw new UnsupportedOperationException("not built yet");
    }

    // ------------------------------------------------------------------ state

    public String name() {
        throw new UnsupportedOperationException("not built yet");
    }

    public Topic topic() {
        throw new UnsupportedOperationException("not built yet");
    }

    public GroupConfig config() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The members now in the group (joined, not yet removed), sorted by id. */
    public List<String> members() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The current assignment, member → ascending partitions; every member has an entry. */
    public Map<String, List<Integer>> assignment() {
        throw new UnsupportedOperationException("not built yet");
    }

    public boolean rebalancing() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Whether {@code partition} is stopped now: unowned, revoked in a rebalance, or waiting out an in-order retry's back-off. */
    public boolean stopped(int partition) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The partition {@code memberId} is processing a record of now, or -1. */
    public int processing(String memberId) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Attempts made on the record {@code partition} waits on under in-order retry; 0 when it waits on none. */
    public int retryAttempts(int partition) {
        throw new UnsupportedOperationException("not built yet");
    }

    public long committedOffset(int partition) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The offset of the next record the partition's owner will process. */
    public long position(int partition) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Log end offset minus committed offset: the lag KEDA and Kafka's tools report. */
    public long lag(int partition) {
        throw new UnsupportedOperationException("not built yet");
    }

    public long totalLag() {
        throw new UnsupportedOperationException("not built yet");
    }

    public int partitionsWithLag() {
        throw new UnsupportedOperationException("not built yet");
    }

    // ------------------------------------------------------------------ counters, since the start

    /** Records processed successfully (every effect, duplicates included). */
    public long consumed() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Records delivered again after a crash or a lost commit: processed before, not committed. */
    public long redelivered() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Redeliveries that took effect again: equal to {@link #redelivered()} unless the group is idempotent, then 0. */
    public long duplicates() {
        throw new UnsupportedOperationException("not built yet");
    }

    public long failedAttempts() {
        throw new UnsupportedOperationException("not built yet");
    }

    public long deadLettered() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Records given up after their last attempt without a dead-letter topic. */
    public long skipped() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Records retention deleted before the group read them. */
    public long lostToRetention() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Records waiting in the retry topic. */
    public long retryBacklog() {
        throw new UnsupportedOperationException("not built yet");
    }

    public long rebalances() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Partition-time stopped by rebalances, summed over rebalances (the time each stop lasted, once per rebalance). */
    public long rebalancePauseNanos() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Publish → processed, of every successful processing. */
    public LatencyRecorder endToEnd() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Σ (log end − position) over partitions: what the group has not processed yet. */
    long unconsumed() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Called by the topic when retention moved {@code partition}'s log start. */
    void logTruncated(int partition) {
        throw new UnsupportedOperationException("not built yet");
    }
}
