package dev.scalelab.ui.caching;

/**
 * Which slot of a level holds a key, rebuilt from each frame's slot array, so that an event (which
 * names a key) finds its cell in constant time. Open addressing over int arrays: rebuilding for
 * 4096 slots allocates nothing once the table has grown.
 */
final class KeySlotIndex {
    static final int MISSING = -1;
    private static final int EMPTY = Integer.MIN_VALUE;

    private int[] keys = new int[16];
    private int[] slots = new int[16];
    private int mask = 15;

    KeySlotIndex() {
        java.util.Arrays.fill(keys, EMPTY);
    }

    /** Indexes {@code slotKeys} (key per slot, negative for an empty slot). */
    void rebuild(int[] slotKeys) {
        int needed = Integer.highestOneBit(Math.max(8, slotKeys.length) * 2) * 2; // load factor <= 1/2
        if (keys.length < needed) {
            keys = new int[needed];
            slots = new int[needed];
            mask = needed - 1;
        }
        java.util.Arrays.fill(keys, EMPTY);
        for (int slot = 0; slot < slotKeys.length; slot++) {
            int key = slotKeys[slot];
            if (key >= 0) {
                put(key, slot);
            }
        }
    }

    void clear() {
        java.util.Arrays.fill(keys, EMPTY);
    }

    private void put(int key, int slot) {
        int i = mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        slots[i] = slot;
    }

    /** The slot holding {@code key}, or {@link #MISSING}. */
    int slotOf(int key) {
        int i = mix(key) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                return slots[i];
            }
            i = (i + 1) & mask;
        }
        return MISSING;
    }

    /** Zipf keys are small consecutive numbers; spread them so that probes stay short. */
    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
