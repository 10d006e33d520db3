package dev.scalelab.ui.caching;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlotGridTest {
    private final SlotGrid grid = new SlotGrid();

    @Test
    void aSmallLevelGetsLargeCellsAndNoMoreColumnsThanSlots() {
        grid.fit(new int[] {5}, 1, 0, 0, 300, 300, 14);
        assertEquals(SlotGrid.MAX_PITCH, grid.pitch());
        assertEquals(5, grid.columns());
        assertEquals(1, grid.totalRows());
    }

    @Test
    void cellsAreAsLargeAsFitOnWholePixels() {
        grid.fit(new int[] {500}, 1, 10, 20, 300, 250, 14);
        // 300 px / 12 = 25 columns, 20 rows of 12 px = 240 <= 250; 13 px would need 22 rows = 286.
        assertEquals(12, grid.pitch());
        assertEquals(25, grid.columns());
        assertEquals(20, grid.totalRows());
        assertEquals(1, grid.gap());
        assertEquals(11, grid.cell());
        assertEquals(10 + Math.floor((300 - 25 * 12) / 2.0), grid.left());
        assertEquals(10 + 3 * 12, grid.cellX(28));
        assertEquals(20 + 12, grid.cellY(0, 28));
    }

    @Test
    void aLevelLargerThanTheAreaStillGetsOnePixelPerSlot() {
        grid.fit(new int[] {4096}, 1, 0, 0, 50, 50, 14);
        assertEquals(1, grid.pitch());
        assertEquals(0, grid.gap());
        assertEquals(1, grid.cell());
    }

    @Test
    void regionsStartOnTheirOwnRowUnderALabelAndAnEmptyRegionTakesNoRoom() {
        // W-TinyLFU at 500: window 5, probation 95, protected 400, no free slot.
        grid.fit(new int[] {5, 95, 400, 0}, 4, 0, 0, 300, 300, 14);
        int rows = grid.groupRows(0) + grid.groupRows(1) + grid.groupRows(2);
        assertEquals(rows, grid.totalRows());
        assertEquals(0, grid.groupRows(3));
        assertEquals(grid.groupRows(0), grid.groupFirstRow(1));
        assertEquals(14, grid.groupTop(0));
        assertEquals(14 + grid.groupRows(0) * grid.pitch() + 14, grid.groupTop(1));
        assertTrue(grid.bottom() <= 300, "fits: " + grid.bottom());
    }
}
