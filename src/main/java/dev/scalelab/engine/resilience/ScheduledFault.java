package dev.scalelab.engine.resilience;

/** A fault in force from {@code fromNanos} (inclusive) to {@code untilNanos} (exclusive). */
public record ScheduledFault(Fault fault, long fromNanos, long untilNanos) {
    public boolean activeAt(long nowNanos) {
        return nowNanos >= fromNanos && nowNanos < untilNanos;
    }
}
