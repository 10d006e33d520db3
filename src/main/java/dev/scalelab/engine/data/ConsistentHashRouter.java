package dev.scalelab.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Consistent hashing (Karger et al., STOC 1997): each shard puts V virtual points on a 2^64 ring and
 * a key belongs to the first point clockwise from its hash (binary search over the sorted points).
 * Adding the (n+1)-th shard moves about 1/(n+1) of the keys, all to it; the load spread shrinks like
 * 1/sqrt(V) (engines.md section 5).
 */
final class ConsistentHashRouter extends ShardListRouter {
    /** Separates point inputs from key inputs, so point (s, v) never shares a hash with a key. */
    private static final long POINT_SALT = 0x6a09e667f3bcc908L;

    private final int virtualNodes;
    /** Point positions with the sign bit flipped, so signed order is the ring's unsigned order. */
    private final long[] flippedPoints;
    private final int[] owners;

    ConsistentHashRouter(int[] shardIds, int virtualNodes) {
        super(shardIds);
        if (virtualNodes < 1) {
            throw new IllegalArgumentException("a ring needs at least one virtual node per shard");
        }
        this.virtualNodes = virtualNodes;
        int count = shardIds.length * virtualNodes;
        long[] positions = new long[count];
        int[] pointOwners = new int[count];
        int n = 0;
        for (int shardId : shardIds) {
            for (int v = 0; v < virtualNodes; v++) {
                positions[n] = point(shardId, v);
                pointOwners[n] = shardId;
                n++;
            }
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compareUnsigned(positions[a], positions[b]));
        flippedPoints = new long[count];
        owners = new int[count];
        for (int i = 0; i < count; i++) {
            flippedPoints[i] = positions[order[i]] ^ Long.MIN_VALUE;
            owners[i] = pointOwners[order[i]];
        }
    }

    /** Virtual node v of a shard: a bijective mix of (shard, v), so no two points coincide. */
    static long point(int shardId, int virtualNode) {
        return KeyHash.mix64((((long) shardId << 32) | (virtualNode & 0xffffffffL)) ^ POINT_SALT);
    }

    int virtualNodes() {
        return virtualNodes;
    }

    @Override
    public Strategy strategy() {
        return Strategy.CONSISTENT_HASH;
    }

    @Override
    public int shardFor(int key) {
        int index = Arrays.binarySearch(flippedPoints, KeyHash.of(key) ^ Long.MIN_VALUE);
        if (index < 0) {
            index = -index - 1;
            if (index == flippedPoints.length) {
                index = 0; // past the last point: wrap to the first
            }
        }
        return owners[index];
    }

    @Override
    ShardRouter over(int[] ids) {
        return new ConsistentHashRouter(ids, virtualNodes);
    }

    /** Every virtual node, clockwise from 0; point i owns the arc from point i-1 (exclusive) to it. */
    @Override
    public List<RingPoint> ringPoints() {
        List<RingPoint> points = new ArrayList<>(owners.length);
        for (int i = 0; i < owners.length; i++) {
            points.add(new RingPoint(owners[i], KeyHash.unitInterval(flippedPoints[i] ^ Long.MIN_VALUE)));
        }
        return points;
    }
}
