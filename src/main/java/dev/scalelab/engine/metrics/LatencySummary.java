package dev.scalelab.engine.metrics;

/** Latency statistics in milliseconds. NaN when nothing was recorded. */
public record LatencySummary(long count, double meanMs, double p50Ms, double p90Ms, double p99Ms,
                             double p999Ms, double maxMs) {
    public static final LatencySummary EMPTY =
            new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
