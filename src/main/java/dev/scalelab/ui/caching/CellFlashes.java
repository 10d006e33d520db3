package dev.scalelab.ui.caching;

import dev.scalelab.engine.caching.CacheEventKind;

/**
 * What each slot of a level is flashing, from the level's newest events: a hit flashes its slot
 * green; a miss flashes red the slot its key is loaded into (when the load returns, which for the
 * store may be most of a second later); an eviction, expiry or invalidation leaves a fading outline
 * where the key was. One flash per slot, the newest winning, in per-slot arrays: no allocation per
 * event, and the view reads a slot's state in constant time.
 *
 * <p>Plain Java for tests; the FX thread owns it.
 */
final class CellFlashes {
    static final byte NONE = -1;
    static final byte HIT = (byte) CacheEventKind.HIT.ordinal();
    static final byte MISS = (byte) CacheEventKind.MISS.ordinal();
    static final byte INSERT = (byte) CacheEventKind.INSERT.ordinal();
    static final byte EVICT = (byte) CacheEventKind.EVICT.ordinal();
    static final byte EXPIRE = (byte) CacheEventKind.EXPIRE.ordinal();
    static final byte INVALIDATE = (byte) CacheEventKind.INVALIDATE.ordinal();

    static final long HIT_MISS_NANOS = 350_000_000L;
    static final long REMOVAL_NANOS = 700_000_000L;
    /** A fill counts as the end of a miss when the miss is at most this old: slow loads take over a second. */
    static final long MISS_MEMORY_NANOS = 3_000_000_000L;
    private static final int RECENT_MISSES = 1024;

    /** Receives each new miss, for the dot it sends down the request path. */
    interface MissListener {
        void missed(long startNanos);
    }

    private byte[] kinds = new byte[0];
    private long[] starts = new long[0];
    private int slots;
    private long animatingUntilNanos = Long.MIN_VALUE;
    private long seenRecorded = -1;
    private final int[] missKeys = new int[RECENT_MISSES];
    private final long[] missStarts = new long[RECENT_MISSES];
    private int missHead;
    private int missCount;

    /** Starts over for a level of {@code slotCount} slots (a new run, or a rebuilt cache). */
    void reset(int slotCount) {
        ensure(slotCount);
        java.util.Arrays.fill(kinds, NONE);
        seenRecorded = -1;
        missCount = 0;
        animatingUntilNanos = Long.MIN_VALUE;
    }

    private void ensure(int slotCount) {
        slots = slotCount;
        if (kinds.length < slotCount) {
            byte[] k = new byte[slotCount];
            java.util.Arrays.fill(k, NONE);
            System.arraycopy(kinds, 0, k, 0, kinds.length);
            kinds = k;
            starts = java.util.Arrays.copyOf(starts, slotCount);
        }
    }

    /**
     * Takes in a frame's view of the level's events (newest first; {@code recorded} counts all so
     * far), spreading the new ones over the last {@code spreadNanos} before {@code nowNanos}.
     *
     * @param index    where each key is now
     * @param previous where each key was in the previous frame (a removed key is gone from {@code index})
     */
    void takeIn(byte[] eventKinds, int[] eventKeys, long recorded, int slotCount, KeySlotIndex index,
                KeySlotIndex previous, long nowNanos, long spreadNanos, MissListener onMiss) {
        ensure(slotCount);
        int fresh = seenRecorded < 0 ? 0 : freshEvents(recorded, seenRecorded, eventKinds.length);
        seenRecorded = recorded;
        // Walk from the oldest new event, so that a later flash of a slot wins.
        for (int j = fresh - 1; j >= 0; j--) {
            long start = nowNanos - spreadNanos * j / Math.max(1, fresh);
            byte kind = eventKinds[j];
            int key = eventKeys[j];
            if (kind == HIT) {
                flash(index.slotOf(key), HIT, start);
            } else if (kind == MISS) {
                rememberMiss(key, start);
                onMiss.missed(start);
            } else if (kind == INSERT) {
                if (missedRecently(key, start)) {
                    flash(index.slotOf(key), MISS, start);
                }
            } else if (kind == EVICT || kind == EXPIRE || kind == INVALIDATE) {
                int slot = previous.slotOf(key);
                flash(slot != KeySlotIndex.MISSING ? slot : index.slotOf(key), kind, start);
            }
        }
    }

    private void flash(int slot, byte kind, long start) {
        if (slot < 0 || slot >= slots) {
            return; // a hit on a key evicted since, in the same frame
        }
        kinds[slot] = kind;
        starts[slot] = start;
        animatingUntilNanos = Math.max(animatingUntilNanos, start + lifetime(kind));
    }

    private void rememberMiss(int key, long start) {
        int i = (missHead + missCount) % RECENT_MISSES;
        if (missCount == RECENT_MISSES) {
            missHead = (missHead + 1) % RECENT_MISSES;
        } else {
            missCount++;
        }
        missKeys[i] = key;
        missStarts[i] = start;
    }

    private boolean missedRecently(int key, long at) {
        for (int n = 0; n < missCount; n++) {
            int i = (missHead + missCount - 1 - n) % RECENT_MISSES;
            if (at - missStarts[i] > MISS_MEMORY_NANOS) {
                return false; // older ones are older still
            }
            if (missKeys[i] == key) {
                return true;
            }
        }
        return false;
    }

    /** The kind of the slot's flash, or {@link #NONE}. */
    byte kind(int slot) {
        return slot < slots ? kinds[slot] : NONE;
    }

    /** How strong the slot's flash is at {@code nowNanos}: 1 when it starts, fading to 0 at its end. */
    double strength(int slot, long nowNanos) {
        byte kind = kind(slot);
        if (kind == NONE) {
            return 0;
        }
        long age = nowNanos - starts[slot];
        long lifetime = lifetime(kind);
        if (age < 0) {
            return 0; // spread into this frame; appears in a moment
        }
        if (age >= lifetime) {
            kinds[slot] = NONE;
            return 0;
        }
        return 1 - age / (double) lifetime;
    }

    /** Whether any flash may still be visible at {@code nowNanos}. */
    boolean animating(long nowNanos) {
        return nowNanos <= animatingUntilNanos;
    }

    static boolean isRemoval(byte kind) {
        return kind == EVICT || kind == EXPIRE || kind == INVALIDATE;
    }

    private static long lifetime(byte kind) {
        return isRemoval(kind) ? REMOVAL_NANOS : HIT_MISS_NANOS;
    }

    /**
     * How many of a level's newest events are new since {@code seenRecorded}: the view copies at most
     * {@code available} of them, newest first. 0 when the count went back (a new run, or the drawn
     * copy changed), so that an old burst does not flash again.
     */
    static int freshEvents(long recorded, long seenRecorded, int available) {
        if (recorded <= seenRecorded) {
            return 0;
        }
        return (int) Math.min(recorded - seenRecorded, available);
    }
}
