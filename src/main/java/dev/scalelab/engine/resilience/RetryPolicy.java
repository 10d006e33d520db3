package dev.scalelab.engine.resilience;

/**
 * Resilience4j's RetryConfig: {@code maxAttempts} counts the first call (3 = one call and two
 * retries; 1 = no retry), and after the n-th failed attempt the wait is {@code backoff} of attempt
 * n, so the first retry waits interval(1).
 *
 * <p>Retried: errors and timeouts, the failures a new attempt may cure. Not retried:
 * <ul>
 *   <li>breaker rejections: the breaker stays OPEN for its wait, far longer than a back-off, so a
 *       retry would only be rejected again (and Resilience4j's guide advises ignoring
 *       CallNotPermittedException in a Retry outside a CircuitBreaker);</li>
 *   <li>bulkhead rejections: our own concurrency limit is full, and retrying adds to the overload
 *       the limit is there to stop.</li>
 * </ul>
 */
public record RetryPolicy(int maxAttempts, Backoff backoff) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts counts the first call and must be at least 1: " + maxAttempts);
        }
        if (backoff == null) {
            throw new IllegalArgumentException("a retry policy needs a back-off");
        }
    }

    /** One attempt, no retry. */
    public static RetryPolicy noRetry() {
        return new RetryPolicy(1, Backoff.none());
    }

    /** Resilience4j's defaults: 3 attempts, a fixed 500 ms wait. */
    public static RetryPolicy ofDefaults() {
        return new RetryPolicy(3, Backoff.fixed(500));
    }

    public static boolean isRetryable(AttemptOutcome outcome) {
        return outcome == AttemptOutcome.FAILURE || outcome == AttemptOutcome.TIMEOUT;
    }

    public String describe() {
        return maxAttempts == 1 ? "no retry" : maxAttempts + " attempts, " + backoff.describe();
    }
}
