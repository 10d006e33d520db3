package dev.scalelab.engine.caching;

import dev.scalelab.sim.KeySampler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Che's approximation against the check table of engines.md §4.4 (Zipf, N = 1000). */
class CheApproximationTest {
    private static double[] zipf(double alpha) {
        return CheApproximation.probabilities(new KeySampler.Zipf(alpha, 1000));
    }

    @Test
    void characteristicTimesMatchTheTable() {
        assertEquals(133.9, CheApproximation.lruCharacteristicTime(zipf(0.8), 100), 0.05);
        assertEquals(180.9, CheApproximation.lruCharacteristicTime(zipf(1.0), 100), 0.05);
        assertEquals(10.5, CheApproximation.lruCharacteristicTime(zipf(0.8), 10), 0.05);
        assertEquals(11.4, CheApproximation.lruCharacteristicTime(zipf(1.0), 10), 0.05);
    }

    @Test
    void lruHitRatiosMatchTheTable() {
        assertEquals(0.3778, CheApproximation.lruHitRatio(zipf(0.8), 100), 0.00005);
        assertEquals(0.5765, CheApproximation.lruHitRatio(zipf(1.0), 100), 0.00005);
        assertEquals(0.0816, CheApproximation.lruHitRatio(zipf(0.8), 10), 0.00005);
        assertEquals(0.2095, CheApproximation.lruHitRatio(zipf(1.0), 10), 0.00005);
    }

    @Test
    void fifoAndRandomHitRatiosMatchTheTable() {
        assertEquals(0.3337, CheApproximation.fifoHitRatio(zipf(0.8), 100), 0.00005);
        assertEquals(0.5202, CheApproximation.fifoHitRatio(zipf(1.0), 100), 0.00005);
        assertEquals(0.0741, CheApproximation.fifoHitRatio(zipf(0.8), 10), 0.00005);
        assertEquals(0.1789, CheApproximation.fifoHitRatio(zipf(1.0), 10), 0.00005);
    }

    @Test
    void theCharacteristicTimeFillsTheCacheExactly() {
        double[] p = zipf(0.8);
        double t = CheApproximation.lruCharacteristicTime(p, 100);
        double occupancy = 0;
        for (double pi : p) {
            occupancy += 1 - Math.exp(-pi * t);
        }
        assertEquals(100, occupancy, 1e-9);
    }

    @Test
    void aCacheAsLargeAsTheKeySpaceAlwaysHits() {
        assertEquals(1.0, CheApproximation.lruHitRatio(zipf(0.8), 1000));
        assertEquals(Double.POSITIVE_INFINITY, CheApproximation.lruCharacteristicTime(zipf(0.8), 1000));
    }
}
