package dev.scalelab.runtime;

/**
 * A figure over several seeds: its mean, sample standard deviation (n − 1) and 95 % confidence
 * interval for the mean, mean ± t(0.975, n − 1) · sd / √n with Student's t ({@link StudentT}).
 * With one value the deviation and the interval are unknown (NaN).
 */
public record Summary(int n, double mean, double sd, double ciLow, double ciHigh) {
    /** The confidence level of {@link #ciLow} and {@link #ciHigh}. */
    public static final double CONFIDENCE = 0.95;

    /** The summary of {@code values} (at least one), summed in their order so it is the same every time. */
    public static Summary of(double... values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("values: at least one");
        }
        // Sums of the deviations from the first value (the shifted-data method): values that are all
        // equal give a deviation of exactly 0 and a mean of exactly that value.
        double shift = values[0];
        double sum = 0;
        double squares = 0;
        for (double v : values) {
            sum += v - shift;
            squares += (v - shift) * (v - shift);
        }
        double mean = shift + sum / n;
        if (n == 1) {
            return new Summary(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double sd = Math.sqrt(Math.max(0, (squares - sum * sum / n) / (n - 1)));
        double half = halfWidth(sd, n);
        return new Summary(n, mean, sd, mean - half, mean + half);
    }

    /** Half the width of the interval: t(0.975, n − 1) · sd / √n. */
    public static double halfWidth(double sd, int n) {
        return StudentT.quantile(1 - (1 - CONFIDENCE) / 2, n - 1) * sd / Math.sqrt(n);
    }
}
