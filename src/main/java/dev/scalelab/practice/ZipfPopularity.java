package dev.scalelab.practice;

import java.util.function.DoublePredicate;

/**
 * Zipf(α) popularity over {@code keys} keys for Che's approximation, in a form fast enough to size a
 * cache while a person types: the {@link #EXACT_KEYS} most popular keys each have their own
 * probability (k+1)^−α / H; beyond them the tail, where popularity changes slowly from key to key, is
 * taken in groups about 1 % wide, each group's keys at the group's mean probability (its mass from
 * the integral of x^−α over the group, which the midpoint rule makes exact to second order). Ten
 * million keys then cost about 20,000 + 460 terms per sum instead of ten million.
 */
final class ZipfPopularity {
    /** Keys with a term of their own; a key space this small is exact. */
    static final int EXACT_KEYS = 20_000;
    /** A tail group spans keys [a, a × (1 + width)). */
    private static final double GROUP_WIDTH = 0.01;

    /** Each term's probability per key, and how many keys it stands for. */
    private final double[] probability;
    private final double[] keysPerTerm;
    private final int keys;

    ZipfPopularity(int keys, double alpha) {
        this.keys = keys;
        int exact = Math.min(keys, EXACT_KEYS);
        int groups = 0;
        for (long a = exact + 1L; a <= keys; a = Math.max(a + 1, (long) Math.ceil(a * (1 + GROUP_WIDTH)))) {
            groups++;
        }
        probability = new double[exact + groups];
        keysPerTerm = new double[exact + groups];
        double mass = 0;
        for (int k = 1; k <= exact; k++) { // key k - 1 has weight k^−α
            probability[k - 1] = Math.pow(k, -alpha);
            keysPerTerm[k - 1] = 1;
            mass += probability[k - 1];
        }
        int term = exact;
        for (long a = exact + 1L; a <= keys; ) {
            long b = Math.min(keys, Math.max(a, (long) Math.ceil(a * (1 + GROUP_WIDTH)) - 1)); // the group is keys a..b
            double groupMass = integral(a - 0.5, b + 0.5, alpha);
            keysPerTerm[term] = b - a + 1;
            probability[term] = groupMass / keysPerTerm[term];
            mass += groupMass;
            term++;
            a = b + 1;
        }
        for (int i = 0; i < probability.length; i++) {
            probability[i] /= mass;
        }
    }

    /** ∫ x^−α dx from {@code from} to {@code to}. */
    private static double integral(double from, double to, double alpha) {
        if (Math.abs(alpha - 1) < 1e-12) {
            return Math.log(to / from);
        }
        return (Math.pow(to, 1 - alpha) - Math.pow(from, 1 - alpha)) / (1 - alpha);
    }

    /** Whether every key has a term of its own (the model is then Che's approximation itself). */
    boolean exact() {
        return keys <= EXACT_KEYS;
    }

    /** The probabilities of the keys one by one; only for an {@link #exact()} model. */
    double[] keyProbabilities() {
        return probability.clone();
    }

    /** Expected cache occupancy after a characteristic time of {@code t} requests: Σ (1 − e^(−p t)). */
    double capacity(double t) {
        double c = 0;
        for (int i = 0; i < probability.length; i++) {
            c += keysPerTerm[i] * -Math.expm1(-probability[i] * t);
        }
        return c;
    }

    /** The hit ratio at characteristic time {@code t}: Σ p (1 − e^(−p t)). */
    double hitRatio(double t) {
        double h = 0;
        for (int i = 0; i < probability.length; i++) {
            h += keysPerTerm[i] * probability[i] * -Math.expm1(-probability[i] * t);
        }
        return h;
    }

    /** The characteristic time at which the hit ratio reaches {@code target} (below 1). */
    double timeForHitRatio(double target) {
        return solve(t -> hitRatio(t) >= target);
    }

    /** The characteristic time of an LRU cache of {@code capacity} entries (below the key count). */
    double timeForCapacity(double capacity) {
        return solve(t -> capacity(t) >= capacity);
    }

    /** The smallest t where the monotone {@code reached} turns true, by doubling then bisection. */
    private static double solve(DoublePredicate reached) {
        double lo = 0;
        double hi = 1;
        while (!reached.test(hi)) {
            lo = hi;
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (reached.test(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
