package dev.scalelab.engine.caching;

import java.util.Arrays;

/**
 * A map from non-negative int keys to objects without boxed keys: an {@link IntIntMap} gives each
 * key the slot of an array that holds its value, and a removed key's slot is used again. The
 * hierarchy keeps its loads in flight in one, where a HashMap of Integer boxed the key (above 127)
 * and chased a node per lookup. Never iterated, so its order cannot leak into a run.
 */
final class IntObjectMap<V> {
    private final IntIntMap slotOfKey;
    private Object[] values;
    /** Slots a removed key left, used before new ones; {@code freeCount} of them. */
    private int[] free;
    private int freeCount;
    /** Slots ever handed out. */
    private int used;

    IntObjectMap(int expectedSize) {
        int capacity = Math.max(4, expectedSize);
        slotOfKey = new IntIntMap(capacity);
        values = new Object[capacity];
        free = new int[capacity];
    }

    int size() {
        return slotOfKey.size();
    }

    /** The value of {@code key}, or null. */
    @SuppressWarnings("unchecked")
    V get(int key) {
        int slot = slotOfKey.get(key);
        return slot == IntIntMap.MISSING ? null : (V) values[slot];
    }

    void put(int key, V value) {
        int slot = slotOfKey.get(key);
        if (slot == IntIntMap.MISSING) {
            slot = freeCount > 0 ? free[--freeCount] : newSlot();
            slotOfKey.put(key, slot);
        }
        values[slot] = value;
    }

    /** Removes {@code key}; returns its value, or null. */
    @SuppressWarnings("unchecked")
    V remove(int key) {
        int slot = slotOfKey.remove(key);
        if (slot == IntIntMap.MISSING) {
            return null;
        }
        V removed = (V) values[slot];
        values[slot] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, 2 * free.length);
        }
        free[freeCount++] = slot;
        return removed;
    }

    private int newSlot() {
        if (used == values.length) {
            values = Arrays.copyOf(values, 2 * values.length);
        }
        return used++;
    }
}
