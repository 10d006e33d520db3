package dev.scalelab.practice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.world.Report;

/**
 * The headline figures of a run, read from its report: what {@code simulate --seeds} summarises
 * over seeds and {@code sweep} tabulates per point. A figure whose part the scenario lacks (the
 * cache's hit ratio without a cache) is absent: {@link #read} gives NaN. Names are the report's
 * style, so each figure is rounded as the report rounds a field of that name ({@link Report#round}).
 */
public enum Headline {
    /** {@code requests.throughputPerSecond}: completed requests per simulated second. */
    THROUGHPUT("throughputPerSecond", null),
    /** {@code latencyMs.p50}. */
    P50_MS("p50Ms", null),
    /** {@code latencyMs.p99}. */
    P99_MS("p99Ms", Metric.P99_MS),
    /** Failed, rejected, timed-out and shed requests over those offered ({@link Metric#ERROR_RATIO}). */
    ERROR_RATIO("errorRatio", Metric.ERROR_RATIO),
    /** {@code cost.meanPerHour}: dollars per hour of the service pool. */
    COST_PER_HOUR("costPerHour", Metric.COST_PER_HOUR),
    /** {@code instances.mean}: the time-weighted mean number of instances. */
    MEAN_INSTANCES("meanInstances", null),
    /** {@code cache.hitRatio}, with a cache. */
    CACHE_HIT_RATIO("cacheHitRatio", Metric.HIT_RATIO),
    /** Stale cache reads over cache reads, with a cache. */
    CACHE_STALE_RATIO("cacheStaleRatio", Metric.CACHE_STALE_RATIO),
    /** Stale replica reads over database reads, with a database. */
    DB_STALE_RATIO("dbStaleRatio", Metric.DB_STALE_RATIO),
    /** Attempts sent downstream per request that called a dependency, with dependencies. */
    RETRY_AMPLIFICATION("retryAmplification", Metric.AMPLIFICATION);

    private final String key;
    private final Metric metric;

    Headline(String key, Metric metric) {
        this.key = key;
        this.metric = metric;
    }

    /** Its name in the report's {@code seeds} section and in a sweep's CSV header: {@code p99Ms}. */
    public String key() {
        return key;
    }

    /** Its value in {@code report}, rounded as the report rounds a field named {@link #key}; NaN when the run has no such figure. */
    public double read(JsonNode report) {
        double v;
        switch (this) {
            case THROUGHPUT -> v = report.path("requests").path("throughputPerSecond").asDouble(Double.NaN);
            case P50_MS -> v = report.path("latencyMs").path("p50").asDouble(Double.NaN);
            case MEAN_INSTANCES -> v = report.path("instances").path("mean").asDouble(Double.NaN);
            default -> {
                try {
                    v = metric.measure(report, null);
                } catch (IllegalArgumentException absent) {
                    v = Double.NaN;
                }
            }
        }
        return round(v);
    }

    /** {@code value} rounded as the report rounds a field named {@link #key}. */
    public double round(double value) {
        return Report.round(value, key, "");
    }

    /** Every figure's value in {@code report}, in declaration order. */
    public static double[] readAll(JsonNode report) {
        Headline[] all = values();
        double[] v = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            v[i] = all[i].read(report);
        }
        return v;
    }
}
