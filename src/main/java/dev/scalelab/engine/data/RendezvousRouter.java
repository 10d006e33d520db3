package dev.scalelab.engine.data;

/**
 * Rendezvous or highest-random-weight hashing (Thaler and Ravishankar, IEEE/ACM ToN 1998): every
 * shard scores the key, score = h(shard, key), and the highest score wins. Removing a shard moves
 * only its keys; adding one moves about 1/(n + 1). O(n) per lookup, no ring.
 */
final class RendezvousRouter extends ShardListRouter {
    /** Separates the shard seeds from key hashes. */
    private static final long SHARD_SALT = 0x5be0cd19137e2179L;

    private final long[] shardSeeds;

    RendezvousRouter(int[] shardIds) {
        super(shardIds);
        shardSeeds = new long[shardIds.length];
        for (int i = 0; i < shardIds.length; i++) {
            shardSeeds[i] = KeyHash.mix64(shardIds[i] ^ SHARD_SALT);
        }
    }

    /** h(shard, key): the mix of the key's hash with the shard's seed, compared unsigned. */
    static long score(long keyHash, long shardSeed) {
        return KeyHash.mix64(keyHash ^ shardSeed);
    }

    @Override
    public Strategy strategy() {
        return Strategy.RENDEZVOUS;
    }

    @Override
    public int shardFor(int key) {
        long keyHash = KeyHash.of(key);
        int best = 0;
        long bestScore = score(keyHash, shardSeeds[0]);
        for (int i = 1; i < shardSeeds.length; i++) {
            long s = score(keyHash, shardSeeds[i]);
            if (Long.compareUnsigned(s, bestScore) > 0) {
                best = i;
                bestScore = s;
            }
        }
        return shardIds[best];
    }

    @Override
    ShardRouter over(int[] ids) {
        return new RendezvousRouter(ids);
    }
}
