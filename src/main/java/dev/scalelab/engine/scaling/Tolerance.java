package dev.scalelab.engine.scaling;

/**
 * The HPA's dead band: no change while (1 - down) <= ratio <= (1 + up), both ends inclusive.
 * 0.1 each way by default (--horizontal-pod-autoscaler-tolerance); per direction since KEP-4951.
 */
public record Tolerance(double scaleUp, double scaleDown) {
    public static final Tolerance DEFAULT = new Tolerance(0.1, 0.1);

    public static Tolerance of(double both) {
        return new Tolerance(both, both);
    }

    public boolean isWithin(double usageRatio) {
        return (1.0 - scaleDown) <= usageRatio && usageRatio <= (1.0 + scaleUp);
    }
}
