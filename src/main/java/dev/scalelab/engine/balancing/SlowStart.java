package dev.scalelab.engine.balancing;

/**
 * Envoy's slow start (round robin and least request): a host that just joined, or just became
 * healthy again under active health checking, gets a weight that ramps up over a window:
 * {@code newWeight = weight * max(minWeightPercent / 100, timeFactor ^ (1 / aggression))} with
 * {@code timeFactor = max(timeSinceStart, 1 s) / window}. After the window the weight is the
 * configured one. Immutable; a window of 0 turns it off, which is Envoy's default.
 *
 * <p>The 1 s floor is what Envoy's slow_start.rst states; its code floors at 1 ms instead. With the
 * default 10% minimum the two differ only for windows shorter than 10 s.
 */
public record SlowStart(long windowNanos, double minWeightPercent, double aggression) {
    private static final long ONE_SECOND_NANOS = 1_000_000_000L;

    /** Envoy's defaults without a window: slow start off. */
    public static final SlowStart OFF = new SlowStart(0, 10, 1.0);

    public SlowStart {
        if (windowNanos < 0) {
            throw new IllegalArgumentException("slow start window must not be negative");
        }
        if (!(minWeightPercent > 0 && minWeightPercent <= 100)) {
            throw new IllegalArgumentException("min weight percent must be in (0, 100]");
        }
        if (!(aggression > 0)) {
            throw new IllegalArgumentException("aggression must be positive");
        }
    }

    /** A window with Envoy's defaults: min_weight_percent 10%, aggression 1.0. */
    public static SlowStart over(long windowNanos) {
        return new SlowStart(windowNanos, 10, 1.0);
    }

    public boolean enabled() {
        return windowNanos > 0;
    }

    /** Whether a host that became healthy {@code healthyForNanos} ago is still ramping up. */
    public boolean ramping(long healthyForNanos) {
        return enabled() && healthyForNanos < windowNanos;
    }

    /** The weight to balance with, for a host configured with {@code weight}. */
    public double weight(double weight, long healthyForNanos) {
        if (!ramping(healthyForNanos)) {
            return weight;
        }
        double timeFactor = Math.max(healthyForNanos, ONE_SECOND_NANOS) / (double) windowNanos;
        double ramp = aggression == 1.0 ? timeFactor : Math.pow(timeFactor, 1.0 / aggression);
        return weight * Math.max(ramp, minWeightPercent / 100);
    }
}
