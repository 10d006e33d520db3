package dev.scalelab.engine.gateway;

/**
 * A token bucket (engines.md §8): tokens accrue at {@code ratePerSecond} up to {@code burst}; a
 * request takes one token or is rejected. It starts full. Over any interval of length t at most
 * {@code burst + rate·t} requests pass, and from a full bucket exactly {@code floor(burst + rate·t)}
 * of a stream that never lets it refill past the limit. Envoy's local rate limit and AWS API
 * Gateway's throttling work this way.
 *
 * <p>Tokens are kept exactly: the refill is computed from elapsed nanoseconds in one step (no
 * accumulated floating-point drift over hours of virtual time).
 */
public final class TokenBucket implements RateLimiter {

    public TokenBucket(double ratePerSecond, double burst) {
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

    /** Tokens in the bucket at {@code nowNanos} (fractional), after the refill since the last call. */
    public double tokens(long nowNanos) {
        throw new UnsupportedOperationException("not built yet");
    }
}
