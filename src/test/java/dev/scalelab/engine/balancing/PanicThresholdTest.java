package dev.scalelab.engine.balancing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Envoy's healthy_panic_threshold: below 50% healthy, balance over every host. */
class PanicThresholdTest {

    @Test
    void belowHalfHealthyTheBalancerPanics() {
        PanicThreshold panic = PanicThreshold.DEFAULT;
        assertFalse(panic.inPanic(10, 10));
        assertFalse(panic.inPanic(5, 10), "exactly 50% is not below the threshold");
        assertTrue(panic.inPanic(4, 10));
        assertTrue(panic.inPanic(0, 3));
        assertTrue(panic.inPanic(0, 0));
    }

    @Test
    void aFullyAvailableClusterNeverPanicsEvenUnderAHighThreshold() {
        PanicThreshold high = new PanicThreshold(80);
        // 75% healthy x 1.4 = 105%: availability is full, so no panic although 75% < 80%.
        assertFalse(high.inPanic(3, 4));
        assertTrue(high.inPanic(7, 10), "70% x 1.4 = 98%");
    }

    @Test
    void aZeroThresholdNeverPanics() {
        assertFalse(new PanicThreshold(0).inPanic(0, 10));
        assertFalse(new PanicThreshold(0).inPanic(0, 0));
    }
}
