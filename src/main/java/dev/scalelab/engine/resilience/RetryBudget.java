package dev.scalelab.engine.resilience;

/**
 * Limits retries across all requests of one client, so retries cannot multiply the load on a
 * failing dependency: Envoy's concurrency budget or Finagle's token bucket. Stateful: one per
 * client, made by {@link RetryBudgetConfig#create}.
 */
public interface RetryBudget {

    /** A new request (not a retry) starts. Finagle deposits here. */
    void onRequest(long nowNanos);

    /**
     * Asks for one retry now; on true the retry is taken from the budget.
     *
     * @param activeRequests attempts now in flight to the dependency (Envoy's active + pending requests)
     */
    boolean tryAcquireRetry(long nowNanos, int activeRequests);

    /** A retry granted by {@link #tryAcquireRetry} has ended. Envoy frees its concurrency here. */
    void onRetryFinished();

    /** Retries the budget would grant now, for the UI; {@link Long#MAX_VALUE} when unlimited. */
    long retriesAvailable(long nowNanos, int activeRequests);

    String describe();
}
