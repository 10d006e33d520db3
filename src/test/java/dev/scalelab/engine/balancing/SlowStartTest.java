package dev.scalelab.engine.balancing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Envoy's slow start formula: weight x max(10%, (max(t, 1 s) / window)^(1/aggression)). */
class SlowStartTest {
    private static final long S = 1_000_000_000L;

    @Test
    void linearRampOverASixtySecondWindowWithTheTenPercentFloor() {
        SlowStart ramp = SlowStart.over(60 * S);
        assertEquals(1.0, ramp.weight(10, 0), 1e-12, "t = 0: max(10%, 1 s / 60 s) = 10%");
        assertEquals(1.0, ramp.weight(10, 3 * S), 1e-12, "t = 3 s: 5% is below the floor");
        assertEquals(2.0, ramp.weight(10, 12 * S), 1e-12);
        assertEquals(5.0, ramp.weight(10, 30 * S), 1e-12);
        assertEquals(7.5, ramp.weight(10, 45 * S), 1e-12);
        assertTrue(ramp.ramping(59 * S));
        assertFalse(ramp.ramping(60 * S));
        assertEquals(10.0, ramp.weight(10, 60 * S), 0);
    }

    @Test
    void aggressionBendsTheRamp() {
        SlowStart fast = new SlowStart(60 * S, 10, 2.0);
        assertEquals(0.5, fast.weight(1, 15 * S), 1e-12, "(15/60)^(1/2)");
        SlowStart slow = new SlowStart(60 * S, 10, 0.5);
        assertEquals(0.25, slow.weight(1, 30 * S), 1e-12, "(30/60)^2");
        assertEquals(0.1, slow.weight(1, 6 * S), 1e-12, "(6/60)^2 = 1% is below the floor");
    }

    @Test
    void theOneSecondFloorOnlyMattersForShortWindows() {
        SlowStart shortWindow = new SlowStart(4 * S, 10, 1.0);
        assertEquals(0.25, shortWindow.weight(1, S / 10), 1e-12, "max(0.1 s, 1 s) / 4 s");
        assertEquals(1.0, SlowStart.OFF.weight(1, 0), 0);
    }
}
