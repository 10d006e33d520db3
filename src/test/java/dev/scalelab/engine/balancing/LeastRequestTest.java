package dev.scalelab.engine.balancing;

import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Envoy's least_request: P2C with equal weights, EDF over weight / (active + 1)^bias otherwise. */
class LeastRequestTest {
    private final SplittableRandom random = new SplittableRandom(3);

    private int[] counts(LeastRequest lr, List<TestBackend> pool, int picks, long nowNanos) {
        int[] counts = new int[pool.size()];
        for (int i = 0; i < picks; i++) {
            counts[lr.pick(pool, 0, nowNanos, random)]++;
        }
        return counts;
    }

    @Test
    void weightTwoWithFourActiveRequestsHasDynamicWeightPointFour() {
        assertEquals(0.4, LeastRequest.dynamicWeight(2, 4, 1.0), 1e-15);
        assertEquals(2.0, LeastRequest.dynamicWeight(2, 4, 0.0), 0);
        assertEquals(2 / Math.pow(5, 0.5), LeastRequest.dynamicWeight(2, 4, 0.5), 1e-15);
    }

    @Test
    void edfPicksInProportionToWeightsWhenIdle() {
        LeastRequest lr = new LeastRequest(2, 1.0, SlowStart.OFF);
        assertArrayEquals(new int[] {1_000, 2_000, 3_000}, counts(lr, TestBackend.weighted(1, 2, 3), 6_000, 0));
    }

    @Test
    void biasZeroIgnoresActiveRequestsAndIsPlainWeightedRoundRobin() {
        List<TestBackend> pool = TestBackend.weighted(3, 2, 1);
        pool.get(0).active = 5;
        LeastRequest wrr = new LeastRequest(2, 0.0, SlowStart.OFF);
        assertArrayEquals(new int[] {3_000, 2_000, 1_000}, counts(wrr, pool, 6_000, 0));
        // With bias 1 the busy host's weight is 3 / 6 = 0.5: shares 0.5 : 2 : 1.
        LeastRequest lr = new LeastRequest(2, 1.0, SlowStart.OFF);
        assertArrayEquals(new int[] {1_000, 4_000, 2_000}, counts(lr, pool, 7_000, 0));
    }

    @Test
    void equalWeightsDrawChoiceCountHostsWithReplacementAsEnvoy() {
        // The idle host wins whenever it is drawn: 1 - (3/4)^2 = 7/16 with replacement (1/2 without).
        List<TestBackend> pool = TestBackend.pool(4);
        pool.forEach(b -> b.active = 3);
        pool.get(1).active = 0;
        int n = 100_000;
        int idle = counts(new LeastRequest(2, 1.0, SlowStart.OFF), pool, n, 0)[1];
        assertEquals(n * 7 / 16.0, idle, 5 * Math.sqrt(n * 7 / 16.0 * 9 / 16.0));
        // choice_count 3: 1 - (3/4)^3 = 37/64.
        idle = counts(new LeastRequest(3, 1.0, SlowStart.OFF), pool, n, 0)[1];
        assertEquals(n * 37 / 64.0, idle, 5 * Math.sqrt(n * 37 / 64.0 * 27 / 64.0));
    }

    @Test
    void aHostThatJoinsRampsUpThroughSlowStart() {
        long second = Simulation.NANOS_PER_SECOND;
        LeastRequest lr = new LeastRequest(2, 1.0, SlowStart.over(60 * second));
        List<TestBackend> pool = TestBackend.pool(4);
        lr.pick(pool, 0, 0, random);
        pool.add(new TestBackend("i-4"));
        // Just joined: weight max(10%, 1 s / 60 s) = 0.1 against four hosts of weight 1.
        assertArrayEquals(new int[] {1_000, 1_000, 1_000, 1_000, 100}, counts(lr, pool, 4_100, 100 * second));
        // Half the window later its weight is 0.5; the schedule takes it up as the host is re-picked.
        int[] later = counts(lr, pool, 9_000, 130 * second);
        assertEquals(1_000, later[4], 10);
        // After the window all weights are 1 again and equal weights go back to P2C.
        pool.forEach(b -> b.active = 2);
        pool.get(4).active = 0;
        int n = 100_000;
        int idle = counts(lr, pool, n, 161 * second)[4];
        assertEquals(n * 9 / 25.0, idle, 5 * Math.sqrt(n * 9 / 25.0 * 16 / 25.0));
    }
}
