package dev.scalelab.sim.candidates;

import dev.scalelab.sim.Event;

import java.util.Arrays;

/** Candidate: monotone radix heap with FIFO buckets (stable for equal times). */
public final class RadixQueue {
    private final long[][] times = new long[65][];
    private final Event[][] events = new Event[65][];
    private final int[] counts = new int[65];
    private int head0;
    private long nonEmpty; // bit b-1 set when bucket b (1..64) holds entries
    private long last = Long.MIN_VALUE;
    private int size;
    private long cachedMin;
    private boolean minValid;

    public RadixQueue() {
        for (int b = 0; b < 65; b++) {
            times[b] = new long[16];
            events[b] = new Event[16];
        }
    }

    public int size() {
        return size;
    }

    public void add(long t, Event e) {
        if (t < last) {
            throw new IllegalArgumentException("before the last polled time");
        }
        size++;
        int b = 64 - Long.numberOfLeadingZeros(t ^ last);
        if (b != 0) {
            nonEmpty |= 1L << (b - 1);
            if (minValid && t < cachedMin) {
                cachedMin = t;
            }
        }
        int n = counts[b];
        long[] ts = times[b];
        if (n == ts.length) {
            ts = times[b] = Arrays.copyOf(ts, n * 2);
            events[b] = Arrays.copyOf(events[b], n * 2);
        }
        ts[n] = t;
        events[b][n] = e;
        counts[b] = n + 1;
    }

    public long peekTime() {
        if (head0 < counts[0]) {
            return last;
        }
        if (size == 0) {
            return Long.MAX_VALUE;
        }
        if (!minValid) {
            int b = Long.numberOfTrailingZeros(nonEmpty) + 1;
            long[] ts = times[b];
            long m = ts[0];
            for (int i = 1, n = counts[b]; i < n; i++) {
                m = Math.min(m, ts[i]);
            }
            cachedMin = m;
            minValid = true;
        }
        return cachedMin;
    }

    public Event poll() {
        if (head0 == counts[0]) {
            long m = peekTime();
            int b = Long.numberOfTrailingZeros(nonEmpty) + 1;
            nonEmpty &= ~(1L << (b - 1));
            minValid = false;
            last = m;
            long[] ts = times[b];
            Event[] es = events[b];
            int n = counts[b];
            counts[b] = 0;
            long mask = 0;
            for (int i = 0; i < n; i++) {
                long t = ts[i];
                int nb = 64 - Long.numberOfLeadingZeros(t ^ m);
                int c = counts[nb];
                long[] nts = times[nb];
                if (c == nts.length) {
                    nts = times[nb] = Arrays.copyOf(nts, c * 2);
                    events[nb] = Arrays.copyOf(events[nb], c * 2);
                }
                nts[c] = t;
                events[nb][c] = es[i];
                counts[nb] = c + 1;
                mask |= 1L << nb;
                es[i] = null;
            }
            nonEmpty |= mask >>> 1;
        }
        Event e = events[0][head0];
        events[0][head0++] = null;
        if (head0 == counts[0]) {
            head0 = 0;
            counts[0] = 0;
        }
        size--;
        return e;
    }
}
