package dev.scalelab.engine.balancing;

import java.util.PriorityQueue;
import java.util.function.IntToDoubleFunction;

/**
 * Envoy's earliest-deadline-first scheduler ({@code edf_scheduler.h}), weighted round robin with
 * O(log n) picks: each slot waits in a min-heap under a deadline of now + 1/weight, where "now"
 * is the deadline of the latest pick; equal deadlines go first-in first-out. The picked slot is
 * put back with the weight it has at that moment, so a weight that changes (least request's
 * dynamic weight, slow start) takes effect the next time its slot is picked.
 */
final class EdfScheduler {
    private final PriorityQueue<Entry> queue;
    private double currentTime;
    private long nextOrder;

    /** Slots 0 to size - 1, each with its weight at build time (all must be positive). */
    EdfScheduler(int size, IntToDoubleFunction weightOfSlot) {
        queue = new PriorityQueue<>(Math.max(1, size));
        for (int slot = 0; slot < size; slot++) {
            Entry e = new Entry(slot);
            schedule(e, weightOfSlot.applyAsDouble(slot));
            queue.add(e);
        }
    }

    /** The slot with the earliest deadline; it is put back with its weight of now. */
    int pickAndAdd(IntToDoubleFunction weightOfSlot) {
        Entry e = queue.poll();
        currentTime = e.deadline;
        schedule(e, weightOfSlot.applyAsDouble(e.slot));
        queue.add(e);
        return e.slot;
    }

    private void schedule(Entry e, double weight) {
        e.deadline = currentTime + 1.0 / weight;
        e.order = nextOrder++;
    }

    private static final class Entry implements Comparable<Entry> {
        final int slot;
        double deadline;
        long order;

        Entry(int slot) {
            this.slot = slot;
        }

        @Override
        public int compareTo(Entry o) {
            int byDeadline = Double.compare(deadline, o.deadline);
            return byDeadline != 0 ? byDeadline : Long.compare(order, o.order);
        }
    }
}
