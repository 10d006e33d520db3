package dev.scalelab.engine.resilience;

/**
 * How a {@link MeshClient} protects calls to one dependency.
 *
 * @param timeoutMillis      per-attempt timeout; 0 = wait for the answer however long it takes
 * @param maxConcurrentCalls bulkhead size; {@link Integer#MAX_VALUE} = no limit
 */
public record MeshConfig(BreakerConfig breaker, RetryPolicy retry, RetryBudgetConfig retryBudget,
                         long timeoutMillis, int maxConcurrentCalls) {
    public MeshConfig {
        if (breaker == null || retry == null || retryBudget == null) {
            throw new IllegalArgumentException("breaker, retry and retry budget settings are required");
        }
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeoutMillis must be 0 (none) or positive: " + timeoutMillis);
        }
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls must be at least 1: " + maxConcurrentCalls);
        }
    }

    /** No breaker (DISABLED), no retry, no budget, no timeout, no bulkhead: calls go straight through. */
    public static MeshConfig unprotected() {
        return new MeshConfig(BreakerConfig.custom().initialState(BreakerState.DISABLED).build(), RetryPolicy.noRetry(),
                new RetryBudgetConfig.Unlimited(), 0, Integer.MAX_VALUE);
    }

    public MeshConfig withBreaker(BreakerConfig breaker) {
        return new MeshConfig(breaker, retry, retryBudget, timeoutMillis, maxConcurrentCalls);
    }

    public MeshConfig withRetry(RetryPolicy retry) {
        return new MeshConfig(breaker, retry, retryBudget, timeoutMillis, maxConcurrentCalls);
    }

    public MeshConfig withRetryBudget(RetryBudgetConfig retryBudget) {
        return new MeshConfig(breaker, retry, retryBudget, timeoutMillis, maxConcurrentCalls);
    }

    public MeshConfig withTimeoutMillis(long timeoutMillis) {
        return new MeshConfig(breaker, retry, retryBudget, timeoutMillis, maxConcurrentCalls);
    }

    public MeshConfig withMaxConcurrentCalls(int maxConcurrentCalls) {
        return new MeshConfig(breaker, retry, retryBudget, timeoutMillis, maxConcurrentCalls);
    }
}
