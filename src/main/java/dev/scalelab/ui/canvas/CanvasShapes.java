package dev.scalelab.ui.canvas;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The shapes the panels' canvases share: a card with a rounded border, an arrow head and the people
 * who send the requests. Static and
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

    /**
     * Three people side by side, a head over shoulders each, centred on {@code centerX} below {@code top}:
     * where the requests come from. {@code headDiameter} sets the size. FX thread.
     */
    public static void people(GraphicsContext g, double centerX, double top, double headDiameter, Color fill) {
        g.setFill(fill);
        double bodyWidth = 1.5 * headDiameter;
        double bodyTop = top + 12 + headDiameter + 2;
        for (int i = -1; i <= 1; i++) {
            double x = centerX + i * 2 * headDiameter;
            g.fillOval(x - headDiameter / 2, top + 12, headDiameter, headDiameter);
            g.fillRoundRect(x - bodyWidth / 2, bodyTop, bodyWidth, 1.2 * headDiameter, 0.9 * headDiameter, 0.9 * headDiameter);
        }
    }
}
