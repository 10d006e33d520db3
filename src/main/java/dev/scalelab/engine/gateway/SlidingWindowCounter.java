package dev.scalelab.engine.gateway;

/**
 * A sliding-window counter as Cloudflare describes it (engines.md §8): windows of
 * {@code windowNanos} aligned to time 0; the estimated count at time t is the previous window's
 * count × (1 − the elapsed fraction of the current window) + the current window's count. A request
 * passes when the estimate plus one is at most {@code limit} (= rate × window), and then counts in
 * the current window.
 */
public final class SlidingWindowCounter implements RateLimiter {
    private double ratePerSecond;
    private final long windowNanos;
    private double limit;
    /** The window {@code current} counts in (time / window), and the counts of it and the one before. */
    private long window;
    private long current;
    private long previous;

    public SlidingWindowCounter(double ratePerSecond, long windowNanos) {
        if (!(ratePerSecond > 0) || windowNanos <= 0) {
            throw new IllegalArgumentException("a sliding window needs a rate above 0 and a window above 0, not "
                    + ratePerSecond + " and " + windowNanos + " ns");
        }
        this.windowNanos = windowNanos;
        setRate(ratePerSecond);
    }

    @Override
    public boolean tryAcquire(long nowNanos) {
        if (estimate(nowNanos) + 1 <= limit) {
            current++;
            return true;
        }
        return false;
    }

    @Override
    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** Requests a window lets through: rate × window. */
    public double limit() {
        return limit;
    }

    /** A new rate from now on; the counts so far stay, so the window's history still weighs. */
    public void setRate(double newRatePerSecond) {
        if (!(newRatePerSecond > 0)) {
            throw new IllegalArgumentException("a sliding window needs a rate above 0, not " + newRatePerSecond);
        }
        ratePerSecond = newRatePerSecond;
        limit = newRatePerSecond * windowNanos / 1e9;
    }

    @Override
    public long available(long nowNanos) {
        return Math.max(0, (long) Math.floor(limit - estimate(nowNanos)));
    }

    /** The estimate at {@code nowNanos}: previous × (1 − elapsed fraction) + current. */
    public double estimate(long nowNanos) {
        long w = nowNanos / windowNanos;
        if (w != window) {
            previous = w == window + 1 ? current : 0;
            current = 0;
            window = w;
        }
        double elapsed = (double) (nowNanos - w * windowNanos) / windowNanos;
        return previous * (1 - elapsed) + current;
    }
}
