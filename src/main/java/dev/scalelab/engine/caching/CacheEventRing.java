package dev.scalelab.engine.caching;

/**
 * The last few events of a level (kind, key, time) in a fixed ring, for the view to flash slots.
 * Recording is O(1) and allocation-free; {@link #recorded()} is a revision counter a view can
 * compare with the one it drew.
 */
public final class CacheEventRing {
    private static final CacheEventKind[] KINDS = CacheEventKind.values();

    private final byte[] kinds;
    private final int[] keys;
    private final long[] atNanos;
    private long recorded;

    public CacheEventRing(int capacity) {
        kinds = new byte[capacity];
        keys = new int[capacity];
        atNanos = new long[capacity];
    }

    void record(CacheEventKind kind, int key, long nowNanos) {
        if (keys.length == 0) {
            return;
        }
        int i = (int) (recorded % keys.length);
        kinds[i] = (byte) kind.ordinal();
        keys[i] = key;
        atNanos[i] = nowNanos;
        recorded++;
    }

    /** Events recorded since the level was made (not only those still in the ring). */
    public long recorded() {
        return recorded;
    }

    /**
     * Copies up to {@code max} of the newest events, newest first, into the arrays (each at least
     * {@code max} long); returns how many were copied.
     */
    public int copyNewest(int max, CacheEventKind[] kindsOut, int[] keysOut, long[] atNanosOut) {
        int count = (int) Math.min(Math.min(max, keys.length), recorded);
        for (int n = 0; n < count; n++) {
            int i = (int) ((recorded - 1 - n) % keys.length);
            kindsOut[n] = KINDS[kinds[i]];
            keysOut[n] = keys[i];
            atNanosOut[n] = atNanos[i];
        }
        return count;
    }
}
