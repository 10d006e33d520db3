package dev.scalelab.ui.canvas;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * An instance's workers as cells, filled when busy: one cell per worker while they fit at a
 * readable size, otherwise one bar of busy / workers. Shared by the views that draw instance tiles.
 * FX thread only; allocates nothing.
 */
public final class WorkerCells {
    private static final double CELL_GAP = 2;
    private static final double MIN_CELL = 4;

    private WorkerCells() {
    }

    /** Draws {@code busy} of {@code workers} in the box (x, y, w, h), cells at most {@code maxCell} px. */
    public static void draw(GraphicsContext g, int workers, int busy, double x, double y, double w, double h,
                            double maxCell, Color busyFill, Color idleFill) {
        if (h < 3 || w < 3) {
            return;
        }
        double cell = largestCell(workers, w, h, maxCell);
        if (cell >= MIN_CELL) {
            int perRow = (int) ((w + CELL_GAP) / (cell + CELL_GAP));
            int rows = (workers + perRow - 1) / perRow;
            double blockHeight = rows * cell + (rows - 1) * CELL_GAP;
            double y0 = y + (h - blockHeight) / 2;
            for (int i = 0; i < workers; i++) {
                g.setFill(i < busy ? busyFill : idleFill);
                g.fillRect(x + (i % perRow) * (cell + CELL_GAP), y0 + (i / perRow) * (cell + CELL_GAP), cell, cell);
            }
        } else {
            double barHeight = Math.min(h, 10);
            double y0 = y + (h - barHeight) / 2;
            g.setFill(idleFill);
            g.fillRect(x, y0, w, barHeight);
            g.setFill(busyFill);
            g.fillRect(x, y0, w * Math.min(1, busy / (double) Math.max(1, workers)), barHeight);
        }
    }

    /** The largest square cell (up to {@code maxCell}) such that {@code workers} cells fit in w × h; 0 if none does. */
    static double largestCell(int workers, double w, double h, double maxCell) {
        for (double cell = maxCell; cell >= MIN_CELL; cell -= 1) {
            int perRow = (int) ((w + CELL_GAP) / (cell + CELL_GAP));
            int rowsFit = (int) ((h + CELL_GAP) / (cell + CELL_GAP));
            if ((long) perRow * rowsFit >= workers) {
                return cell;
            }
        }
        return 0;
    }
}
