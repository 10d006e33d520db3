package dev.scalelab.engine.data;

/**
 * Per key, what the database knows of it: the shard that holds it, its latest committed version and
 * that version's LSN on the holder's log. The three sit side by side, 16 bytes a key, because a read
 * looks up all three for the same key: in three arrays (as they were) a key outside the processor's
 * caches cost three memory misses a read, here one.
 */
final class KeyRecords {
    private static final long LOW_32 = 0xFFFF_FFFFL;
    /** Key k's LSN at 2k; at 2k + 1 its holder in the high 32 bits and its version in the low 32. */
    private final long[] records;

    KeyRecords(int[] holders) {
        records = new long[2 * holders.length];
        for (int key = 0; key < holders.length; key++) {
            records[2 * key + 1] = (long) holders[key] << 32;
        }
    }

    int count() {
        return records.length / 2;
    }

    /** Every key's holder, copied out (adding a shard looks at them all, once). */
    int[] holders() {
        int[] holders = new int[count()];
        for (int key = 0; key < holders.length; key++) {
            holders[key] = holder(key);
        }
        return holders;
    }

    int holder(int key) {
        return (int) (records[2 * key + 1] >>> 32);
    }

    void setHolder(int key, int shard) {
        int i = 2 * key + 1;
        records[i] = ((long) shard << 32) | (records[i] & LOW_32);
    }

    /** The latest committed version (0 = never written). */
    int version(int key) {
        return (int) records[2 * key + 1];
    }

    void setVersion(int key, int version) {
        int i = 2 * key + 1;
        records[i] = (records[i] & ~LOW_32) | (version & LOW_32);
    }

    long lsn(int key) {
        return records[2 * key];
    }

    void setLsn(int key, long lsn) {
        records[2 * key] = lsn;
    }
}
