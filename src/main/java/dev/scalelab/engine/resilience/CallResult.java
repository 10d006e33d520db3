package dev.scalelab.engine.resilience;

/**
 * The end of one mesh call as its caller sees it.
 *
 * @param failure        why it failed, {@link Failure#NONE} on success
 * @param durationNanos  from {@link MeshClient#call} to the end, back-offs included
 * @param attempts       attempts made, counting the first and any rejected one
 * @param retryDeniedByBudget a retry was wanted but the retry budget refused it
 */
public record CallResult(long requestId, String dependency, boolean success, Failure failure, long durationNanos,
                         int attempts, boolean retryDeniedByBudget) {

    /** What the last attempt ran into. */
    public enum Failure { NONE, ERROR, TIMEOUT, BREAKER_OPEN, BULKHEAD_FULL }
}
