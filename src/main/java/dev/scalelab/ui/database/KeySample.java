package dev.scalelab.ui.database;

/**
 * The keys the map draws: at most {@link #MAX_KEYS} keys spread evenly over {@code 0..keyCount-1}
 * (every hashing router scrambles neighbouring keys anyway, and range sharding then shows its
 * ranges evenly filled), each with two stable pseudo-random numbers that place its dot inside a band
 * or a box. Immutable.
 */
final class KeySample {
    /** Enough dots to read a fraction to a percent or two, few enough to draw every frame. */
    static final int MAX_KEYS = 500;

    private final int keyCount;
    private final int[] keys;
    private final double[] jitterA;
    private final double[] jitterB;

    private KeySample(int keyCount, int[] keys, double[] jitterA, double[] jitterB) {
        this.keyCount = keyCount;
        this.keys = keys;
        this.jitterA = jitterA;
        this.jitterB = jitterB;
    }

    /** Key i of the sample is floor(i x keyCount / n), n = min(keyCount, MAX_KEYS): ascending, no repeats. */
    static KeySample of(int keyCount) {
        if (keyCount < 1) {
            throw new IllegalArgumentException("a key sample needs at least one key");
        }
        int n = Math.min(keyCount, MAX_KEYS);
        int[] keys = new int[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (int) ((long) i * keyCount / n);
            long h = mix(keys[i]);
            a[i] = (h >>> 40) * 0x1.0p-24;
            b[i] = ((h >>> 16) & 0xffffff) * 0x1.0p-24;
        }
        return new KeySample(keyCount, keys, a, b);
    }

    /** SplitMix64's finaliser: neighbouring keys get unrelated jitter. */
    private static long mix(long key) {
        long z = (key + 1) * 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    int keyCount() {
        return keyCount;
    }

    int size() {
        return keys.length;
    }

    int key(int i) {
        return keys[i];
    }

    /** A stable number in [0, 1) for the key's place across a band (distance from the ring, x in a box). */
    double jitterA(int i) {
        return jitterA[i];
    }

    /** A second, independent stable number in [0, 1) (y in a box). */
    double jitterB(int i) {
        return jitterB[i];
    }
}
