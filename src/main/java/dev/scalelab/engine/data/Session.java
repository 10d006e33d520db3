package dev.scalelab.engine.data;

import java.util.Arrays;

/**
 * A client's session: the log positions that its session guarantees need (its last write and the
 * furthest position it has read, per shard, as MongoDB's causal sessions keep operationTime) and,
 * for measuring violations, its own last written and highest read version of each key it touched.
 * Memory grows with the keys the session touches (at most the key count); sessions are the world's
 * to create and drop. Confined to the simulation thread.
 */
public final class Session {
    private final String name;
    private long[] lastWriteLsnByShard = new long[0];
    private long[] maxSeenLsnByShard = new long[0];
    /** Per key: own last written version in the high 32 bits, highest version read in the low 32. */
    private final KeyLongMap versionsByKey = new KeyLongMap();

    public Session(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The log position of the session's last write on a shard, 0 if none. */
    public long lastWriteLsn(int shardId) {
        return shardId < lastWriteLsnByShard.length ? lastWriteLsnByShard[shardId] : 0;
    }

    /** The furthest applied position of any node this session read from on a shard, 0 if none. */
    public long maxSeenLsn(int shardId) {
        return shardId < maxSeenLsnByShard.length ? maxSeenLsnByShard[shardId] : 0;
    }

    /** This session's last written version of a key, 0 if it never wrote it. */
    public int ownWrittenVersion(int key) {
        return (int) (versionsByKey.get(key) >>> 32);
    }

    /** The highest version of a key this session has read, 0 if none. */
    public int highestReadVersion(int key) {
        return (int) versionsByKey.get(key);
    }

    void wrote(int shardId, long lsn, int key, int version) {
        lastWriteLsnByShard = grown(lastWriteLsnByShard, shardId);
        lastWriteLsnByShard[shardId] = lsn;
        long packed = versionsByKey.get(key);
        versionsByKey.put(key, ((long) version << 32) | (packed & 0xffffffffL));
    }

    void read(int shardId, long appliedLsn, int key, int version) {
        maxSeenLsnByShard = grown(maxSeenLsnByShard, shardId);
        maxSeenLsnByShard[shardId] = Math.max(maxSeenLsnByShard[shardId], appliedLsn);
        long packed = versionsByKey.get(key);
        int highestRead = Math.max((int) packed, version);
        versionsByKey.put(key, (packed & 0xffffffff00000000L) | (highestRead & 0xffffffffL));
    }

    private static long[] grown(long[] array, int index) {
        return index < array.length ? array : Arrays.copyOf(array, Math.max(index + 1, array.length * 2));
    }
}
