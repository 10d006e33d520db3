package dev.scalelab.engine.scaling;

import java.util.Locale;

/**
 * The pattern notes' vertical rule: above {@code upThreshold} of capacity, go to the next size up;
 * below {@code downThreshold}, the next size down (0 turns that off). A size down doubles
 * utilization, so keep downThreshold under half of upThreshold or the rule oscillates.
 */
public final class ThresholdResizePolicy implements VerticalPolicy {
    private final double upThreshold;
    private final double downThreshold;

    public ThresholdResizePolicy(double upThreshold, double downThreshold) {
        this.upThreshold = upThreshold;
        this.downThreshold = downThreshold;
    }

    @Override
    public VerticalDecision decide(long nowNanos, InstanceSize current, double[] samples, double utilization) {
        if (Double.isNaN(utilization)) {
            return new VerticalDecision(nowNanos, id(), current, current, "vertical threshold: no ready instance -> keep " + current.id());
        }
        String inputs = String.format(Locale.ROOT, "vertical threshold: %s at %.0f%% of capacity", current.id(), utilization * 100);
        if (utilization > upThreshold && current != InstanceSize.XLARGE) {
            return new VerticalDecision(nowNanos, id(), current, current.larger(), inputs
                    + String.format(Locale.ROOT, " > %.0f%% -> %s", upThreshold * 100, current.larger().id()));
        }
        if (utilization < downThreshold && current != InstanceSize.SMALL) {
            return new VerticalDecision(nowNanos, id(), current, current.smaller(), inputs
                    + String.format(Locale.ROOT, " < %.0f%% -> %s", downThreshold * 100, current.smaller().id()));
        }
        return new VerticalDecision(nowNanos, id(), current, current, inputs + " -> keep");
    }

    @Override
    public String id() {
        return "threshold";
    }
}
