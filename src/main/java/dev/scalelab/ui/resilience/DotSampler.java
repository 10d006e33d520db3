package dev.scalelab.ui.resilience;

import dev.scalelab.engine.resilience.MeshStats;

/**
 * Turns the change in one mesh client's counters between two frames into request dots to animate:
 * one dot per {@code attemptsPerDot} attempts, a sample rather than every call. The fractions left
 * over are carried to the next frame, so over time the dots keep the true proportions: three times
 * the dots when a naive client triples its attempts, bounces in proportion to breaker rejections.
 *
 * <p>After a call, read the counts of this frame's dots: {@link #sent()} (of which {@link #failed()}
 * fail at the dependency and {@link #retries()} are retries), {@link #rejectedByBreaker()} and
 * {@link #rejectedByBulkhead()}. Allocates nothing. FX thread only.
 */
final class DotSampler {
    private MeshStats previous;
    private double sentCarry;
    private double failedCarry;
    private double retryCarry;
    private double breakerCarry;
    private double bulkheadCarry;

    private int sent;
    private int failed;
    private int retries;
    private int rejectedByBreaker;
    private int rejectedByBulkhead;

    /** Forgets the counters: the next frame sets the baseline and launches nothing. */
    void reset() {
        previous = null;
        sentCarry = failedCarry = retryCarry = breakerCarry = bulkheadCarry = 0;
        sent = failed = retries = rejectedByBreaker = rejectedByBulkhead = 0;
    }

    /**
     * Samples the attempts since the previous frame.
     *
     * @param attemptsPerDot how many attempts one dot stands for (at least 1)
     * @param maxDots        at most this many dots this frame, a guard for the first frame after a pause
     */
    void sample(MeshStats current, double attemptsPerDot, int maxDots) {
        sent = failed = retries = rejectedByBreaker = rejectedByBulkhead = 0;
        MeshStats before = previous;
        previous = current;
        if (before == null) {
            return;
        }
        // The world rebuilds a client when its settings change, and its counters start again from 0.
        boolean rebuilt = current.attempts() < before.attempts() || current.requests() < before.requests();
        long sentDelta = delta(current.attemptsSent(), before.attemptsSent(), rebuilt);
        long failedDelta = delta(current.errors() + current.timeouts(), before.errors() + before.timeouts(), rebuilt);
        long retryDelta = delta(current.retries(), before.retries(), rebuilt);
        long breakerDelta = delta(current.breakerRejections(), before.breakerRejections(), rebuilt);
        long bulkheadDelta = delta(current.bulkheadRejections(), before.bulkheadRejections(), rebuilt);

        double per = Math.max(1, attemptsPerDot);
        sentCarry += sentDelta / per;
        breakerCarry += breakerDelta / per;
        bulkheadCarry += bulkheadDelta / per;
        sent = (int) sentCarry;
        rejectedByBreaker = (int) breakerCarry;
        rejectedByBulkhead = (int) bulkheadCarry;
        sentCarry -= sent;
        breakerCarry -= rejectedByBreaker;
        bulkheadCarry -= rejectedByBulkhead;

        int total = sent + rejectedByBreaker + rejectedByBulkhead;
        if (total > maxDots) {
            double scale = maxDots / (double) total;
            sent = (int) Math.floor(sent * scale);
            rejectedByBreaker = (int) Math.floor(rejectedByBreaker * scale);
            rejectedByBulkhead = (int) Math.floor(rejectedByBulkhead * scale);
        }
        if (sent > 0 && sentDelta > 0) {
            failedCarry += sent * Math.min(1, failedDelta / (double) sentDelta);
            retryCarry += sent * Math.min(1, retryDelta / (double) sentDelta);
            failed = Math.min(sent, (int) failedCarry);
            retries = Math.min(sent, (int) retryCarry);
            failedCarry -= failed;
            retryCarry -= retries;
        }
    }

    private static long delta(long now, long before, boolean rebuilt) {
        return rebuilt ? now : Math.max(0, now - before);
    }

    int sent() {
        return sent;
    }

    int failed() {
        return failed;
    }

    int retries() {
        return retries;
    }

    int rejectedByBreaker() {
        return rejectedByBreaker;
    }

    int rejectedByBulkhead() {
        return rejectedByBulkhead;
    }
}
