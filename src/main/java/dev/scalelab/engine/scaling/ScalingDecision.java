package dev.scalelab.engine.scaling;

/**
 * One decision of a horizontal policy.
 *
 * @param proposed    what the metric alone asked for, before stabilization, rate limits and bounds
 * @param desired     the replica count to keep from now on
 * @param victim      the instance to remove first on a scale-down, or null to let the pool choose
 * @param explanation the decision with its inputs, for the log: "HPA: ready 4, CPU 84% vs 60% -> ..."
 */
public record ScalingDecision(long timeNanos, String policy, int current, int proposed, int desired, String victim,
                              String explanation) {
    public boolean rescale() {
        return desired != current;
    }
}
