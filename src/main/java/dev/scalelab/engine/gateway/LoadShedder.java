package dev.scalelab.engine.gateway;

import java.util.Locale;

/**
 * Load shedding by priority (engines.md §8): when the service is overloaded, reject early, the
 * lowest priority first. Priorities are 0 (high, never shed), 1 (normal), 2 (low).
 * <ul>
 *   <li>{@link #byQueueLength}: overloaded at a load signal (queued requests per ready instance) at
 *       or above the threshold; low is shed from the threshold, normal from twice it.</li>
 *   <li>{@link #byDelay}: CoDel's rule: overloaded once the smallest queueing delay seen over an
 *       interval stayed above the target for the whole interval; low is shed while overloaded,
 *       normal once it has stayed overloaded for a second interval in a row. A delay at or under
 *       the target ends the overload at once.</li>
 * </ul>
 * The world feeds it signals ({@link #observeQueue}, {@link #observeDelay}) and asks it per request
 * ({@link #admit}). It records why it last changed state, for the decision log.
 */
public final class LoadShedder {
    public static final int HIGH = 0;
    public static final int NORMAL = 1;
    public static final int LOW = 2;
    private static final long NONE = Long.MIN_VALUE;

    private final boolean byQueue;
    private double queueThreshold;
    private long targetDelayNanos;
    private long intervalNanos;

    /** Queue mode: the last signal. */
    private double queuedPerReadyInstance;
    /**
     * Delay mode, as CoDel's {@code first_above_time}: since when every delay seen was above the
     * target ({@link #NONE} when the last one was not), and the smallest of them.
     */
    private long aboveSinceNanos = NONE;
    private long smallestAboveNanos;
    /** The latest time it was told or asked about: what {@link #reason()} describes. */
    private long lastNanos;

    private LoadShedder(boolean byQueue, double queueThreshold, long targetDelayNanos, long intervalNanos) {
        this.byQueue = byQueue;
        this.queueThreshold = queueThreshold;
        this.targetDelayNanos = targetDelayNanos;
        this.intervalNanos = intervalNanos;
    }

    public static LoadShedder byQueueLength(double queueThresholdPerInstance) {
        if (!(queueThresholdPerInstance > 0)) {
            throw new IllegalArgumentException("a queue threshold must be above 0, not " + queueThresholdPerInstance);
        }
        return new LoadShedder(true, queueThresholdPerInstance, 0, 0);
    }

    public static LoadShedder byDelay(long targetDelayNanos, long intervalNanos) {
        if (targetDelayNanos <= 0 || intervalNanos <= 0) {
            throw new IllegalArgumentException("a delay target and interval must be above 0, not " + targetDelayNanos
                    + " and " + intervalNanos + " ns");
        }
        return new LoadShedder(false, 0, targetDelayNanos, intervalNanos);
    }

    /** Whether it sheds by queue length (else by queueing delay). */
    public boolean byQueue() {
        return byQueue;
    }

    /** A new queue threshold (queue mode), from the next request on. */
    public void setQueueThreshold(double queueThresholdPerInstance) {
        if (!(queueThresholdPerInstance > 0)) {
            throw new IllegalArgumentException("a queue threshold must be above 0, not " + queueThresholdPerInstance);
        }
        queueThreshold = queueThresholdPerInstance;
    }

    /** A new delay target and interval (delay mode); the stretch above the target starts over. */
    public void setDelayTarget(long newTargetDelayNanos, long newIntervalNanos) {
        if (newTargetDelayNanos <= 0 || newIntervalNanos <= 0) {
            throw new IllegalArgumentException("a delay target and interval must be above 0, not " + newTargetDelayNanos
                    + " and " + newIntervalNanos + " ns");
        }
        targetDelayNanos = newTargetDelayNanos;
        intervalNanos = newIntervalNanos;
        aboveSinceNanos = NONE;
    }

    /** The pool's queued requests per ready instance now (queue-length mode; ignored by the delay mode). */
    public void observeQueue(long nowNanos, double queuedPerReadyInstance) {
        lastNanos = Math.max(lastNanos, nowNanos);
        this.queuedPerReadyInstance = queuedPerReadyInstance;
    }

    /** A request left its queue after waiting {@code delayNanos} (delay mode; ignored by the queue mode). */
    public void observeDelay(long nowNanos, long delayNanos) {
        if (byQueue) {
            return;
        }
        lastNanos = Math.max(lastNanos, nowNanos);
        if (delayNanos <= targetDelayNanos) {
            aboveSinceNanos = NONE; // CoDel: one good delay ends the bad stretch
        } else if (aboveSinceNanos == NONE) {
            aboveSinceNanos = nowNanos;
            smallestAboveNanos = delayNanos;
        } else if (delayNanos < smallestAboveNanos) {
            smallestAboveNanos = delayNanos;
        }
    }

    /** Whether a request of {@code priority} arriving at {@code nowNanos} is let through. */
    public boolean admit(long nowNanos, int priority) {
        return priority <= admittedDownTo(nowNanos);
    }

    /** The lowest priority still admitted now: {@link #LOW} when nothing is shed, {@link #NORMAL}, or {@link #HIGH}. */
    public int admittedDownTo(long nowNanos) {
        lastNanos = Math.max(lastNanos, nowNanos);
        if (byQueue) {
            return queuedPerReadyInstance >= 2 * queueThreshold ? HIGH : queuedPerReadyInstance >= queueThreshold ? NORMAL : LOW;
        }
        if (aboveSinceNanos == NONE) {
            return LOW;
        }
        long above = nowNanos - aboveSinceNanos;
        return above >= 2 * intervalNanos ? HIGH : above >= intervalNanos ? NORMAL : LOW;
    }

    /** Why the shedder is in its state now, with its inputs ("shedding low: 31.5 queued per ready instance >= 20"). */
    public String reason() {
        int down = admittedDownTo(lastNanos);
        return (down == LOW ? "shedding nothing" : down == NORMAL ? "shedding low" : "shedding low and normal") + ": " + inputs();
    }

    /** The inputs of its state now, as {@link #reason()} gives them after the state ("31.5 queued per ready instance >= 20"). */
    public String inputs() {
        int down = admittedDownTo(lastNanos);
        if (byQueue) {
            double bound = down == HIGH ? 2 * queueThreshold : queueThreshold;
            return number(queuedPerReadyInstance) + " queued per ready instance " + (down == LOW ? "< " : ">= ") + number(bound);
        }
        if (aboveSinceNanos == NONE) {
            return "queueing delay at or under the target " + number(targetDelayNanos / 1e6) + " ms";
        }
        return "queueing delay above the target " + number(targetDelayNanos / 1e6) + " ms for "
                + number((lastNanos - aboveSinceNanos) / 1e6) + " ms (smallest " + number(smallestAboveNanos / 1e6)
                + " ms, interval " + number(intervalNanos / 1e6) + " ms)";
    }

    /** 31.5, 20, 0.125: at most three decimals, none when whole. */
    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
    }
}
