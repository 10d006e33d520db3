package dev.scalelab.world;

/** One point of the time series, taken every second of virtual time, over the second before it. */
public record Sample(double timeSeconds, double offeredPerSecond, double throughputPerSecond,
                    double rejectedPerSecond, double meanMs, double p50Ms, double p99Ms,
                    int instances, double utilization, int queued) {

    public static final String CSV_HEADER =
            "time_s,offered_per_s,throughput_per_s,rejected_per_s,mean_ms,p50_ms,p99_ms,instances,utilization,queued";

    public String toCsv() {
        return Parameter.format(timeSeconds) + "," + fmt(offeredPerSecond) + "," + fmt(throughputPerSecond) + ","
                + fmt(rejectedPerSecond) + "," + fmt(meanMs) + "," + fmt(p50Ms) + "," + fmt(p99Ms) + ","
                + instances + "," + fmt(utilization) + "," + queued;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
