package dev.scalelab.world;

/**
 * Every request's closed spans (a phase and when it started), in one ring reused for the whole
 * run, so tracing allocates nothing per request. Each span points back to the same request's
 * previous one; a request keeps only the position of its last. When a request ends, the profiler
 * walks that chain back to read the request's spans, but only for the few requests it keeps as
 * slow traces. A chain whose start the ring has already overwritten cannot be read, and that
 * request is not traced: {@link #CAPACITY} spans cover about {@code CAPACITY / 4} requests' worth
 * of traffic (a request has about four spans), several seconds at the presets' rates. Confined to
 * the simulation thread.
 */
final class TraceBuffer {
    /** Spans kept: 2^16, 1.6 MB. */
    static final int CAPACITY = 1 << 16;
    private static final int MASK = CAPACITY - 1;
    /** A request's last span before it has any. */
    static final long NONE = -1;

    private final long[] requestIds = new long[CAPACITY];
    private final long[] startNanos = new long[CAPACITY];
    /** The absolute position of the same request's previous span, or {@link #NONE}. */
    private final long[] previous = new long[CAPACITY];
    private final byte[] phases = new byte[CAPACITY];
    /** Spans written since the start: the absolute position of the next one. */
    private long written;

    /**
     * Records that request {@code requestId} spent from {@code fromNanos} until now in {@code phase};
     * {@code last} is the position of its previous span. Returns this span's position.
     */
    long append(long requestId, long last, Phase phase, long fromNanos) {
        int slot = (int) (written & MASK);
        requestIds[slot] = requestId;
        startNanos[slot] = fromNanos;
        previous[slot] = last;
        phases[slot] = (byte) phase.ordinal();
        return written++;
    }

    /**
     * How many closed spans of request {@code requestId} the chain ending at {@code last} holds,
     * or -1 when the ring has overwritten part of it.
     */
    int chainLength(long requestId, long last) {
        int n = 0;
        for (long at = last; at != NONE; at = previous[(int) (at & MASK)]) {
            if (at < written - CAPACITY || requestIds[(int) (at & MASK)] != requestId) {
                return -1;
            }
            n++;
        }
        return n;
    }

    /**
     * Copies the chain ending at {@code last}, which {@link #chainLength} found whole and
     * {@code n} long, into the first {@code n} places of the arrays, oldest first.
     */
    void copyChain(long last, int n, byte[] phaseOrdinals, long[] starts) {
        long at = last;
        for (int i = n - 1; i >= 0; i--) {
            int slot = (int) (at & MASK);
            phaseOrdinals[i] = phases[slot];
            starts[i] = startNanos[slot];
            at = previous[slot];
        }
    }
}
