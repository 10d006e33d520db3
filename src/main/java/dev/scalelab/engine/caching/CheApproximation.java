package dev.scalelab.engine.caching;

import dev.scalelab.sim.PureMemo;

import java.util.Arrays;

import dev.scalelab.sim.KeySampler;

import java.util.function.DoubleUnaryOperator;

/**
 * Che's approximation (Che, Tung and Wang, IEEE JSAC 2002; Fricker, Robert and Roberts, ITC 2012)
 * of a cache's hit ratio under the independent reference model: with request probabilities p_i
 * summing to 1, the characteristic time T (in requests) is the root of sum_i f(p_i T) = C, and
 * key i hits with probability f(p_i T); LRU has f(x) = 1 - e^-x, FIFO and RANDOM f(x) = x / (1 + x).
 * T is found by bisection to a relative 1e-12; each step is O(N).
 */
public final class CheApproximation {
    private static final DoubleUnaryOperator LRU = x -> -Math.expm1(-x);
    private static final DoubleUnaryOperator FIFO = x -> x / (1 + x);

    private CheApproximation() {
    }

    /** LRU's characteristic time T_C, in requests; infinite when the cache holds every key. */
    public static double lruCharacteristicTime(double[] probabilities, int capacity) {
        return characteristicTime(probabilities, capacity, LRU);
    }

    public static double lruHitRatio(double[] probabilities, int capacity) {
        return MEMO.get(new Question(new Popularity(probabilities), capacity, false),
                q -> hitRatio(q.popularity().p, lruCharacteristicTime(q.popularity().p, q.capacity()), LRU));
    }

    /** The FIFO/RANDOM characteristic time: the root of sum p_i T / (1 + p_i T) = C. */
    public static double fifoCharacteristicTime(double[] probabilities, int capacity) {
        return characteristicTime(probabilities, capacity, FIFO);
    }

    /** The hit ratio of FIFO, and of RANDOM replacement, which has the same approximation. */
    public static double fifoHitRatio(double[] probabilities, int capacity) {
        return MEMO.get(new Question(new Popularity(probabilities), capacity, true),
                q -> hitRatio(q.popularity().p, fifoCharacteristicTime(q.popularity().p, q.capacity()), FIFO));
    }

    /** A copy of a key popularity, compared by value: the memo's key. */
    private static final class Popularity {
        final double[] p;
        final int hash;

        Popularity(double[] probabilities) {
            this.p = probabilities.clone();
            this.hash = Arrays.hashCode(p);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Popularity other && other.hash == hash && Arrays.equals(other.p, p);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private record Question(Popularity popularity, int capacity, boolean fifo) {
    }

    /** Every world of a scenario asks the same (a seek, a seed band, a sweep make it many times): solved once. */
    private static final PureMemo<Question, Double> MEMO = new PureMemo<>(16);

    /** The request probabilities of a key sampler's keys. */
    public static double[] probabilities(KeySampler sampler) {
        double[] p = new double[sampler.count()];
        for (int k = 0; k < p.length; k++) {
            p[k] = sampler.probability(k);
        }
        return p;
    }

    private static double characteristicTime(double[] p, int capacity, DoubleUnaryOperator f) {
        int requested = 0;
        for (double pi : p) {
            if (pi > 0) {
                requested++;
            }
        }
        if (capacity >= requested) {
            return Double.POSITIVE_INFINITY;
        }
        if (capacity <= 0) {
            return 0;
        }
        double low = 0;
        double high = 1;
        while (occupancy(p, high, f) < capacity) {
            low = high;
            high *= 2;
        }
        while (high - low > 1e-12 * high) {
            double middle = 0.5 * (low + high);
            if (occupancy(p, middle, f) < capacity) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return 0.5 * (low + high);
    }

    /** Expected number of keys in the cache at characteristic time t. */
    private static double occupancy(double[] p, double t, DoubleUnaryOperator f) {
        double sum = 0;
        for (double pi : p) {
            sum += f.applyAsDouble(pi * t);
        }
        return sum;
    }

    private static double hitRatio(double[] p, double t, DoubleUnaryOperator f) {
        if (Double.isInfinite(t)) {
            return 1;
        }
        double hits = 0;
        for (double pi : p) {
            hits += pi * f.applyAsDouble(pi * t);
        }
        return hits;
    }
}
