package dev.scalelab.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The app's own monitor: the real JVM that runs ScaleLab, read through the standard management beans
 * once a wall second (heap used and committed, collections and collection time per collector, live
 * threads, the simulation thread's allocation), with the simulated events per second and the UI's
 * frame intervals, which its driver feeds in. It keeps the last {@link #HISTORY_SAMPLES} seconds for
 * charts, so its memory stays bounded however long the app runs.
 *
 * <p>Confined to one thread, without locks: the one that drives it (the FX thread in the app, which
 * calls {@link #recordFrame} every pulse and {@link #sampleIfDue} after it). Reading the beans takes
 * some microseconds, once a second.
 */
public final class JvmMonitor {
    public static final long SAMPLE_INTERVAL_NANOS = 1_000_000_000L;
    /** Five minutes of samples. */
    public static final int HISTORY_SAMPLES = 300;
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;
    /** More pulses than one second holds even at 240 Hz; beyond it only the maximum is kept. */
    private static final int FRAME_CAPACITY = 1024;

    private final ArrayDeque<JvmSample> history = new ArrayDeque<>(HISTORY_SAMPLES);
    private final long[] frameIntervals = new long[FRAME_CAPACITY];
    private int frameCount;
    private long frameMaxNanos;
    private long lastPulseNanos = Long.MIN_VALUE;
    private JvmReading first;
    private JvmReading last;
    private long samplesTaken;

    /** Records one UI pulse at {@code pulseNanos} (monotonic, as an {@code AnimationTimer} gets it). */
    public void recordFrame(long pulseNanos) {
        if (lastPulseNanos != Long.MIN_VALUE) {
            long interval = pulseNanos - lastPulseNanos;
            if (frameCount < FRAME_CAPACITY) {
                frameIntervals[frameCount++] = interval;
            }
            frameMaxNanos = Math.max(frameMaxNanos, interval);
        }
        lastPulseNanos = pulseNanos;
    }

    /**
     * Reads this JVM when a second has passed since the last reading (or there is none yet) and adds a
     * sample; returns whether it did.
     *
     * @param simulationThreadId the thread whose allocations are measured
     * @param eventsFired        the simulation's event count now
     */
    public boolean sampleIfDue(long wallNanos, long simulationThreadId, long eventsFired) {
        if (last != null && wallNanos - last.wallNanos() < SAMPLE_INTERVAL_NANOS) {
            return false;
        }
        return add(JvmReading.ofThisJvm(wallNanos, simulationThreadId, eventsFired));
    }

    /**
     * Takes {@code reading} as the newest: with the one before it, the rates of a new sample, whose
     * frame figures are those of the pulses recorded since that one. The first reading only starts
     * the clock. Returns whether a sample was added.
     */
    public boolean add(JvmReading reading) {
        JvmReading before = last;
        last = reading;
        if (before == null) {
            first = reading;
            clearFrames();
            return false;
        }
        double seconds = (reading.wallNanos() - before.wallNanos()) / 1e9;
        if (!(seconds > 0)) {
            return false;
        }
        Map<String, JvmReading.Collector> previous = new HashMap<>();
        for (JvmReading.Collector c : before.collectors()) {
            previous.put(c.name(), c);
        }
        List<JvmSample.CollectorRate> rates = new ArrayList<>();
        for (JvmReading.Collector c : reading.collectors()) {
            JvmReading.Collector p = previous.getOrDefault(c.name(), new JvmReading.Collector(c.name(), 0, 0));
            rates.add(new JvmSample.CollectorRate(c.name(), (c.collections() - p.collections()) / seconds,
                    (c.collectionMillis() - p.collectionMillis()) / seconds));
        }
        double allocation = reading.simulationThreadAllocatedBytes() < 0 || before.simulationThreadAllocatedBytes() < 0
                ? Double.NaN
                : (reading.simulationThreadAllocatedBytes() - before.simulationThreadAllocatedBytes()) / BYTES_PER_MIB / seconds;
        // A reset starts the count again from 0: what it shows now all came after the reset.
        long events = reading.eventsFired() >= before.eventsFired() ? reading.eventsFired() - before.eventsFired() : reading.eventsFired();
        if (history.size() == HISTORY_SAMPLES) {
            history.removeFirst();
        }
        history.addLast(new JvmSample((reading.wallNanos() - first.wallNanos()) / 1e9,
                reading.heapUsedBytes() / BYTES_PER_MIB, reading.heapCommittedBytes() / BYTES_PER_MIB, rates,
                reading.threadCount(), allocation, events / seconds, frameP95Ms(), frameCount == 0 ? Double.NaN : frameMaxNanos / 1e6));
        samplesTaken++;
        clearFrames();
        return true;
    }

    /** The 95th percentile of the intervals recorded since the last sample, as {@code FrameMeter} takes it. */
    private double frameP95Ms() {
        if (frameCount == 0) {
            return Double.NaN;
        }
        Arrays.sort(frameIntervals, 0, frameCount);
        int index = (int) Math.max(0, Math.ceil(0.95 * frameCount) - 1);
        return frameIntervals[index] / 1e6;
    }

    private void clearFrames() {
        frameCount = 0;
        frameMaxNanos = 0;
    }

    /** The samples, oldest first: at most {@link #HISTORY_SAMPLES}. */
    public List<JvmSample> history() {
        return List.copyOf(history);
    }

    /** The newest sample, or null before the second reading. */
    public JvmSample latest() {
        return history.peekLast();
    }

    /** The newest reading, with the heap in bytes as {@code jcmd GC.heap_info} counts it, or null before the first. */
    public JvmReading latestReading() {
        return last;
    }

    /** Samples added since the monitor started, including those the history no longer holds. */
    public long samplesTaken() {
        return samplesTaken;
    }
}
