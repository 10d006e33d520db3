package dev.scalelab.sim;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeySamplerTest {

    @Test
    void zipfFrequenciesFollowOneOverRankToTheAlpha() {
        KeySampler.Zipf z = new KeySampler.Zipf(0.8, 1000);
        double h = 0;
        for (int k = 1; k <= 1000; k++) {
            h += Math.pow(k, -0.8);
        }
        assertEquals(1 / h, z.probability(0), 1e-12);
        assertEquals(Math.pow(10, -0.8) / h, z.probability(9), 1e-12);
        int n = 2_000_000;
        int[] counts = new int[1000];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            counts[z.sample(r)]++;
        }
        for (int k : new int[] {0, 1, 9, 99, 999}) {
            double expected = n * z.probability(k);
            assertEquals(expected, counts[k], 5 * Math.sqrt(expected), "key " + k);
        }
    }

    @Test
    void hotspotSendsTheHotFractionOfTrafficToTheHotKeys() {
        KeySampler.Hotspot h = KeySampler.Hotspot.of(1000, 0.8, 0.2);
        assertEquals(200, h.hotKeys());
        SplittableRandom r = new SplittableRandom(5);
        int n = 500_000;
        int hot = 0;
        for (int i = 0; i < n; i++) {
            if (h.sample(r) < 200) {
                hot++;
            }
        }
        assertEquals(0.8, hot / (double) n, 0.005);
        assertEquals(0.8 / 200, h.probability(0), 1e-15);
        assertEquals(0.2 / 800, h.probability(500), 1e-15);
    }
}
