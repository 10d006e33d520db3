package dev.scalelab.world;

import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;

/**
 * The columns every time-series row has, each declared once: its name in the CSV file (ending in
 * its unit), the figure of a {@link Sample} it holds, how the file writes it, and whether the world
 * keeps it as a series for the charts ({@link Snapshot.Series}). The parts' own columns follow
 * them (see {@link SampleColumns}).
 */
enum SampleColumn {
    /** Virtual time at the end of the second. */
    TIME("time_s", Sample::timeSeconds, Format.TIME, true),
    /** Requests that arrived in the second. */
    OFFERED("offered_per_s", Sample::offeredPerSecond, Format.FIXED4, true),
    /** Requests answered without error. */
    THROUGHPUT("throughput_per_s", Sample::throughputPerSecond, Format.FIXED4, true),
    /** Requests turned away: no instance to take them, or a full queue. */
    REJECTED("rejected_per_s", Sample::rejectedPerSecond, Format.FIXED4, true),
    /** Requests that ended in an error, or were lost with their instance. */
    FAILED("failed_per_s", Sample::failedPerSecond, Format.FIXED4, true),
    /** Mean latency of the answered requests. */
    MEAN("mean_ms", Sample::meanMs, Format.FIXED4, false),
    /** Median latency of the answered requests. */
    P50("p50_ms", Sample::p50Ms, Format.FIXED4, true),
    /** 99th percentile latency of the answered requests. */
    P99("p99_ms", Sample::p99Ms, Format.FIXED4, true),
    /** Ready instances. */
    INSTANCES("ready_instances_count", Sample::instances, Format.WHOLE, true),
    /** Instances the pool is asked to keep (an autoscaler's decision). */
    DESIRED("desired_instances_count", Sample::desiredInstances, Format.WHOLE, true),
    /** Mean busy-worker fraction of ready instances. */
    UTILIZATION("utilization_ratio", Sample::utilization, Format.FIXED4, true),
    /** Requests waiting in the instances' queues. */
    QUEUED("queued_count", Sample::queued, Format.WHOLE, false),
    /** Price of every instance that exists now. */
    COST_PER_HOUR("cost_dollars_per_hour", Sample::costPerHour, Format.FIXED4, true),
    /** Dollars spent since the start. */
    COST("cost_dollars", Sample::costDollars, Format.FIXED6, true);

    /** How the file writes a value. */
    private enum Format {
        /** As a parameter value: no trailing zeros. */
        TIME,
        /** 4 decimals, empty for NaN (a second without answers has no latency). */
        FIXED4,
        WHOLE,
        /** 6 decimals: dollars accrue by fractions of a cent per second. */
        FIXED6
    }

    private final String csvName;
    private final ToDoubleFunction<Sample> value;
    private final Format format;
    private final boolean charted;

    SampleColumn(String csvName, ToDoubleFunction<Sample> value, Format format, boolean charted) {
        this.csvName = csvName;
        this.value = value;
        this.format = format;
        this.charted = charted;
    }

    double of(Sample s) {
        return value.applyAsDouble(s);
    }

    /** Whether the world keeps this column as a series for the charts. */
    boolean charted() {
        return charted;
    }

    /** This column of {@code s} as the file writes it. */
    String csv(Sample s) {
        double v = of(s);
        return switch (format) {
            case TIME -> Parameter.format(v);
            case FIXED4 -> Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
            case WHOLE -> Long.toString((long) v);
            case FIXED6 -> String.format(Locale.ROOT, "%.6f", v);
        };
    }

    static String header() {
        StringJoiner h = new StringJoiner(",");
        for (SampleColumn c : values()) {
            h.add(c.csvName);
        }
        return h.toString();
    }
}
