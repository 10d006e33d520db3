package dev.scalelab.engine.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A group's non-blocking retries, as Spring Kafka's {@code @RetryableTopic} lays them out: one
 * retry topic per back-off level (the n-th retry waits the n-th back-off), each first-in first-out
 * with one delay, so its head is its earliest due record. The record due first over all levels is
 * taken first. Levels past {@link #LEVELS} share the last (their back-off is long capped by then).
 */
final class RetryTopic {
    static final int LEVELS = 32;

    /** A record waiting for its retry; {@code record.attempt()} counts the attempts made. */
    record Entry(EventRecord record, int partition, long offset, long dueNanos) {
    }

    private final List<ArrayDeque<Entry>> levels = new ArrayList<>();
    private long size;

    void add(Entry e) {
        int level = Math.min(e.record().attempt(), LEVELS) - 1;
        while (levels.size() <= level) {
            levels.add(new ArrayDeque<>());
        }
        levels.get(level).add(e);
        size++;
    }

    /** Takes the earliest record due at or before {@code nowNanos}, or returns null. */
    Entry takeDue(long nowNanos) {
        ArrayDeque<Entry> first = null;
        for (int i = 0; i < levels.size(); i++) {
            Entry head = levels.get(i).peek();
            if (head != null && head.dueNanos() <= nowNanos
                    && (first == null || head.dueNanos() < first.peek().dueNanos())) {
                first = levels.get(i);
            }
        }
        if (first == null) {
            return null;
        }
        size--;
        return first.poll();
    }

    long size() {
        return size;
    }
}
