package dev.scalelab.engine.events;

import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.sim.Simulation;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * An SQS standard queue with competing consumers, in virtual time: a consumer receives up to
 * {@code receiveBatch} visible messages, which become invisible for the visibility timeout, and
 * processes them one at a time, deleting each when done. A message not deleted in time (slow
 * processing, a failure, a crashed consumer) becomes visible again and another consumer may take
 * it: a duplicate. After {@code maxReceiveCount} receives the redrive policy moves it to the
 * dead-letter queue. Not ordered. Confined to the simulation thread.
 */
public final class WorkQueue {

    /** @param log hears one line per decision worth explaining: redrives to the dead-letter queue, crashes */
    public WorkQueue(Simulation sim, String name, WorkQueueConfig config, SplittableRandom random, Consumer<String> log) {
        throw new UnsupportedOperationException("not built yet");
    }

    public String name() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Sends a message; false (and nothing sent) when the queue is full. */
    public boolean send(EventRecord message) {
        throw new UnsupportedOperationException("not built yet");
    }

    public boolean full() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Runs {@code r} once, when the queue is next not full; waiters run in FIFO order. */
    public void whenSpace(Runnable r) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void cancelWait(Runnable r) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** A ready consumer starts receiving. */
    public void addConsumer(String id) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** A consumer stops cleanly: it finishes the message in hand, and what it received but did not start comes back when its visibility ends. */
    public void removeConsumer(String id) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** A consumer crashes: what it holds comes back when its visibility ends. */
    public void crashConsumer(String id) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void reconfigure(WorkQueueConfig next) {
        throw new UnsupportedOperationException("not built yet");
    }

    public List<String> consumers() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Whether {@code id} is processing a message now. */
    public boolean busy(String id) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** ApproximateNumberOfMessagesVisible. */
    public long visible() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** ApproximateNumberOfMessagesNotVisible: received, not yet deleted. */
    public long inFlight() {
        throw new UnsupportedOperationException("not built yet");
    }

    public long sent() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Messages processed and deleted (every effect, duplicates included). */
    public long deleted() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Receives of a message received before. */
    public long redelivered() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Processings of a message already processed once (0 when idempotent). */
    public long duplicates() {
        throw new UnsupportedOperationException("not built yet");
    }

    public long deadLettered() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Send → deleted, of every successful processing. */
    public LatencyRecorder endToEnd() {
        throw new UnsupportedOperationException("not built yet");
    }
}
