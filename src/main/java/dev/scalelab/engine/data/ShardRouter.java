package dev.scalelab.engine.data;

import dev.scalelab.sim.HasId;

import java.util.List;

/**
 * Maps a key to the shard that owns it. Keys are ints {@code 0..keyCount-1}; hashing strategies
 * route on {@link KeyHash#of}, "mod" on {@link KeyHash#crc32}. Shards are named by stable int ids
 * chosen by the caller.
 *
 * <p>Routers are immutable: adding or removing a shard returns a new router, so the owner of a key
 * before and after a change is {@code before.shardFor(key)} and {@code after.shardFor(key)}
 * (see {@link RoutingChange}). Safe to share between threads.
 */
public interface ShardRouter {

    Strategy strategy();

    /** The shard ids, in bucket order (mod, jump), range order (range) or as added (ring, rendezvous). */
    int[] shardIds();

    int shardCount();

    /** The id of the shard that owns {@code key}. */
    int shardFor(int key);

    /** Whether {@link #withShardRemoved} accepts this shard (jump hash can only drop its last bucket). */
    boolean canRemove(int shardId);

    /** A router with one more shard, {@code shardId}, which must be new. */
    ShardRouter withShardAdded(int shardId);

    /** A router without {@code shardId}; at least one shard must remain and {@link #canRemove} must hold. */
    ShardRouter withShardRemoved(int shardId);

    /** Where the key sits on the ring view, in [0, 1). */
    double position(int key);

    /** The points the ring view draws, by position; empty for strategies without a geometry (mod, jump, rendezvous). */
    List<RingPoint> ringPoints();

    /**
     * A router over {@code shardIds} with the strategy's defaults: {@code virtualNodes} points per
     * shard on a consistent-hash ring, equal slices of the space for ranges over {@code keyCount} keys.
     */
    static ShardRouter create(Strategy strategy, int[] shardIds, int virtualNodes, int keyCount) {
        if (shardIds.length == 0) {
            throw new IllegalArgumentException("a router needs at least one shard");
        }
        switch (strategy) {
            case MOD:
                return new ModRouter(shardIds);
            case CONSISTENT_HASH:
                return new ConsistentHashRouter(shardIds, virtualNodes);
            case JUMP:
                return new JumpRouter(shardIds);
            case RENDEZVOUS:
                return new RendezvousRouter(shardIds);
            case RANGE:
                return RangeRouter.evenlySplit(shardIds, keyCount, false);
            case HASHED_RANGE:
                return RangeRouter.evenlySplit(shardIds, keyCount, true);
            default:
                throw new AssertionError(strategy);
        }
    }

    /** The routing strategies, by their scenario names. */
    enum Strategy implements HasId {
        MOD("mod", "Hash mod N"),
        CONSISTENT_HASH("consistent-hash", "Consistent hashing"),
        JUMP("jump", "Jump consistent hash"),
        RENDEZVOUS("rendezvous", "Rendezvous (HRW)"),
        RANGE("range", "Ranges of the key"),
        HASHED_RANGE("hashed-range", "Ranges of the key's hash");

        private final String id;
        private final String label;

        Strategy(String id, String label) {
            this.id = id;
            this.label = label;
        }

        @Override
        public String id() {
            return id;
        }

        public String label() {
            return label;
        }

        public static Strategy byId(String id) {
            return HasId.byId(Strategy.class, id);
        }
    }
}
