package dev.scalelab.engine.events;

import java.util.SplittableRandom;

/**
 * Kafka's sticky partitioner for unkeyed records (KIP-480, uniform since KIP-794): records stay on
 * one partition until a batch of {@code batchRecords} is full, then the producer moves to another.
 * One per producer; deterministic given its random stream.
 */
public final class StickyPartitioner {

    public StickyPartitioner(int batchRecords, SplittableRandom random) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The partition of the next unkeyed record among {@code partitions} (which may have grown). */
    public int next(int partitions) {
        throw new UnsupportedOperationException("not built yet");
    }
}
