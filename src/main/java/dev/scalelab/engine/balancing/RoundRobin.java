package dev.scalelab.engine.balancing;

import java.util.List;
import java.util.SplittableRandom;

/** Each backend in turn, skipping those that do not accept traffic (nginx's default with equal weights). */
public final class RoundRobin implements LoadBalancingStrategy {
    private int next;

    @Override
    public int pick(List<? extends Backend> backends, long requestHash, long nowNanos, SplittableRandom random) {
        int n = backends.size();
        for (int tried = 0; tried < n; tried++) {
            int i = Math.floorMod(next + tried, n);
            if (backends.get(i).acceptsTraffic()) {
                next = i + 1;
                return i;
            }
        }
        return -1;
    }

    @Override
    public String id() {
        return Strategy.ROUND_ROBIN.id();
    }
}
