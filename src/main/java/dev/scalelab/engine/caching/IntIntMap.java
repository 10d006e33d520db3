package dev.scalelab.engine.caching;

import java.util.Arrays;

/**
 * An open-addressing map from non-negative int keys to int values: linear probing, backward-shift
 * deletion, no boxing. Grows by doubling when half full, so its memory follows its largest size.
 */
final class IntIntMap {
    static final int MISSING = -1;
    private static final int EMPTY = -1;

    private int[] keys;
    private int[] values;
    private int mask;
    private int size;

    IntIntMap(int expectedSize) {
        allocate(Integer.highestOneBit(Math.max(4, expectedSize) * 2 - 1) << 1);
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or MISSING. */
    int get(int key) {
        int i = indexOf(key);
        return keys[i] == EMPTY ? MISSING : values[i];
    }

    void put(int key, int value) {
        if (key < 0) {
            throw new IllegalArgumentException("keys must be non-negative: " + key);
        }
        int i = indexOf(key);
        if (keys[i] == EMPTY) {
            keys[i] = key;
            size++;
        }
        values[i] = value;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    /** Removes {@code key}; returns its value, or MISSING. */
    int remove(int key) {
        int i = indexOf(key);
        if (keys[i] == EMPTY) {
            return MISSING;
        }
        int removed = values[i];
        size--;
        // Backward shift: pull later members of the probe run into the hole so lookups never stop early.
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (keys[j] == EMPTY) {
                break;
            }
            int home = hash(keys[j]) & mask;
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
        return removed;
    }

    private int indexOf(int key) {
        int i = hash(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int hash(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
