package dev.scalelab.sim;

import java.util.Arrays;

/**
 * A binary min-heap of events keyed by (time, sequence number). Keys live in primitive arrays, so
 * comparing two entries never boxes or allocates; the sequence number makes events scheduled for
 * the same instant run in the order they were scheduled, which keeps runs reproducible.
 */
public final class EventQueue {
    private long[] times;
    private long[] seqs;
    private Event[] events;
    private int size;
    private long nextSeq;

    public EventQueue() {
        this(1024);
    }

    public EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        times = new long[capacity];
        seqs = new long[capacity];
        events = new Event[capacity];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Time of the earliest event, or {@link Long#MAX_VALUE} when the queue is empty. */
    public long peekTime() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    public void add(long timeNanos, Event event) {
        if (size == times.length) {
            grow();
        }
        long seq = nextSeq++;
        int i = size++;
        // Sift up, moving parents down into the hole instead of swapping.
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long pt = times[parent];
            if (pt < timeNanos || (pt == timeNanos && seqs[parent] < seq)) {
                break;
            }
            times[i] = pt;
            seqs[i] = seqs[parent];
            events[i] = events[parent];
            i = parent;
        }
        times[i] = timeNanos;
        seqs[i] = seq;
        events[i] = event;
    }

    /** Removes the earliest event and returns it; its time was {@link #peekTime()}. */
    public Event poll() {
        Event top = events[0];
        int last = --size;
        long t = times[last];
        long s = seqs[last];
        Event e = events[last];
        events[last] = null;
        if (last > 0) {
            int i = 0;
            int half = last >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                long ct = times[child];
                long cs = seqs[child];
                if (right < last) {
                    long rt = times[right];
                    if (rt < ct || (rt == ct && seqs[right] < cs)) {
                        child = right;
                        ct = rt;
                        cs = seqs[right];
                    }
                }
                if (t < ct || (t == ct && s < cs)) {
                    break;
                }
                times[i] = ct;
                seqs[i] = cs;
                events[i] = events[child];
                i = child;
            }
            times[i] = t;
            seqs[i] = s;
            events[i] = e;
        }
        return top;
    }

    public void clear() {
        Arrays.fill(events, 0, size, null);
        size = 0;
    }

    private void grow() {
        int capacity = times.length * 2;
        times = Arrays.copyOf(times, capacity);
        seqs = Arrays.copyOf(seqs, capacity);
        events = Arrays.copyOf(events, capacity);
    }
}
