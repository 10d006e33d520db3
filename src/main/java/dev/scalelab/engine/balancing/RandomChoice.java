package dev.scalelab.engine.balancing;

import java.util.List;
import java.util.SplittableRandom;

/** A uniform pick among the backends that accept traffic. */
public final class RandomChoice implements LoadBalancingStrategy {

    @Override
    public int pick(List<? extends Backend> backends, long requestHash, long nowNanos, SplittableRandom random) {
        int n = backends.size();
        int eligible = 0;
        for (int i = 0; i < n; i++) {
            if (backends.get(i).acceptsTraffic()) {
                eligible++;
            }
        }
        if (eligible == 0) {
            return -1;
        }
        int target = random.nextInt(eligible);
        for (int i = 0; i < n; i++) {
            if (backends.get(i).acceptsTraffic() && target-- == 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable");
    }

    @Override
    public String id() {
        return Strategy.RANDOM.id();
    }
}
