package dev.scalelab.engine.balancing;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A random backend with probability proportional to its weight, among those that accept traffic,
 * as nginx's {@code random} method ({@code ngx_http_upstream_random_module}): cumulative weight
 * ranges, rebuilt when the members change, and a binary search for a uniform point in them.
 */
public final class WeightedRandom implements LoadBalancingStrategy {
    private final Membership hosts = new Membership(true);
    private double[] cumulativeWeight = new double[0];

    @Override
    public int pick(List<? extends Backend> backends, long requestHash, long nowNanos, SplittableRandom random) {
        if (hosts.update(backends)) {
            cumulativeWeight = new double[hosts.size()];
            double sum = 0;
            for (int slot = 0; slot < cumulativeWeight.length; slot++) {
                sum += hosts.weight(slot);
                cumulativeWeight[slot] = sum;
            }
        }
        int k = hosts.size();
        if (k == 0) {
            return -1;
        }
        double x = random.nextDouble() * cumulativeWeight[k - 1];
        int lo = 0;
        int hi = k - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x < cumulativeWeight[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return hosts.listIndex(lo);
    }

    @Override
    public String id() {
        return Strategy.WEIGHTED_RANDOM.id();
    }
}
