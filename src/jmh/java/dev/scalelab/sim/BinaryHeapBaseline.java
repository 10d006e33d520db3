package dev.scalelab.sim;

import java.util.Arrays;

/**
 * The kernel as it was before the event list was reworked (issue 17): the binary min-heap of
 * {@code EventQueue} with its parallel time/sequence arrays, and the run loop of
 * {@code Simulation.runUntil(limit, maxEvents)} without the profiler and the stop request (which cost
 * next to nothing). Kept here, a copy, so one benchmark run compares the old kernel with the new.
 */
final class BinaryHeapBaseline {
    private long[] times = new long[1024];
    private long[] seqs = new long[1024];
    private Event[] events = new Event[1024];
    private int size;
    private long nextSeq;
    private long nowNanos;
    private long eventsFired;

    long nowNanos() {
        return nowNanos;
    }

    void schedule(long atNanos, Event event) {
        if (atNanos < nowNanos) {
            throw new IllegalArgumentException("cannot schedule in the past: " + atNanos + " < " + nowNanos);
        }
        add(atNanos, event);
    }

    void scheduleIn(long delayNanos, Event event) {
        schedule(nowNanos + Math.max(0, delayNanos), event);
    }

    int runUntil(long untilNanos, int maxEvents) {
        int fired = 0;
        while (fired < maxEvents && peekTime() <= untilNanos) {
            nowNanos = peekTime();
            Event e = poll();
            eventsFired++;
            fired++;
            e.fire();
        }
        if (peekTime() > untilNanos && untilNanos > nowNanos) {
            nowNanos = untilNanos;
        }
        return fired;
    }

    private long peekTime() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    private void add(long timeNanos, Event event) {
        if (size == times.length) {
            int capacity = times.length * 2;
            times = Arrays.copyOf(times, capacity);
            seqs = Arrays.copyOf(seqs, capacity);
            events = Arrays.copyOf(events, capacity);
        }
        long seq = nextSeq++;
        int i = size++;
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

    private Event poll() {
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
}
