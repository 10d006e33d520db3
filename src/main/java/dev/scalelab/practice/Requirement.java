package dev.scalelab.practice;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One requirement of a challenge: {@code metric} (of {@code target}, when the metric needs one)
 * at most {@code max}, or at least {@code min} (exactly one of the two is given), on every graded
 * seed.
 *
 * @param id    short and unique in its challenge ("p99", "cost")
 * @param label what the verdict shows ("p99 latency under the flash sale")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Requirement(String id, Metric metric, String target, Double max, Double min, String label) {
    public Requirement {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a requirement needs an id");
        }
        if (metric == null) {
            throw new IllegalArgumentException("requirement " + id + ": metric is missing");
        }
        if ((max == null) == (min == null)) {
            throw new IllegalArgumentException("requirement " + id + ": give exactly one of max and min");
        }
        if (metric.needsTarget() && (target == null || target.isBlank())) {
            throw new IllegalArgumentException("requirement " + id + ": " + metric.id() + " needs a target");
        }
    }

    /** Whether {@code value} meets it. NaN never does. */
    public boolean met(double value) {
        return max != null ? value <= max : value >= min;
    }

    /** The bound, max or min. */
    public double bound() {
        return max != null ? max : min;
    }
}
