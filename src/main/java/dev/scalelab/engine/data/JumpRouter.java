package dev.scalelab.engine.data;

import java.util.List;

/**
 * Jump consistent hash (Lamping and Veach, Google, arXiv:1406.2294): no memory, balanced, and
 * monotone: going from n to n + 1 buckets moves about 1/(n + 1) of the keys, all to the new bucket.
 * Bucket i is the i-th shard id; as in the paper, buckets can only be added or removed at the end.
 */
final class JumpRouter implements ShardRouter {
    private static final long LCG_MULTIPLIER = 2862933555777941757L;
    private static final double TWO_POW_31 = 2147483648.0;

    private final int[] shardIds;

    JumpRouter(int[] shardIds) {
        this.shardIds = ShardIds.validated(shardIds);
    }

    /**
     * The paper's {@code JumpConsistentHash(key, num_buckets)}, with its double arithmetic: b = -1,
     * j = 0; while j < n: b = j, key = key x 2862933555777941757 + 1 (mod 2^64),
     * j = floor((b + 1) x 2^31 / ((key >>> 33) + 1)). Returns b.
     */
    static int bucket(long key, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("jump hash needs at least one bucket");
        }
        long b = -1;
        long j = 0;
        while (j < buckets) {
            b = j;
            key = key * LCG_MULTIPLIER + 1;
            j = (long) ((b + 1) * (TWO_POW_31 / ((key >>> 33) + 1)));
        }
        return (int) b;
    }

    @Override
    public Strategy strategy() {
        return Strategy.JUMP;
    }

    @Override
    public int[] shardIds() {
        return shardIds.clone();
    }

    @Override
    public int shardCount() {
        return shardIds.length;
    }

    @Override
    public int shardFor(int key) {
        return shardIds[bucket(KeyHash.of(key), shardIds.length)];
    }

    /** Only the last bucket: removing another would renumber the buckets after it. */
    @Override
    public boolean canRemove(int shardId) {
        return shardIds.length > 1 && shardIds[shardIds.length - 1] == shardId;
    }

    @Override
    public ShardRouter withShardAdded(int shardId) {
        return new JumpRouter(ShardIds.appended(shardIds, shardId));
    }

    @Override
    public ShardRouter withShardRemoved(int shardId) {
        if (!canRemove(shardId)) {
            throw new IllegalArgumentException("jump hash can only remove its last bucket (shard "
                    + shardIds[shardIds.length - 1] + "), not shard " + shardId);
        }
        return new JumpRouter(ShardIds.removed(shardIds, shardId));
    }

    /** The key's hash on the 64-bit space. */
    @Override
    public double position(int key) {
        return KeyHash.unitInterval(KeyHash.of(key));
    }

    /** Jump hash has no geometry: a bucket's keys are spread over the whole space. */
    @Override
    public List<RingPoint> ringPoints() {
        return List.of();
    }
}
