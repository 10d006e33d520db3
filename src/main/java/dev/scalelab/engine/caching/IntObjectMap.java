package dev.scalelab.engine.caching;

import java.util.Arrays;

/**
 * An open-addressing map from non-negative int keys to objects, as {@link IntIntMap}: linear
 * probing, backward-shift deletion, no boxed keys. The hierarchy keeps its loads in flight in one,
 * where a HashMap of Integer boxed the key (above 127) and chased a node per lookup.
 * Never iterated, so its order cannot leak into a run.
 */
final class IntObjectMap<V> {
    private static final int EMPTY = -1;

    private int[] keys;
    private Object[] values;
    private int mask;
    private int size;

    IntObjectMap(int expectedSize) {
        allocate(Integer.highestOneBit(Math.max(4, expectedSize) * 2 - 1) << 1);
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or null. */
    @SuppressWarnings("unchecked")
    V get(int key) {
        int i = indexOf(key);
        return keys[i] == EMPTY ? null : (V) values[i];
    }

    void put(int key, V value) {
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

    /** Removes {@code key}; returns its value, or null. */
    @SuppressWarnings("unchecked")
    V remove(int key) {
        int i = indexOf(key);
        if (keys[i] == EMPTY) {
            return null;
        }
        V removed = (V) values[i];
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
        values[hole] = null;
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
        values = new Object[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(oldKeys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], (V) oldValues[i]);
            }
        }
    }
}
