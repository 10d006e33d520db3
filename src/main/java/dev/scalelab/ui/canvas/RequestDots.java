package dev.scalelab.ui.canvas;

/**
 * The requests in flight on the canvas, as parallel arrays in a ring so that animating hundreds of
 * them allocates nothing. Dots are added in start-time order and expire oldest first.
 */
final class RequestDots {
    public static final int CAPACITY = 1024;

    private final long[] startNanos = new long[CAPACITY];
    private final int[] instanceNumbers = new int[CAPACITY];
    private final byte[] outcomes = new byte[CAPACITY];
    private int head;
    private int size;

    /** Adds a dot; when full, the oldest dot makes room (it was nearly done anyway). */
    public void add(long start, int instanceNumber, byte outcome) {
        if (size == CAPACITY) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        int slot = (head + size) % CAPACITY;
        startNanos[slot] = start;
        instanceNumbers[slot] = instanceNumber;
        outcomes[slot] = outcome;
        size++;
    }

    /** Drops the dots that started more than {@code lifetimeNanos} before {@code nowNanos}. */
    public void expire(long nowNanos, long lifetimeNanos) {
        while (size > 0 && nowNanos - startNanos[head] > lifetimeNanos) {
            head = (head + 1) % CAPACITY;
            size--;
        }
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    /** The i-th live dot, oldest first. */
    public long startNanos(int i) {
        return startNanos[(head + i) % CAPACITY];
    }

    public int instanceNumber(int i) {
        return instanceNumbers[(head + i) % CAPACITY];
    }

    public byte outcome(int i) {
        return outcomes[(head + i) % CAPACITY];
    }
}
