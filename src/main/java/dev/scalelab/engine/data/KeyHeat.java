package dev.scalelab.engine.data;

import dev.scalelab.sim.Simulation;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;

/**
 * Per-key query counts in tumbling one-second windows: which keys are hot (their share of a
 * finished second is above the threshold), and the last full second's counts, which a load-based
 * range split divides at its median.
 */
final class KeyHeat {
    private static final long WINDOW_NANOS = Simulation.NANOS_PER_SECOND;

    /** Hears a key turn hot or cool down, with the finished second's figures. */
    interface Listener {
        void changed(int key, boolean hot, double share, long count, long total);
    }

    /** Below this many queries in a second nothing is called hot: too few to judge. */
    private final long minQueriesForHot;
    private final DoubleSupplier hotKeyShare;
    private final Listener listener;
    private int[] counts;
    private int[] lastCounts;
    /** The keys with a count in {@code counts} and in {@code lastCounts}, each once, in first-count order. */
    private int[] touched = new int[64];
    private int touchedCount;
    private int[] lastTouched = new int[64];
    private int lastTouchedCount;
    private long window;
    private long total;
    private long lastTotal;
    private final Map<Integer, Double> hotShares = new TreeMap<>();

    KeyHeat(int keyCount, long nowNanos, long minQueriesForHot, DoubleSupplier hotKeyShare, Listener listener) {
        this.minQueriesForHot = minQueriesForHot;
        this.hotKeyShare = hotKeyShare;
        this.listener = listener;
        counts = new int[keyCount];
        lastCounts = new int[keyCount];
        window = nowNanos / WINDOW_NANOS;
    }

    /** Counts one query of {@code key}; a new second first judges the one that ended. */
    void count(int key, long nowNanos) {
        long w = nowNanos / WINDOW_NANOS;
        if (w != window) {
            evaluate(counts, total);
            if (w == window + 1) {
                int[] finished = counts;
                counts = lastCounts;
                lastCounts = finished;
                int[] finishedKeys = touched;
                touched = lastTouched;
                lastTouched = finishedKeys;
                int finishedCount = touchedCount;
                touchedCount = lastTouchedCount;
                lastTouchedCount = finishedCount;
                lastTotal = total;
            } else {
                evaluate(counts, 0); // whole seconds without a query
                clear(lastCounts, lastTouched, lastTouchedCount);
                lastTouchedCount = 0;
                lastTotal = 0;
            }
            clear(counts, touched, touchedCount);
            touchedCount = 0;
            total = 0;
            window = w;
        }
        if (counts[key]++ == 0) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, Math.max(16, 2 * touchedCount));
            }
            touched[touchedCount++] = key;
        }
        total++;
    }

    /**
     * Zeroes the counts of the keys a second touched. A second touches a few hundred of tens of
     * thousands of keys, so this and {@link #evaluate} go over those alone instead of the whole key space.
     */
    private static void clear(int[] secondCounts, int[] keys, int keyCount) {
        for (int i = 0; i < keyCount; i++) {
            secondCounts[keys[i]] = 0;
        }
    }

    /** The last full second's counts per key, or the current second's when there was none. */
    int[] lastSecond() {
        return lastTotal > 0 ? lastCounts : counts;
    }

    /** The hot keys and their share of the second that made them hot, by key. */
    Map<Integer, Double> hotShares() {
        return Collections.unmodifiableMap(hotShares);
    }

    /** Keys whose share of a finished second exceeds hotKeyShare; at most 1/share of them. */
    private void evaluate(int[] secondCounts, long secondTotal) {
        Map<Integer, Double> now = new TreeMap<>();
        if (secondTotal >= minQueriesForHot) {
            long threshold = (long) Math.floor(hotKeyShare.getAsDouble() * secondTotal);
            // A key not counted this second has 0, never above a threshold of at least 0; the TreeMap
            // orders the hot ones by key whatever order they are found in.
            int[] keys = secondCounts == counts ? touched : lastTouched;
            int keyCount = secondCounts == counts ? touchedCount : lastTouchedCount;
            for (int i = 0; i < keyCount; i++) {
                int key = keys[i];
                if (secondCounts[key] > threshold) {
                    now.put(key, secondCounts[key] / (double) secondTotal);
                }
            }
        }
        for (Map.Entry<Integer, Double> e : now.entrySet()) {
            if (!hotShares.containsKey(e.getKey())) {
                listener.changed(e.getKey(), true, e.getValue(), secondCounts[e.getKey()], secondTotal);
            }
        }
        for (Integer key : hotShares.keySet()) {
            if (!now.containsKey(key)) {
                listener.changed(key, false, 0, secondTotal > 0 ? secondCounts[key] : 0, secondTotal);
            }
        }
        hotShares.clear();
        hotShares.putAll(now);
    }
}
