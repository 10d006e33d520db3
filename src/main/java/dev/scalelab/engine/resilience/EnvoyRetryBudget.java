package dev.scalelab.engine.resilience;

import java.util.Locale;

/**
 * Envoy's retry budget (api/envoy/config/cluster/v3/circuit_breaker.proto, ResourceManagerImpl):
 * at most max(budget_percent / 100 x (active + pending requests), min_retry_concurrency) retries
 * active at once, the product truncated to an integer as Envoy's uint64 conversion does. As in
 * RetryStateImpl, a retry holds its place from the decision to retry (through the back-off) until
 * its attempt ends.
 *
 * <p>The mesh client passes its attempts in flight as the active requests; it has no pending
 * requests, because its bulkhead rejects instead of queueing.
 */
public final class EnvoyRetryBudget implements RetryBudget {
    private final double budgetPercent;
    private final int minRetryConcurrency;
    private int activeRetries;

    public EnvoyRetryBudget(double budgetPercent, int minRetryConcurrency) {
        if (!(budgetPercent >= 0 && budgetPercent <= 100)) {
            throw new IllegalArgumentException("budget_percent must be in [0, 100]: " + budgetPercent);
        }
        if (minRetryConcurrency < 0) {
            throw new IllegalArgumentException("min_retry_concurrency must not be negative: " + minRetryConcurrency);
        }
        this.budgetPercent = budgetPercent;
        this.minRetryConcurrency = minRetryConcurrency;
    }

    /** The most retries that may be active with {@code activeRequests} requests in flight. */
    public long maxActiveRetries(int activeRequests) {
        return Math.max((long) (budgetPercent / 100.0 * activeRequests), minRetryConcurrency);
    }

    public int activeRetries() {
        return activeRetries;
    }

    @Override
    public void onRequest(long nowNanos) {
    }

    @Override
    public boolean tryAcquireRetry(long nowNanos, int activeRequests) {
        if (activeRetries < maxActiveRetries(activeRequests)) {
            activeRetries++;
            return true;
        }
        return false;
    }

    @Override
    public void onRetryFinished() {
        if (activeRetries == 0) {
            throw new IllegalStateException("more retries finished than were granted");
        }
        activeRetries--;
    }

    @Override
    public long retriesAvailable(long nowNanos, int activeRequests) {
        return Math.max(0, maxActiveRetries(activeRequests) - activeRetries);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Envoy retry budget: %s%% of active requests, at least %d concurrent retries",
                Percent.format((float) budgetPercent), minRetryConcurrency);
    }
}
