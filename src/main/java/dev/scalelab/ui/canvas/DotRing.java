package dev.scalelab.ui.canvas;

/**
 * Dots in flight on a canvas (requests, attempts, misses), as parallel arrays in a ring so that
 * animating hundreds of them allocates nothing. Each dot has its start time, the index of the row or
 * level it belongs to, a kind and a flag whose meaning the view gives them. Dots are added in
 * start-time order and expire oldest first.
 */
public final class DotRing {
    private final long[] startNanos;
    private final int[] targets;
    private final byte[] kinds;
    private final boolean[] flags;
    private int head;
    private int size;

    public DotRing(int capacity) {
        startNanos = new long[capacity];
        targets = new int[capacity];
        kinds = new byte[capacity];
        flags = new boolean[capacity];
    }

    /** Adds a dot; when full, the oldest makes room (it had nearly arrived). */
    public void add(long start, int target, byte kind, boolean flag) {
        int capacity = startNanos.length;
        if (size == capacity) {
            head = (head + 1) % capacity;
            size--;
        }
        int slot = (head + size) % capacity;
        startNanos[slot] = start;
        targets[slot] = target;
        kinds[slot] = kind;
        flags[slot] = flag;
        size++;
    }

    /** Drops the dots that started more than {@code lifetimeNanos} before {@code nowNanos}. */
    public void expire(long nowNanos, long lifetimeNanos) {
        while (size > 0 && nowNanos - startNanos[head] > lifetimeNanos) {
            head = (head + 1) % startNanos.length;
            size--;
        }
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return startNanos.length;
    }

    /** The i-th live dot's start, oldest first. */
    public long startNanos(int i) {
        return startNanos[slot(i)];
    }

    public int target(int i) {
        return targets[slot(i)];
    }

    public byte kind(int i) {
        return kinds[slot(i)];
    }

    public boolean flag(int i) {
        return flags[slot(i)];
    }

    private int slot(int i) {
        return (head + i) % startNanos.length;
    }
}
