package dev.scalelab.engine.caching;

/**
 * The last N keys requested, in a fixed ring the world feeds on every access, so Belady's bound
 * can be computed over the recent trace. O(1) per key, no allocation after construction.
 */
public final class KeyTraceRecorder {
    private final int[] ring;
    private long recorded;

    public KeyTraceRecorder(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a trace needs room for at least one key");
        }
        ring = new int[capacity];
    }

    public void record(int key) {
        ring[(int) (recorded % ring.length)] = key;
        recorded++;
    }

    /** Keys recorded since the start, including those the ring has dropped. */
    public long recorded() {
        return recorded;
    }

    public int size() {
        return (int) Math.min(recorded, ring.length);
    }

    /** The kept keys, oldest first, in a new array. */
    public int[] toArray() {
        int size = size();
        int[] trace = new int[size];
        int oldest = (int) ((recorded - size) % ring.length);
        int head = Math.min(size, ring.length - oldest);
        System.arraycopy(ring, oldest, trace, 0, head);
        System.arraycopy(ring, 0, trace, head, size - head);
        return trace;
    }
}
