package dev.scalelab.engine.balancing;

import java.util.List;
import java.util.SplittableRandom;

/** Uniform samples of distinct backends that accept traffic, for the power-of-d-choices strategies. */
final class Sampling {
    private Sampling() {
    }

    /**
     * Fills {@code out} with {@code min(d, eligible)} distinct indices of backends that accept
     * traffic, every such set equally likely and in random order, and returns how many. With fewer
     * than d eligible backends all of them are returned, so the strategy compares every one.
     *
     * <p>Rejection sampling takes O(d) draws while most backends accept traffic. After 4d + 16
     * misses it starts over with one pass over the list (a partial Fisher-Yates shuffle of the
     * eligible indices), so a pool with few or no eligible backends costs O(n), never an endless
     * loop. How many draws rejection needs does not depend on which backends it found, so mixing
     * the two ways keeps every set equally likely.
     */
    static int distinctAcceptingTraffic(List<? extends Backend> backends, int d, SplittableRandom random, int[] out) {
        int n = backends.size();
        if (n == 0) {
            return 0;
        }
        int found = 0;
        for (int misses = 0; found < d && misses < 4 * d + 16; ) {
            int i = random.nextInt(n);
            if (backends.get(i).acceptsTraffic() && !contains(out, found, i)) {
                out[found++] = i;
            } else {
                misses++;
            }
        }
        if (found == d) {
            return d;
        }
        int[] eligible = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (backends.get(i).acceptsTraffic()) {
                eligible[m++] = i;
            }
        }
        int k = Math.min(d, m);
        for (int j = 0; j < k; j++) {
            int r = j + random.nextInt(m - j);
            int chosen = eligible[r];
            eligible[r] = eligible[j];
            eligible[j] = chosen;
            out[j] = chosen;
        }
        return k;
    }

    private static boolean contains(int[] a, int length, int value) {
        for (int j = 0; j < length; j++) {
            if (a[j] == value) {
                return true;
            }
        }
        return false;
    }
}
