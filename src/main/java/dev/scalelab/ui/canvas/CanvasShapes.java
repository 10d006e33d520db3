package dev.scalelab.ui.canvas;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The shapes the panels' canvases share: a card with a rounded border and an arrow head. Static and
 * allocation-free, so they can run every pulse.
 */
public final class CanvasShapes {
    /** Corner diameter of a card, px. */
    private static final double CARD_CORNER = 10;
    private static final double[] ARROW_X = new double[3];
    private static final double[] ARROW_Y = new double[3];

    private CanvasShapes() {
    }

    /** A card filled with {@code fill} and outlined inside its bounds, so a thick border stays on it. FX thread. */
    public static void card(GraphicsContext g, double x, double y, double w, double h, Color fill, Color border, double borderWidth) {
        g.setFill(fill);
        g.fillRoundRect(x, y, w, h, CARD_CORNER, CARD_CORNER);
        g.setStroke(border);
        g.setLineWidth(borderWidth);
        g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, CARD_CORNER, CARD_CORNER);
    }

    /**
     * A filled arrow head with its tip at (tipX, tipY), pointing along the unit vector (ux, uy),
     * {@code length} long and {@code halfWidth} to each side. FX thread (it reuses its arrays).
     */
    public static void arrowHead(GraphicsContext g, double tipX, double tipY, double ux, double uy,
                                 double length, double halfWidth, Color fill) {
        ARROW_X[0] = tipX;
        ARROW_Y[0] = tipY;
        ARROW_X[1] = tipX - length * ux - halfWidth * uy;
        ARROW_Y[1] = tipY - length * uy + halfWidth * ux;
        ARROW_X[2] = tipX - length * ux + halfWidth * uy;
        ARROW_Y[2] = tipY - length * uy - halfWidth * ux;
        g.setFill(fill);
        g.fillPolygon(ARROW_X, ARROW_Y, 3);
    }
}
