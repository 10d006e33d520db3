package dev.scalelab.engine.events;

/**
 * One partition's ordered log: offsets from {@link #logStartOffset()} (the oldest record retention
 * kept) to {@link #logEndOffset()} (the offset the next record gets). Held in primitive ring
 * arrays, so a long backlog costs a few dozen bytes a record.
 */
public final class PartitionLog {

    public long logStartOffset() {
        throw new UnsupportedOperationException("not built yet");
    }

    public long logEndOffset() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The record at {@code offset}, which must lie in [logStartOffset, logEndOffset). */
    public EventRecord record(long offset) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The key of the record at {@code offset} ({@link EventRecord#NO_KEY} if unkeyed), without building a record. */
    public long keyAt(long offset) {
        throw new UnsupportedOperationException("not built yet");
    }

    public boolean poisonAt(long offset) {
        throw new UnsupportedOperationException("not built yet");
    }
}
