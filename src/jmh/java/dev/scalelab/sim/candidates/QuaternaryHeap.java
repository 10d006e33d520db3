package dev.scalelab.sim.candidates;

import dev.scalelab.sim.Event;

import java.util.Arrays;

/** Candidate: 4-ary heap, (time, seq) interleaved in one long[]. */
public final class QuaternaryHeap {
    private long[] keys = new long[2048];
    private Event[] events = new Event[1024];
    private int size;
    private long nextSeq;

    public int size() {
        return size;
    }

    public long peekTime() {
        return size == 0 ? Long.MAX_VALUE : keys[0];
    }

    public void add(long t, Event e) {
        if (size == events.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
            events = Arrays.copyOf(events, events.length * 2);
        }
        long s = nextSeq++;
        int i = size++;
        long[] k = keys;
        while (i > 0) {
            int p = (i - 1) >>> 2;
            long pt = k[2 * p];
            if (pt <= t) { // equal time: the parent was scheduled earlier
                break;
            }
            k[2 * i] = pt;
            k[2 * i + 1] = k[2 * p + 1];
            events[i] = events[p];
            i = p;
        }
        k[2 * i] = t;
        k[2 * i + 1] = s;
        events[i] = e;
    }

    public Event poll() {
        Event top = events[0];
        int last = --size;
        long[] k = keys;
        long t = k[2 * last];
        long s = k[2 * last + 1];
        Event e = events[last];
        events[last] = null;
        if (last == 0) {
            return top;
        }
        int i = 0;
        while (true) {
            int c = 4 * i + 1;
            if (c >= last) {
                break;
            }
            int end = Math.min(c + 4, last);
            int best = c;
            long bt = k[2 * c];
            long bs = k[2 * c + 1];
            for (int j = c + 1; j < end; j++) {
                long jt = k[2 * j];
                if (jt < bt || (jt == bt && k[2 * j + 1] < bs)) {
                    best = j;
                    bt = jt;
                    bs = k[2 * j + 1];
                }
            }
            if (t < bt || (t == bt && s < bs)) {
                break;
            }
            k[2 * i] = bt;
            k[2 * i + 1] = bs;
            events[i] = events[best];
            i = best;
        }
        k[2 * i] = t;
        k[2 * i + 1] = s;
        events[i] = e;
        return top;
    }
}
