package dev.scalelab.ui.database;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.HashMap;
import java.util.Map;

/**
 * The key dots as small images, one per colour: under software rendering, copying an image costs far
 * less than rasterising an antialiased oval, and the map draws hundreds of dots a frame during a
 * resharding. Rendered on first use; dropped when the radius or the style changes. FX thread only.
 */
final class KeySprites {
    private static final double RING_GAP = 2;
    private static final double RING_WIDTH = 1.4;

    private final Map<Paint, Image> dots = new HashMap<>();
    private final Map<Paint, Image> rings = new HashMap<>();
    private double radius = -1;

    /** Uses dots of {@code newRadius} from now on. */
    void radius(double newRadius) {
        if (newRadius != radius) {
            radius = newRadius;
            clear();
        }
    }

    void clear() {
        dots.clear();
        rings.clear();
    }

    /** Draws a filled dot of {@code color} centred on (x, y). */
    void dot(GraphicsContext g, Paint color, double x, double y) {
        Image image = dots.computeIfAbsent(color, c -> render(c, false));
        g.drawImage(image, x - image.getWidth() / 2, y - image.getHeight() / 2);
    }

    /** Draws a dot of {@code color} scaled to {@code diameter} centred on (x, y), for a key in flight. */
    void dot(GraphicsContext g, Paint color, double x, double y, double diameter) {
        Image image = dots.computeIfAbsent(color, c -> render(c, false));
        double size = image.getWidth() * diameter / (2 * radius);
        g.drawImage(image, x - size / 2, y - size / 2, size, size);
    }

    /** Draws a ring of {@code color} around a dot centred on (x, y): the key will move to that shard. */
    void ring(GraphicsContext g, Paint color, double x, double y) {
        Image image = rings.computeIfAbsent(color, c -> render(c, true));
        g.drawImage(image, x - image.getWidth() / 2, y - image.getHeight() / 2);
    }

    private Image render(Paint color, boolean ring) {
        double outer = ring ? radius + RING_GAP + RING_WIDTH / 2 : radius;
        double size = Math.ceil(2 * outer + 2);
        Canvas canvas = new Canvas(size, size);
        GraphicsContext g = canvas.getGraphicsContext2D();
        double c = size / 2;
        if (ring) {
            g.setStroke(color);
            g.setLineWidth(RING_WIDTH);
            double r = radius + RING_GAP;
            g.strokeOval(c - r, c - r, 2 * r, 2 * r);
        } else {
            g.setFill(color);
            g.fillOval(c - radius, c - radius, 2 * radius, 2 * radius);
        }
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.TRANSPARENT);
        return canvas.snapshot(parameters, null);
    }
}
