package dev.scalelab.ui.resilience;

/**
 * The attempt dots in flight on the canvas, as parallel arrays in a ring so that animating hundreds
 * of them allocates nothing. Dots are added in start-time order and expire oldest first.
 */
final class AttemptDots {
    static final int CAPACITY = 2048;

    /** Reached the dependency, which answered. */
    static final byte SENT = 0;
    /** Reached the dependency, which failed it (an error, a refused connection, a timeout). */
    static final byte FAILED = 1;
    /** Not permitted by the open breaker: bounces back without reaching the dependency. */
    static final byte REJECTED_BY_BREAKER = 2;
    /** Refused by the full bulkhead: bounces back too. */
    static final byte REJECTED_BY_BULKHEAD = 3;

    private final long[] startNanos = new long[CAPACITY];
    private final int[] dependencies = new int[CAPACITY];
    private final byte[] kinds = new byte[CAPACITY];
    private final boolean[] retries = new boolean[CAPACITY];
    private int head;
    private int size;

    /** Adds a dot; when full, the oldest makes room (it was nearly done anyway). */
    void add(long start, int dependency, byte kind, boolean retry) {
        if (size == CAPACITY) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        int slot = (head + size) % CAPACITY;
        startNanos[slot] = start;
        dependencies[slot] = dependency;
        kinds[slot] = kind;
        retries[slot] = retry;
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

    long startNanos(int i) {
        return startNanos[(head + i) % CAPACITY];
    }

    int dependency(int i) {
        return dependencies[(head + i) % CAPACITY];
    }

    byte kind(int i) {
        return kinds[(head + i) % CAPACITY];
    }

    boolean retry(int i) {
        return retries[(head + i) % CAPACITY];
    }
}
