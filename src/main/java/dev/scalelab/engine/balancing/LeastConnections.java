package dev.scalelab.engine.balancing;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The backend with the fewest active requests. Ties are broken round robin, as nginx's least_conn
 * does, so an idle pool is not all sent to the first instance.
 */
public final class LeastConnections implements LoadBalancingStrategy {
    private int next;

    @Override
    public int pick(List<? extends Backend> backends, long requestHash, long nowNanos, SplittableRandom random) {
        int n = backends.size();
        int best = -1;
        int bestActive = Integer.MAX_VALUE;
        for (int tried = 0; tried < n; tried++) {
            int i = Math.floorMod(next + tried, n);
            Backend b = backends.get(i);
            if (b.acceptsTraffic() && b.activeRequests() < bestActive) {
                best = i;
                bestActive = b.activeRequests();
            }
        }
        if (best >= 0) {
            next = best + 1;
        }
        return best;
    }

    @Override
    public String id() {
        return Strategy.LEAST_CONNECTIONS.id();
    }
}
