package dev.scalelab.ui.canvas;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DotRingTest {

    @Test
    void dotsExpireOldestFirstOnceTheirLifetimeHasPassed() {
        DotRing ring = new DotRing(8);
        ring.add(100, 0, (byte) 1, false);
        ring.add(200, 1, (byte) 2, true);
        ring.add(300, 2, (byte) 3, false);
        ring.expire(350, 100); // at 350 the dots of 100 and 200 are more than 100 ns old
        assertEquals(1, ring.size());
        assertEquals(300, ring.startNanos(0));
        assertEquals(2, ring.target(0));
        assertEquals(3, ring.kind(0));
        assertFalse(ring.flag(0));
    }

    @Test
    void aFullRingDropsItsOldestDotToMakeRoom() {
        DotRing ring = new DotRing(3);
        for (int i = 0; i < 5; i++) {
            ring.add(10L * i, i, (byte) 0, i % 2 == 0);
        }
        assertEquals(3, ring.size());
        assertEquals(20, ring.startNanos(0), "dots 0 and 1 made room");
        assertEquals(4, ring.target(2));
        assertTrue(ring.flag(2));
    }

    @Test
    void clearingEmptiesTheRing() {
        DotRing ring = new DotRing(4);
        ring.add(1, 0, (byte) 0, false);
        ring.clear();
        assertEquals(0, ring.size());
    }
}
