package dev.scalelab.engine.data;

import java.util.List;

/**
 * What the hashing routers (mod, jump, rendezvous, consistent hash) share: a list of shard ids that
 * a change of shards rebuilds whole, and a key's place on the ring view at its 64-bit hash.
 */
abstract class ShardListRouter implements ShardRouter {
    final int[] shardIds;

    ShardListRouter(int[] shardIds) {
        this.shardIds = ShardIds.validated(shardIds);
    }

    /** The same kind of router over these shard ids. */
    abstract ShardRouter over(int[] ids);

    @Override
    public final int[] shardIds() {
        return shardIds.clone();
    }

    @Override
    public final int shardCount() {
        return shardIds.length;
    }

    @Override
    public boolean canRemove(int shardId) {
        return shardIds.length > 1 && ShardIds.indexOf(shardIds, shardId) >= 0;
    }

    @Override
    public final ShardRouter withShardAdded(int shardId) {
        return over(ShardIds.appended(shardIds, shardId));
    }

    @Override
    public ShardRouter withShardRemoved(int shardId) {
        return over(ShardIds.removed(shardIds, shardId));
    }

    /** The key's hash on the 64-bit space. */
    @Override
    public double position(int key) {
        return KeyHash.unitInterval(KeyHash.of(key));
    }

    /** No geometry: a shard's keys are spread over the whole space. */
    @Override
    public List<RingPoint> ringPoints() {
        return List.of();
    }
}
