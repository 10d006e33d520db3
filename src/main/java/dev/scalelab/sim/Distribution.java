package dev.scalelab.sim;

import java.util.SplittableRandom;

/**
 * A positive random quantity (a service time, a think time). Values are in whatever unit the
 * parameters are given in; the scenario uses milliseconds.
 */
public sealed interface Distribution {

    double sample(SplittableRandom random);

    double mean();

    /** Always the same value. */
    record Constant(double value) implements Distribution {
        public double sample(SplittableRandom random) {
            return value;
        }

        public double mean() {
            return value;
        }
    }

    /** Memoryless: the service time of M/M/c queues. */
    record Exponential(double mean) implements Distribution {
        public double sample(SplittableRandom random) {
            // 1 - U lies in (0, 1], so the log is finite.
            return -mean * Math.log(1.0 - random.nextDouble());
        }
    }

    record Uniform(double min, double max) implements Distribution {
        public double sample(SplittableRandom random) {
            return min + (max - min) * random.nextDouble();
        }

        public double mean() {
            return (min + max) / 2;
        }
    }

    /**
     * Log-normal given by its mean and 99th percentile, the two numbers people know about a
     * latency. With ln X ~ N(mu, sigma): mean = exp(mu + sigma^2/2) and p99 = exp(mu + z99 sigma),
     * so sigma solves sigma^2/2 - z99 sigma + ln(p99/mean) = 0 (the smaller root). A solution
     * exists only while p99/mean <= exp(z99^2/2), about 14.97.
     */
    record LogNormal(double mean, double p99, double mu, double sigma) implements Distribution {
        public static final double Z99 = 2.3263478740408408;
        public static final double MAX_P99_OVER_MEAN = Math.exp(Z99 * Z99 / 2);

        public static LogNormal of(double mean, double p99) {
            if (!(mean > 0) || !(p99 > mean) || p99 / mean > MAX_P99_OVER_MEAN) {
                throw new IllegalArgumentException(String.format(
                        "a log-normal needs 0 < mean < p99 <= %.2f x mean", MAX_P99_OVER_MEAN));
            }
            double sigma = Z99 - Math.sqrt(Z99 * Z99 - 2 * Math.log(p99 / mean));
            double mu = Math.log(mean) - sigma * sigma / 2;
            return new LogNormal(mean, p99, mu, sigma);
        }

        public double sample(SplittableRandom random) {
            return Math.exp(mu + sigma * gaussian(random));
        }
    }

    /** Pareto (heavy tail) with shape alpha > 1, given by its mean: scale = mean (alpha - 1) / alpha. */
    record Pareto(double mean, double alpha) implements Distribution {
        public Pareto {
            if (!(alpha > 1)) {
                throw new IllegalArgumentException("a Pareto needs alpha > 1 for a finite mean");
            }
        }

        public double scale() {
            return mean * (alpha - 1) / alpha;
        }

        public double sample(SplittableRandom random) {
            return scale() / Math.pow(1.0 - random.nextDouble(), 1.0 / alpha);
        }
    }

    /** Standard normal by Box-Muller; deterministic for a given stream (no cached second value). */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
