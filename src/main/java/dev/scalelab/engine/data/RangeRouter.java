package dev.scalelab.engine.data;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Range sharding: shards own contiguous ranges of a 64-bit keyspace, inclusive at the lower bound
 * and exclusive at the upper, as MongoDB chunks and Vitess shards ({@code -80}, {@code 80-}) do.
 * Resharding splits a range (a new shard takes its upper part) or merges one into its neighbour.
 *
 * <p>Two keyspaces: <b>ranged</b> places key k at floor(k x 2^64 / keyCount), so neighbouring keys
 * stay together (MongoDB's default ranged sharding, Vitess' {@code numeric} vindex) and a popular
 * block of keys makes a hot shard; <b>hashed</b> places the key at its 64-bit hash (Vitess'
 * {@code hash} vindex keyspace_id, MongoDB hashed sharding), which spreads load but scatters ranges.
 */
public final class RangeRouter implements ShardRouter {
    private final int keyCount;
    private final boolean hashed;
    /** Lower bounds with the sign bit flipped (signed order = unsigned order); the first is 0. */
    private final long[] flippedLowerBounds;
    private final int[] owners;

    private RangeRouter(int keyCount, boolean hashed, long[] flippedLowerBounds, int[] owners) {
        if (keyCount < 1) {
            throw new IllegalArgumentException("a range router needs the key count");
        }
        this.keyCount = keyCount;
        this.hashed = hashed;
        this.flippedLowerBounds = flippedLowerBounds;
        this.owners = owners;
    }

    /** n equal ranges, the i-th owned by {@code shardIds[i]}. */
    static RangeRouter evenlySplit(int[] shardIds, int keyCount, boolean hashed) {
        int[] ids = ShardIds.validated(shardIds);
        long[] lower = new long[ids.length];
        BigInteger n = BigInteger.valueOf(ids.length);
        for (int i = 0; i < ids.length; i++) {
            lower[i] = BigInteger.valueOf(i).shiftLeft(64).divide(n).longValue() ^ Long.MIN_VALUE;
        }
        return new RangeRouter(keyCount, hashed, lower, ids);
    }

    /** The key's unsigned 64-bit place in the keyspace. */
    public long keyspacePosition(int key) {
        if (hashed) {
            return KeyHash.of(key);
        }
        if (key < 0 || key >= keyCount) {
            throw new IllegalArgumentException("key " + key + " outside 0.." + (keyCount - 1));
        }
        return KeyHash.slice(key, keyCount);
    }

    @Override
    public Strategy strategy() {
        return hashed ? Strategy.HASHED_RANGE : Strategy.RANGE;
    }

    /** The owners in range order, each once. */
    @Override
    public int[] shardIds() {
        return Arrays.stream(owners).distinct().toArray();
    }

    @Override
    public int shardCount() {
        return shardIds().length;
    }

    @Override
    public int shardFor(int key) {
        return owners[rangeIndex(keyspacePosition(key))];
    }

    private int rangeIndex(long position) {
        int index = Arrays.binarySearch(flippedLowerBounds, position ^ Long.MIN_VALUE);
        return index >= 0 ? index : -index - 2;
    }

    private long lower(int range) {
        return flippedLowerBounds[range] ^ Long.MIN_VALUE;
    }

    /** The exclusive upper bound; 0 stands for 2^64 after the last range. */
    private long upper(int range) {
        return range + 1 < owners.length ? lower(range + 1) : 0;
    }

    @Override
    public boolean canRemove(int shardId) {
        return shardCount() > 1 && ShardIds.indexOf(owners, shardId) >= 0;
    }

    /** Splits the widest range at its midpoint, as Vitess splits {@code -80} into {@code -40} and {@code 40-80}. */
    @Override
    public ShardRouter withShardAdded(int shardId) {
        int widest = 0;
        for (int r = 1; r < owners.length; r++) {
            if (Long.compareUnsigned(upper(r) - lower(r), upper(widest) - lower(widest)) > 0) {
                widest = r;
            }
        }
        long width = upper(widest) - lower(widest); // 0 means the whole 2^64 space
        long midpoint = lower(widest) + (width == 0 ? Long.MIN_VALUE : width >>> 1);
        return withSplit(owners[widest], midpoint, shardId);
    }

    /**
     * A router where {@code newShardId} takes the part from {@code splitPosition} (unsigned,
     * inclusive) to the end of the {@code shardId} range that contains it.
     */
    public RangeRouter withSplit(int shardId, long splitPosition, int newShardId) {
        if (ShardIds.indexOf(owners, newShardId) >= 0) {
            throw new IllegalArgumentException("shard " + newShardId + " already exists");
        }
        int range = rangeIndex(splitPosition);
        if (owners[range] != shardId || lower(range) == splitPosition) {
            throw new IllegalArgumentException("split point " + Long.toUnsignedString(splitPosition, 16)
                    + " is not inside a range of shard " + shardId);
        }
        long[] lower = new long[owners.length + 1];
        int[] newOwners = new int[owners.length + 1];
        for (int r = 0, out = 0; r < owners.length; r++) {
            lower[out] = flippedLowerBounds[r];
            newOwners[out++] = owners[r];
            if (r == range) {
                lower[out] = splitPosition ^ Long.MIN_VALUE;
                newOwners[out++] = newShardId;
            }
        }
        return new RangeRouter(keyCount, hashed, lower, newOwners);
    }

    /** The removed shard's ranges merge into the neighbour below (the one above for the first range). */
    @Override
    public ShardRouter withShardRemoved(int shardId) {
        if (!canRemove(shardId)) {
            throw new IllegalArgumentException("cannot remove shard " + shardId);
        }
        int[] reassigned = owners.clone();
        for (int r = 0; r < reassigned.length; r++) {
            if (reassigned[r] == shardId && r > 0) {
                reassigned[r] = reassigned[r - 1];
            }
        }
        for (int r = reassigned.length - 1; r >= 0; r--) {
            if (reassigned[r] == shardId) {
                reassigned[r] = reassigned[r + 1];
            }
        }
        List<Long> lower = new ArrayList<>();
        List<Integer> merged = new ArrayList<>();
        for (int r = 0; r < reassigned.length; r++) {
            if (r == 0 || reassigned[r] != reassigned[r - 1]) {
                lower.add(flippedLowerBounds[r]);
                merged.add(reassigned[r]);
            }
        }
        return new RangeRouter(keyCount, hashed, lower.stream().mapToLong(Long::longValue).toArray(),
                merged.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public double position(int key) {
        return KeyHash.unitInterval(keyspacePosition(key));
    }

    /** The lower bound of every range, in order. */
    @Override
    public List<RingPoint> ringPoints() {
        List<RingPoint> points = new ArrayList<>(owners.length);
        for (int r = 0; r < owners.length; r++) {
            points.add(new RingPoint(owners[r], KeyHash.unitInterval(lower(r))));
        }
        return points;
    }

    /** Vitess' name of the shard's range(s), such as {@code 40-80} or {@code -40}; empty for an unknown shard. */
    public String rangeName(int shardId) {
        List<String> names = new ArrayList<>();
        for (int r = 0; r < owners.length; r++) {
            if (owners[r] == shardId) {
                names.add(boundName(lower(r)) + "-" + boundName(upper(r)));
            }
        }
        return String.join(",", names);
    }

    /** A bound in hex with trailing zero bytes dropped; 0 (the start, or 2^64 at the end) is empty. */
    private static String boundName(long bound) {
        if (bound == 0) {
            return "";
        }
        String hex = String.format("%016x", bound);
        while (hex.endsWith("00")) {
            hex = hex.substring(0, hex.length() - 2);
        }
        return hex;
    }
}
