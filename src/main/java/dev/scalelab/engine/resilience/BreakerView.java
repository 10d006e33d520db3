package dev.scalelab.engine.resilience;

/**
 * What the UI draws of a breaker at one instant; immutable (the outcome array is a copy).
 *
 * <p>Rates are over the calls now in the current window (NaN when it is empty), also below the
 * minimum number of calls, where Resilience4j's own metrics report -1; compare
 * {@code bufferedCalls} with {@code minimumCalls} to grey them out.
 *
 * @param recentOutcomes     the window's outcomes, oldest first
 * @param remainingWaitNanos time left in OPEN before a call may go through (0 in other states)
 * @param halfOpenPermitsLeft trial calls still allowed in HALF_OPEN (0 in other states)
 * @param notPermittedCalls  calls rejected since the breaker was built
 * @param openings           the attempts counter: openings since the breaker last closed
 */
public record BreakerView(String name, BreakerState state, float failureRatePercent, float slowCallRatePercent,
                          int bufferedCalls, int minimumCalls, CallOutcome[] recentOutcomes,
                          long remainingWaitNanos, int halfOpenPermitsLeft, long notPermittedCalls,
                          int openings, long transitionCount) {
}
