package dev.scalelab.engine.resilience;

/**
 * At most {@code maxConcurrentCalls} attempts in flight to a dependency: Resilience4j's
 * SemaphoreBulkhead with maxWaitDuration 0 (a full bulkhead rejects at once), which is also
 * Envoy's max_requests circuit-breaker threshold.
 */
public final class Bulkhead {
    private final int maxConcurrentCalls;
    private int inUse;
    private long rejected;

    /** @param maxConcurrentCalls at least 1; {@link Integer#MAX_VALUE} for no limit */
    public Bulkhead(int maxConcurrentCalls) {
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls must be at least 1: " + maxConcurrentCalls);
        }
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    public boolean tryAcquire() {
        if (inUse < maxConcurrentCalls) {
            inUse++;
            return true;
        }
        rejected++;
        return false;
    }

    public void release() {
        if (inUse == 0) {
            throw new IllegalStateException("bulkhead released more often than acquired");
        }
        inUse--;
    }

    public int inUse() {
        return inUse;
    }

    public long rejected() {
        return rejected;
    }
}
