package dev.scalelab.sim;

import java.util.SplittableRandom;

/** Picks the key a request touches, from 0 to count - 1; key 0 is the most popular. */
public sealed interface KeySampler {

    int sample(SplittableRandom random);

    int count();

    /** Probability of key {@code k}; used by analytic models such as Che's approximation. */
    double probability(int k);

    record Uniform(int count) implements KeySampler {
        public int sample(SplittableRandom random) {
            return random.nextInt(count);
        }

        public double probability(int k) {
            return 1.0 / count;
        }
    }

    /**
     * x% of the traffic goes to the first y% of the keys (at least one key), the rest spreads
     * uniformly over the others.
     */
    record Hotspot(int count, double hotTrafficFraction, double hotKeyFraction, int hotKeys) implements KeySampler {
        public static Hotspot of(int count, double hotTrafficFraction, double hotKeyFraction) {
            int hot = (int) Math.max(1, Math.min(count, Math.round(count * hotKeyFraction)));
            return new Hotspot(count, hotTrafficFraction, hotKeyFraction, hot);
        }

        public int sample(SplittableRandom random) {
            if (hotKeys == count || random.nextDouble() < hotTrafficFraction) {
                return random.nextInt(hotKeys);
            }
            return hotKeys + random.nextInt(count - hotKeys);
        }

        public double probability(int k) {
            if (hotKeys == count) {
                return 1.0 / count;
            }
            return k < hotKeys ? hotTrafficFraction / hotKeys : (1 - hotTrafficFraction) / (count - hotKeys);
        }
    }

    /**
     * Zipf(alpha, n): P(k) proportional to 1/(k+1)^alpha. Sampled with Walker's alias method: O(n)
     * setup, then one uniform draw and one comparison per sample, whatever alpha and n.
     */
    final class Zipf implements KeySampler {
        private final double[] probabilities;
        /**
         * Column c's acceptance at 2c and its alias (an int, exact as a double) at 2c + 1: a sample
         * reads one random column, and side by side the two share a cache line instead of costing
         * a miss each in two arrays.
         */
        private final double[] columns;

        /** The tables of one Zipf law: read only once made, so every world with that law shares them. */
        private record Tables(double[] probabilities, double[] columns) {
        }

        private record Law(double alpha, int count) {
        }

        private static final PureMemo<Law, Tables> TABLES = new PureMemo<>(8);

        public Zipf(double alpha, int count) {
            if (count < 1) {
                throw new IllegalArgumentException("Zipf needs at least one key");
            }
            Tables t = TABLES.get(new Law(alpha, count), law -> tables(law.alpha(), law.count()));
            probabilities = t.probabilities();
            columns = t.columns();
        }

        private static Tables tables(double alpha, int count) {
            double[] probabilities = new double[count];
            double norm = 0;
            for (int k = 0; k < count; k++) {
                probabilities[k] = 1.0 / Math.pow(k + 1, alpha);
                norm += probabilities[k];
            }
            for (int k = 0; k < count; k++) {
                probabilities[k] /= norm;
            }
            double[] acceptance = new double[count];
            int[] alias = new int[count];
            buildAliasTable(probabilities, acceptance, alias);
            double[] columns = new double[2 * count];
            for (int c = 0; c < count; c++) {
                columns[2 * c] = acceptance[c];
                columns[2 * c + 1] = alias[c];
            }
            return new Tables(probabilities, columns);
        }

        private static void buildAliasTable(double[] probabilities, double[] acceptance, int[] alias) {
            int n = probabilities.length;
            double[] scaled = new double[n];
            int[] small = new int[n];
            int[] large = new int[n];
            int smallTop = 0;
            int largeTop = 0;
            for (int k = 0; k < n; k++) {
                scaled[k] = probabilities[k] * n;
                if (scaled[k] < 1.0) {
                    small[smallTop++] = k;
                } else {
                    large[largeTop++] = k;
                }
            }
            while (smallTop > 0 && largeTop > 0) {
                int s = small[--smallTop];
                int l = large[--largeTop];
                acceptance[s] = scaled[s];
                alias[s] = l;
                scaled[l] = (scaled[l] + scaled[s]) - 1.0;
                if (scaled[l] < 1.0) {
                    small[smallTop++] = l;
                } else {
                    large[largeTop++] = l;
                }
            }
            while (largeTop > 0) {
                int l = large[--largeTop];
                acceptance[l] = 1.0;
                alias[l] = l;
            }
            while (smallTop > 0) { // only from rounding error
                int s = small[--smallTop];
                acceptance[s] = 1.0;
                alias[s] = s;
            }
        }

        @Override
        public int sample(SplittableRandom random) {
            double u = random.nextDouble() * probabilities.length;
            int column = (int) u;
            return (u - column) < columns[2 * column] ? column : (int) columns[2 * column + 1];
        }

        /** Fills {@code keys} with consecutive samples, as many calls of {@link #sample} would. */
        void sample(SplittableRandom random, int[] keys) {
            double n = probabilities.length;
            double[] table = columns;
            for (int i = 0; i < keys.length; i++) {
                double u = random.nextDouble() * n;
                int column = (int) u;
                keys[i] = (u - column) < table[2 * column] ? column : (int) table[2 * column + 1];
            }
        }

        @Override
        public int count() {
            return probabilities.length;
        }

        @Override
        public double probability(int k) {
            return probabilities[k];
        }
    }
}
