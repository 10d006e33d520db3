package dev.scalelab.world;

import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.engine.runtime.CollectorKind;
import dev.scalelab.engine.runtime.GcEvent;
import dev.scalelab.engine.runtime.PauseKind;

/**
 * A fleet's collections and pauses: counts and pause times since t = 0 and over the current
 * simulated second, kept the same way for the pipeline's service ({@link RuntimeSystem}) and a drawn
 * one, so the two report and log them alike. Simulation thread only.
 */
public final class GcTally {
    private long youngCollections;
    private long oldCollections;
    private long collectionsThisSecond;
    private double pauseMsTotal;
    private double maxPauseMs;
    private final LatencyRecorder pauses = new LatencyRecorder();
    private double pauseMsThisSecond;
    private double longestPauseMsThisSecond;
    private String longestPauseInstance;

    /**
     * Collection {@code e} happened on {@code instance}: counted, its pause recorded. Returns the
     * decision-log line it deserves (an old or full collection, or a young one with a cause), null
     * for a routine young one.
     */
    public String collected(String instance, CollectorKind collector, GcEvent e) {
        if (e.kind() == PauseKind.YOUNG) {
            youngCollections++;
        } else {
            oldCollections++;
        }
        collectionsThisSecond++;
        paused(instance, e);
        return e.kind() != PauseKind.YOUNG || e.cause() != null ? GcLog.collection(instance, collector, e) : null;
    }

    /** {@code instance} was stopped by {@code e}'s pause (a collection's, or an allocation stall's). */
    public void paused(String instance, GcEvent e) {
        double ms = e.pauseMs();
        pauses.recordNanos(e.pauseNanos());
        pauseMsTotal += ms;
        maxPauseMs = Math.max(maxPauseMs, ms);
        pauseMsThisSecond += ms;
        if (ms > longestPauseMsThisSecond) {
            longestPauseMsThisSecond = ms;
            longestPauseInstance = instance;
        }
    }

    /** The line for a second whose longest pause passed {@code targetMs}; null when none did. */
    public String overTarget(double targetMs) {
        return longestPauseMsThisSecond > targetMs
                ? GcLog.overTarget(pauseMsThisSecond, collectionsThisSecond, longestPauseMsThisSecond, longestPauseInstance, targetMs)
                : null;
    }

    /** The second is over: its figures start again from nothing. */
    public void secondEnded() {
        pauseMsThisSecond = 0;
        longestPauseMsThisSecond = 0;
        longestPauseInstance = null;
        collectionsThisSecond = 0;
    }

    public long youngCollections() {
        return youngCollections;
    }

    public long oldCollections() {
        return oldCollections;
    }

    public long collectionsThisSecond() {
        return collectionsThisSecond;
    }

    public double pauseMsTotal() {
        return pauseMsTotal;
    }

    public double maxPauseMs() {
        return maxPauseMs;
    }

    public double pauseMsThisSecond() {
        return pauseMsThisSecond;
    }

    public double longestPauseMsThisSecond() {
        return longestPauseMsThisSecond;
    }

    /** Every pause so far. */
    public LatencyRecorder pauses() {
        return pauses;
    }
}
