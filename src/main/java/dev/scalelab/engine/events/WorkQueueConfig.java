package dev.scalelab.engine.events;

import dev.scalelab.sim.Distribution;

/**
 * An SQS-style queue's settings, units in ns.
 *
 * @param maxReceiveCount receives before the redrive policy moves a message to the dead-letter queue; 0 for none
 * @param maxMessages     the most messages held, visible and in flight; 0 for no bound
 */
public record WorkQueueConfig(Distribution processingTime, int receiveBatch, long visibilityTimeoutNanos,
                              int maxReceiveCount, double errorRate, int maxMessages, boolean idempotent) {
}
