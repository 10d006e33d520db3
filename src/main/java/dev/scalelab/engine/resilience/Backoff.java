package dev.scalelab.engine.resilience;

import dev.scalelab.sim.Simulation;

import java.util.SplittableRandom;

/**
 * How long to wait before retry number {@code attempt} (1 for the first retry), or how long a
 * breaker stays OPEN after its {@code attempt}-th opening. It generalises Resilience4j's
 * {@code IntervalFunction} with the AWS jitters and Envoy's router back-off.
 *
 * <p>The un-jittered interval in ms comes from the {@link Kind}:
 * <ul>
 *   <li>NONE: 0, retry at once;</li>
 *   <li>FIXED: initial (Resilience4j's default is a fixed 500 ms);</li>
 *   <li>LINEAR: initial x attempt (the pattern notes);</li>
 *   <li>EXPONENTIAL: Resilience4j's {@code ofExponentialBackoff}: starting at initial, each step
 *       does x = (long) (x x multiplier), truncating every step: 500, 750, 1125, 1687, 2530 for 1.5;</li>
 *   <li>ENVOY: Envoy's router back-off, fully jittered by itself (see {@link #delayNanos}).</li>
 * </ul>
 * A positive {@code maxIntervalMillis} caps it (0 means no cap). The {@link Jitter} then draws the
 * delay from that value with the {@link SplittableRandom} handed in.
 */
public record Backoff(Kind kind, long initialIntervalMillis, double multiplier, long maxIntervalMillis,
                      Jitter jitter, double randomizationFactor) {

    public enum Kind { NONE, FIXED, LINEAR, EXPONENTIAL, ENVOY }

    /**
     * Jitter on the capped interval v (Marc Brooker, "Exponential Backoff and Jitter", AWS 2015, and
     * Resilience4j's randomized IntervalFunction).
     */
    public enum Jitter {
        /** Sleep v. */
        NONE,
        /** AWS full jitter: U(0, v). */
        FULL,
        /** AWS equal jitter: v/2 + U(0, v/2). */
        EQUAL,
        /**
         * AWS decorrelated jitter: min(cap, U(initial, 3 x previous sleep)), the first previous
         * sleep being initial. It keeps state per client; here the caller keeps it per request and
         * passes it back in. The kind's growth is not used: the state grows instead.
         */
        DECORRELATED,
        /**
         * Resilience4j's randomized interval: with d = factor x v, uniform on [v - d, v + d + 1) ms
         * (the library's off-by-one), at least 1 ms, drawn before the cap is applied.
         */
        RANDOMIZED
    }

    /** Envoy's default base interval (router_filter.rst); its max_interval defaults to 10 x base. */
    public static final long ENVOY_BASE_INTERVAL_MILLIS = 25;

    /** Intervals saturate here (about 31 years) instead of overflowing when converted to ns. */
    static final long SATURATED_MILLIS = 1_000_000_000_000L;

    public Backoff {
        if (kind == null || jitter == null) {
            throw new IllegalArgumentException("backoff kind and jitter are required");
        }
        if (initialIntervalMillis < 0 || initialIntervalMillis > SATURATED_MILLIS
                || (kind != Kind.NONE && initialIntervalMillis < 1)) {
            throw new IllegalArgumentException("initialIntervalMillis must be in [1, 1e12]: " + initialIntervalMillis);
        }
        if (kind == Kind.EXPONENTIAL && !(multiplier >= 1)) {
            throw new IllegalArgumentException("an exponential multiplier must be at least 1: " + multiplier);
        }
        if (maxIntervalMillis < 0 || maxIntervalMillis > SATURATED_MILLIS) {
            throw new IllegalArgumentException("maxIntervalMillis must be 0 (no cap) or positive: " + maxIntervalMillis);
        }
        if ((kind == Kind.NONE || kind == Kind.ENVOY) && jitter != Jitter.NONE) {
            throw new IllegalArgumentException(kind + " back-off takes no extra jitter");
        }
        if (kind == Kind.ENVOY && maxIntervalMillis != 0 && maxIntervalMillis < initialIntervalMillis) {
            throw new IllegalArgumentException("Envoy needs base <= max_interval");
        }
        if (!(randomizationFactor >= 0 && randomizationFactor <= 1)) {
            throw new IllegalArgumentException("randomizationFactor must be in [0, 1]: " + randomizationFactor);
        }
    }

    public static Backoff none() {
        return new Backoff(Kind.NONE, 0, 1, 0, Jitter.NONE, 0);
    }

    public static Backoff fixed(long intervalMillis) {
        return new Backoff(Kind.FIXED, intervalMillis, 1, 0, Jitter.NONE, 0);
    }

    public static Backoff linear(long initialIntervalMillis) {
        return new Backoff(Kind.LINEAR, initialIntervalMillis, 1, 0, Jitter.NONE, 0);
    }

    public static Backoff exponential(long initialIntervalMillis, double multiplier) {
        return new Backoff(Kind.EXPONENTIAL, initialIntervalMillis, multiplier, 0, Jitter.NONE, 0);
    }

    /** Envoy's router back-off with base B; max_interval defaults to 10 x B. */
    public static Backoff envoy(long baseIntervalMillis) {
        return new Backoff(Kind.ENVOY, baseIntervalMillis, 2, 0, Jitter.NONE, 0);
    }

    public Backoff withCap(long maxIntervalMillis) {
        return new Backoff(kind, initialIntervalMillis, multiplier, maxIntervalMillis, jitter, randomizationFactor);
    }

    public Backoff withJitter(Jitter jitter) {
        return new Backoff(kind, initialIntervalMillis, multiplier, maxIntervalMillis, jitter, randomizationFactor);
    }

    /** Resilience4j's randomized interval with this factor (the library's default is 0.5). */
    public Backoff randomized(double randomizationFactor) {
        return new Backoff(kind, initialIntervalMillis, multiplier, maxIntervalMillis, Jitter.RANDOMIZED, randomizationFactor);
    }

    /** The interval of {@code attempt} before any jitter and without the cap, in ms. */
    long uncappedIntervalMillis(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + attempt);
        }
        return switch (kind) {
            case NONE -> 0;
            case FIXED -> initialIntervalMillis;
            case LINEAR -> attempt > SATURATED_MILLIS / initialIntervalMillis
                    ? SATURATED_MILLIS : initialIntervalMillis * attempt;
            case EXPONENTIAL -> exponentialMillis(attempt);
            case ENVOY -> envoyBoundMillis(attempt);
        };
    }

    /** The interval of {@code attempt} before any jitter, capped, in ms. */
    public long intervalMillis(int attempt) {
        return cap(uncappedIntervalMillis(attempt));
    }

    private long cap(long millis) {
        return maxIntervalMillis > 0 ? Math.min(millis, maxIntervalMillis) : millis;
    }

    /** Resilience4j: LongStream.iterate(initial, x -> (long) (x * multiplier)), element attempt - 1. */
    private long exponentialMillis(int attempt) {
        long x = initialIntervalMillis;
        for (int i = 1; i < attempt; i++) {
            if (x > SATURATED_MILLIS / multiplier) {
                return SATURATED_MILLIS;
            }
            x = (long) (x * multiplier);
        }
        return Math.min(x, SATURATED_MILLIS);
    }

    private long envoyMaxMillis() {
        return maxIntervalMillis > 0 ? maxIntervalMillis : 10 * initialIntervalMillis;
    }

    /**
     * Envoy's JitteredBackOffStrategy (the version router_filter.rst documents for
     * x-envoy-max-retries): retry N draws from (2^N - 1) x base, and N stops growing once that
     * bound exceeds max_interval. Newer Envoy releases double the bound from base instead.
     */
    private long envoyBoundMillis(int attempt) {
        long max = envoyMaxMillis();
        long bound = initialIntervalMillis;
        for (int n = 2; n <= attempt && bound <= max; n++) {
            bound = ((1L << n) - 1) * initialIntervalMillis;
        }
        return bound;
    }

    /**
     * The delay before retry {@code attempt} in ns. {@code previousDelayNanos} is the delay this
     * caller drew last time (0 before the first), used only by decorrelated jitter.
     */
    public long delayNanos(int attempt, long previousDelayNanos, SplittableRandom random) {
        if (kind == Kind.ENVOY) {
            // Envoy: min(random % bound, max_interval), whole milliseconds: 0-24, 0-74, 0-174 ms for B = 25.
            long millis = Math.min(random.nextLong(envoyBoundMillis(attempt)), envoyMaxMillis());
            return millis * Simulation.NANOS_PER_MILLI;
        }
        long capNanos = (maxIntervalMillis > 0 ? maxIntervalMillis : SATURATED_MILLIS) * Simulation.NANOS_PER_MILLI;
        return switch (jitter) {
            case NONE -> intervalMillis(attempt) * Simulation.NANOS_PER_MILLI;
            case FULL -> (long) (random.nextDouble() * intervalMillis(attempt) * Simulation.NANOS_PER_MILLI);
            case EQUAL -> {
                double half = intervalMillis(attempt) * Simulation.NANOS_PER_MILLI / 2.0;
                yield (long) (half + random.nextDouble() * half);
            }
            case DECORRELATED -> {
                double base = initialIntervalMillis * (double) Simulation.NANOS_PER_MILLI;
                double previous = previousDelayNanos > 0 ? previousDelayNanos : base;
                double upper = Math.max(base, 3 * previous);
                yield Math.min(capNanos, (long) (base + random.nextDouble() * (upper - base)));
            }
            case RANDOMIZED -> {
                double x = uncappedIntervalMillis(attempt);
                double delta = randomizationFactor * x;
                double min = x - delta;
                double max = x + delta;
                long millis = Math.max(1, (long) (min + random.nextDouble() * (max - min + 1)));
                yield Math.min(cap(millis), SATURATED_MILLIS) * Simulation.NANOS_PER_MILLI;
            }
        };
    }

    /** A short description for logs and tooltips, e.g. "exponential 500 ms x 1.5, cap 10000 ms, full jitter". */
    public String describe() {
        String base = switch (kind) {
            case NONE -> "no back-off";
            case FIXED -> "fixed " + initialIntervalMillis + " ms";
            case LINEAR -> "linear " + initialIntervalMillis + " ms x attempt";
            case EXPONENTIAL -> "exponential " + initialIntervalMillis + " ms x " + multiplier;
            case ENVOY -> "Envoy full-jitter back-off, base " + initialIntervalMillis + " ms, max " + envoyMaxMillis() + " ms";
        };
        String capText = maxIntervalMillis > 0 && kind != Kind.ENVOY ? ", cap " + maxIntervalMillis + " ms" : "";
        String jitterText = switch (jitter) {
            case NONE -> "";
            case FULL -> ", full jitter";
            case EQUAL -> ", equal jitter";
            case DECORRELATED -> ", decorrelated jitter";
            case RANDOMIZED -> ", randomized +/-" + randomizationFactor;
        };
        return base + capText + jitterText;
    }
}
