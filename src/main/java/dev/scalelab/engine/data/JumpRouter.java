package dev.scalelab.engine.data;

/**
 * Jump consistent hash (Lamping and Veach, Google, arXiv:1406.2294): no memory, balanced, and
 * monotone: going from n to n + 1 buckets moves about 1/(n + 1) of the keys, all to the new bucket.
 * Bucket i is the i-th shard id; as in the paper, buckets can only be added or removed at the end.
 */
final class JumpRouter extends ShardListRouter {
    private static final long LCG_MULTIPLIER = 2862933555777941757L;
    private static final double TWO_POW_31 = 2147483648.0;

    JumpRouter(int[] shardIds) {
        super(shardIds);
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
    public int shardFor(int key) {
        return shardIds[bucket(KeyHash.of(key), shardIds.length)];
    }

    /** Only the last bucket: removing another would renumber the buckets after it. */
    @Override
    public boolean canRemove(int shardId) {
        return shardIds.length > 1 && shardIds[shardIds.length - 1] == shardId;
    }

    @Override
    ShardRouter over(int[] ids) {
        return new JumpRouter(ids);
    }

    @Override
    public ShardRouter withShardRemoved(int shardId) {
        if (!canRemove(shardId)) {
            throw new IllegalArgumentException("jump hash can only remove its last bucket (shard "
                    + shardIds[shardIds.length - 1] + "), not shard " + shardId);
        }
        return super.withShardRemoved(shardId);
    }
}
