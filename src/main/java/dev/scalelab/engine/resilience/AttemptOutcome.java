package dev.scalelab.engine.resilience;

/** How one attempt of a mesh call ended, as the trace records it. */
public enum AttemptOutcome {
    SUCCESS,
    /** A success slower than the breaker's slowCallDurationThreshold. */
    SLOW_SUCCESS,
    /** The dependency answered with an error (or refused the connection). */
    FAILURE,
    /** No answer within the per-attempt timeout. */
    TIMEOUT,
    /** The breaker did not permit the attempt; nothing was sent. */
    REJECTED_BY_BREAKER,
    /** The bulkhead was full; nothing was sent. */
    REJECTED_BY_BULKHEAD,
    /** Not an attempt: the breaker was replaced by a settings change, its state and window start over. */
    BREAKER_REBUILT
}
