package dev.scalelab.engine.runtime;

/**
 * Something the heap did that the instance feels: a pause of {@code pauseNanos} from
 * {@code startNanos} (stop-the-world for the collector's pauses; for an allocation stall, only the
 * allocating thread waits, until the running cycle ends). {@code concurrentEndNanos} is when a
 * concurrent cycle it started ends (the owner then calls {@link Heap#endConcurrent}), or -1.
 * The sizes let a log line name the collection's inputs: old occupancy before and after, the
 * occupancy that triggered it, the bytes copied and promoted.
 *
 * @param opensStall for an allocation stall: true for the first thread that stalls in this cycle
 *                   (the stall counted once per cycle), false for the threads that join it
 */
public record GcEvent(PauseKind kind, long startNanos, long pauseNanos, long concurrentEndNanos, long copiedBytes,
                      long promotedBytes, long oldBeforeBytes, long oldAfterBytes, long thresholdBytes, String cause,
                      boolean opensStall) {

    public long endNanos() {
        return startNanos + pauseNanos;
    }

    public double pauseMs() {
        return pauseNanos / 1e6;
    }
}
