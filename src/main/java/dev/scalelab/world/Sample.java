package dev.scalelab.world;

import java.util.Map;

/**
 * One point of the time series, taken every second of virtual time, over the second before it.
 *
 * @param instances        ready instances
 * @param desiredInstances the count the pool is asked to keep (an autoscaler's decision)
 * @param utilization      mean busy-worker fraction of ready instances
 * @param costPerHour      dollars per hour of every instance that exists now
 * @param costDollars      dollars spent since the start
 * @param parts            the columns of the parts the scenario has (cache, database, dependencies,
 *                         autoscaler), every one of them in column order, by name, formatted as the
 *                         CSV writes them; "" for a part that has nothing to say this second (see
 *                         {@link SampleColumns})
 */
public record Sample(double timeSeconds, double offeredPerSecond, double throughputPerSecond,
                     double rejectedPerSecond, double failedPerSecond, double meanMs, double p50Ms, double p99Ms,
                     int instances, int desiredInstances, double utilization, int queued, double costPerHour,
                     double costDollars, Map<String, String> parts) {

    /** The columns every scenario has; {@link World#sampleCsvHeader()} adds those of its parts. */
    public static final String CSV_HEADER = SampleColumn.header();

    public Sample {
        parts = parts == null ? Map.of() : parts;
    }

    public Sample(double timeSeconds, double offeredPerSecond, double throughputPerSecond, double rejectedPerSecond,
                  double failedPerSecond, double meanMs, double p50Ms, double p99Ms, int instances, int desiredInstances,
                  double utilization, int queued, double costPerHour, double costDollars) {
        this(timeSeconds, offeredPerSecond, throughputPerSecond, rejectedPerSecond, failedPerSecond, meanMs, p50Ms, p99Ms,
                instances, desiredInstances, utilization, queued, costPerHour, costDollars, Map.of());
    }

    Sample withParts(Map<String, String> parts) {
        return new Sample(timeSeconds, offeredPerSecond, throughputPerSecond, rejectedPerSecond, failedPerSecond, meanMs,
                p50Ms, p99Ms, instances, desiredInstances, utilization, queued, costPerHour, costDollars, parts);
    }

    /** One CSV row: the columns of {@link #CSV_HEADER}, then those of the parts, as {@link World#sampleCsvHeader()} names them. */
    public String toCsv() {
        StringBuilder s = new StringBuilder(160);
        for (SampleColumn c : SampleColumn.values()) {
            if (c != SampleColumn.TIME) {
                s.append(',');
            }
            s.append(c.csv(this));
        }
        for (String value : parts.values()) {
            s.append(',').append(value);
        }
        return s.toString();
    }
}
