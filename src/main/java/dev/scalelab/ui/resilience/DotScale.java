package dev.scalelab.ui.resilience;

/**
 * How many attempts one request dot stands for. It follows the rate of <em>requests</em> (not of
 * attempts) per wall second, so that requests make a steady stream of dots at any speed and a retry
 * storm shows as the stream thickening to a multiple of it. The scale is a round number (1, 2, 5,
 * 10, 20 ...) that the legend can state, and it changes only when the rate moves well away from it.
 */
final class DotScale {
    /** Dots per wall second that the requests alone should make, over all dependencies. */
    static final double REQUEST_DOTS_PER_SECOND = 120;
    /** The rate is smoothed over about this long, so one odd frame does not rescale. */
    private static final double SMOOTHING_SECONDS = 1.0;
    /** A smaller scale is taken only when the rate would fit it this many times over: no flicker at a boundary. */
    private static final double HYSTERESIS = 2.5;

    private static final double[] STEPS = {1, 2, 5, 10};

    private double requestsPerSecond = Double.NaN;
    private double attemptsPerDot = 1;

    /** Takes in {@code requests} made over {@code wallNanos} of wall time; returns the scale to use now. */
    double update(long requests, long wallNanos) {
        if (wallNanos > 0) {
            double rate = requests * 1e9 / wallNanos;
            double weight = Math.min(1, wallNanos / (SMOOTHING_SECONDS * 1e9));
            requestsPerSecond = Double.isNaN(requestsPerSecond) ? rate : requestsPerSecond + weight * (rate - requestsPerSecond);
        }
        if (Double.isNaN(requestsPerSecond)) {
            return attemptsPerDot;
        }
        double needed = roundUp(requestsPerSecond / REQUEST_DOTS_PER_SECOND);
        if (needed > attemptsPerDot || needed * HYSTERESIS < attemptsPerDot) {
            attemptsPerDot = needed;
        }
        return attemptsPerDot;
    }

    double attemptsPerDot() {
        return attemptsPerDot;
    }

    void reset() {
        requestsPerSecond = Double.NaN;
        attemptsPerDot = 1;
    }

    /** The next of 1, 2, 5, 10, 20, 50 ... at or above {@code x}. */
    static double roundUp(double x) {
        if (!(x > 1)) {
            return 1;
        }
        double decade = Math.pow(10, Math.floor(Math.log10(x)));
        for (double step : STEPS) {
            if (x <= step * decade * (1 + 1e-9)) {
                return step * decade;
            }
        }
        return 10 * decade;
    }
}
