package dev.scalelab.engine.balancing;

import java.util.List;
import java.util.SplittableRandom;

/**
 * nginx's smooth weighted round robin ({@code ngx_http_upstream_get_peer}): on each pick every
 * usable peer's current weight grows by its effective weight, the first peer with the strictly
 * largest current weight wins, and the winner's current weight drops by the total. Weights
 * {5, 1, 1} give a a b a c a a: heavy peers are interleaved, not sent bursts.
 *
 * <p>Peers that do not accept traffic (or have no positive weight) are skipped and keep their
 * current weight, as nginx skips down peers. nginx lowers a peer's effective weight after a
 * failure; this interface reports none, so the effective weight is the configured one. When the
 * list of ids or weights changes every current weight restarts at 0, as after an nginx reload.
 * O(n) per pick, as nginx.
 */
public final class SmoothWeightedRoundRobin implements LoadBalancingStrategy {
    private final Membership peers = new Membership(false);
    private double[] current = new double[0];

    @Override
    public int pick(List<? extends Backend> backends, long requestHash, long nowNanos, SplittableRandom random) {
        if (peers.update(backends)) {
            current = new double[backends.size()];
        }
        double total = 0;
        int best = -1;
        for (int i = 0; i < current.length; i++) {
            Backend b = backends.get(i);
            double weight = b.weight();
            if (!b.acceptsTraffic() || !(weight > 0)) {
                continue;
            }
            current[i] += weight;
            total += weight;
            if (best < 0 || current[i] > current[best]) {
                best = i;
            }
        }
        if (best >= 0) {
            current[best] -= total;
        }
        return best;
    }

    @Override
    public String id() {
        return Strategy.SMOOTH_WEIGHTED_ROUND_ROBIN.id();
    }
}
