package dev.scalelab.engine.gateway;

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

    private LoadShedder() {
        throw new UnsupportedOperationException("not built yet");
    }

    public static LoadShedder byQueueLength(double queueThresholdPerInstance) {
        throw new UnsupportedOperationException("not built yet");
    }

    public static LoadShedder byDelay(long targetDelayNanos, long intervalNanos) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The pool's queued requests per ready instance now (queue-length mode; ignored by the delay mode). */
    public void observeQueue(long nowNanos, double queuedPerReadyInstance) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** A request left its queue after waiting {@code delayNanos} (delay mode; ignored by the queue mode). */
    public void observeDelay(long nowNanos, long delayNanos) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Whether a request of {@code priority} arriving at {@code nowNanos} is let through. */
    public boolean admit(long nowNanos, int priority) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The lowest priority still admitted now: {@link #LOW} when nothing is shed, {@link #NORMAL}, or {@link #HIGH}. */
    public int admittedDownTo(long nowNanos) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Why the shedder is in its state now, with its inputs ("queue 31.5 per instance ≥ 20: shedding low"). */
    public String reason() {
        throw new UnsupportedOperationException("not built yet");
    }
}
