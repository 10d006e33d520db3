package dev.scalelab.engine.scaling;

import dev.scalelab.sim.HasId;

import java.util.Locale;

/**
 * Target tracking on a metric other than CPU, as cloud autoscalers do it: desired =
 * ceil(ready x value / target), which assumes the metric falls in proportion as capacity grows
 * (true of queue length per instance, roughly true of latency while queues dominate it). Scale-out
 * is immediate; scale-in waits for a cooldown after the last change and must leave the tolerance band.
 */
public final class TargetTrackingPolicy implements HorizontalPolicy {

    public enum Metric implements HasId {
        P95_LATENCY("p95-latency", "p95 latency", "ms"),
        QUEUE_LENGTH("queue-length", "queue per instance", "");

        private final String id;
        private final String label;
        private final String unit;

        Metric(String id, String label, String unit) {
            this.id = id;
            this.label = label;
            this.unit = unit;
        }

        @Override
        public String id() {
            return id;
        }

        public static Metric byId(String id) {
            return HasId.byId(Metric.class, id);
        }
    }

    private final int minReplicas;
    private final int maxReplicas;
    private final Metric metric;
    private final double targetValue;
    private final double tolerance;
    private final long scaleInCooldownNanos;
    private long lastChangeNanos = Long.MIN_VALUE / 2;

    public TargetTrackingPolicy(int minReplicas, int maxReplicas, Metric metric, double targetValue, double tolerance,
                                long scaleInCooldownNanos) {
        this.minReplicas = minReplicas;
        this.maxReplicas = maxReplicas;
        this.metric = metric;
        this.targetValue = targetValue;
        this.tolerance = tolerance;
        this.scaleInCooldownNanos = scaleInCooldownNanos;
    }

    @Override
    public ScalingDecision decide(ScalingInputs in) {
        int current = in.specReplicas();
        int ready = in.readyCount();
        double value = metric == Metric.P95_LATENCY ? in.p95LatencyMs() : in.queuedPerReadyInstance();
        if (ready == 0 || Double.isNaN(value)) {
            return new ScalingDecision(in.nowNanos(), id(), current, current, clamp(current), null,
                    "target tracking: no " + metric.label + " yet -> keep " + clamp(current));
        }
        double ratio = value / targetValue;
        String inputs = String.format(Locale.ROOT, "target tracking: ready %d, %s %.1f%s vs %s%s -> ratio %.2f",
                ready, metric.label, value, metric.unit, fmt(targetValue), metric.unit, ratio);
        int proposal = (int) Math.ceil(ready * ratio);
        int desired = current;
        String why;
        if (ratio > 1 + tolerance && proposal > current) {
            desired = clamp(proposal);
            why = " -> desired " + proposal + (desired != proposal ? ", maxReplicas -> " + desired : "");
        } else if (ratio < 1 - tolerance && proposal < current) {
            if (in.nowNanos() - lastChangeNanos < scaleInCooldownNanos) {
                why = String.format(Locale.ROOT, " -> scale-in waits for the %.0f s cooldown", scaleInCooldownNanos / 1e9);
            } else {
                desired = clamp(proposal);
                why = " -> desired " + proposal + (desired != proposal ? ", minReplicas -> " + desired : "");
            }
        } else {
            why = " -> within tolerance";
        }
        if (desired != current) {
            lastChangeNanos = in.nowNanos();
        }
        return new ScalingDecision(in.nowNanos(), id(), current, proposal, desired, null,
                inputs + why + (desired == current ? " (no change)" : ""));
    }

    private int clamp(int replicas) {
        return Math.max(minReplicas, Math.min(maxReplicas, replicas));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    public String id() {
        return "target-tracking";
    }
}
