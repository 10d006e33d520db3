package dev.scalelab.engine.events;

import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
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
 *       leave, so graceful rebalances redeliver nothing.</li>
 *   <li><b>Rebalances.</b> A join, a leave, a crashed member's removal or added partitions start
 *       one. Eager (range, round-robin): every partition is revoked at once; a member with a record
 *       in hand finishes it (the rest of its batch is dropped) and commits; the new assignment of
 *       {@link Assignor} starts when the rebalance time has passed and every revoked record in hand
 *       is done, each partition from its committed offset. Cooperative sticky: the target
 *       assignment is computed at the start and only the partitions whose owner changes are
 *       revoked and stopped, the same way; the others never stop. A change during a rebalance
 *       restarts it (a new generation, a new full rebalance time) and the stop goes on; it counts
 *       as one rebalance, whose pause runs from its first start to its end.</li>
 *   <li><b>Crash.</b> The member stops at once: its record in hand has no effect and it commits
 *       nothing; its partitions stay assigned to it, unprocessed, until the group removes it a
 *       session timeout later and rebalances. Records processed after the last commit are
 *       delivered again ({@link #redelivered}) and, unless the group is idempotent, take effect
 *       again ({@link #duplicates}). Idempotence is exact with a per-partition watermark of the
 *       offsets processed: a partition is processed in order, so a record id was processed
 *       before exactly when its offset lies below the watermark.</li>
 *   <li><b>Failures.</b> An attempt fails with probability errorRate, always for a poison record.
 *       In order: the partition stops for backoff × multiplier^(attempt−1), capped at maxBackoff,
 *       then its owner retries the same record; the owner goes on with its other partitions. After
 *       maxAttempts attempts (0: never) the record is dead-lettered to {@code <topic>.dlt} or
 *       skipped. Retry topic: the failed record moves to the group's {@link RetryTopic} with its
 *       attempt count and due time and its partition goes on at once; a due retry record is taken
 *       by the first member to poll once it is due (before its own partitions, one record a poll;
 *       an idle member is woken for it), whichever partitions it owns. Lag stays Kafka's: log end −
 *       committed on the topic itself; {@link #retryBacklog} counts the retry topic.</li>
 *   <li><b>Retention.</b> A position below the log start jumps to it (auto.offset.reset =
 *       earliest), and the records skipped count in {@link #lostToRetention}; a committed offset
 *       below it moves with it, as the group's next commit would write the reset position.</li>
 * </ul>
 * End-to-end latency (publish → processed successfully) goes into {@link #endToEnd()}. Memory is
 * bounded by the backlog: per-partition counters and per-member batches of segment ends, nothing
 * per processed record.
 */
public final class ConsumerGroup {
    /** Dead letters are logged at most this often, with the count since the last line. */
    private static final long GIVE_UP_LOG_INTERVAL_NANOS = Simulation.NANOS_PER_SECOND;

    private final Simulation sim;
    private final String name;
    private final Topic topic;
    private final Topic deadLetterTopic;
    private final SplittableRandom random;
    private final Consumer<String> log;
    private final LatencyRecorder endToEnd = new LatencyRecorder();
    private final RetryTopic retryTopic = new RetryTopic();
    private final Event retryDue = this::wakeForRetry;
    private GroupConfig config;
    private Assignor assignor;

    private final TreeMap<String, GroupMember> members = new TreeMap<>();
    private GroupMember[] owner;
    private long[] committed;
    private long[] position;
    /** One past the highest offset ever processed (or given up) per partition: below it is a redelivery. */
    private long[] watermark;
    private int[] retryAttempts;
    private long[] retryUntilNanos;
    /** The offset whose stall was logged, so a blocked partition is explained once. */
    private long[] stallLoggedOffset;
    private boolean[] inTransit;
    private boolean[] inHand;
    private GroupMember[] target;
    private long committedSum;
    private long positionSum;

    private boolean rebalancing;
    private boolean eagerRebalance;
    private long rebalanceStartNanos;
    private long rebalanceEndNanos;
    private long generation;
    private String rebalanceReason;
    /** Records of revoked partitions still in a member's hands: the rebalance waits for them. */
    private int revokingInHand;
    private Map<String, List<Integer>> assignmentView;

    private long consumed;
    private long redelivered;
    private long duplicates;
    private long failedAttempts;
    private long deadLettered;
    private long skipped;
    private long lostToRetention;
    private long rebalances;
    private long rebalancePauseNanos;
    private long givenUpSinceLog;
    private long lastGiveUpLogNanos = Long.MIN_VALUE;

    /** @param log hears one line per decision worth explaining: rebalances, removals, dead letters, stalls */
    public ConsumerGroup(Simulation sim, String name, Topic topic, GroupConfig config, SplittableRandom random,
                         Consumer<String> log) {
        this(sim, name, topic, config, random, log, Assignor.of(config.assignor()));
    }

    /** With a given assignor rather than the one of {@code config.assignor()}. */
    ConsumerGroup(Simulation sim, String name, Topic topic, GroupConfig config, SplittableRandom random,
                  Consumer<String> log, Assignor assignor) {
        validate(config);
        this.sim = sim;
        this.name = name;
        this.topic = topic;
        this.config = config;
        this.random = random;
        this.log = log;
        this.assignor = assignor;
        this.deadLetterTopic = new Topic(sim, topic.name() + ".dlt", 1, topic.retentionNanos(), 0);
        int p = topic.partitions();
        owner = new GroupMember[p];
        committed = new long[p];
        position = new long[p];
        watermark = new long[p];
        retryAttempts = new int[p];
        retryUntilNanos = new long[p];
        stallLoggedOffset = new long[p];
        Arrays.fill(stallLoggedOffset, -1);
        inTransit = new boolean[p];
        inHand = new boolean[p];
        target = new GroupMember[p];
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
        m.commitTick = () -> idleCommit(m);
        m.lastCommitNanos = sim.nowNanos();
        members.put(memberId, m);
        startRebalance("join of " + memberId);
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
            remove(m, "left after a crash");
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
        m.clearBatch();
        if (m.busy) {
            m.busy = false;
            dropInHand(m);
        }
        sim.scheduleIn(config.sessionTimeoutNanos(), () -> {
            if (!m.gone) {
                remove(m, "removed after session timeout " + config.sessionTimeoutNanos() / Simulation.NANOS_PER_MILLI + " ms");
            }
        });
    }

    public void reconfigure(GroupConfig next) {
        validate(next);
        if (next.assignor() != config.assignor()) {
            assignor = Assignor.of(next.assignor()); // used from the next rebalance on
        }
        config = next;
    }

    /** Called by the topic when it appends to {@code partition}: an idle owner starts polling. */
    public void recordAppended(int partition) {
        GroupMember m = owner[partition];
        if (m != null && !m.busy && canPoll(m) && retryUntilNanos[partition] <= sim.nowNanos()) {
            poll(m);
        }
    }

    /** Called by the topic when it has more partitions: a rebalance assigns them. */
    public void partitionsAdded() {
        int p = topic.partitions();
        int old = owner.length;
        owner = Arrays.copyOf(owner, p);
        committed = Arrays.copyOf(committed, p);
        position = Arrays.copyOf(position, p);
        watermark = Arrays.copyOf(watermark, p);
        retryAttempts = Arrays.copyOf(retryAttempts, p);
        retryUntilNanos = Arrays.copyOf(retryUntilNanos, p);
        stallLoggedOffset = Arrays.copyOf(stallLoggedOffset, p);
        Arrays.fill(stallLoggedOffset, old, p, -1);
        inTransit = Arrays.copyOf(inTransit, p);
        inHand = Arrays.copyOf(inHand, p);
        target = Arrays.copyOf(target, p);
        startRebalance("partitions " + old + " → " + p);
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
        return deadLetterTopic;
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
        if (assignmentView == null) {
            assignmentView = Collections.unmodifiableMap(ownedMap());
        }
        return assignmentView;
    }

    public boolean rebalancing() {
        return rebalancing;
    }

    /** Whether {@code partition} is stopped now: unowned, revoked in a rebalance, or waiting out an in-order retry's back-off. */
    public boolean stopped(int partition) {
        GroupMember m = owner[partition];
        return m == null || m.crashed || inTransit[partition] || retryUntilNanos[partition] > sim.nowNanos();
    }

    /** The partition {@code memberId} is processing a record of now, or -1 (for a retry-topic record, the partition it came from). */
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
        return retryAttempts[partition];
    }

    public long committedOffset(int partition) {
        return committed[partition];
    }

    /** The offset of the next record the partition's owner will process. */
    public long position(int partition) {
        return position[partition];
    }

    /** Log end offset minus committed offset: the lag KEDA and Kafka's tools report. */
    public long lag(int partition) {
        return topic.partition(partition).logEndOffset() - committed[partition];
    }

    public long totalLag() {
        return topic.published() - committedSum;
    }

    public int partitionsWithLag() {
        int n = 0;
        for (int p = 0; p < committed.length; p++) {
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
        return failedAttempts;
    }

    public long deadLettered() {
        return deadLettered;
    }

    /** Records given up after their last attempt without a dead-letter topic. */
    public long skipped() {
        return skipped;
    }

    /** Records retention deleted before the group read them. */
    public long lostToRetention() {
        return lostToRetention;
    }

    /** Records waiting in the retry topic. */
    public long retryBacklog() {
        return retryTopic.size();
    }

    public long rebalances() {
        return rebalances;
    }

    /** Partition-time stopped by rebalances, summed over rebalances (the time each stop lasted, once per rebalance). */
    public long rebalancePauseNanos() {
        return rebalancePauseNanos;
    }

    /** Publish → processed, of every successful processing. */
    public LatencyRecorder endToEnd() {
        return endToEnd;
    }

    // ------------------------------------------------------------------ for the topic

    /** Σ (log end − position) over partitions: what the group has not processed yet. */
    long unconsumed() {
        return topic.published() - positionSum;
    }

    /** Called by the topic when retention moved {@code partition}'s log start. */
    void logTruncated(int partition) {
        long start = topic.partition(partition).logStartOffset();
        long read = position[partition] + (inHand[partition] ? 1 : 0);
        if (start > read) {
            lostToRetention += start - read;
        }
        if (start > position[partition]) {
            positionSum += start - position[partition];
            position[partition] = start;
        }
        if (start > committed[partition]) {
            committedSum += start - committed[partition];
            committed[partition] = start;
        }
    }

    // ------------------------------------------------------------------ the poll loop

    private boolean canPoll(GroupMember m) {
        return !m.crashed && !m.leaving && !m.gone && !(rebalancing && eagerRebalance);
    }

    /** A poll of an idle member: auto-commit if due, then a batch, or a long wait. */
    private void poll(GroupMember m) {
        long now = sim.nowNanos();
        if (config.commit() == CommitMode.AUTO && now - m.lastCommitNanos >= config.autoCommitIntervalNanos()) {
            commitOwned(m);
        }
        RetryTopic.Entry due = retryTopic.takeDue(now);
        if (due != null) {
            startRetry(m, due);
            return;
        }
        m.clearBatch();
        int remaining = config.maxPollRecords();
        int n = m.ownedCount;
        for (int k = 0; k < n && remaining > 0; k++) {
            int p = m.owned[(m.cursor + k) % n];
            if (retryUntilNanos[p] > now) {
                continue;
            }
            long available = topic.partition(p).logEndOffset() - position[p];
            if (available > 0) {
                int take = (int) Math.min(available, remaining);
                m.addSegment(p, position[p] + take);
                remaining -= take;
            }
        }
        if (n > 0) {
            m.cursor = (m.cursor + 1) % n;
        }
        if (m.segCount == 0) {
            scheduleIdleCommit(m);
            return;
        }
        next(m);
    }

    /** Starts the next record of the batch, or ends the batch (a commit after processing) and polls again. */
    private void next(GroupMember m) {
        long now = sim.nowNanos();
        while (m.seg < m.segCount) {
            int p = m.segPartition[m.seg];
            if (owner[p] != m || retryUntilNanos[p] > now || position[p] >= m.segEnd[m.seg]) {
                m.seg++; // done, revoked, or waiting out a back-off: the rest of this segment is dropped
                continue;
            }
            start(m, p, position[p]);
            return;
        }
        boolean hadBatch = m.segCount > 0;
        m.clearBatch();
        if (hadBatch && config.commit() == CommitMode.AFTER_PROCESSING) {
            commitOwned(m);
        }
        if (canPoll(m)) {
            poll(m);
        } else {
            scheduleIdleCommit(m);
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
        inHand[p] = true;
        sim.scheduleIn(processingNanos(), m.done);
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
        sim.scheduleIn(processingNanos(), m.done);
    }

    private long processingNanos() {
        return Simulation.millisToNanos(config.processingTime().sample(random));
    }

    /** The record in hand is done (unless its member crashed meanwhile: then nothing happens). */
    private void processed(GroupMember m) {
        if (m.crashed || !m.busy) {
            return;
        }
        boolean failed = m.inHandPoison || (config.errorRate() > 0 && random.nextDouble() < config.errorRate());
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
        inHand[p] = false;
        boolean revoked = owner[p] != m;
        if (!failed) {
            retryAttempts[p] = 0;
            if (offset < watermark[p]) {
                redelivered++;
                if (!config.idempotent()) {
                    duplicates++;
                    effect(m);
                } else {
                    m.processed++;
                }
            } else {
                watermark[p] = offset + 1;
                effect(m);
            }
            advance(p, offset + 1);
        } else {
            failedAttempts++;
            if (config.retryMode() == RetryMode.RETRY_TOPIC) {
                int attempts = m.inHandAttempt + 1;
                if (givesUp(attempts)) {
                    giveUp(m, attempts);
                } else {
                    toRetryTopic(m, attempts);
                }
                watermark[p] = Math.max(watermark[p], offset + 1);
                advance(p, offset + 1);
            } else {
                int attempts = ++retryAttempts[p];
                if (givesUp(attempts)) {
                    retryAttempts[p] = 0;
                    giveUp(m, attempts);
                    watermark[p] = Math.max(watermark[p], offset + 1);
                    advance(p, offset + 1);
                } else {
                    waitToRetry(m, p, offset, attempts);
                }
            }
        }
        if (revoked) { // revoked while in hand: its member commits it now, and the rebalance may end
            commit(p);
            revokingInHand--;
            tryFinishRebalance();
        }
    }

    private void retryDone(GroupMember m, boolean failed) {
        if (!failed) {
            effect(m);
            return;
        }
        failedAttempts++;
        int attempts = m.inHandAttempt + 1;
        if (givesUp(attempts)) {
            giveUp(m, attempts);
        } else {
            toRetryTopic(m, attempts);
        }
    }

    private void effect(GroupMember m) {
        consumed++;
        m.processed++;
        endToEnd.recordNanos(sim.nowNanos() - m.inHandPublishNanos);
    }

    private boolean givesUp(int attempts) {
        return config.maxAttempts() > 0 && attempts >= config.maxAttempts();
    }

    /** The wait before attempt {@code attempts + 1}: backoff × multiplier^(attempts−1), capped. */
    long backoffNanos(int attempts) {
        double wait = config.backoffNanos() * Math.pow(config.backoffMultiplier(), attempts - 1);
        return (long) Math.min(wait, config.maxBackoffNanos());
    }

    private void toRetryTopic(GroupMember m, int attempts) {
        long due = sim.nowNanos() + backoffNanos(attempts);
        retryTopic.add(new RetryTopic.Entry(new EventRecord(m.inHandId, m.inHandKey, m.inHandPublishNanos, attempts,
                m.inHandPoison), m.inHandPartition, m.inHandOffset, due));
        sim.schedule(due, retryDue);
    }

    /** In-order retry: the partition stops for the back-off; its owner goes on with its other partitions. */
    private void waitToRetry(GroupMember m, int p, long offset, int attempts) {
        long wait = backoffNanos(attempts);
        retryUntilNanos[p] = sim.nowNanos() + wait;
        sim.scheduleIn(wait, () -> backoffOver(p));
        if (m.inHandPoison && config.maxAttempts() == 0 && wait >= config.maxBackoffNanos()
                && stallLoggedOffset[p] != offset) {
            stallLoggedOffset[p] = offset;
            log.accept(String.format("%s: partition %d blocked at offset %d (poison record, %d attempts so far); "
                    + "retrying every %d ms for ever", name, p, offset, attempts, wait / Simulation.NANOS_PER_MILLI));
        }
    }

    private void backoffOver(int p) {
        if (retryUntilNanos[p] > sim.nowNanos()) {
            return; // a later back-off superseded this one
        }
        GroupMember m = owner[p];
        if (m != null && !m.busy && canPoll(m)) {
            poll(m);
        }
    }

    private void giveUp(GroupMember m, int attempts) {
        EventRecord r = new EventRecord(m.inHandId, m.inHandKey, m.inHandPublishNanos, attempts, m.inHandPoison);
        if (config.deadLetter()) {
            deadLetterTopic.append(0, r);
            deadLettered++;
        } else {
            skipped++;
        }
        givenUpSinceLog++;
        long now = sim.nowNanos();
        if (lastGiveUpLogNanos == Long.MIN_VALUE || now - lastGiveUpLogNanos >= GIVE_UP_LOG_INTERVAL_NANOS) {
            log.accept(String.format("%s: %d record%s %s after %d attempts (latest: partition %d offset %d%s)", name,
                    givenUpSinceLog, givenUpSinceLog == 1 ? "" : "s",
                    config.deadLetter() ? "dead-lettered to " + deadLetterTopic.name() : "skipped", attempts,
                    m.inHandPartition, m.inHandOffset, m.inHandPoison ? ", poison" : ""));
            givenUpSinceLog = 0;
            lastGiveUpLogNanos = now;
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

    // ------------------------------------------------------------------ offsets

    private void advance(int p, long to) {
        if (to > position[p]) {
            positionSum += to - position[p];
            position[p] = to;
            topic.progressed();
        }
    }

    private void setPosition(int p, long to) {
        positionSum += to - position[p];
        position[p] = to;
    }

    private void commit(int p) {
        committedSum += position[p] - committed[p];
        committed[p] = position[p];
    }

    private void commitOwned(GroupMember m) {
        for (int k = 0; k < m.ownedCount; k++) {
            commit(m.owned[k]);
        }
        m.lastCommitNanos = sim.nowNanos();
    }

    /** An idle member under auto-commit commits what it processed once the interval is due, as its poll loop would. */
    private void scheduleIdleCommit(GroupMember m) {
        if (config.commit() != CommitMode.AUTO || m.commitTickPending || !hasUncommitted(m)) {
            return;
        }
        m.commitTickPending = true;
        sim.schedule(Math.max(sim.nowNanos(), m.lastCommitNanos + config.autoCommitIntervalNanos()), m.commitTick);
    }

    private void idleCommit(GroupMember m) {
        m.commitTickPending = false;
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
            if (position[m.owned[k]] > committed[m.owned[k]]) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ membership changes and rebalances

    /** A clean leave at a record boundary: commit everything, go, rebalance. */
    private void depart(GroupMember m) {
        commitOwned(m);
        m.clearBatch();
        remove(m, "left");
    }

    private void remove(GroupMember m, String how) {
        if (m.gone) {
            return;
        }
        m.gone = true;
        if (m.crashed) {
            StringBuilder parts = new StringBuilder();
            StringBuilder offsets = new StringBuilder();
            for (int k = 0; k < m.ownedCount; k++) {
                parts.append(k == 0 ? "" : ", ").append(m.owned[k]);
                offsets.append(k == 0 ? "" : ", ").append(committed[m.owned[k]]);
            }
            log.accept(m.ownedCount == 0 ? m.id + " " + how + ": it owned no partition"
                    : m.id + " " + how + ": partition" + (m.ownedCount == 1 ? " " : "s ") + parts
                    + " resume" + (m.ownedCount == 1 ? "s" : "") + " from committed offset"
                    + (m.ownedCount == 1 ? " " : "s ") + offsets);
        }
        members.remove(m.id);
        startRebalance(m.id + " " + how);
    }

    /** A crashed member's record in hand has no effect; a rebalance waiting for it waits no longer. */
    private void dropInHand(GroupMember m) {
        if (m.inHandRetry != null) {
            retryTopic.add(m.inHandRetry); // not acknowledged: it is still in the retry topic
            sim.schedule(Math.max(sim.nowNanos(), m.inHandRetry.dueNanos()), retryDue);
            m.inHandRetry = null;
            return;
        }
        int p = m.inHandPartition;
        inHand[p] = false;
        if (owner[p] != m) {
            revokingInHand--;
            tryFinishRebalance();
        }
    }

    private void startRebalance(String reason) {
        long now = sim.nowNanos();
        if (!rebalancing) {
            rebalancing = true;
            rebalanceStartNanos = now;
            rebalanceReason = reason;
        } else {
            rebalanceReason = rebalanceReason + "; " + reason;
        }
        generation++;
        eagerRebalance = !assignor.cooperative();
        rebalanceEndNanos = now + config.rebalanceNanos();
        if (eagerRebalance) {
            for (int p = 0; p < owner.length; p++) {
                revoke(p);
            }
        } else {
            Map<String, List<Integer>> next = assignor.assign(members(), owner.length, ownedMap());
            Arrays.fill(target, null);
            for (Map.Entry<String, List<Integer>> e : next.entrySet()) {
                GroupMember m = members.get(e.getKey());
                for (int p : e.getValue()) {
                    target[p] = m;
                }
            }
            for (int p = 0; p < owner.length; p++) {
                if (owner[p] != target[p] || inTransit[p]) {
                    revoke(p);
                }
            }
        }
        long gen = generation;
        sim.schedule(rebalanceEndNanos, () -> {
            if (gen == generation) {
                tryFinishRebalance();
            }
        });
    }

    /** Takes {@code p} from its owner: at once, or at the end of the record of it in hand; the owner commits it. */
    private void revoke(int p) {
        inTransit[p] = true;
        GroupMember m = owner[p];
        if (m == null) {
            return;
        }
        owner[p] = null;
        m.removeOwned(p);
        assignmentView = null;
        if (m.crashed) {
            return; // a crashed member commits nothing
        }
        if (inHand[p] && m.busy && m.inHandRetry == null && m.inHandPartition == p) {
            revokingInHand++;
        } else {
            commit(p);
        }
    }

    private void tryFinishRebalance() {
        if (!rebalancing || sim.nowNanos() < rebalanceEndNanos || revokingInHand > 0) {
            return;
        }
        if (eagerRebalance) {
            Map<String, List<Integer>> next = assignor.assign(members(), owner.length, ownedMap());
            Arrays.fill(target, null);
            for (Map.Entry<String, List<Integer>> e : next.entrySet()) {
                GroupMember m = members.get(e.getKey());
                for (int p : e.getValue()) {
                    target[p] = m;
                }
            }
        }
        for (int p = 0; p < owner.length; p++) {
            if (inTransit[p]) {
                inTransit[p] = false;
                setPosition(p, committed[p]); // each partition restarts from its committed offset
                owner[p] = target[p];
                if (target[p] != null) {
                    target[p].addOwned(p);
                }
            }
        }
        assignmentView = null;
        rebalancing = false;
        rebalances++;
        long pause = sim.nowNanos() - rebalanceStartNanos;
        rebalancePauseNanos += pause;
        log.accept(String.format("%s: rebalance %d (%s, %s) after %s: %s; %s stopped %d ms", name, rebalances,
                config.assignor().id(), eagerRebalance ? "eager" : "cooperative", rebalanceReason, describe(assignment()),
                eagerRebalance ? "every partition" : "moved partitions", pause / Simulation.NANOS_PER_MILLI));
        topic.progressed();
        for (GroupMember m : new ArrayList<>(members.values())) {
            if (!m.busy && canPoll(m)) {
                poll(m);
            }
        }
    }

    private Map<String, List<Integer>> ownedMap() {
        Map<String, List<Integer>> map = new LinkedHashMap<>();
        for (GroupMember m : members.values()) {
            List<Integer> parts = new ArrayList<>(m.ownedCount);
            for (int k = 0; k < m.ownedCount; k++) {
                parts.add(m.owned[k]);
            }
            map.put(m.id, Collections.unmodifiableList(parts));
        }
        return map;
    }

    private static String describe(Map<String, List<Integer>> assignment) {
        if (assignment.isEmpty()) {
            return "no members";
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<Integer>> e : assignment.entrySet()) {
            b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
        }
        return b.toString();
    }

    private static void validate(GroupConfig c) {
        if (c.maxPollRecords() < 1) {
            throw new IllegalArgumentException("maxPollRecords must be at least 1, not " + c.maxPollRecords());
        }
        if (!(c.errorRate() >= 0 && c.errorRate() <= 1)) {
            throw new IllegalArgumentException("errorRate must lie in [0, 1], not " + c.errorRate());
        }
        if (c.maxAttempts() < 0) {
            throw new IllegalArgumentException("retry.maxAttempts must be 0 (for ever) or more, not " + c.maxAttempts());
        }
        if (c.commit() == CommitMode.AUTO && c.autoCommitIntervalNanos() <= 0) {
            throw new IllegalArgumentException("autoCommitIntervalMs must be positive");
        }
    }
}
