package dev.scalelab.engine.resilience;

/**
 * One state change of a breaker at virtual time {@code atNanos}, with the numbers that caused it,
 * e.g. "failure rate 55.0% ≥ 50% over 20 calls".
 */
public record BreakerTransition(long atNanos, String breaker, BreakerState from, BreakerState to, String reason) {
}
