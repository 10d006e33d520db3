package dev.scalelab.engine.balancing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Weighted random and power of d choices: their distributions, with 5-sigma binomial bounds. */
class RandomizedStrategiesTest {

    private static void assertBinomial(double p, int n, long count) {
        assertEquals(n * p, count, 5 * Math.sqrt(n * p * (1 - p)), "p = " + p);
    }

    @Test
    void weightedRandomPicksInProportionToWeightAmongThoseAcceptingTraffic() {
        List<TestBackend> pool = TestBackend.weighted(1, 2, 3, 4);
        pool.get(3).up = false;
        WeightedRandom wr = new WeightedRandom();
        SplittableRandom random = new SplittableRandom(5);
        int n = 120_000;
        int[] counts = new int[4];
        for (int i = 0; i < n; i++) {
            counts[wr.pick(pool, 0, 0, random)]++;
        }
        assertEquals(0, counts[3]);
        assertBinomial(1 / 6.0, n, counts[0]);
        assertBinomial(2 / 6.0, n, counts[1]);
        assertBinomial(3 / 6.0, n, counts[2]);
    }

    @Test
    void powerOfTwoChoicesSamplesTwoDistinctBackendsUniformly() {
        // Only the idle backend loses its sample to nobody: it is chosen whenever it is sampled,
        // which for two distinct draws out of four happens with probability 1 - (3/4)(2/3) = 1/2.
        List<TestBackend> pool = TestBackend.pool(4);
        pool.forEach(b -> b.active = 3);
        pool.get(2).active = 0;
        PowerOfChoices p2c = new PowerOfChoices(2);
        SplittableRandom random = new SplittableRandom(6);
        int n = 100_000;
        int idle = 0;
        for (int i = 0; i < n; i++) {
            if (p2c.pick(pool, 0, 0, random) == 2) {
                idle++;
            }
        }
        assertBinomial(0.5, n, idle);
    }

    @Test
    void tiesGoToTheFirstSampledSoEqualLoadsSpreadUniformly() {
        List<TestBackend> pool = TestBackend.pool(5);
        PowerOfChoices p2c = new PowerOfChoices(2);
        SplittableRandom random = new SplittableRandom(7);
        int n = 100_000;
        int[] counts = new int[5];
        for (int i = 0; i < n; i++) {
            counts[p2c.pick(pool, 0, 0, random)]++;
        }
        for (int c : counts) {
            assertBinomial(0.2, n, c);
        }
    }

    @Test
    void withFewerEligibleThanChoicesEveryEligibleBackendIsCompared() {
        List<TestBackend> pool = TestBackend.pool(10);
        pool.forEach(b -> b.up = false);
        pool.get(3).up = true;
        pool.get(3).active = 7;
        pool.get(8).up = true;
        pool.get(8).active = 2;
        PowerOfChoices p3c = new PowerOfChoices(3);
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(8, p3c.pick(pool, 0, 0, random));
        }
        pool.get(8).up = false;
        assertEquals(3, p3c.pick(pool, 0, 0, random));
    }

    @Test
    void samplingFindsDistinctEligibleBackendsEvenWhenFewAcceptTraffic() {
        List<TestBackend> pool = TestBackend.pool(50);
        pool.forEach(b -> b.up = false);
        int[] eligible = {4, 17, 31};
        for (int i : eligible) {
            pool.get(i).up = true;
        }
        SplittableRandom random = new SplittableRandom(9);
        int[] out = new int[2];
        int[] counts = new int[50];
        int n = 30_000;
        for (int t = 0; t < n; t++) {
            assertEquals(2, Sampling.distinctAcceptingTraffic(pool, 2, random, out));
            assertTrue(out[0] != out[1]);
            counts[out[0]]++;
            counts[out[1]]++;
        }
        for (int i : eligible) {
            assertBinomial(2 / 3.0, n, counts[i]);
        }
    }
}
