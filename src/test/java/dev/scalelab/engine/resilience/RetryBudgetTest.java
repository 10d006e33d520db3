package dev.scalelab.engine.resilience;

import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retry budgets on their own (engines.md §2.4). */
class RetryBudgetTest {
    private static final long MS = Simulation.NANOS_PER_MILLI;
    private static final long S = Simulation.NANOS_PER_SECOND;

    private static int grant(RetryBudget budget, long nowNanos, int tries) {
        int granted = 0;
        for (int i = 0; i < tries; i++) {
            granted += budget.tryAcquireRetry(nowNanos, 0) ? 1 : 0;
        }
        return granted;
    }

    @Test
    void finagleDefaultsDepositAThousandChargeFiveThousandAndReserveAHundredRetries() {
        FinagleRetryBudget budget = (FinagleRetryBudget) RetryBudgetConfig.Finagle.ofDefaults().create(0);
        assertEquals(1000, budget.depositAmount());
        assertEquals(5000, budget.withdrawalAmount());
        assertEquals(500_000, budget.reserve());
        assertEquals(100, budget.retriesAvailable(0, 0));

        assertEquals(100, grant(budget, 0, 150)); // only the reserve at first

        for (int i = 0; i < 1000; i++) {
            budget.onRequest(500 * MS);
        }
        assertEquals(200, grant(budget, 500 * MS, 300)); // 20% of 1000 requests

        // After the ttl both the deposits and the withdrawals have expired: the reserve is back.
        assertEquals(100, budget.retriesAvailable(20 * S, 0));
        assertEquals(100, grant(budget, 20 * S, 150));
    }

    @Test
    void finagleWithOnlyAMinimumChargesOnePerRetryAndEarnsNothingPerRequest() {
        FinagleRetryBudget budget = new FinagleRetryBudget(10, 2, 0, 0);
        assertEquals(0, budget.depositAmount());
        assertEquals(1, budget.withdrawalAmount());
        budget.onRequest(0);
        assertEquals(20, grant(budget, 0, 50));
        FinagleRetryBudget empty = new FinagleRetryBudget(10, 0, 0, 0);
        assertFalse(empty.tryAcquireRetry(0, 0));
    }

    @Test
    void finagleDepositsExpireSliceBySliceOverTheTtl() {
        FinagleRetryBudget budget = new FinagleRetryBudget(10, 0, 1.0, 0); // 1 retry per request, no reserve
        for (int i = 0; i < 10; i++) {
            budget.onRequest(0);
        }
        assertEquals(10, budget.retriesAvailable(9 * S, 0)); // nine slices later: still there
        assertEquals(0, budget.retriesAvailable(10 * S, 0)); // the tenth slice pushes them out
    }

    @Test
    void envoyAllowsTwentyPercentOfActiveRequestsButAtLeastThreeConcurrentRetries() {
        EnvoyRetryBudget budget = (EnvoyRetryBudget) RetryBudgetConfig.Envoy.ofDefaults().create(0);
        assertEquals(3, budget.maxActiveRetries(10)); // max(2, 3)
        assertEquals(3, budget.maxActiveRetries(19)); // max((long) 3.8, 3)
        assertEquals(20, budget.maxActiveRetries(100));
        assertTrue(budget.tryAcquireRetry(0, 10));
        assertTrue(budget.tryAcquireRetry(0, 10));
        assertTrue(budget.tryAcquireRetry(0, 10));
        assertFalse(budget.tryAcquireRetry(0, 10));
        assertTrue(budget.tryAcquireRetry(0, 20)); // 4 of max(4, 3)
        assertEquals(4, budget.activeRetries());
        budget.onRetryFinished();
        assertEquals(1, budget.retriesAvailable(0, 20));
    }

    @Test
    void budgetsDescribeThemselves() {
        assertEquals("Finagle retry budget: 20% of requests plus 10 retries/s, ttl 10 s",
                RetryBudgetConfig.Finagle.ofDefaults().create(0).describe());
        assertEquals("Envoy retry budget: 20% of active requests, at least 3 concurrent retries",
                RetryBudgetConfig.Envoy.ofDefaults().create(0).describe());
        RetryBudget unlimited = new RetryBudgetConfig.Unlimited().create(0);
        assertEquals("no retry budget", unlimited.describe());
        assertEquals(Long.MAX_VALUE, unlimited.retriesAvailable(0, 0));
    }
}
