package dev.scalelab.engine.balancing;

/**
 * Envoy's {@code healthy_panic_threshold} (default 50%): when too few of a cluster's hosts are
 * healthy, the healthy ones would be crushed by all the traffic, so Envoy stops trusting health and
 * balances over every host, healthy or not ({@code LoadBalancerBase::isHostSetInPanic}).
 *
 * <p>The world counts the hosts in the pool and those healthy (passing active health checks and
 * not ejected as outliers); while {@link #inPanic} says so it lets the strategy see every host as
 * accepting traffic, otherwise only the healthy ones. A threshold of 0 turns panic mode off.
 */
public record PanicThreshold(double thresholdPercent) {
    public static final PanicThreshold DEFAULT = new PanicThreshold(50);

    /** Envoy's overprovisioning factor, 1.4, in percent. */
    private static final long OVERPROVISIONING_PERCENT = 140;

    public PanicThreshold {
        if (!(thresholdPercent >= 0 && thresholdPercent <= 100)) {
            throw new IllegalArgumentException("panic threshold must be in [0, 100] percent");
        }
    }

    public boolean inPanic(int healthyHosts, int totalHosts) {
        if (totalHosts == 0) {
            return thresholdPercent > 0;
        }
        // Envoy never panics while availability (healthy share x 1.4, capped at 100%) is full,
        // which matters only for thresholds above 71.4%.
        if (OVERPROVISIONING_PERCENT * healthyHosts / totalHosts >= 100) {
            return false;
        }
        return 100.0 * healthyHosts / totalHosts < thresholdPercent;
    }
}
