package dev.scalelab.ui.canvas;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

import java.util.Arrays;

/**
 * Request dots as small images, one per kind, drawn once per colour: copying an image costs far less
 * than rasterizing hundreds of ovals every pulse on the software renderer. A kind is a filled dot or a
 * hollow ring (an attempt that was turned away). Remade only when the theme's colours change.
 *
 * <p>FX thread only.
 */
public final class DotSprites {
    /** Drawn larger than shown, so scaled-down dots and a growing flash stay round. */
    private static final double SPRITE_SIZE = 24;

    private final boolean[] hollow;
    private final Image[] sprites;
    private final Color[] colors;

    /** @param hollow per kind: drawn as a ring rather than a filled dot */
    public DotSprites(boolean... hollow) {
        this.hollow = hollow.clone();
        sprites = new Image[hollow.length];
        colors = new Color[hollow.length];
    }

    /** Makes the sprites in these colours, one per kind, unless they already have them. */
    public void update(Color... kindColors) {
        if (Arrays.equals(kindColors, colors)) {
            return;
        }
        Canvas scratch = new Canvas(SPRITE_SIZE, SPRITE_SIZE);
        GraphicsContext g = scratch.getGraphicsContext2D();
        SnapshotParameters transparent = new SnapshotParameters();
        transparent.setFill(Color.TRANSPARENT);
        for (int k = 0; k < sprites.length; k++) {
            g.clearRect(0, 0, SPRITE_SIZE, SPRITE_SIZE);
            if (hollow[k]) {
                g.setStroke(kindColors[k]);
                g.setLineWidth(SPRITE_SIZE * 0.2);
                g.strokeOval(SPRITE_SIZE * 0.12, SPRITE_SIZE * 0.12, SPRITE_SIZE * 0.76, SPRITE_SIZE * 0.76);
            } else {
                g.setFill(kindColors[k]);
                g.fillOval(0, 0, SPRITE_SIZE, SPRITE_SIZE);
            }
            sprites[k] = scratch.snapshot(transparent, null);
            colors[k] = kindColors[k];
        }
    }

    /** Draws a dot of {@code kind} centred on (x, y) with the given radius and opacity. */
    public void draw(GraphicsContext g, int kind, double x, double y, double radius, double alpha) {
        g.setGlobalAlpha(Math.max(0, alpha));
        g.drawImage(sprites[kind], x - radius, y - radius, 2 * radius, 2 * radius);
        g.setGlobalAlpha(1);
    }
}
