package dev.scalelab.engine.gateway;

/** A rate limit on one stream of requests, in virtual time. Not thread-safe: confined to the simulation thread. */
public interface RateLimiter {
    /**
     * Whether a request arriving at {@code nowNanos} (never earlier than the last call's) passes;
     * a request that passes is counted against the limit, one that does not is not.
     */
    boolean tryAcquire(long nowNanos);

    /** The limit's sustained rate, requests per second. */
    double ratePerSecond();

    /** How many requests it could let through at {@code nowNanos} without waiting (tokens, or room in the window), rounded down. */
    long available(long nowNanos);
}
