package dev.scalelab.engine.scaling;

import java.util.Locale;

/**
 * A VPA-style recommender for CPU ({@code recommender/logic/recommender.go}): a decaying histogram
 * of usage; target = P90, lower bound = P50, upper bound = P95, each x (1 + margin); the bounds
 * widen with little history (upper x (1 + 1/days), lower x (1 + 0.001/days)^-2). As VPA's updater,
 * it resizes only when the current size falls outside [lower, upper], to the smallest size that
 * fits the target. With minutes of history the upper bound is huge, so VPA grows pods readily and
 * shrinks them only after days: the point of the lesson.
 */
public final class VpaRecommender implements VerticalPolicy {
    private static final double NANOS_PER_DAY = 86_400e9;
    /** VPA's pod minimum: 25 mCPU. */
    private static final double MIN_CORES = 0.025;

    private final double targetPercentile;
    private final double marginFraction;
    private final DecayingHistogram histogram;
    private final long startNanos;

    public VpaRecommender(double targetPercentile, double marginFraction, long halfLifeNanos, long startNanos) {
        this.targetPercentile = targetPercentile;
        this.marginFraction = marginFraction;
        this.histogram = new DecayingHistogram(halfLifeNanos, startNanos);
        this.startNanos = startNanos;
    }

    /** {lower, target, upper} in cores. */
    public double[] estimates(long nowNanos) {
        double days = Math.max(1e-9, (nowNanos - startNanos) / NANOS_PER_DAY);
        double m = 1 + marginFraction;
        double target = Math.max(MIN_CORES, histogram.percentile(targetPercentile) * m);
        double lower = Math.max(MIN_CORES, histogram.percentile(0.5) * m * Math.pow(1 + 0.001 / days, -2));
        double upper = Math.max(MIN_CORES, histogram.percentile(0.95) * m * (1 + 1 / days));
        return new double[] {lower, target, upper};
    }

    @Override
    public VerticalDecision decide(long nowNanos, InstanceSize current, double[] samples, double utilization) {
        for (double cores : samples) {
            histogram.add(cores, 1, nowNanos);
        }
        if (histogram.isEmpty()) {
            return new VerticalDecision(nowNanos, id(), current, current, "VPA: no usage samples yet -> keep " + current.id());
        }
        double[] e = estimates(nowNanos);
        double have = current.vcpus();
        String inputs = String.format(Locale.ROOT, "VPA: P90 x %.2f -> target %.2f cores (bounds %.2f..%.2f); %s has %.0f",
                1 + marginFraction, e[1], e[0], e[2], current.id(), have);
        if (have >= e[0] && have <= e[2]) {
            return new VerticalDecision(nowNanos, id(), current, current, inputs + " -> within bounds, keep");
        }
        InstanceSize fit = InstanceSize.fitting(e[1] * 1000);
        return new VerticalDecision(nowNanos, id(), current, fit, inputs
                + (have < e[0] ? " -> below lower bound" : " -> above upper bound") + ", resize to " + fit.id());
    }

    @Override
    public String id() {
        return "vpa";
    }
}
