package dev.scalelab.engine.events;

import java.util.Arrays;

/**
 * A consumer group's offsets, per partition: the committed offset (where a new owner starts), the
 * position (the next record to process) and the processed watermark (one past the highest offset
 * ever processed or given up). Their sums are kept as they change, so the lag (Σ log end −
 * committed) and the backlog (Σ log end − position) cost nothing to read on the per-record path.
 *
 * <p>The watermark makes idempotence exact: a partition is processed in order, so a record was
 * processed before exactly when its offset lies below the watermark, and no set of record ids is
 * needed.
 */
final class PartitionOffsets {
    private long[] committed;
    private long[] position;
    private long[] watermark;
    private long committedSum;
    private long positionSum;

    PartitionOffsets(int partitions) {
        committed = new long[partitions];
        position = new long[partitions];
        watermark = new long[partitions];
    }

    /** Room for added partitions, which start at offset 0 (auto.offset.reset = earliest). */
    void grow(int partitions) {
        committed = Arrays.copyOf(committed, partitions);
        position = Arrays.copyOf(position, partitions);
        watermark = Arrays.copyOf(watermark, partitions);
    }

    long committed(int p) {
        return committed[p];
    }

    long position(int p) {
        return position[p];
    }

    long committedSum() {
        return committedSum;
    }

    long positionSum() {
        return positionSum;
    }

    boolean uncommitted(int p) {
        return position[p] > committed[p];
    }

    /** Moves the position forward to {@code to}; returns whether it moved. */
    boolean advance(int p, long to) {
        if (to <= position[p]) {
            return false;
        }
        positionSum += to - position[p];
        position[p] = to;
        return true;
    }

    /** A new owner starts from the committed offset: what was processed after it comes again. */
    void resetToCommitted(int p) {
        positionSum += committed[p] - position[p];
        position[p] = committed[p];
    }

    void commit(int p) {
        committedSum += position[p] - committed[p];
        committed[p] = position[p];
    }

    /** Whether {@code offset} was processed before (a redelivery); if not, it is now. */
    boolean processedBefore(int p, long offset) {
        if (offset < watermark[p]) {
            return true;
        }
        watermark[p] = offset + 1;
        return false;
    }

    /** A record given up (dead-lettered, skipped, moved to the retry topic) counts as handled. */
    void handled(int p, long offset) {
        watermark[p] = Math.max(watermark[p], offset + 1);
    }

    /**
     * Retention moved the log start to {@code start}: the position and the committed offset jump to
     * it if below (auto.offset.reset = earliest; the next commit would write the reset position).
     * Returns the records deleted before they were read; a record in hand counts as read.
     */
    long truncate(int p, long start, boolean recordInHand) {
        long read = position[p] + (recordInHand ? 1 : 0);
        long lost = Math.max(0, start - read);
        advance(p, start);
        if (start > committed[p]) {
            committedSum += start - committed[p];
            committed[p] = start;
        }
        return lost;
    }
}
