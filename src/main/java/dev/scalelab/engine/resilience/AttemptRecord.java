package dev.scalelab.engine.resilience;

/**
 * One row of the call trace: an attempt of a mesh call (when it started and ended, what it met,
 * whether the breaker counted it as slow, the breaker's state before and after), or a breaker
 * rebuilt by a settings change. A rejected attempt starts and ends at the same instant.
 *
 * @param seq                trace sequence number: attempts are numbered in the order they start, so
 *                           rows in {@code seq} order are in {@code startNanos} order, with a
 *                           deterministic tie-break among attempts that start in the same nanosecond
 * @param requestId          the request, or -1 on a {@link AttemptOutcome#BREAKER_REBUILT} row
 * @param attempt            1 for the first call, 2 for the first retry, ...; 0 on a rebuild row
 * @param slow               for an attempt that was sent: its duration was strictly above the breaker's
 *                           slowCallDurationThreshold (Resilience4j's rule), for failures and timeouts too;
 *                           null when nothing was sent
 * @param breakerStateBefore the breaker when the attempt asked for permission (rebuild: the old breaker)
 * @param breakerStateAfter  the breaker once the attempt was recorded (rebuild: the new breaker)
 */
public record AttemptRecord(long seq, long startNanos, long endNanos, String dependency, long requestId, int attempt,
                            AttemptOutcome outcome, Boolean slow, BreakerState breakerStateBefore,
                            BreakerState breakerStateAfter) {

    /** The trace file's columns; times are virtual nanoseconds since the start of the run. */
    public static final String CSV_HEADER = "seq,start_ns,end_ns,duration_ns,dependency,request_id,attempt,outcome,"
            + "slow,breaker_state_before,breaker_state_after";

    /** A breaker replaced by a new one with the dependency's new settings: its state and window start over. */
    public static AttemptRecord breakerRebuilt(long seq, long atNanos, String dependency, BreakerState before,
                                               BreakerState after) {
        return new AttemptRecord(seq, atNanos, atNanos, dependency, -1, 0, AttemptOutcome.BREAKER_REBUILT, null, before,
                after);
    }

    public long durationNanos() {
        return endNanos - startNanos;
    }

    /** One CSV row matching {@link #CSV_HEADER}; fields that do not apply are empty. */
    public String toCsvRow() {
        StringBuilder s = new StringBuilder(96);
        s.append(seq).append(',').append(startNanos).append(',').append(endNanos).append(',').append(durationNanos())
                .append(',').append(csv(dependency)).append(',');
        if (requestId >= 0) {
            s.append(requestId);
        }
        s.append(',');
        if (attempt > 0) {
            s.append(attempt);
        }
        s.append(',').append(outcome).append(',');
        if (slow != null) {
            s.append(slow);
        }
        s.append(',').append(breakerStateBefore).append(',').append(breakerStateAfter);
        return s.toString();
    }

    /** A field quoted as RFC 4180 asks when it holds a comma, a quote or a line break. */
    static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
