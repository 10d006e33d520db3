package dev.scalelab.ui.canvas;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TileGridTest {
    private final TileGrid grid = new TileGrid();

    @Test
    void fourInstancesAtTheSizeCapFormATwoByTwoSquare() {
        grid.fit(4, 0, 0, 750, 430, 6, 1.45, 230);
        assertEquals(2, grid.columns());
        assertEquals(2, grid.rows());
        assertEquals(230, grid.tileWidth(), 1e-9);
    }

    @Test
    void fiftyInstancesFitInsideTheAreaWithoutOverlap() {
        grid.fit(50, 300, 40, 750, 430, 6, 1.45, 230);
        assertEquals(8, grid.columns());
        assertEquals(7, grid.rows());
        double lastRight = grid.tileX(grid.columns() - 1) + grid.tileWidth();
        double lastBottom = grid.tileY(49) + grid.tileHeight();
        assertTrue(grid.tileX(0) >= 300 && lastRight <= 300 + 750 + 1e-9, "inside horizontally");
        assertTrue(grid.tileY(0) >= 40 && lastBottom <= 40 + 430 + 1e-9, "inside vertically");
        assertTrue(grid.tileX(1) >= grid.tileX(0) + grid.tileWidth(), "no overlap");
        assertTrue(grid.tileWidth() > 75, "tiles stay big enough for a label: " + grid.tileWidth());
    }

    @Test
    void twoHundredInstancesStillGetTiles() {
        grid.fit(200, 0, 0, 750, 430, 6, 1.45, 230);
        assertEquals(200, Math.min(200, grid.columns() * grid.rows()), "every instance has a cell");
        assertTrue(grid.tileHeight() >= 20, "tiles remain visible: " + grid.tileHeight());
    }
}
