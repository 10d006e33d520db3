package dev.scalelab.engine.resilience;

/** Resilience4j's CircuitBreaker.State. The last three are entered and left only explicitly. */
public enum BreakerState {
    CLOSED, OPEN, HALF_OPEN, DISABLED, FORCED_OPEN, METRICS_ONLY
}
