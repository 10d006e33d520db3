package dev.scalelab.ui.canvas;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;

/**
 * The rounded card behind a tile, a row or a box on the canvases: filled, then its border stroked
 * half a pixel inside so that a 1 px line lands on whole pixels and stays sharp. FX thread only;
 * allocates nothing.
 */
public final class TileCards {

    private TileCards() {
    }

    /**
     * Draws the card (x, y, w, h) with corners of {@code arc} px.
     *
     * @param dashes the border's dash pattern, or null for a solid border
     */
    public static void draw(GraphicsContext g, double x, double y, double w, double h, double arc,
                            Paint fill, Paint border, double borderWidth, double[] dashes) {
        g.setFill(fill);
        g.fillRoundRect(x, y, w, h, arc, arc);
        g.setStroke(border);
        g.setLineWidth(borderWidth);
        g.setLineDashes(dashes);
        g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, arc, arc);
        g.setLineDashes((double[]) null);
    }
}
