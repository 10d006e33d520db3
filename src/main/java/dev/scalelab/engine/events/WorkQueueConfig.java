package dev.scalelab.engine.events;

import dev.scalelab.sim.Distribution;

/**
 * An SQS-style queue's settings, units in ns.
 *
 * @param processingTime         the time a consumer spends on one message, sampled in ms as every
 *                               scenario distribution is
 * @param receiveBatch           messages one receive returns at most (SQS MaxNumberOfMessages, 1 to 10)
 * @param maxReceiveCount        receives before the redrive policy moves a message to the dead-letter queue; 0 for none
 * @param errorRate              the fraction of processings that fail: the message is not deleted and comes back
 * @param maxMessages            the most messages held, visible and in flight; 0 for no bound
 * @param idempotent             whether a second processing of a message finds its effect already applied
 */
public record WorkQueueConfig(Distribution processingTime, int receiveBatch, long visibilityTimeoutNanos,
                              int maxReceiveCount, double errorRate, int maxMessages, boolean idempotent) {
    public WorkQueueConfig {
        if (receiveBatch < 1) {
            throw new IllegalArgumentException("receiveBatch must be at least 1, was " + receiveBatch);
        }
        if (visibilityTimeoutNanos < 0 || maxReceiveCount < 0 || maxMessages < 0) {
            throw new IllegalArgumentException("visibilityTimeoutNanos, maxReceiveCount and maxMessages must not be "
                    + "negative, were " + visibilityTimeoutNanos + ", " + maxReceiveCount + ", " + maxMessages);
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("errorRate must lie in [0, 1], was " + errorRate);
        }
    }
}
