package dev.scalelab.engine.balancing;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Ketama-style consistent-hash ring built as Envoy's {@code ring_hash_lb.cc}: weights normalised
 * to sum 1; scale = min(ceil(minW * minimumRingSize) / minW, maximumRingSize) with minW the
 * smallest normalised weight; walking the hosts with running sums (target += scale * w; while
 * current &lt; target hash "id_i" for i = 0, 1, ...); points sorted by their unsigned 64-bit
 * xxHash64. A request goes to the first point at or after its hash, wrapping to the first point
 * (ketama's search, O(log ring size)).
 *
 * <p>With {@code ringVirtualNodes} n &gt; 0 the scale is n / minW instead, so each equal-weight
 * host keeps n points however many hosts there are, as libketama (160 per server). The ring is
 * rebuilt only when the ids or weights of the hosts accepting traffic change.
 */
public final class RingHash implements LoadBalancingStrategy {
    private final long minimumRingSize;
    private final long maximumRingSize;
    private final int virtualNodes;
    private final Membership hosts = new Membership(true);
    /** Point hashes, sorted as unsigned values, and the slot owning each point. */
    private long[] pointHashes = new long[0];
    private int[] pointSlots = new int[0];

    public RingHash(long minimumRingSize, long maximumRingSize, int virtualNodes) {
        this.minimumRingSize = minimumRingSize;
        this.maximumRingSize = maximumRingSize;
        this.virtualNodes = virtualNodes;
    }

    @Override
    public int pick(List<? extends Backend> backends, long requestHash, long nowNanos, SplittableRandom random) {
        if (hosts.update(backends)) {
            build();
        }
        if (pointHashes.length == 0) {
            return -1;
        }
        int lo = 0;
        int hi = pointHashes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(pointHashes[mid], requestHash) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return hosts.listIndex(pointSlots[lo == pointHashes.length ? 0 : lo]);
    }

    private void build() {
        int k = hosts.size();
        if (k == 0) {
            pointHashes = new long[0];
            pointSlots = new int[0];
            return;
        }
        double sum = 0;
        double minWeight = Double.MAX_VALUE;
        for (int slot = 0; slot < k; slot++) {
            sum += hosts.weight(slot);
            minWeight = Math.min(minWeight, hosts.weight(slot));
        }
        double minNormalized = minWeight / sum;
        double scale = virtualNodes > 0
                ? Math.min(virtualNodes / minNormalized, maximumRingSize)
                : Math.min(Math.ceil(minNormalized * minimumRingSize) / minNormalized, maximumRingSize);
        Point[] points = new Point[(int) Math.ceil(scale) + k];
        int count = 0;
        double current = 0;
        double target = 0;
        for (int slot = 0; slot < k; slot++) {
            target += scale * (hosts.weight(slot) / sum);
            for (int i = 0; current < target; i++, current++) {
                points[count++] = new Point(XxHash64.hash(hosts.id(slot) + "_" + i, 0), slot);
            }
        }
        Arrays.sort(points, 0, count, (a, b) -> Long.compareUnsigned(a.hash, b.hash));
        pointHashes = new long[count];
        pointSlots = new int[count];
        for (int p = 0; p < count; p++) {
            pointHashes[p] = points[p].hash;
            pointSlots[p] = points[p].slot;
        }
    }

    private record Point(long hash, int slot) {
    }

    /** How many points the ring has. */
    int ringSize() {
        return pointHashes.length;
    }

    @Override
    public String id() {
        return Strategy.RING_HASH.id();
    }
}
