package dev.scalelab.engine.resilience;

import java.util.Locale;

/**
 * One attempt of a mesh call, for the trace: when it started, what it met and how long it took.
 * A rejected attempt has duration 0.
 */
public record AttemptRecord(long startNanos, String dependency, long requestId, int attempt, AttemptOutcome outcome,
                            long durationNanos, BreakerState breakerStateBefore) {

    public static final String CSV_HEADER = "time_ms,dependency,request_id,attempt,outcome,duration_ms,breaker_state_before";

    /** One CSV row matching {@link #CSV_HEADER}; times in ms with microsecond precision. */
    public String toCsvRow() {
        return String.format(Locale.ROOT, "%.3f,%s,%d,%d,%s,%.3f,%s", startNanos / 1e6, dependency, requestId, attempt,
                outcome, durationNanos / 1e6, breakerStateBefore);
    }
}
