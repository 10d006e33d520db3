package dev.scalelab.ui.canvas;

/**
 * Places {@code count} equal tiles of a fixed aspect ratio in a rectangle, as large as they fit, and
 * centers the grid. Mutable and reused so the per-frame draw allocates nothing; recompute with
 * {@link #fit} only when the count or the area changes.
 */
public final class TileGrid {
    private int count = -1;
    private double areaX;
    private double areaY;
    private double areaWidth = -1;
    private double areaHeight = -1;

    private int columns;
    private double tileWidth;
    private double tileHeight;
    private double gap;
    private double originX;
    private double originY;

    /**
     * @param aspect       tile width / tile height
     * @param maxTileWidth tiles grow no wider than this, so a few instances do not become giant cards
     */
    public void fit(int count, double x, double y, double width, double height, double gap, double aspect, double maxTileWidth) {
        if (count == this.count && x == areaX && y == areaY && width == areaWidth && height == areaHeight && gap == this.gap) {
            return;
        }
        this.count = count;
        this.areaX = x;
        this.areaY = y;
        this.areaWidth = width;
        this.areaHeight = height;
        this.gap = gap;
        columns = 1;
        tileWidth = 0;
        int emptyCells = Integer.MAX_VALUE;
        for (int c = 1; c <= Math.max(1, count); c++) {
            int r = Math.max(1, (count + c - 1) / c);
            double cellWidth = (width - gap * (c - 1)) / c;
            double cellHeight = (height - gap * (r - 1)) / r;
            double w = Math.min(Math.min(cellWidth, cellHeight * aspect), maxTileWidth);
            int empty = c * r - count;
            // Larger tiles win; among tiles of the same size (often all at the cap), the fuller grid:
            // 4 instances as 2 × 2 rather than 3 + 1.
            if (w > tileWidth + 0.5 || (w > tileWidth - 0.5 && empty < emptyCells)) {
                tileWidth = w;
                columns = c;
                emptyCells = empty;
            }
        }
        tileWidth = Math.max(0, tileWidth);
        tileHeight = tileWidth / aspect;
        int rows = rows();
        double gridWidth = columns * tileWidth + (columns - 1) * gap;
        double gridHeight = rows * tileHeight + (rows - 1) * gap;
        originX = x + Math.max(0, (width - gridWidth) / 2);
        originY = y + Math.max(0, (height - gridHeight) / 2);
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return count <= 0 ? 0 : (count + columns - 1) / columns;
    }

    public double tileWidth() {
        return tileWidth;
    }

    public double tileHeight() {
        return tileHeight;
    }

    public double tileX(int index) {
        return originX + (index % columns) * (tileWidth + gap);
    }

    public double tileY(int index) {
        return originY + (index / columns) * (tileHeight + gap);
    }
}
