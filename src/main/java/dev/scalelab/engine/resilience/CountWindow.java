package dev.scalelab.engine.resilience;

/**
 * Resilience4j's COUNT_BASED window ({@code FixedSizeSlidingWindowMetrics}): a ring of the last N
 * outcomes with running totals; recording the (N+1)-th call evicts the oldest.
 */
final class CountWindow implements SlidingWindow {
    private final CallOutcome[] ring;
    private int next;
    private int size;
    private int failed;
    private int slow;

    CountWindow(int sizeCalls) {
        if (sizeCalls < 1) {
            throw new IllegalArgumentException("a count window needs at least one call: " + sizeCalls);
        }
        ring = new CallOutcome[sizeCalls];
    }

    @Override
    public WindowTotals record(CallOutcome outcome, long nowNanos) {
        if (size == ring.length) {
            CallOutcome evicted = ring[next];
            failed -= evicted.failed() ? 1 : 0;
            slow -= evicted.slow() ? 1 : 0;
        } else {
            size++;
        }
        ring[next] = outcome;
        failed += outcome.failed() ? 1 : 0;
        slow += outcome.slow() ? 1 : 0;
        next = (next + 1) % ring.length;
        return totals(nowNanos);
    }

    @Override
    public WindowTotals totals(long nowNanos) {
        return new WindowTotals(size, failed, slow);
    }

    @Override
    public CallOutcome[] recentOutcomes(long nowNanos) {
        CallOutcome[] out = new CallOutcome[size];
        int start = Math.floorMod(next - size, ring.length);
        for (int i = 0; i < size; i++) {
            out[i] = ring[(start + i) % ring.length];
        }
        return out;
    }
}
