package dev.scalelab.engine.scaling;

import java.util.Locale;

/**
 * The pattern notes' rule: average CPU of ready instances above the target adds one instance;
 * below half the target removes the least-loaded one; always within [min, max]. One step per sync.
 */
public final class ThresholdPolicy implements HorizontalPolicy {
    private final int minReplicas;
    private final int maxReplicas;
    private final int targetUtilizationPercent;

    public ThresholdPolicy(int minReplicas, int maxReplicas, int targetUtilizationPercent) {
        this.minReplicas = minReplicas;
        this.maxReplicas = maxReplicas;
        this.targetUtilizationPercent = targetUtilizationPercent;
    }

    @Override
    public ScalingDecision decide(ScalingInputs in) {
        int current = in.specReplicas();
        double cpu = in.readyCpuUtilization();
        if (Double.isNaN(cpu)) {
            return new ScalingDecision(in.nowNanos(), id(), current, current, clamp(current), null,
                    "threshold: no ready instance with a CPU sample -> keep " + clamp(current));
        }
        double percent = cpu * 100;
        String inputs = String.format(Locale.ROOT, "threshold: ready %d, CPU %.0f%% vs target %d%%",
                in.readyCount(), percent, targetUtilizationPercent);
        if (percent > targetUtilizationPercent) {
            int desired = clamp(current + 1);
            return new ScalingDecision(in.nowNanos(), id(), current, current + 1, desired, null, inputs + " -> above target, add one -> "
                    + desired + (desired == current ? " (at maxReplicas " + maxReplicas + ")" : ""));
        }
        if (percent < targetUtilizationPercent / 2.0) {
            int desired = clamp(current - 1);
            String victim = desired < current ? leastLoaded(in) : null;
            return new ScalingDecision(in.nowNanos(), id(), current, current - 1, desired, victim,
                    inputs + String.format(Locale.ROOT, " -> below half (%.0f%%), remove ", targetUtilizationPercent / 2.0)
                            + (victim == null ? "none (at minReplicas " + minReplicas + ")" : "least-loaded " + victim)
                            + " -> " + desired);
        }
        return new ScalingDecision(in.nowNanos(), id(), current, current, clamp(current), null,
                inputs + " -> between half and target, keep " + clamp(current));
    }

    private int clamp(int replicas) {
        return Math.max(minReplicas, Math.min(maxReplicas, replicas));
    }

    private static String leastLoaded(ScalingInputs in) {
        PodMetrics best = null;
        for (PodMetrics p : in.pods()) {
            if (p.lifecycle() == Lifecycle.READY && p.hasMetric()
                    && (best == null || p.usageMillicores() * best.requestMillicores() < best.usageMillicores() * p.requestMillicores())) {
                best = p;
            }
        }
        return best == null ? null : best.name();
    }

    @Override
    public String id() {
        return "threshold";
    }
}
