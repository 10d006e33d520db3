package dev.scalelab.engine.resilience;

/**
 * Totals of a sliding window, Resilience4j's {@code Snapshot}. Rates are floats computed as there
 * ({@code failed * 100.0f / total}, 0 for an empty window), so a threshold comparison gives the
 * same answer as the library on the same counts.
 */
public record WindowTotals(int totalCalls, int failedCalls, int slowCalls) {
    public static final WindowTotals EMPTY = new WindowTotals(0, 0, 0);

    public float failureRatePercent() {
        return totalCalls == 0 ? 0 : failedCalls * 100.0f / totalCalls;
    }

    public float slowCallRatePercent() {
        return totalCalls == 0 ? 0 : slowCalls * 100.0f / totalCalls;
    }
}
