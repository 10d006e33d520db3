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

    /** Throws with a one-line message naming the first setting a group cannot run with. */
    void validate() {
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be at least 1, not " + maxPollRecords);
        }
        if (commit == CommitMode.AUTO && autoCommitIntervalNanos <= 0) {
            throw new IllegalArgumentException("autoCommitIntervalMs must be positive with auto commits");
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("errorRate must lie in [0, 1], not " + errorRate);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("retry.maxAttempts must be 0 (for ever) or more, not " + maxAttempts);
        }
        if (backoffNanos < 0 || maxBackoffNanos < 0 || !(backoffMultiplier >= 1)) {
            throw new IllegalArgumentException("retry: backoffMs and maxBackoffMs must not be negative and multiplier "
                    + "at least 1");
        }
    }
}
