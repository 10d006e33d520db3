package dev.scalelab.ui;

import java.util.Arrays;
import java.util.Locale;

/**
 * Measures how smoothly the UI draws, from the timestamps of the JavaFX pulses that an
 * {@code AnimationTimer} receives. It keeps two views: the last {@link #WINDOW_NANOS} for the status
 * bar, and the whole run (a histogram, so memory stays bounded) for {@code --frame-stats}.
 *
 * <p>Confined to one thread, without locks: in the app the FX thread, where the main window's pulse
 * and {@code frameMeter()} check it; it touches no JavaFX itself, so a test may drive it from its own
 * thread. {@link #record} allocates nothing; the window statistics sort a preallocated scratch array,
 * so call them a few times a second, not per frame.
 */
public final class FrameMeter {
    static final long WINDOW_NANOS = 2_000_000_000L;
    /** More timestamps than two seconds hold even at a 240 Hz pulse. */
    private static final int RING_CAPACITY = 512;
    private static final long HISTOGRAM_BIN_NANOS = 100_000L; // 0.1 ms
    /** Bins up to one second; longer intervals all fall into the last bin (max is kept exactly). */
    private static final int HISTOGRAM_BINS = 10_000;

    private final long[] ring = new long[RING_CAPACITY];
    private int ringStart;
    private int ringSize;
    private final long[] scratchIntervals = new long[RING_CAPACITY];

    private final int[] runHistogram = new int[HISTOGRAM_BINS + 1];
    private long runFrames;
    private long runFirstNanos;
    private long runLastNanos;
    private long runMaxIntervalNanos;

    /** Records one pulse at {@code nowNanos} (monotonic, as {@code AnimationTimer.handle} gets it). */
    public void record(long nowNanos) {
        if (runFrames > 0) {
            long interval = nowNanos - runLastNanos;
            runHistogram[(int) Math.min(HISTOGRAM_BINS, interval / HISTOGRAM_BIN_NANOS)]++;
            runMaxIntervalNanos = Math.max(runMaxIntervalNanos, interval);
        } else {
            runFirstNanos = nowNanos;
        }
        runFrames++;
        runLastNanos = nowNanos;

        if (ringSize == RING_CAPACITY) {
            ringStart = (ringStart + 1) % RING_CAPACITY;
            ringSize--;
        }
        ring[(ringStart + ringSize) % RING_CAPACITY] = nowNanos;
        ringSize++;
        while (ringSize > 1 && nowNanos - ring[ringStart] > WINDOW_NANOS) {
            ringStart = (ringStart + 1) % RING_CAPACITY;
            ringSize--;
        }
    }

    /** Forgets the whole-run statistics (not the rolling window), to measure from here on. */
    public void restartRun() {
        Arrays.fill(runHistogram, 0);
        runFrames = 0;
        runFirstNanos = 0;
        runLastNanos = 0;
        runMaxIntervalNanos = 0;
    }

    /** Frames per second over the last two seconds; 0 before two frames. */
    public double windowFramesPerSecond() {
        if (ringSize < 2) {
            return 0;
        }
        long span = ring[(ringStart + ringSize - 1) % RING_CAPACITY] - ring[ringStart];
        return span == 0 ? 0 : (ringSize - 1) * 1e9 / span;
    }

    /** The 95th percentile of the frame intervals over the last two seconds, in ms; 0 before two frames. */
    public double windowP95IntervalMs() {
        int n = ringSize - 1;
        if (n < 1) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            scratchIntervals[i] = ring[(ringStart + i + 1) % RING_CAPACITY] - ring[(ringStart + i) % RING_CAPACITY];
        }
        Arrays.sort(scratchIntervals, 0, n);
        return scratchIntervals[percentileIndex(n)] / 1e6;
    }

    public long runFrames() {
        return runFrames;
    }

    public double runSeconds() {
        return (runLastNanos - runFirstNanos) / 1e9;
    }

    public double runFramesPerSecond() {
        double seconds = runSeconds();
        return seconds > 0 ? (runFrames - 1) / seconds : 0;
    }

    /** The 95th percentile of every frame interval of the run, in ms, to the histogram's 0.1 ms resolution. */
    public double runP95IntervalMs() {
        long intervals = runFrames - 1;
        if (intervals < 1) {
            return 0;
        }
        long rank = percentileIndex(intervals) + 1;
        long seen = 0;
        for (int bin = 0; bin <= HISTOGRAM_BINS; bin++) {
            seen += runHistogram[bin];
            if (seen >= rank) {
                // The bin's upper edge: a conservative reading of "at most this long".
                return Math.min((bin + 1) * HISTOGRAM_BIN_NANOS, runMaxIntervalNanos) / 1e6;
            }
        }
        return runMaxIntervalNanos / 1e6;
    }

    public double runMaxIntervalMs() {
        return runMaxIntervalNanos / 1e6;
    }

    /** The {@code --frame-stats} line, such as {@code frames 1798, fps 59.9, p95 frame interval 17.1 ms, max 34.0 ms, events/s 4120}. */
    public String runSummary(double eventsPerSecond) {
        return String.format(Locale.ROOT, "frames %d, fps %.1f, p95 frame interval %.1f ms, max %.1f ms, events/s %.0f",
                runFrames, runFramesPerSecond(), runP95IntervalMs(), runMaxIntervalMs(), eventsPerSecond);
    }

    private static int percentileIndex(long count) {
        return (int) Math.max(0, Math.ceil(0.95 * count) - 1);
    }
}
