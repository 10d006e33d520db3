package dev.scalelab.engine.events;

import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * An SQS standard queue with competing consumers, in virtual time: a consumer receives up to
 * {@code receiveBatch} visible messages, which become invisible for the visibility timeout, and
 * processes them one at a time, deleting each when done. A message not deleted in time (slow
 * processing, a failure, a crashed consumer) becomes visible again and another consumer may take
 * it: a duplicate. After {@code maxReceiveCount} receives the redrive policy moves it to the
 * dead-letter queue. Not ordered. Confined to the simulation thread.
 *
 * <p>Consumers long-poll: an idle consumer receives the moment a message is visible, the one idle
 * longest first. Visible messages are received in the order they became visible (SQS promises no
 * order; this one is deterministic). A delete takes effect only while the receive it answers still
 * holds the message invisible: once the visibility ends the message is visible again and, with
 * consumers long-polling, normally received by another at once, so SQS's receipt handle is stale.
 * The processing still had its effect; a later successful processing of the same message is a
 * duplicate, unless the consumers are idempotent.
 */
public final class WorkQueue {

    private enum State { VISIBLE, IN_FLIGHT, DELETED, DEAD_LETTERED }

    /** One message; it is its own visibility timer, and at most one such timer is ever pending. */
    private final class Message implements Event {
        final EventRecord record;
        final long sentNanos;
        State state = State.VISIBLE;
        /** Receives so far; the receipt of the latest receive. */
        int receiveCount;
        /** Whether a processing has had its effect. */
        boolean processed;

        Message(EventRecord record, long sentNanos) {
            this.record = record;
            this.sentNanos = sentNanos;
        }

        @Override
        public void fire() {
            if (state == State.IN_FLIGHT) {
                becomeVisible(this);
            }
        }
    }

    /** A consumer: its received batch, the message in hand, and its own processing-done event. */
    private final class Worker implements Event {
        final String id;
        /** Received and not started, with the receipt (receive count) each was received under. */
        final ArrayDeque<Message> batch = new ArrayDeque<>();
        int[] batchReceipts = new int[0];
        int batchHead;
        Message inHand;
        int inHandReceipt;
        boolean inHandFails;
        /** False once removed or crashed: it receives no more. */
        boolean receiving = true;
        /** Crashed: the processing in hand never completes. */
        boolean crashed;
        /** With a {@link RecordProcessor}: counts hand-outs, so an answer for an earlier one is told apart. */
        long ticket;

        Worker(String id) {
            this.id = id;
        }

        @Override
        public void fire() {
            if (!crashed) {
                processingDone(this);
            }
        }
    }

    private final Simulation sim;
    private final String name;
    private WorkQueueConfig config;
    /** Who processes messages; null: the queue itself, for a time drawn from its config. */
    private RecordProcessor processor;
    private final SplittableRandom random;
    private final Consumer<String> log;

    private final ArrayDeque<Message> visible = new ArrayDeque<>();
    /** Consumers waiting on a long poll, the one idle longest first. */
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    /** Every consumer not yet gone (receiving, or removed and finishing its message), in the order added. */
    private final Map<String, Worker> workers = new LinkedHashMap<>();
    private final ArrayDeque<Runnable> spaceWaiters = new ArrayDeque<>();
    private boolean runningWaiters;

    /** Messages neither deleted nor dead-lettered: visible plus in flight. */
    private long held;
    private long sent;
    private long deleted;
    private long processed;
    private long failedAttempts;
    private long redelivered;
    private long duplicates;
    private long deadLettered;
    private final LatencyRecorder endToEnd = new LatencyRecorder();
    private final LatencyRecorder queueWait = new LatencyRecorder();

    /** @param log hears one line per decision worth explaining: redrives to the dead-letter queue, crashes */
    public WorkQueue(Simulation sim, String name, WorkQueueConfig config, SplittableRandom random, Consumer<String> log) {
        this.sim = sim;
        this.name = name;
        this.config = config;
        this.random = random;
        this.log = log;
    }

    public String name() {
        return name;
    }

    public WorkQueueConfig config() {
        return config;
    }

    // ------------------------------------------------------------------ producers

    /** Sends a message; false (and nothing sent) when the queue is full. */
    public boolean send(EventRecord message) {
        if (full()) {
            return false;
        }
        held++;
        sent++;
        becomeVisible(new Message(message, sim.nowNanos()));
        return true;
    }

    public boolean full() {
        return config.maxMessages() > 0 && held >= config.maxMessages();
    }

    /** Runs {@code r} once, when the queue is next not full; waiters run in FIFO order. */
    public void whenSpace(Runnable r) {
        if (!full() && spaceWaiters.isEmpty()) {
            r.run();
        } else {
            spaceWaiters.addLast(r);
        }
    }

    public void cancelWait(Runnable r) {
        spaceWaiters.remove(r);
    }

    /** Hands the room there is to the waiters, first come first served; a waiter that sends takes its place. */
    private void runWaiters() {
        if (runningWaiters) {
            return; // a waiter's send led here again: the loop below goes on with the next waiter
        }
        runningWaiters = true;
        try {
            while (!spaceWaiters.isEmpty() && !full()) {
                spaceWaiters.pollFirst().run();
            }
        } finally {
            runningWaiters = false;
        }
    }

    // ------------------------------------------------------------------ consumers

    /** A ready consumer starts receiving. */
    public void addConsumer(String id) {
        if (workers.containsKey(id)) {
            throw new IllegalArgumentException("consumer " + id + " is already in queue " + name);
        }
        Worker w = new Worker(id);
        workers.put(id, w);
        receive(w);
    }

    /** A consumer stops cleanly: it finishes the message in hand, and what it received but did not start comes back when its visibility ends. */
    public void removeConsumer(String id) {
        Worker w = worker(id);
        w.receiving = false;
        w.batch.clear();
        if (w.inHand == null) {
            idle.remove(w);
            workers.remove(id);
        }
    }

    /** A consumer crashes (one removed and finishing its message too): what it holds comes back when its visibility ends. */
    public void crashConsumer(String id) {
        Worker w = workers.get(id);
        if (w == null) {
            throw new IllegalArgumentException("no consumer " + id + " in queue " + name);
        }
        int holding = w.batch.size() + (w.inHand == null ? 0 : 1);
        w.receiving = false;
        w.crashed = true;
        w.batch.clear();
        w.inHand = null;
        idle.remove(w);
        workers.remove(id);
        log.accept(holding == 0
                ? String.format(Locale.ROOT, "queue %s: consumer %s crashed holding no message", name, id)
                : String.format(Locale.ROOT, "queue %s: consumer %s crashed holding %d message%s; they come back "
                        + "when their visibility ends", name, id, holding, holding == 1 ? "" : "s"));
    }

    private Worker worker(String id) {
        Worker w = workers.get(id);
        if (w == null || !w.receiving) {
            throw new IllegalArgumentException("no consumer " + id + " in queue " + name);
        }
        return w;
    }

    /**
     * Hands every message from now on to {@code p} instead of drawing its processing time: a consumer
     * id is the processor's member id; an attempt fails when {@code p} says so, besides poison and the
     * config's error rate.
     */
    public void processBy(RecordProcessor p) {
        this.processor = p;
    }

    public void reconfigure(WorkQueueConfig next) {
        this.config = next;
        runWaiters();
    }

    /** A message is visible: the consumer idle longest receives it at once (long polling). */
    private void becomeVisible(Message m) {
        m.state = State.VISIBLE;
        visible.addLast(m);
        Worker w = idle.pollFirst();
        if (w != null) {
            receive(w);
        }
    }

    /**
     * ReceiveMessage: up to receiveBatch visible messages become invisible for the visibility
     * timeout; one that has already been received maxReceiveCount times is moved to the dead-letter
     * queue instead (the redrive policy acts when a receive would exceed the count).
     */
    private void receive(Worker w) {
        WorkQueueConfig c = config;
        if (w.batchReceipts.length < c.receiveBatch()) {
            w.batchReceipts = new int[c.receiveBatch()];
        }
        w.batchHead = 0;
        int received = 0;
        while (received < c.receiveBatch() && !visible.isEmpty()) {
            Message m = visible.pollFirst();
            if (c.maxReceiveCount() > 0 && m.receiveCount >= c.maxReceiveCount()) {
                deadLetter(m, c.maxReceiveCount());
                continue;
            }
            m.receiveCount++;
            if (m.receiveCount == 1) {
                queueWait.recordNanos(sim.nowNanos() - m.sentNanos);
            } else {
                redelivered++;
            }
            m.state = State.IN_FLIGHT;
            sim.scheduleIn(c.visibilityTimeoutNanos(), m);
            w.batch.addLast(m);
            w.batchReceipts[received++] = m.receiveCount;
        }
        if (received == 0) {
            idle.addLast(w);
        } else {
            startNext(w);
        }
    }

    private void deadLetter(Message m, int maxReceiveCount) {
        m.state = State.DEAD_LETTERED;
        deadLettered++;
        held--;
        log.accept(String.format(Locale.ROOT, "queue %s: message %d moved to the dead-letter queue after %d receives "
                + "(maxReceiveCount %d)", name, m.record.id(), m.receiveCount, maxReceiveCount));
        runWaiters();
    }

    /** The next message of the batch, or a new receive when the batch is done. */
    private void startNext(Worker w) {
        Message m = w.batch.pollFirst();
        if (m == null) {
            receive(w);
            return;
        }
        w.inHand = m;
        w.inHandReceipt = w.batchReceipts[w.batchHead++];
        if (processor == null) {
            w.inHandFails = m.record.poison() || random.nextDouble() < config.errorRate();
            sim.scheduleIn(Simulation.millisToNanos(config.processingTime().sample(random)), w);
            return;
        }
        w.inHandFails = m.record.poison() || config.errorRate() > 0 && random.nextDouble() < config.errorRate();
        long ticket = ++w.ticket;
        EventRecord r = m.record;
        EventRecord attempt = new EventRecord(r.id(), r.key(), r.publishNanos(), m.receiveCount - 1, r.poison());
        RecordProcessor.handOut(sim, done -> processor.process(w.id, -1, attempt, done), ok -> {
            if (w.ticket == ticket && !w.crashed) { // else its consumer crashed meanwhile: the answer is for nobody
                w.inHandFails |= !ok;
                processingDone(w);
            }
        });
    }

    private void processingDone(Worker w) {
        Message m = w.inHand;
        w.inHand = null;
        if (w.inHandFails) {
            // Not deleted: it comes back when its visibility ends.
            failedAttempts++;
        } else {
            processed++;
            if (!m.processed) {
                m.processed = true;
            } else if (!config.idempotent()) {
                duplicates++;
            }
            if (m.state == State.IN_FLIGHT && m.receiveCount == w.inHandReceipt) {
                m.state = State.DELETED;
                deleted++;
                held--;
                endToEnd.recordNanos(sim.nowNanos() - m.record.publishNanos());
                runWaiters();
            }
        }
        if (w.receiving) {
            startNext(w);
        } else {
            workers.remove(w.id);
        }
    }

    // ------------------------------------------------------------------ state

    /** The consumers receiving now, in the order they were added (not one removed and finishing its message). */
    public List<String> consumers() {
        List<String> ids = new ArrayList<>(workers.size());
        for (Worker w : workers.values()) {
            if (w.receiving) {
                ids.add(w.id);
            }
        }
        return ids;
    }

    /** Whether {@code id} is processing a message now (a removed consumer too, until it finishes). */
    public boolean busy(String id) {
        Worker w = workers.get(id);
        return w != null && w.inHand != null;
    }

    /** ApproximateNumberOfMessagesVisible. */
    public long visible() {
        return visible.size();
    }

    /** ApproximateNumberOfMessagesNotVisible: received, not yet deleted. */
    public long inFlight() {
        return held - visible.size();
    }

    public long sent() {
        return sent;
    }

    /** Messages processed and deleted (every effect, duplicates included). */
    public long deleted() {
        return deleted;
    }

    /** Successful processings, whether or not their delete took effect. */
    public long processed() {
        return processed;
    }

    /** Processings that failed: their message was not deleted. */
    public long failedAttempts() {
        return failedAttempts;
    }

    /** Receives of a message received before. */
    public long redelivered() {
        return redelivered;
    }

    /** Processings of a message already processed once (0 when idempotent). */
    public long duplicates() {
        return duplicates;
    }

    public long deadLettered() {
        return deadLettered;
    }

    /** Send → deleted, of every successful processing. */
    public LatencyRecorder endToEnd() {
        return endToEnd;
    }

    /** Send → first receive: the time a message waited in the queue for a consumer. */
    public LatencyRecorder queueWait() {
        return queueWait;
    }
}
