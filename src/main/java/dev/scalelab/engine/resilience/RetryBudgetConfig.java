package dev.scalelab.engine.resilience;

/** Which retry budget a client uses, with its settings; {@link #create} makes the stateful budget. */
public sealed interface RetryBudgetConfig {

    RetryBudget create(long nowNanos);

    /** No budget: every retry the policy allows is made. */
    record Unlimited() implements RetryBudgetConfig {
        @Override
        public RetryBudget create(long nowNanos) {
            return new UnlimitedRetryBudget();
        }
    }

    /**
     * Envoy's CircuitBreakers.Thresholds.retry_budget: concurrent retries ≤ max(budget_percent x
     * (active + pending requests), min_retry_concurrency). Defaults 20% and 3.
     */
    record Envoy(double budgetPercent, int minRetryConcurrency) implements RetryBudgetConfig {
        public static Envoy ofDefaults() {
            return new Envoy(20, 3);
        }

        @Override
        public RetryBudget create(long nowNanos) {
            return new EnvoyRetryBudget(budgetPercent, minRetryConcurrency);
        }
    }

    /**
     * Finagle's RetryBudget(ttl, minRetriesPerSec, percentCanRetry). Defaults 10 s, 10 per second, 0.2.
     */
    record Finagle(int ttlSeconds, int minRetriesPerSec, double percentCanRetry) implements RetryBudgetConfig {
        public static Finagle ofDefaults() {
            return new Finagle(10, 10, 0.2);
        }

        @Override
        public RetryBudget create(long nowNanos) {
            return new FinagleRetryBudget(ttlSeconds, minRetriesPerSec, percentCanRetry, nowNanos);
        }
    }
}
