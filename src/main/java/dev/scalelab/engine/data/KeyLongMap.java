package dev.scalelab.engine.data;

import java.util.Arrays;

/**
 * A map from keys (non-negative ints) to longs, absent keys reading 0: open addressing with linear
 * probing in two primitive arrays, grown by doubling when half full. A session touches thousands of
 * keys at tens of thousands of queries a second; a {@code HashMap<Integer, Long>} boxed each of them
 * and wrote a new young object into an old table per query, which cost the collector's pauses more
 * than the queries' own work (a resharding run at full speed paused 30 ms every two seconds).
 */
final class KeyLongMap {
    private static final int EMPTY = -1;

    private int[] keys;
    private long[] values;
    private int mask;
    private int size;

    KeyLongMap() {
        allocate(16);
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or 0 when it has none. */
    long get(int key) {
        int i = indexOf(key);
        return keys[i] == EMPTY ? 0 : values[i];
    }

    void put(int key, long value) {
        if (key < 0) {
            throw new IllegalArgumentException("keys are non-negative: " + key);
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

    private int indexOf(int key) {
        int h = key * 0x9E3779B9;
        int i = (h ^ (h >>> 16)) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        values = new long[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
    }

    private void grow() {
        int[] oldKeys = keys;
        long[] oldValues = values;
        allocate(oldKeys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
