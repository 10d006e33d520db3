package dev.scalelab.ui.scaling;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolLayoutTest {
    private static final double GAP = 8;
    private static final double ASPECT = 1.4;
    private static final double MAX_UNIT_WIDTH = 150;

    private final PoolLayout layout = new PoolLayout();

    @Test
    void fourMediumInstancesSitInOneCenteredRowAtTheirCappedSize() {
        layout.fit(4, new int[] {2, 2, 2, 2}, 0, 0, 1000, 400, GAP, ASPECT, MAX_UNIT_WIDTH);
        double width = MAX_UNIT_WIDTH * Math.sqrt(2);
        assertEquals(width, layout.width(0), 1e-9);
        assertEquals(width / ASPECT, layout.height(0), 1e-9);
        double row = 4 * width + 3 * GAP;
        assertEquals((1000 - row) / 2, layout.x(0), 1e-9);
        assertEquals(layout.y(0), layout.y(3));
        assertEquals((400 - width / ASPECT) / 2, layout.y(0), 1e-9, "the block is centered vertically");
    }

    @Test
    void aTilesAreaIsProportionalToItsInstancesVcpus() {
        layout.fit(4, new int[] {1, 2, 4, 8}, 0, 0, 2000, 1000, GAP, ASPECT, MAX_UNIT_WIDTH);
        double small = layout.width(0) * layout.height(0);
        assertEquals(2, layout.width(1) * layout.height(1) / small, 1e-9);
        assertEquals(4, layout.width(2) * layout.height(2) / small, 1e-9);
        assertEquals(8, layout.width(3) * layout.height(3) / small, 1e-9);
    }

    @Test
    void aLargePoolShrinksToFitWithoutOverlaps() {
        int n = 60;
        int[] vcpus = new int[n];
        for (int i = 0; i < n; i++) {
            vcpus[i] = i % 3 == 0 ? 4 : 2; // a resize rolling from medium to large
        }
        layout.fit(n, vcpus, 10, 20, 700, 300, GAP, ASPECT, MAX_UNIT_WIDTH);
        for (int i = 0; i < n; i++) {
            assertTrue(layout.x(i) >= 10 - 1e-9 && layout.x(i) + layout.width(i) <= 710 + 1e-9, "tile " + i + " inside horizontally");
            assertTrue(layout.y(i) >= 20 - 1e-9 && layout.y(i) + layout.height(i) <= 320 + 1e-9, "tile " + i + " inside vertically");
            for (int j = 0; j < i; j++) {
                boolean apart = layout.x(i) >= layout.x(j) + layout.width(j) || layout.x(j) >= layout.x(i) + layout.width(i)
                        || layout.y(i) >= layout.y(j) + layout.height(j) || layout.y(j) >= layout.y(i) + layout.height(i);
                assertTrue(apart, "tiles " + j + " and " + i + " overlap");
            }
        }
        assertTrue(layout.height(1) > 20, "still large enough to see: " + layout.height(1));
    }

    @Test
    void theSameInputsChangeNothing() {
        int[] vcpus = {2, 2, 2};
        assertTrue(layout.fit(3, vcpus, 0, 0, 800, 400, GAP, ASPECT, MAX_UNIT_WIDTH));
        assertFalse(layout.fit(3, new int[] {2, 2, 2, 99}, 0, 0, 800, 400, GAP, ASPECT, MAX_UNIT_WIDTH),
                "entries past the count are ignored");
        assertTrue(layout.fit(3, new int[] {2, 2, 4}, 0, 0, 800, 400, GAP, ASPECT, MAX_UNIT_WIDTH), "a resized instance");
        assertTrue(layout.fit(3, new int[] {2, 2, 4}, 0, 0, 800, 300, GAP, ASPECT, MAX_UNIT_WIDTH), "a smaller area");
    }
}
