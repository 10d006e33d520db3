package dev.scalelab.ui.scaling;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tiles that slide to a new layout never overlap on the way. */
class TileSeparationTest {
    private static final long MS = 1_000_000L;

    @Test
    void boxesApartKeepTheirSize() {
        double[] x = {0, 110, 0};
        double[] y = {0, 0, 80};
        double[] w = {100, 100, 100};
        double[] h = {70, 70, 70};
        double[] scales = new double[3];
        TileSeparation.scales(x, y, w, h, 3, scales);
        assertEquals(List.of(1.0, 1.0, 1.0), Arrays.stream(scales).boxed().toList());
    }

    @Test
    void twoCrossingTilesShrinkJustEnoughAndAThirdFarAwayDoesNot() {
        double[] x = {0, 50, 500};
        double[] y = {0, 20, 0};
        double[] w = {100, 100, 100};
        double[] h = {70, 70, 70};
        double[] scales = new double[3];
        assertFalse(TileSeparation.apart(x, y, w, h, 3, 3, new double[] {1, 1, 1}), "they overlap at full size");
        TileSeparation.scales(x, y, w, h, 3, scales);
        assertEquals(0.5, scales[0], 1e-9, "centres 50 apart, half widths sum to 100");
        assertEquals(0.5, scales[1], 1e-9);
        assertEquals(1.0, scales[2]);
        assertTrue(TileSeparation.apart(x, y, w, h, 3, 3, scales));
    }

    @Test
    void aGhostYieldsToTheTileThatTakesItsPlace() {
        double[] x = {0, 10};
        double[] y = {0, 0};
        double[] w = {100, 100};
        double[] h = {70, 70};
        double[] scales = new double[2];
        TileSeparation.scales(x, y, w, h, 1, 2, scales);
        assertEquals(1.0, scales[0], "the tile keeps its size");
        assertEquals(0.0, scales[1], 1e-9, "the ghost under it vanishes");
    }

    /**
     * The pool grows from four tiles in a row to nine in two rows while the earlier slide is half
     * done, as at 10×: mid-slide the tiles as TileMotion places them overlap, and the separated ones do not.
     */
    @Test
    void midSlideAfterQuickLayoutChangesTheDrawnTilesNeverOverlap() {
        PoolLayout layout = new PoolLayout();
        TileMotion<String> motion = new TileMotion<>();
        show(layout, motion, 0, 4);
        show(layout, motion, 1_000 * MS, 6);
        show(layout, motion, 1_000 * MS + TileMotion.MOVE_NANOS / 3, 9);
        boolean overlappedSomewhere = false;
        for (long t = 1_000 * MS; t <= 1_000 * MS + TileMotion.MOVE_NANOS * 2; t += 10 * MS) {
            int n = motion.count();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] w = new double[n];
            double[] h = new double[n];
            for (int i = 0; i < n; i++) {
                double scale = 0.6 + 0.4 * motion.appeared(i, t);
                w[i] = motion.width(i, t) * scale;
                h[i] = motion.height(i, t) * scale;
                x[i] = motion.x(i, t) + motion.width(i, t) * (1 - scale) / 2;
                y[i] = motion.y(i, t) + motion.height(i, t) * (1 - scale) / 2;
            }
            double[] ones = new double[n];
            Arrays.fill(ones, 1);
            overlappedSomewhere |= !TileSeparation.apart(x, y, w, h, n, n, ones);
            double[] scales = new double[n];
            TileSeparation.scales(x, y, w, h, n, scales);
            assertTrue(TileSeparation.apart(x, y, w, h, n, n, scales), "overlap at t = " + t);
        }
        assertTrue(overlappedSomewhere, "the unseparated slide does overlap: this test sees the defect");
    }

    private static void show(PoolLayout layout, TileMotion<String> motion, long nowNanos, int count) {
        int[] numbers = new int[count];
        int[] vcpus = new int[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = i;
            vcpus[i] = 2;
        }
        boolean moved = layout.fit(count, vcpus, 0, 0, 1000, 400, 8, 1.4, 150);
        motion.update(Arrays.stream(numbers).mapToObj(n -> "i-" + n).toList(), numbers, count, layout, moved, nowNanos);
    }
}
