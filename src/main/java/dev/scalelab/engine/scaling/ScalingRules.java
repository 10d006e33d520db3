package dev.scalelab.engine.scaling;

import dev.scalelab.sim.HasId;

import java.util.List;

/**
 * One direction of an HPA's {@code behavior} (autoscaling/v2 HPAScalingRules): a stabilization
 * window, rate-limit policies and how to choose among them.
 */
public record ScalingRules(int stabilizationWindowSeconds, List<Policy> policies, SelectPolicy selectPolicy) {

    public enum PolicyType implements HasId {
        PODS("pods"), PERCENT("percent");

        private final String id;

        PolicyType(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** Max takes the policy allowing the biggest change, Min the smallest, Disabled forbids this direction. */
    public enum SelectPolicy implements HasId {
        MAX("max"), MIN("min"), DISABLED("disabled");

        private final String id;

        SelectPolicy(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** At most {@code value} pods (or percent) of change per {@code periodSeconds}. */
    public record Policy(PolicyType type, int value, int periodSeconds) {
    }

    public ScalingRules {
        policies = List.copyOf(policies);
    }

    /** defaults.go: scale up with no stabilization, by 4 pods or 100% per 15 s, whichever is more. */
    public static ScalingRules defaultScaleUp() {
        return new ScalingRules(0, List.of(new Policy(PolicyType.PODS, 4, 15), new Policy(PolicyType.PERCENT, 100, 15)),
                SelectPolicy.MAX);
    }

    /** defaults.go with the controller's default 300 s downscale stabilization: 100% per 15 s. */
    public static ScalingRules defaultScaleDown() {
        return new ScalingRules(300, List.of(new Policy(PolicyType.PERCENT, 100, 15)), SelectPolicy.MAX);
    }

    public int longestPeriodSeconds() {
        int longest = 0;
        for (Policy p : policies) {
            longest = Math.max(longest, p.periodSeconds());
        }
        return longest;
    }
}
