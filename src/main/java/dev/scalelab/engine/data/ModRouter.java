package dev.scalelab.engine.data;

import java.util.List;

/**
 * shard = CRC32(key) mod N, the textbook scheme of the pattern notes. Any change of N remaps about
 * N/(N+1) of the keys (engines.md section 5: 10 to 11 shards moved 90.96%).
 */
final class ModRouter implements ShardRouter {
    private final int[] shardIds;

    ModRouter(int[] shardIds) {
        this.shardIds = ShardIds.validated(shardIds);
    }

    @Override
    public Strategy strategy() {
        return Strategy.MOD;
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
        return shardIds[(int) (KeyHash.crc32(key) % shardIds.length)];
    }

    @Override
    public boolean canRemove(int shardId) {
        return shardIds.length > 1 && ShardIds.indexOf(shardIds, shardId) >= 0;
    }

    @Override
    public ShardRouter withShardAdded(int shardId) {
        return new ModRouter(ShardIds.appended(shardIds, shardId));
    }

    @Override
    public ShardRouter withShardRemoved(int shardId) {
        return new ModRouter(ShardIds.removed(shardIds, shardId));
    }

    /** The CRC32 as a fraction of 2^32. */
    @Override
    public double position(int key) {
        return KeyHash.crc32(key) * 0x1.0p-32;
    }

    @Override
    public List<RingPoint> ringPoints() {
        return List.of();
    }
}
