package dev.scalelab.engine.gateway;

/**
 * A token bucket (engines.md §8): tokens accrue at {@code ratePerSecond} up to {@code burst}; a
 * request takes one token or is rejected. It starts full. Over any interval of length t at most
 * {@code burst + rate·t} requests pass, and from a full bucket exactly {@code floor(burst + rate·t)}
 * of a stream that never lets it refill past the limit. Envoy's local rate limit and AWS API
 * Gateway's throttling work this way.
 *
 * <p>Tokens are kept exactly: the bucket remembers when it was last full (or re-based), the tokens
 * it held then, and how many it has handed out since; the refill is computed from the elapsed
 * nanoseconds in one step and compared in nano-tokens, so hours of virtual time accumulate no
 * floating-point drift and a token due at an instant is there at that instant.
 */
public final class TokenBucket implements RateLimiter {
    private static final double NANOS_PER_SECOND = 1e9;

    private double ratePerSecond;
    private double burst;
    /** The instant the count below starts from, and the tokens the bucket held then. */
    private long baseNanos;
    private double baseTokens;
    /** Tokens taken since {@code baseNanos}. */
    private long taken;

    public TokenBucket(double ratePerSecond, double burst) {
        if (!(ratePerSecond > 0) || !(burst >= 1)) {
            throw new IllegalArgumentException("a token bucket needs a rate above 0 and a burst of at least 1, not "
                    + ratePerSecond + " and " + burst);
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.baseTokens = burst;
    }

    @Override
    public boolean tryAcquire(long nowNanos) {
        refill(nowNanos);
        // tokens >= 1, in nano-tokens: exact for whole rates and bursts over any run length ScaleLab allows
        if (ratePerSecond * (nowNanos - baseNanos) >= (taken + 1 - baseTokens) * NANOS_PER_SECOND) {
            taken++;
            return true;
        }
        return false;
    }

    /** Caps the bucket at its burst: past the instant it fills, the count starts again from a full bucket. */
    private void refill(long nowNanos) {
        double fullAfterNanos = (burst - baseTokens + taken) * NANOS_PER_SECOND / ratePerSecond;
        if (nowNanos - baseNanos >= fullAfterNanos) {
            baseNanos = nowNanos;
            baseTokens = burst;
            taken = 0;
        }
    }

    @Override
    public double ratePerSecond() {
        return ratePerSecond;
    }

    public double burst() {
        return burst;
    }

    @Override
    public long available(long nowNanos) {
        return (long) Math.floor(tokens(nowNanos));
    }

    /** Tokens in the bucket at {@code nowNanos} (fractional), after the refill since the last call. */
    public double tokens(long nowNanos) {
        refill(nowNanos);
        return Math.min(burst, baseTokens - taken + ratePerSecond * (nowNanos - baseNanos) / NANOS_PER_SECOND);
    }

    /**
     * A new rate and burst from {@code nowNanos} on: the bucket keeps the tokens it holds, capped at
     * the new burst (as reconfiguring Envoy's local rate limit keeps its bucket), and refills at the
     * new rate from now.
     */
    public void reconfigure(double newRatePerSecond, double newBurst, long nowNanos) {
        if (!(newRatePerSecond > 0) || !(newBurst >= 1)) {
            throw new IllegalArgumentException("a token bucket needs a rate above 0 and a burst of at least 1, not "
                    + newRatePerSecond + " and " + newBurst);
        }
        double now = tokens(nowNanos);
        ratePerSecond = newRatePerSecond;
        burst = newBurst;
        baseNanos = nowNanos;
        baseTokens = Math.min(newBurst, now);
        taken = 0;
    }
}
