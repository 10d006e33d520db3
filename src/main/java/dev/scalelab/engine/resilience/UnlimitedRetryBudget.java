package dev.scalelab.engine.resilience;

/** Grants every retry. */
final class UnlimitedRetryBudget implements RetryBudget {
    @Override
    public void onRequest(long nowNanos) {
    }

    @Override
    public boolean tryAcquireRetry(long nowNanos, int activeRequests) {
        return true;
    }

    @Override
    public void onRetryFinished() {
    }

    @Override
    public long retriesAvailable(long nowNanos, int activeRequests) {
        return Long.MAX_VALUE;
    }

    @Override
    public String describe() {
        return "no retry budget";
    }
}
