package dev.scalelab.engine.resilience;

import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.sim.Simulation;

/**
 * Counts events per virtual second and keeps the last {@code capacitySeconds} completed seconds,
 * seconds without events included as 0. Memory is fixed.
 */
final class PerSecondCounter {
    private final RingSeries completed;
    private long currentSecond;
    private long countThisSecond;

    PerSecondCounter(int capacitySeconds, long nowNanos) {
        completed = new RingSeries(capacitySeconds);
        currentSecond = second(nowNanos);
    }

    private static long second(long nanos) {
        return Math.floorDiv(nanos, Simulation.NANOS_PER_SECOND);
    }

    void add(long nowNanos) {
        roll(nowNanos);
        countThisSecond++;
    }

    /** Counts of the completed seconds, oldest first; the last is the second before the current one. */
    double[] completedSeconds(long nowNanos) {
        roll(nowNanos);
        return completed.toArray();
    }

    /** The count of the last completed second (NaN before the first): the newest of {@link #completedSeconds}, without copying them. */
    double lastCompletedSecond(long nowNanos) {
        roll(nowNanos);
        return completed.last();
    }

    private void roll(long nowNanos) {
        long now = second(nowNanos);
        if (now <= currentSecond) {
            return;
        }
        completed.append(countThisSecond);
        countThisSecond = 0;
        long idle = Math.min(now - currentSecond - 1, completed.capacity());
        for (long i = 0; i < idle; i++) {
            completed.append(0);
        }
        currentSecond = now;
    }
}
