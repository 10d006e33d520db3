package dev.scalelab.ui.export;

import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.transform.Transform;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Pictures of nodes as they are on screen, turned into {@link BufferedImage}s for {@code javax.imageio}
 * by their pixels (no javafx-swing). FX thread for the snapshots; the conversions work anywhere.
 */
final class Pictures {
    private Pictures() {
    }

    /**
     * {@code node} drawn at {@code scale} (2 for slides: twice the pixels, as sharp as the screen's
     * vector drawing allows), its transparent parts filled with {@code fill}. FX thread.
     */
    static WritableImage snapshot(Node node, double scale, Paint fill) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        params.setFill(fill);
        return node.snapshot(params, null);
    }

    /** The pixels of {@code image}, ARGB, row after row. */
    static int[] argb(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] pixels = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        return pixels;
    }

    /** An opaque image of {@code pixels} (ARGB, {@code width} per row). */
    static BufferedImage rgb(int[] pixels, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, pixels, 0, width);
        return image;
    }

    static BufferedImage rgb(Image image) {
        return rgb(argb(image), (int) image.getWidth(), (int) image.getHeight());
    }

    /**
     * The images one under the other, left-aligned, as a panel's view stands above its charts; what
     * the narrower ones leave free is {@code background}.
     */
    static BufferedImage stack(List<Image> images, Color background) {
        int width = 0;
        int height = 0;
        for (Image i : images) {
            width = Math.max(width, (int) i.getWidth());
            height += (int) i.getHeight();
        }
        int[] pixels = new int[width * height];
        java.util.Arrays.fill(pixels, argb(background));
        int y = 0;
        for (Image i : images) {
            int w = (int) i.getWidth();
            int h = (int) i.getHeight();
            i.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, y * width, width);
            y += h;
        }
        return rgb(pixels, width, height);
    }

    static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    /**
     * The colour behind {@code node} on screen, for what a picture's transparent parts and free space
     * show: the first opaque solid background of it or a parent (the window's panel host), else the
     * scene's fill, else white.
     */
    static Color background(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region r && r.getBackground() != null) {
                for (var f : r.getBackground().getFills()) {
                    if (f.getFill() instanceof Color c && c.getOpacity() == 1) {
                        return c;
                    }
                }
            }
        }
        if (node != null && node.getScene() != null && node.getScene().getFill() instanceof Color c && c.getOpacity() == 1) {
            return c;
        }
        return Color.WHITE;
    }
}
