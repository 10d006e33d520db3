package dev.scalelab.world;

/**
 * A breakpoint that fired.
 *
 * @param breakpoint the condition
 * @param atSeconds  the virtual time of the event that tripped it
 * @param trigger    the decision-log line that tripped it; for a measured condition (p99, error rate,
 *                   stale reads, a full queue) a line that names the measurement, written for the user
 *                   only (the world's own log and report do not change)
 */
public record BreakpointHit(Breakpoint breakpoint, double atSeconds, LogEntry trigger) {
}
