package dev.scalelab.engine.resilience;

/**
 * The breaker's window of recent outcomes: a ring of the last N calls or N one-second buckets.
 * Memory is fixed at construction.
 */
sealed interface SlidingWindow permits CountWindow, TimeWindow {

    /** Records one finished call and returns the window's totals including it. */
    WindowTotals record(CallOutcome outcome, long nowNanos);

    /** Totals of the calls still inside the window at {@code nowNanos}. */
    WindowTotals totals(long nowNanos);

    /** The outcomes still inside the window, oldest first (for a TIME_BASED window, at most the last {@link TimeWindow#RECENT_KEPT}). */
    CallOutcome[] recentOutcomes(long nowNanos);
}
