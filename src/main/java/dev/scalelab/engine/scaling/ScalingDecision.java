package dev.scalelab.engine.scaling;

import java.util.Map;

/**
 * One decision of a horizontal policy.
 *
 * @param proposed    what the metric alone asked for, before stabilization, rate limits and bounds
 * @param desired     the replica count to keep from now on
 * @param victim      the instance to remove first on a scale-down, or null to let the pool choose
 * @param explanation the decision with its inputs, for the log: "HPA: ready 4, CPU 84% vs 60% -> ..."
 * @param inputs      the same inputs as values by name, for the report (empty when the policy gives none)
 */
public record ScalingDecision(long timeNanos, String policy, int current, int proposed, int desired, String victim,
                              String explanation, Map<String, Object> inputs) {

    public ScalingDecision {
        inputs = inputs == null ? Map.of() : inputs;
    }

    /** A decision whose inputs are only in its explanation. */
    public ScalingDecision(long timeNanos, String policy, int current, int proposed, int desired, String victim,
                           String explanation) {
        this(timeNanos, policy, current, proposed, desired, victim, explanation, Map.of());
    }

    public boolean rescale() {
        return desired != current;
    }
}
