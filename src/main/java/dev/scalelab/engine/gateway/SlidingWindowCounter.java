package dev.scalelab.engine.gateway;

/**
 * A sliding-window counter as Cloudflare describes it (engines.md §8): windows of
 * {@code windowNanos} aligned to time 0; the estimated count at time t is the previous window's
 * count × (1 − the elapsed fraction of the current window) + the current window's count. A request
 * passes when the estimate plus one is at most {@code limit} (= rate × window), and then counts in
 * the current window.
 */
public final class SlidingWindowCounter implements RateLimiter {

    public SlidingWindowCounter(double ratePerSecond, long windowNanos) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public boolean tryAcquire(long nowNanos) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public double ratePerSecond() {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public long available(long nowNanos) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The estimate at {@code nowNanos}: previous × (1 − elapsed fraction) + current. */
    public double estimate(long nowNanos) {
        throw new UnsupportedOperationException("not built yet");
    }
}
