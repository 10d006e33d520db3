package dev.scalelab.world;

import java.util.function.ToDoubleFunction;

/**
 * The world's per-second series, each declared once: its name, unit, meaning and the figure of a
 * {@link Sample} it keeps. The charts read them from {@link Snapshot.Series}.
 */
enum SampleSeries {
    TIME("time", "s", "virtual time at the end of the second", Sample::timeSeconds),
    OFFERED("offered", "req/s", "requests that arrived", Sample::offeredPerSecond),
    THROUGHPUT("throughput", "req/s", "requests answered without error", Sample::throughputPerSecond),
    REJECTED("rejected", "req/s", "requests turned away: no instance, or a full queue", Sample::rejectedPerSecond),
    FAILED("failed", "req/s", "requests that ended in an error or were lost with their instance", Sample::failedPerSecond),
    P50("p50", "ms", "median latency of the answered requests", Sample::p50Ms),
    P99("p99", "ms", "99th percentile latency of the answered requests", Sample::p99Ms),
    INSTANCES("instances", "instances", "ready instances", Sample::instances),
    DESIRED("desired", "instances", "instances the pool is asked to keep", Sample::desiredInstances),
    UTILIZATION("utilization", "ratio", "mean busy-worker fraction of ready instances", Sample::utilization),
    COST_PER_HOUR("costPerHour", "$/h", "price of every instance that exists now", Sample::costPerHour),
    COST("cost", "$", "dollars spent since the start", Sample::costDollars);

    private final String seriesName;
    private final String unit;
    private final String description;
    private final ToDoubleFunction<Sample> value;

    SampleSeries(String seriesName, String unit, String description, ToDoubleFunction<Sample> value) {
        this.seriesName = seriesName;
        this.unit = unit;
        this.description = description;
        this.value = value;
    }

    String seriesName() {
        return seriesName;
    }

    String unit() {
        return unit;
    }

    String description() {
        return description;
    }

    double of(Sample s) {
        return value.applyAsDouble(s);
    }
}
