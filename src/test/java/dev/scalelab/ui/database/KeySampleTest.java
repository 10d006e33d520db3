package dev.scalelab.ui.database;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeySampleTest {

    @Test
    void drawsAtMostFiveHundredKeysSpreadEvenlyInAscendingOrder() {
        KeySample sample = KeySample.of(20_000);
        assertEquals(500, sample.size());
        assertEquals(0, sample.key(0));
        assertEquals(40, sample.key(1));
        assertEquals(19_960, sample.key(499));
        for (int i = 1; i < sample.size(); i++) {
            assertTrue(sample.key(i) > sample.key(i - 1));
        }
    }

    @Test
    void aSmallKeySpaceIsDrawnWhole() {
        KeySample sample = KeySample.of(120);
        assertEquals(120, sample.size());
        for (int i = 0; i < 120; i++) {
            assertEquals(i, sample.key(i));
        }
    }

    @Test
    void jitterIsStableAndCoversTheUnitSquare() {
        KeySample a = KeySample.of(20_000);
        KeySample b = KeySample.of(20_000);
        double sumA = 0;
        double sumB = 0;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.jitterA(i), b.jitterA(i));
            assertTrue(a.jitterA(i) >= 0 && a.jitterA(i) < 1);
            assertTrue(a.jitterB(i) >= 0 && a.jitterB(i) < 1);
            sumA += a.jitterA(i);
            sumB += a.jitterB(i);
        }
        // Means of 500 uniforms: 0.5 +/- 0.013 (1 sigma).
        assertEquals(0.5, sumA / a.size(), 0.05);
        assertEquals(0.5, sumB / a.size(), 0.05);
    }
}
