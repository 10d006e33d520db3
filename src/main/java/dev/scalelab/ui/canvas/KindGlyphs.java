package dev.scalelab.ui.canvas;

import dev.scalelab.design.NodeKind;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * The glyph of each node kind, as an SVG path in a 24 x 24 box drawn with a stroke and no fill: the
 * palette, the canvas and the SVG export draw the same outline, so an exported diagram looks like
 * the screen. FX thread only for {@link #draw}.
 */
public final class KindGlyphs {
    /** The box the paths are drawn in, in their own units. */
    static final double BOX = 24;

    private KindGlyphs() {
    }

    /** The kind's outline: a person for clients, a shield for a gateway, a cylinder for a database… */
    public static String path(NodeKind kind) {
        return switch (kind) {
            case CLIENTS -> "M12 3.5a4 4 0 1 0 0.01 0Z M4 21c0-4.5 3.6-7 8-7s8 2.5 8 7";
            case GATEWAY -> "M12 2L20 5V11C20 16 16.5 19.5 12 22C7.5 19.5 4 16 4 11V5Z M8.5 12L11 14.5L15.5 9.5";
            case CDN -> "M12 2a10 10 0 1 0 0.01 0Z M2 12H22 M12 2C7.5 6.5 7.5 17.5 12 22 M12 2C16.5 6.5 16.5 17.5 12 22";
            case BALANCER -> "M2 12H8 M8 12L20 4 M8 12H20 M8 12L20 20 M17 2.5L20 4L18.5 7 M17 10L20 12L17 14 M18.5 17L20 20L17 21.5";
            case SERVICE -> "M3 4H21V10H3Z M3 14H21V20H3Z M6 7H9 M6 17H9";
            case CACHE -> "M13 2L4 14H11L10 22L20 9H13Z";
            case DATABASE -> "M4 6C4 3.3 20 3.3 20 6C20 8.7 4 8.7 4 6Z M4 6V18C4 20.7 20 20.7 20 18V6 M4 12C4 14.7 20 14.7 20 12";
            case QUEUE -> "M2 8H7V16H2Z M9.5 8H14.5V16H9.5Z M17 8H22V16H17Z";
            case TOPIC -> "M3 5H21 M3 12H21 M3 19H21 M7 3V7 M12 10V14 M17 17V21";
            case EXTERNAL -> "M7 19H18A4 4 0 0 0 18 11A6 6 0 0 0 6.3 9.5A4.8 4.8 0 0 0 7 19Z";
        };
    }

    /** Draws the glyph of {@code kind} with its box's top-left corner at (x, y), {@code size} wide. */
    public static void draw(GraphicsContext g, NodeKind kind, double x, double y, double size, Color stroke) {
        g.save();
        g.translate(x, y);
        g.scale(size / BOX, size / BOX);
        g.setStroke(stroke);
        g.setLineWidth(1.8);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineDashes();
        g.beginPath();
        g.appendSVGPath(path(kind));
        g.stroke();
        g.restore();
    }
}
