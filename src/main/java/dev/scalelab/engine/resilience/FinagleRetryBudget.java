package dev.scalelab.engine.resilience;

import dev.scalelab.sim.Simulation;

import java.util.Arrays;
import java.util.Locale;

/**
 * Finagle's RetryBudget (finagle-core service/RetryBudget.scala) over a leaky TokenBucket
 * (util TokenBucket.newLeakyBucket): integer tokens scaled by 1000. Each request deposits 1000; a
 * retry costs 1000 / percentCanRetry (5000 at 20%) and is allowed when the balance covers it. The
 * balance is the windowed sum of deposits and withdrawals over the ttl plus a reserve of
 * minRetriesPerSec x ttl x cost, so withdrawals expire too and the reserve comes back: about
 * percentCanRetry of recent requests plus minRetriesPerSec retries per second.
 */
public final class FinagleRetryBudget implements RetryBudget {
    static final double SCALE_FACTOR = 1000.0;
    /** Finagle's WindowedAdder slices of the ttl. */
    static final int SLICES = 10;

    private final int ttlSeconds;
    private final int minRetriesPerSec;
    private final double percentCanRetry;
    private final int depositAmount;
    private final int withdrawalAmount;
    private final long reserve;
    private final WindowedAdder window;

    public FinagleRetryBudget(int ttlSeconds, int minRetriesPerSec, double percentCanRetry, long nowNanos) {
        if (ttlSeconds < 1 || ttlSeconds > 60) {
            throw new IllegalArgumentException("ttl must be [1 second, 60 seconds]: " + ttlSeconds);
        }
        if (minRetriesPerSec < 0) {
            throw new IllegalArgumentException("minRetriesPerSec must be non-negative: " + minRetriesPerSec);
        }
        if (!(percentCanRetry >= 0 && percentCanRetry <= SCALE_FACTOR)) {
            throw new IllegalArgumentException("percentCanRetry must be in [0, 1000]: " + percentCanRetry);
        }
        this.ttlSeconds = ttlSeconds;
        this.minRetriesPerSec = minRetriesPerSec;
        this.percentCanRetry = percentCanRetry;
        // With only minRetriesPerSec every retry costs 1 and requests earn nothing (Finagle). With
        // both 0 the balance stays 0: Finagle's RetryBudget.Empty.
        this.depositAmount = percentCanRetry == 0 ? 0 : (int) SCALE_FACTOR;
        this.withdrawalAmount = percentCanRetry == 0 ? 1 : (int) (SCALE_FACTOR / percentCanRetry);
        this.reserve = (long) minRetriesPerSec * ttlSeconds * withdrawalAmount;
        this.window = new WindowedAdder(ttlSeconds * 1000L, SLICES, millis(nowNanos));
    }

    private static long millis(long nanos) {
        return Math.floorDiv(nanos, Simulation.NANOS_PER_MILLI);
    }

    public int depositAmount() {
        return depositAmount;
    }

    public int withdrawalAmount() {
        return withdrawalAmount;
    }

    public long reserve() {
        return reserve;
    }

    /** Tokens now: windowed deposits minus withdrawals, plus the reserve. */
    public long tokens(long nowNanos) {
        return window.sum(millis(nowNanos)) + reserve;
    }

    @Override
    public void onRequest(long nowNanos) {
        window.add(depositAmount, millis(nowNanos));
    }

    @Override
    public boolean tryAcquireRetry(long nowNanos, int activeRequests) {
        if (tokens(nowNanos) >= withdrawalAmount) {
            window.add(-withdrawalAmount, millis(nowNanos));
            return true;
        }
        return false;
    }

    @Override
    public void onRetryFinished() {
    }

    /** Finagle's balance: tokens / cost of a retry. */
    @Override
    public long retriesAvailable(long nowNanos, int activeRequests) {
        return Math.max(0, tokens(nowNanos) / withdrawalAmount);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Finagle retry budget: %s%% of requests plus %d retries/s, ttl %d s",
                Percent.format((float) (percentCanRetry * 100)), minRetriesPerSec, ttlSeconds);
    }

    /**
     * Twitter util's WindowedAdder: a sum over the last {@code range} ms kept in {@code slices}
     * slices; the head slice collects adds, and a slice closes when an add or read comes at least
     * one slice length after the head slice opened (slices are not aligned to fixed boundaries).
     */
    static final class WindowedAdder {
        private final long sliceMillis;
        private final long[] closed;
        private long head;
        private int index;
        private long headOpenedMillis;

        WindowedAdder(long rangeMillis, int slices, long nowMillis) {
            if (slices < 2) {
                throw new IllegalArgumentException("a windowed adder needs more than one slice");
            }
            this.sliceMillis = rangeMillis / slices;
            this.closed = new long[slices - 1];
            this.headOpenedMillis = nowMillis;
        }

        private void expireIfDue(long nowMillis) {
            if (nowMillis - headOpenedMillis < sliceMillis) {
                return;
            }
            int n = closed.length;
            closed[index] = head;
            head = 0;
            index = (index + 1) % n;
            // Slices skipped while nothing happened are zeroed.
            int skip = (int) Math.min((nowMillis - headOpenedMillis) / sliceMillis - 1, n);
            if (skip > 0) {
                int r = Math.min(skip, n - index);
                Arrays.fill(closed, index, index + r, 0L);
                Arrays.fill(closed, 0, skip - r, 0L);
                index = (index + skip) % n;
            }
            headOpenedMillis = nowMillis;
        }

        void add(long amount, long nowMillis) {
            expireIfDue(nowMillis);
            head += amount;
        }

        long sum(long nowMillis) {
            expireIfDue(nowMillis);
            long sum = head;
            for (long slice : closed) {
                sum += slice;
            }
            return sum;
        }
    }
}
