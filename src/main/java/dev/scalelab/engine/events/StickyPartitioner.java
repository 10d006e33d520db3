package dev.scalelab.engine.events;

import java.util.SplittableRandom;

/**
 * Kafka's sticky partitioner for unkeyed records (KIP-480, uniform since KIP-794): records stay on
 * one partition until a batch of {@code batchRecords} is full, then the producer moves to another.
 * One per producer; deterministic given its random stream.
 *
 * <p>This is KIP-480's rule (Kafka 2.4's StickyPartitionCache): the next partition is drawn
 * uniformly among the others, never the one just left. KIP-794 (Kafka 3.3) switches after
 * {@code batch.size} bytes rather than when a batch is sent, and draws the next partition weighted
 * by the inverse of each broker's queue, so a slow broker gets fewer batches. ScaleLab's
 * partitions are all equally fast and a batch is counted in records, so those weights are equal
 * and both rules spread batches uniformly; only KIP-480's rule never repeats a partition.
 */
public final class StickyPartitioner {

    private final int batchRecords;
    private final SplittableRandom random;
    private int current = -1;
    private int inBatch;

    public StickyPartitioner(int batchRecords, SplittableRandom random) {
        if (batchRecords < 1) {
            throw new IllegalArgumentException("batchRecords must be at least 1, was " + batchRecords);
        }
        this.batchRecords = batchRecords;
        this.random = random;
    }

    /** The partition of the next unkeyed record among {@code partitions} (which may have grown). */
    public int next(int partitions) {
        if (current < 0) {
            current = random.nextInt(partitions);
            inBatch = 0;
        } else if (inBatch == batchRecords) {
            // The new batch goes to one of the others, drawn among the partitions there are now.
            if (partitions > 1) {
                int other = random.nextInt(partitions - 1);
                current = other >= current ? other + 1 : other;
            }
            inBatch = 0;
        }
        inBatch++;
        return current;
    }
}
