package dev.scalelab.engine.events;

import dev.scalelab.sim.Distribution;

/**
 * A consumer group's settings, with Kafka's names and units in ns.
 *
 * @param maxAttempts attempts in all before a failing record is dead-lettered or skipped; 0 retries for ever
 */
public record GroupConfig(AssignorKind assignor, Distribution processingTime, int maxPollRecords, CommitMode commit,
                          long autoCommitIntervalNanos, boolean idempotent, long sessionTimeoutNanos, long rebalanceNanos,
                          double errorRate, RetryMode retryMode, int maxAttempts, long backoffNanos, double backoffMultiplier,
                          long maxBackoffNanos, boolean deadLetter) {
}
