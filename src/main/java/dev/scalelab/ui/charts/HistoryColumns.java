package dev.scalelab.ui.charts;

import dev.scalelab.engine.metrics.SeriesView;

/**
 * The buckets of a run's series that fall in a time range, merged into at most one point per pixel
 * column: each point the mean of its buckets' values (weighted by how many seconds had one), with the
 * least and the greatest. JavaFX's LineChart keeps an object per point and lays them all out, so the
 * points drawn are bounded by the chart's width, not by the run's length. Plain data: any thread.
 *
 * <p>A point's time is the middle of the seconds it covers, on the charts' convention that the
 * sample of the second [t-1, t) is drawn at t (a one-second bucket k is drawn at k + 1).
 */
public final class HistoryColumns {
    private final double[] times;
    private final double[] means;
    private final double[] mins;
    private final double[] maxs;
    private final int size;
    private final boolean merged;
    private final double highest;

    private HistoryColumns(double[] times, double[] means, double[] mins, double[] maxs, int size, boolean merged, double highest) {
        this.times = times;
        this.means = means;
        this.mins = mins;
        this.maxs = maxs;
        this.size = size;
        this.merged = merged;
        this.highest = highest;
    }

    /**
     * The points of {@code view} between {@code fromSeconds} and {@code toSeconds} (chart times), at
     * most {@code columns} of them; {@code scale} multiplies every value (a ratio drawn in percent).
     */
    public static HistoryColumns of(SeriesView view, double fromSeconds, double toSeconds, int columns, double scale) {
        int n = view.buckets();
        long w = view.bucketSeconds();
        // Bucket k is drawn over chart times (k·w, (k+1)·w]: take those that reach into the range.
        int first = (int) Math.max(0, Math.floor(fromSeconds / w) - 1);
        int last = (int) Math.min(n - 1, Math.ceil(toSeconds / w));
        int cols = Math.max(1, columns);
        double span = Math.max(1e-9, toSeconds - fromSeconds);
        double[] times = new double[Math.max(0, Math.min(cols + 2, last - first + 1))];
        double[] means = new double[times.length];
        double[] mins = new double[times.length];
        double[] maxs = new double[times.length];
        int size = 0;
        int column = Integer.MIN_VALUE;
        double sum = 0;
        int count = 0;
        double timeSum = 0;
        int buckets = 0;
        double min = 0;
        double max = 0;
        boolean merged = w > 1;
        double highest = Double.NaN;
        for (int k = first; k <= last && times.length > 0; k++) {
            double time = (view.startSeconds(k) + view.endSeconds(k)) / 2 + 0.5;
            // The one bucket on each side of the range keeps the line running to the chart's edges.
            int c = time < fromSeconds ? -1 : time > toSeconds ? cols : (int) Math.min(cols - 1, (time - fromSeconds) / span * cols);
            if (c != column && buckets > 0) {
                size = flush(times, means, mins, maxs, size, timeSum / buckets, sum, count, min, max, scale);
                merged |= buckets > 1;
                sum = 0;
                count = 0;
                timeSum = 0;
                buckets = 0;
            }
            column = c;
            timeSum += time;
            buckets++;
            int kc = view.count(k);
            if (kc > 0) {
                min = count == 0 ? view.min(k) : Math.min(min, view.min(k));
                max = count == 0 ? view.max(k) : Math.max(max, view.max(k));
                sum += view.sum(k);
                count += kc;
                if (c >= 0 && c < cols) {
                    highest = Double.isNaN(highest) ? view.max(k) * scale : Math.max(highest, view.max(k) * scale);
                }
            }
        }
        if (buckets > 0) {
            size = flush(times, means, mins, maxs, size, timeSum / buckets, sum, count, min, max, scale);
            merged |= buckets > 1;
        }
        return new HistoryColumns(times, means, mins, maxs, size, merged, highest);
    }

    private static int flush(double[] times, double[] means, double[] mins, double[] maxs, int size, double time, double sum,
                             int count, double min, double max, double scale) {
        if (size == times.length) {
            return size; // cannot happen with cols + 2 slots; kept as a bound, not a loop guard
        }
        times[size] = time;
        means[size] = count == 0 ? Double.NaN : sum / count * scale;
        mins[size] = count == 0 ? Double.NaN : min * scale;
        maxs[size] = count == 0 ? Double.NaN : max * scale;
        return size + 1;
    }

    public int size() {
        return size;
    }

    public double time(int i) {
        return times[i];
    }

    /** The mean of point {@code i}; NaN where its seconds had no value. */
    public double mean(int i) {
        return means[i];
    }

    public double min(int i) {
        return mins[i];
    }

    public double max(int i) {
        return maxs[i];
    }

    /** True when a point stands for more than one second: the chart then draws the min–max band. */
    public boolean merged() {
        return merged;
    }

    /** The greatest value inside the range (a band's top), NaN when none. */
    public double highest() {
        return highest;
    }
}
