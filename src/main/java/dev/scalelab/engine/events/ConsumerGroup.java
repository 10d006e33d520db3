package dev.scalelab.engine.events;

import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A Kafka consumer group on one topic, in virtual time: members join and leave (each change a
 * rebalance: eager stops every partition for the rebalance time, cooperative only the moved ones),
 * poll up to maxPollRecords from their partitions, process records one at a time, and commit
 * (auto-commit of the previous poll every interval, or after each batch). A crashed member is
 * removed after the session timeout; its partitions restart from the last commit, so what it
 * processed since is processed again (at-least-once), unless the group is idempotent. Failures
 * are retried in order (the partition waits) or through a retry topic, then dead-lettered or
 * skipped. Confined to the simulation thread.
 *
 * <h2>Rules (engines.md §6)</h2>
 * <ul>
 *   <li><b>Poll.</b> A member is one poll loop: it processes one record at a time. A poll takes up to
 *       maxPollRecords records of its partitions that are not stopped, a partition's available
 *       records at a time, starting one partition further on each poll (as the fetcher's completed
 *       fetches rotate). A member with nothing to fetch waits (a long poll) and wakes when one of
 *       its partitions gets a record. Processing time is drawn from the group's random stream.</li>
 *   <li><b>Positions.</b> {@link #position} is the next record to process. A batch holds only
 *       segment ends, so dropping the rest of a batch (a revocation, a retry's back-off) leaves the
 *       position just after the last record processed.</li>
 *   <li><b>Commits.</b> AUTO: each poll commits the positions its member reached when
 *       autoCommitInterval has passed since its last commit (Kafka's auto-commit inside poll; an
 *       idle member's poll loop commits when the interval is due). AFTER_PROCESSING: a commit after
 *       each batch. Both commit a partition when it is revoked and every partition on a clean
 *       leave, so graceful rebalances redeliver nothing. {@link GroupCommits} says when.</li>
 *   <li><b>Rebalances.</b> A join, a leave, a crashed member's removal or added partitions start
 *       one; {@link GroupCoordinator} runs it (eager or cooperative) and says how.</li>
 *   <li><b>Crash.</b> The member stops at once: its record in hand has no effect and it commits
 *       nothing; its partitions stay assigned to it, unprocessed, until the group removes it a
 *       session timeout later and rebalances. Records processed after the last commit are
 *       delivered again ({@link #redelivered}) and, unless the group is idempotent, take effect
 *       again ({@link #duplicates}). Idempotence is exact with a per-partition watermark of the
 *       offsets processed: a partition is processed in order, so a record id was processed
 *       before exactly when its offset lies below the watermark.</li>
 *   <li><b>Failures.</b> An attempt fails with probability errorRate, always for a poison record;
 *       {@link GroupFailures} retries it in order or through the retry topic, then dead-letters or
 *       skips it. A due retry record is taken by the first member to poll (before its own
 *       partitions, one record a poll; an idle member is woken for it), whichever partitions it
 *       owns. Lag stays Kafka's: log end − committed on the topic itself; {@link #retryBacklog}
 *       counts the retry topic.</li>
 *   <li><b>Retention.</b> A position below the log start jumps to it (auto.offset.reset =
 *       earliest), and the records skipped count in {@link #lostToRetention}; a committed offset
 *       below it moves with it, as the group's next commit would write the reset position.</li>
 * </ul>
 * End-to-end latency (publish → processed successfully) goes into {@link #endToEnd()}. Memory is
 * bounded by the backlog: per-partition counters and per-member batches of segment ends, nothing
 * per processed record.
 */
public final class ConsumerGroup {
    private final Simulation sim;
    private final String name;
    private final Topic topic;
    private final SplittableRandom random;
    private final Consumer<String> log;
    private final LatencyRecorder endToEnd = new LatencyRecorder();
    private final Event retryDue = this::wakeForRetry;
    private final IntConsumer backoffOver = this::backoffOver;
    private GroupConfig config;
    /** Who processes records; null: the group itself, for a time drawn from its config. */
    private RecordProcessor processor;

    private final TreeMap<String, GroupMember> members = new TreeMap<>();
    private final PartitionOffsets offsets;
    private final GroupFailures failures;
    /** Who owns each partition, and the rebalances that change it. */
    private final GroupCoordinator coordinator;
    /** When members commit: auto-commit (in a poll, or an idle member's tick), after each batch, on a leave. */
    private final GroupCommits commits;

    private long consumed;
    private long redelivered;
    private long duplicates;
    private long lostToRetention;

    /** @param log hears one line per decision worth explaining: rebalances, removals, dead letters, stalls */
    public ConsumerGroup(Simulation sim, String name, Topic topic, GroupConfig config, SplittableRandom random,
                         Consumer<String> log) {
        config.validate();
        this.sim = sim;
        this.name = name;
        this.topic = topic;
        this.config = config;
        this.random = random;
        this.log = log;
        this.offsets = new PartitionOffsets(topic.partitions());
        this.failures = new GroupFailures(sim, name, topic, log);
        this.coordinator = new GroupCoordinator(sim, this, members, offsets, topic, log);
        this.commits = new GroupCommits(sim, this, offsets);
        topic.subscribe(this);
    }

    // ------------------------------------------------------------------ membership, from the world's consumers

    /** A ready consumer joins: a rebalance starts. */
    public void join(String memberId) {
        if (members.containsKey(memberId)) {
            throw new IllegalArgumentException(name + ": " + memberId + " is already a member");
        }
        GroupMember m = new GroupMember(memberId);
        m.done = () -> processed(m);
        commits.joined(m);
        members.put(memberId, m);
        coordinator.startRebalance("join of " + memberId);
        if (canPoll(m)) {
            poll(m); // it owns nothing yet, but may take a due retry record
        }
    }

    /** A consumer leaves cleanly (scale-in): it stops at its next record boundary, commits, and a rebalance starts. */
    public void leave(String memberId) {
        GroupMember m = members.get(memberId);
        if (m == null || m.leaving) {
            return;
        }
        if (m.crashed) { // nothing to commit; it just goes before its session would time out
            coordinator.removeMember(m, "left after a crash");
            return;
        }
        m.leaving = true;
        if (!m.busy) {
            depart(m);
        }
    }

    /** A consumer crashes: it stops now without committing; the group notices after the session timeout. */
    public void crash(String memberId) {
        GroupMember m = members.get(memberId);
        if (m == null || m.crashed) {
            return;
        }
        m.crashed = true;
        m.ticket++; // its processor's answer, when it comes, is for nobody
        m.clearBatch();
        if (m.busy) {
            m.busy = false;
            dropInHand(m);
        }
        sim.scheduleIn(config.sessionTimeoutNanos(), () -> {
            if (!m.gone) {
                long timeoutMs = config.sessionTimeoutNanos() / Simulation.NANOS_PER_MILLI;
                coordinator.removeMember(m, "removed after session timeout " + timeoutMs + " ms");
            }
        });
    }

    /**
     * Hands every record from now on to {@code p} instead of drawing its processing time; an attempt
     * fails when {@code p} says so, besides poison and the config's error rate.
     */
    public void processBy(RecordProcessor p) {
        this.processor = p;
    }

    public void reconfigure(GroupConfig next) {
        next.validate();
        if (next.assignor() != config.assignor()) {
            coordinator.setAssignor(next.assignor()); // used from the next rebalance on
        }
        config = next;
    }

    /** Called by the topic when it appends to {@code partition}: an idle owner starts polling. */
    public void recordAppended(int partition) {
        GroupMember m = coordinator.owner(partition);
        if (m != null && !m.busy && canPoll(m) && !failures.waiting(partition)) {
            poll(m);
        }
    }

    /** Called by the topic when it has more partitions: a rebalance assigns them. */
    public void partitionsAdded() {
        int p = topic.partitions();
        int old = coordinator.partitions();
        offsets.grow(p);
        failures.grow(p);
        coordinator.grow(p);
        coordinator.startRebalance("partitions " + old + " → " + p);
    }

    // ------------------------------------------------------------------ state

    public String name() {
        return name;
    }

    public Topic topic() {
        return topic;
    }

    /** Where records go after their last attempt when the group dead-letters: {@code <topic>.dlt}, one partition. */
    public Topic deadLetterTopic() {
        return failures.deadLetterTopic();
    }

    public GroupConfig config() {
        return config;
    }

    /** The members now in the group (joined, not yet removed), sorted by id. */
    public List<String> members() {
        return List.copyOf(members.keySet());
    }

    /** The current assignment, member → ascending partitions; every member has an entry. */
    public Map<String, List<Integer>> assignment() {
        return coordinator.assignment();
    }

    public boolean rebalancing() {
        return coordinator.rebalancing();
    }

    /** Whether {@code partition} is stopped now: unowned, revoked in a rebalance, or waiting out an in-order retry's back-off. */
    public boolean stopped(int partition) {
        GroupMember m = coordinator.owner(partition);
        return m == null || m.crashed || coordinator.inTransit(partition) || failures.waiting(partition);
    }

    /**
     * The partition {@code memberId} is processing a record of now, or -1; for a retry-topic record,
     * the partition it came from.
     */
    public int processing(String memberId) {
        GroupMember m = members.get(memberId);
        return m == null || !m.busy ? -1 : m.inHandPartition;
    }

    /** Records {@code memberId} processed successfully since it joined (0 for a non-member). */
    public long processed(String memberId) {
        GroupMember m = members.get(memberId);
        return m == null ? 0 : m.processed;
    }

    /** Attempts made on the record {@code partition} waits on under in-order retry; 0 when it waits on none. */
    public int retryAttempts(int partition) {
        return failures.attempts(partition);
    }

    public long committedOffset(int partition) {
        return offsets.committed(partition);
    }

    /** The offset of the next record the partition's owner will process. */
    public long position(int partition) {
        return offsets.position(partition);
    }

    /** Log end offset minus committed offset: the lag KEDA and Kafka's tools report. */
    public long lag(int partition) {
        return topic.partition(partition).logEndOffset() - offsets.committed(partition);
    }

    public long totalLag() {
        return topic.published() - offsets.committedSum();
    }

    public int partitionsWithLag() {
        int n = 0;
        for (int p = 0; p < coordinator.partitions(); p++) {
            if (lag(p) > 0) {
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ counters, since the start

    /** Records processed successfully (every effect, duplicates included). */
    public long consumed() {
        return consumed;
    }

    /** Records delivered again after a crash or a lost commit: processed before, not committed. */
    public long redelivered() {
        return redelivered;
    }

    /** Redeliveries that took effect again: equal to {@link #redelivered()} unless the group is idempotent, then 0. */
    public long duplicates() {
        return duplicates;
    }

    public long failedAttempts() {
        return failures.failedAttempts();
    }

    public long deadLettered() {
        return failures.deadLettered();
    }

    /** Records given up after their last attempt without a dead-letter topic. */
    public long skipped() {
        return failures.skipped();
    }

    /** Records retention deleted before the group read them. */
    public long lostToRetention() {
        return lostToRetention;
    }

    /** Records waiting in the retry topic. */
    public long retryBacklog() {
        return failures.retryBacklog();
    }

    public long rebalances() {
        return coordinator.rebalances();
    }

    /** Partition-time stopped by rebalances, summed over rebalances (the time each stop lasted, once per rebalance). */
    public long rebalancePauseNanos() {
        return coordinator.rebalancePauseNanos();
    }

    /** Publish → processed, of every successful processing. */
    public LatencyRecorder endToEnd() {
        return endToEnd;
    }

    // ------------------------------------------------------------------ for the topic

    /** Σ (log end − position) over partitions: what the group has not processed yet. */
    long unconsumed() {
        return topic.published() - offsets.positionSum();
    }

    /** Called by the topic when retention moved {@code partition}'s log start. */
    void logTruncated(int partition) {
        lostToRetention += offsets.truncate(partition, topic.partition(partition).logStartOffset(),
                coordinator.inHand(partition));
    }

    // ------------------------------------------------------------------ the poll loop

    private boolean canPoll(GroupMember m) {
        return !m.crashed && !m.leaving && !m.gone && !coordinator.stopsEveryone();
    }

    /** A poll of an idle member: auto-commit if due, then a batch, or a long wait. */
    private void poll(GroupMember m) {
        commits.polling(m);
        RetryTopic.Entry due = failures.takeDue();
        if (due != null) {
            startRetry(m, due);
            return;
        }
        m.clearBatch();
        int remaining = config.maxPollRecords();
        int n = m.ownedCount;
        for (int k = 0; k < n && remaining > 0; k++) {
            int p = m.owned[(m.cursor + k) % n];
            if (failures.waiting(p)) {
                continue;
            }
            long available = topic.partition(p).logEndOffset() - offsets.position(p);
            if (available > 0) {
                int take = (int) Math.min(available, remaining);
                m.addSegment(p, offsets.position(p) + take);
                remaining -= take;
            }
        }
        if (n > 0) {
            m.cursor = (m.cursor + 1) % n;
        }
        if (m.segCount == 0) {
            commits.scheduleIdleCommit(m);
            return;
        }
        next(m);
    }

    /** Starts the next record of the batch, or ends the batch (a commit after processing) and polls again. */
    private void next(GroupMember m) {
        while (m.seg < m.segCount) {
            int p = m.segPartition[m.seg];
            if (coordinator.owner(p) != m || failures.waiting(p) || offsets.position(p) >= m.segEnd[m.seg]) {
                m.seg++; // done, revoked, or waiting out a back-off: the rest of this segment is dropped
                continue;
            }
            start(m, p, offsets.position(p));
            return;
        }
        boolean hadBatch = m.segCount > 0;
        m.clearBatch();
        if (hadBatch) {
            commits.batchDone(m);
        }
        if (canPoll(m)) {
            poll(m);
        } else {
            commits.scheduleIdleCommit(m);
        }
    }

    private void start(GroupMember m, int p, long offset) {
        PartitionLog pl = topic.partition(p);
        m.busy = true;
        m.inHandRetry = null;
        m.inHandPartition = p;
        m.inHandOffset = offset;
        m.inHandId = pl.idAt(offset);
        m.inHandKey = pl.keyAt(offset);
        m.inHandPublishNanos = pl.publishNanosAt(offset);
        m.inHandAttempt = pl.attemptAt(offset);
        m.inHandPoison = pl.poisonAt(offset);
        coordinator.setInHand(p, true);
        process(m);
    }

    private void startRetry(GroupMember m, RetryTopic.Entry e) {
        EventRecord r = e.record();
        m.busy = true;
        m.inHandRetry = e;
        m.inHandPartition = e.partition();
        m.inHandOffset = e.offset();
        m.inHandId = r.id();
        m.inHandKey = r.key();
        m.inHandPublishNanos = r.publishNanos();
        m.inHandAttempt = r.attempt();
        m.inHandPoison = r.poison();
        process(m);
    }

    private void process(GroupMember m) {
        if (processor == null) {
            sim.scheduleIn(processingNanos(), m.done);
            return;
        }
        m.inHandFailed = false;
        long ticket = ++m.ticket;
        EventRecord r = new EventRecord(m.inHandId, m.inHandKey, m.inHandPublishNanos, m.inHandAttempt, m.inHandPoison);
        RecordProcessor.handOut(sim, done -> processor.process(m.id, m.inHandPartition, r, done), ok -> {
            if (m.ticket == ticket) { // else its member crashed meanwhile: the answer is for nobody
                m.inHandFailed = !ok;
                processed(m);
            }
        });
    }

    private long processingNanos() {
        return Simulation.millisToNanos(config.processingTime().sample(random));
    }

    /** The record in hand is done (unless its member crashed meanwhile: then nothing happens). */
    private void processed(GroupMember m) {
        if (m.crashed || !m.busy) {
            return;
        }
        boolean failed = m.inHandPoison || m.inHandFailed
                || (config.errorRate() > 0 && random.nextDouble() < config.errorRate());
        if (m.inHandRetry != null) {
            retryDone(m, failed);
        } else {
            recordDone(m, failed);
        }
        m.busy = false; // only now: a callback above (a waiter's publish) must not start it twice
        if (m.leaving) {
            depart(m);
        } else {
            next(m);
        }
    }

    private void recordDone(GroupMember m, boolean failed) {
        int p = m.inHandPartition;
        long offset = m.inHandOffset;
        coordinator.setInHand(p, false);
        boolean revoked = coordinator.owner(p) != m;
        if (!failed) {
            failures.succeeded(p);
            if (!offsets.processedBefore(p, offset)) {
                effect(m);
            } else {
                redelivered++;
                if (config.idempotent()) {
                    m.processed++; // deduplicated: no second effect
                } else {
                    duplicates++;
                    effect(m);
                }
            }
            advance(p, offset + 1);
        } else if (config.retryMode() == RetryMode.RETRY_TOPIC) {
            failures.failedToRetryTopic(config, m, retryDue);
            offsets.handled(p, offset);
            advance(p, offset + 1);
        } else if (failures.failedInOrder(config, m, p, backoffOver)) {
            offsets.handled(p, offset);
            advance(p, offset + 1);
        }
        if (revoked) { // revoked while in hand: its member commits it now, and the rebalance may end
            coordinator.revokedRecordDone(p);
        }
    }

    private void retryDone(GroupMember m, boolean failed) {
        if (failed) {
            failures.failedToRetryTopic(config, m, retryDue);
        } else {
            effect(m);
        }
    }

    private void effect(GroupMember m) {
        consumed++;
        m.processed++;
        endToEnd.recordNanos(sim.nowNanos() - m.inHandPublishNanos);
    }

    private void backoffOver(int p) {
        if (failures.waiting(p)) {
            return; // a later back-off superseded this one
        }
        GroupMember m = coordinator.owner(p);
        if (m != null && !m.busy && canPoll(m)) {
            poll(m);
        }
    }

    private void wakeForRetry() {
        for (GroupMember m : members.values()) {
            if (!m.busy && canPoll(m)) {
                poll(m);
                return;
            }
        }
    }

    // ------------------------------------------------------------------ positions (commits: GroupCommits)

    private void advance(int p, long to) {
        if (offsets.advance(p, to)) {
            topic.progressed();
        }
    }

    // ------------------------------------------------------------------ membership changes and rebalances

    /** A clean leave at a record boundary: commit everything, go, rebalance. */
    private void depart(GroupMember m) {
        commits.commitOwned(m);
        m.clearBatch();
        coordinator.removeMember(m, "left");
    }

    /** A crashed member's record in hand has no effect; a rebalance waiting for it waits no longer. */
    private void dropInHand(GroupMember m) {
        if (m.inHandRetry != null) {
            failures.putBack(m.inHandRetry, retryDue);
            m.inHandRetry = null;
            return;
        }
        int p = m.inHandPartition;
        coordinator.setInHand(p, false);
        if (coordinator.owner(p) != m) {
            coordinator.revokedRecordGone();
        }
    }

    /** After a rebalance: every idle member that may poll polls. */
    void resumeIdle() {
        for (GroupMember m : new ArrayList<>(members.values())) {
            if (!m.busy && canPoll(m)) {
                poll(m);
            }
        }
    }
}
