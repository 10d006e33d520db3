package dev.scalelab.ui.database;

/**
 * Places {@code count} equal boxes in a rectangle as large as they fit, no taller than they are wide
 * times {@link #MAX_ASPECT}, and centers them. Used for the shard boxes of strategies without a
 * geometry (mod, jump, rendezvous). Mutable and reused: the per-frame draw allocates nothing.
 */
final class BoxGrid {
    /** Boxes are at most this much taller than wide, so two shards do not become two thin towers. */
    private static final double MAX_ASPECT = 1.1;

    private int columns = 1;
    private double boxWidth;
    private double boxHeight;
    private double gap;
    private double originX;
    private double originY;

    void fit(int count, double x, double y, double width, double height, double gap, double maxBoxWidth) {
        this.gap = gap;
        int n = Math.max(1, count);
        double bestArea = -1;
        for (int c = 1; c <= n; c++) {
            int rows = (n + c - 1) / c;
            double w = Math.min(maxBoxWidth, (width - gap * (c - 1)) / c);
            double h = Math.min(w * MAX_ASPECT, (height - gap * (rows - 1)) / rows);
            w = Math.min(w, h / 0.6); // and not much flatter than wide
            if (w <= 0 || h <= 0) {
                continue;
            }
            if (w * h > bestArea) {
                bestArea = w * h;
                columns = c;
                boxWidth = w;
                boxHeight = h;
            }
        }
        int rows = (n + columns - 1) / columns;
        originX = x + (width - (columns * boxWidth + (columns - 1) * gap)) / 2;
        originY = y + (height - (rows * boxHeight + (rows - 1) * gap)) / 2;
    }

    double boxX(int index) {
        return originX + (index % columns) * (boxWidth + gap);
    }

    double boxY(int index) {
        return originY + (index / columns) * (boxHeight + gap);
    }

    double boxWidth() {
        return boxWidth;
    }

    double boxHeight() {
        return boxHeight;
    }
}
