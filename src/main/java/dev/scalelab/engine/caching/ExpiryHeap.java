package dev.scalelab.engine.caching;

import java.util.Arrays;

/**
 * An indexed binary min-heap of slots ordered by their absolute expiry time, so a level removes
 * every entry whose time has come in O(log n) each and can drop or re-time any slot in O(log n).
 * Plays the part of Caffeine's timer wheel for variable expiry, exactly rather than bucketed.
 */
final class ExpiryHeap {
    private final long[] expiryNanos;
    private final int[] heap;
    private final int[] positionOfSlot;
    private int size;

    /** @param expiryNanos the level's per-slot expiry times, read when ordering */
    ExpiryHeap(long[] expiryNanos) {
        this.expiryNanos = expiryNanos;
        heap = new int[expiryNanos.length];
        positionOfSlot = new int[expiryNanos.length];
        Arrays.fill(positionOfSlot, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The slot that expires first; the heap must not be empty. */
    int soonestSlot() {
        return heap[0];
    }

    void add(int slot) {
        heap[size] = slot;
        positionOfSlot[slot] = size;
        size++;
        siftUp(size - 1);
    }

    void remove(int slot) {
        int position = positionOfSlot[slot];
        positionOfSlot[slot] = -1;
        size--;
        if (position == size) {
            return;
        }
        int moved = heap[size];
        heap[position] = moved;
        positionOfSlot[moved] = position;
        siftDown(position);
        siftUp(positionOfSlot[moved]);
    }

    /** Restores the order after the slot's expiry time changed. */
    void reschedule(int slot) {
        int position = positionOfSlot[slot];
        siftUp(position);
        siftDown(positionOfSlot[slot]);
    }

    private void siftUp(int position) {
        int slot = heap[position];
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (expiryNanos[heap[parent]] <= expiryNanos[slot]) {
                break;
            }
            place(heap[parent], position);
            position = parent;
        }
        place(slot, position);
    }

    private void siftDown(int position) {
        int slot = heap[position];
        while (true) {
            int child = 2 * position + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && expiryNanos[heap[child + 1]] < expiryNanos[heap[child]]) {
                child++;
            }
            if (expiryNanos[heap[child]] >= expiryNanos[slot]) {
                break;
            }
            place(heap[child], position);
            position = child;
        }
        place(slot, position);
    }

    private void place(int slot, int position) {
        heap[position] = slot;
        positionOfSlot[slot] = position;
    }
}
