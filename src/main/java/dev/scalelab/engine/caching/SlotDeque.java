package dev.scalelab.engine.caching;

import java.util.Arrays;

/**
 * A doubly linked deque of slot numbers, first = least recently used or oldest, last = most
 * recent, with O(1) add, remove and move. Several deques may share one pair of link arrays because
 * a slot sits in at most one of them (W-TinyLFU's window, probation and protected; LFU's buckets),
 * as Caffeine's access-order deques link the nodes themselves.
 */
final class SlotDeque {
    static final int NONE = -1;

    private final int[] previous;
    private final int[] next;
    private int first = NONE;
    private int last = NONE;
    private int size;

    SlotDeque(int[] previous, int[] next) {
        this.previous = previous;
        this.next = next;
    }

    /** Link arrays for {@code slots} slots, to share among deques. */
    static int[] newLinks(int slots) {
        int[] links = new int[slots];
        Arrays.fill(links, NONE);
        return links;
    }

    static SlotDeque standalone(int slots) {
        return new SlotDeque(newLinks(slots), newLinks(slots));
    }

    int first() {
        return first;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The slot after {@code slot} towards the last, or NONE. */
    int next(int slot) {
        return next[slot];
    }

    void addLast(int slot) {
        previous[slot] = last;
        next[slot] = NONE;
        if (last == NONE) {
            first = slot;
        } else {
            next[last] = slot;
        }
        last = slot;
        size++;
    }

    void remove(int slot) {
        int before = previous[slot];
        int after = next[slot];
        if (before == NONE) {
            first = after;
        } else {
            next[before] = after;
        }
        if (after == NONE) {
            last = before;
        } else {
            previous[after] = before;
        }
        previous[slot] = NONE;
        next[slot] = NONE;
        size--;
    }

    void moveToLast(int slot) {
        if (slot != last) {
            remove(slot);
            addLast(slot);
        }
    }
}
