package dev.scalelab.engine.resilience;

/**
 * How one recorded call ended, classified as Resilience4j's sliding windows do ({@code
 * Metrics.Outcome}): slow means the call took strictly longer than slowCallDurationThreshold, and a
 * slow failure counts both as a failure and as a slow call.
 */
public enum CallOutcome {
    SUCCESS, SLOW_SUCCESS, ERROR, SLOW_ERROR;

    public static CallOutcome of(boolean success, boolean slow) {
        if (success) {
            return slow ? SLOW_SUCCESS : SUCCESS;
        }
        return slow ? SLOW_ERROR : ERROR;
    }

    public boolean failed() {
        return this == ERROR || this == SLOW_ERROR;
    }

    public boolean slow() {
        return this == SLOW_SUCCESS || this == SLOW_ERROR;
    }
}
