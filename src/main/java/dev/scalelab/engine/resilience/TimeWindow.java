package dev.scalelab.engine.resilience;

import dev.scalelab.sim.Simulation;

/**
 * Resilience4j's TIME_BASED window ({@code SlidingTimeWindowMetrics}): N one-second buckets keyed
 * by epoch second, here the virtual second {@code floor(nowNanos / 1e9)}. Moving the head to a new
 * second subtracts and clears every bucket it passes, so the window holds the current partial
 * second plus the previous N - 1 seconds. As there, the head moves on every record and every read.
 *
 * <p>For the UI it also keeps the last {@link #RECENT_KEPT} individual outcomes with their second,
 * which the library does not need.
 */
final class TimeWindow implements SlidingWindow {
    static final int RECENT_KEPT = 256;

    private final int sizeSeconds;
    private final int[] total;
    private final int[] failed;
    private final int[] slow;
    private final long[] epochSecond;
    private int head;
    private int totalSum;
    private int failedSum;
    private int slowSum;

    private final CallOutcome[] recent = new CallOutcome[RECENT_KEPT];
    private final long[] recentSecond = new long[RECENT_KEPT];
    private int recentNext;
    private int recentSize;

    TimeWindow(int sizeSeconds, long nowNanos) {
        if (sizeSeconds < 1) {
            throw new IllegalArgumentException("a time window needs at least one second: " + sizeSeconds);
        }
        this.sizeSeconds = sizeSeconds;
        total = new int[sizeSeconds];
        failed = new int[sizeSeconds];
        slow = new int[sizeSeconds];
        epochSecond = new long[sizeSeconds];
        epochSecond[0] = second(nowNanos);
    }

    private static long second(long nowNanos) {
        return Math.floorDiv(nowNanos, Simulation.NANOS_PER_SECOND);
    }

    /** As SlidingTimeWindowMetrics.moveWindowToCurrentEpochSecond: at most N buckets are cleared. */
    private void moveTo(long nowNanos) {
        long current = second(nowNanos);
        long behind = current - epochSecond[head];
        if (behind <= 0) {
            return;
        }
        long steps = Math.min(behind, sizeSeconds);
        do {
            steps--;
            head = (head + 1) % sizeSeconds;
            totalSum -= total[head];
            failedSum -= failed[head];
            slowSum -= slow[head];
            total[head] = 0;
            failed[head] = 0;
            slow[head] = 0;
            epochSecond[head] = current - steps;
        } while (steps > 0);
    }

    @Override
    public WindowTotals record(CallOutcome outcome, long nowNanos) {
        moveTo(nowNanos);
        int f = outcome.failed() ? 1 : 0;
        int s = outcome.slow() ? 1 : 0;
        total[head]++;
        failed[head] += f;
        slow[head] += s;
        totalSum++;
        failedSum += f;
        slowSum += s;
        recent[recentNext] = outcome;
        recentSecond[recentNext] = epochSecond[head];
        recentNext = (recentNext + 1) % RECENT_KEPT;
        recentSize = Math.min(recentSize + 1, RECENT_KEPT);
        return new WindowTotals(totalSum, failedSum, slowSum);
    }

    @Override
    public WindowTotals totals(long nowNanos) {
        moveTo(nowNanos);
        return new WindowTotals(totalSum, failedSum, slowSum);
    }

    @Override
    public CallOutcome[] recentOutcomes(long nowNanos) {
        moveTo(nowNanos);
        long oldestSecondInWindow = epochSecond[head] - sizeSeconds + 1;
        int start = Math.floorMod(recentNext - recentSize, RECENT_KEPT);
        int skip = 0;
        while (skip < recentSize && recentSecond[(start + skip) % RECENT_KEPT] < oldestSecondInWindow) {
            skip++;
        }
        CallOutcome[] out = new CallOutcome[recentSize - skip];
        for (int i = 0; i < out.length; i++) {
            out[i] = recent[(start + skip + i) % RECENT_KEPT];
        }
        return out;
    }
}
