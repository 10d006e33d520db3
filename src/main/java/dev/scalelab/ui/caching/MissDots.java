package dev.scalelab.ui.caching;

/**
 * Misses on their way down the request path, one dot each from the level that missed to the next
 * level or the store. Parallel arrays in a ring, so hundreds of them allocate nothing; dots are
 * added in start-time order and expire oldest first.
 */
final class MissDots {
    static final int CAPACITY = 512;

    private final long[] startNanos = new long[CAPACITY];
    private final byte[] levels = new byte[CAPACITY];
    private int head;
    private int size;

    /** Adds a dot leaving level {@code level}; when full, the oldest makes room (it had nearly arrived). */
    void add(long start, int level) {
        if (size == CAPACITY) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        int i = (head + size) % CAPACITY;
        startNanos[i] = start;
        levels[i] = (byte) level;
        size++;
    }

    /** Drops the dots that started more than {@code lifetimeNanos} before {@code nowNanos}. */
    void expire(long nowNanos, long lifetimeNanos) {
        while (size > 0 && nowNanos - startNanos[head] > lifetimeNanos) {
            head = (head + 1) % CAPACITY;
            size--;
        }
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** The i-th live dot, oldest first. */
    long startNanos(int i) {
        return startNanos[(head + i) % CAPACITY];
    }

    int level(int i) {
        return levels[(head + i) % CAPACITY];
    }
}
