package dev.scalelab.world;

/**
 * One point of the time series, taken every second of virtual time, over the second before it.
 *
 * @param instances        ready instances
 * @param desiredInstances the count the pool is asked to keep (an autoscaler's decision)
 * @param utilization      mean busy-worker fraction of ready instances
 * @param costPerHour      dollars per hour of every instance that exists now
 * @param costDollars      dollars spent since the start
 */
public record Sample(double timeSeconds, double offeredPerSecond, double throughputPerSecond,
                     double rejectedPerSecond, double failedPerSecond, double meanMs, double p50Ms, double p99Ms,
                     int instances, int desiredInstances, double utilization, int queued, double costPerHour,
                     double costDollars) {

    public static final String CSV_HEADER = "time_s,offered_per_s,throughput_per_s,rejected_per_s,failed_per_s,"
            + "mean_ms,p50_ms,p99_ms,instances,desired_instances,utilization,queued,cost_per_hour,cost_dollars";

    public String toCsv() {
        return Parameter.format(timeSeconds) + "," + fmt(offeredPerSecond) + "," + fmt(throughputPerSecond) + ","
                + fmt(rejectedPerSecond) + "," + fmt(failedPerSecond) + "," + fmt(meanMs) + "," + fmt(p50Ms) + ","
                + fmt(p99Ms) + "," + instances + "," + desiredInstances + "," + fmt(utilization) + "," + queued + ","
                + fmt(costPerHour) + "," + String.format(java.util.Locale.ROOT, "%.6f", costDollars);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
