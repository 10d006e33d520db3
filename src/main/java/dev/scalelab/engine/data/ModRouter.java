package dev.scalelab.engine.data;

/**
 * shard = CRC32(key) mod N, the textbook scheme of the pattern notes. Any change of N remaps about
 * N/(N+1) of the keys (engines.md section 5: 10 to 11 shards moved 90.96%).
 */
final class ModRouter extends ShardListRouter {
    ModRouter(int[] shardIds) {
        super(shardIds);
    }

    @Override
    public Strategy strategy() {
        return Strategy.MOD;
    }

    @Override
    public int shardFor(int key) {
        return shardIds[(int) (KeyHash.crc32(key) % shardIds.length)];
    }

    @Override
    ShardRouter over(int[] ids) {
        return new ModRouter(ids);
    }

    /** The CRC32 as a fraction of 2^32. */
    @Override
    public double position(int key) {
        return KeyHash.crc32(key) * 0x1.0p-32;
    }
}
