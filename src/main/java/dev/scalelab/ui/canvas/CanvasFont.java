package dev.scalelab.ui.canvas;

import dev.scalelab.ui.look.Appearance;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.Node;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.util.function.Supplier;

/**
 * A font a canvas draws with, given at 100 % and drawn at the app's font scale
 * ({@link Appearance#fontScale()}): {@link #font()} is the font to set now. The font of a scale is
 * made once and kept until the scale changes, so drawing every frame costs a comparison.
 *
 * <p>FX thread only.
 */
public final class CanvasFont {
    private final String family;
    private final FontWeight weight;
    private final double basePx;
    private double madeForScale = Double.NaN;
    private Font made;
    /**
     * How many {@link #beginMagnified} are open: inside any, the context itself is scaled, so fonts
     * and lengths are at 100 %. A view may draw another magnified inside its own drawing (a breaker
     * card inside the mesh), so this counts. FX thread only, like all drawing.
     */
    private static int magnifiedDepth;

    private CanvasFont(String family, FontWeight weight, double basePx) {
        this.family = family;
        this.weight = weight;
        this.basePx = basePx;
    }

    public static CanvasFont of(String family, double basePx) {
        return new CanvasFont(family, FontWeight.NORMAL, basePx);
    }

    public static CanvasFont of(String family, FontWeight weight, double basePx) {
        return new CanvasFont(family, weight, basePx);
    }

    /**
     * Starts drawing a whole view at the font scale: the context is scaled by it, and inside, until
     * {@link #endMagnified}, fonts and {@link #px} lengths are at 100 %. The view lays out in 100 %
     * units over its size divided by the returned scale, exactly as it does in a smaller window at
     * 100 %, so boxes grow with their texts and nothing overlaps. Mouse positions and bounds it
     * reports divide and multiply by the same scale.
     */
    public static double beginMagnified(javafx.scene.canvas.GraphicsContext g) {
        return beginMagnified(g, Appearance.fontScale());
    }

    /** {@link #beginMagnified(javafx.scene.canvas.GraphicsContext)} at the scale a view laid itself out for. */
    public static double beginMagnified(javafx.scene.canvas.GraphicsContext g, double scale) {
        g.save();
        g.scale(scale, scale);
        magnifiedDepth++;
        return scale;
    }

    /** What a view draws, laid out in 100 % units over {@code width} x {@code height}. */
    @FunctionalInterface
    public interface Painting {
        void paint(javafx.scene.canvas.GraphicsContext g, double width, double height);
    }

    /**
     * Draws {@code painting} on {@code canvas} magnified by the font scale ({@link #beginMagnified}),
     * over the canvas's size divided by it; returns that scale, by which the view divides mouse
     * positions and multiplies the bounds it reports.
     */
    public static double paintMagnified(javafx.scene.canvas.Canvas canvas, Painting painting) {
        javafx.scene.canvas.GraphicsContext g = canvas.getGraphicsContext2D();
        double scale = beginMagnified(g);
        try {
            painting.paint(g, canvas.getWidth() / scale, canvas.getHeight() / scale);
        } finally {
            endMagnified(g);
        }
        return scale;
    }

    /** Ends {@link #beginMagnified}. */
    public static void endMagnified(javafx.scene.canvas.GraphicsContext g) {
        magnifiedDepth--;
        g.restore();
    }

    /** The scale fonts and lengths are drawn at now: 1 inside a magnified drawing, else the font scale. */
    private static double effectiveScale() {
        return magnifiedDepth > 0 ? 1.0 : Appearance.fontScale();
    }

    /** The font at the current scale. */
    public Font font() {
        double scale = effectiveScale();
        if (scale != madeForScale) {
            made = Font.font(family, weight, basePx * scale);
            madeForScale = scale;
        }
        return made;
    }

    /**
     * A length given at 100 % (a card's width, a line's height, a text's offset), at the current
     * font scale: a canvas laid out with these keeps its texts inside their boxes at any scale.
     */
    public static double px(double basePx) {
        return basePx * effectiveScale();
    }

    /** The size at 100 %, in pixels. */
    public double basePx() {
        return basePx;
    }

    /**
     * A measure of texts (a width, widths) taken at the current font scale and kept until the
     * scale changes: a view measures its fixed texts once per scale, not once per frame.
     */
    public static <T> Supplier<T> perScale(Supplier<T> measure) {
        return new Supplier<>() {
            private double measuredForScale = Double.NaN;
            private T value;

            @Override
            public T get() {
                double scale = effectiveScale();
                if (scale != measuredForScale) {
                    value = measure.get();
                    measuredForScale = scale;
                }
                return value;
            }
        };
    }

    /**
     * Calls {@code redraw} when the font scale changes, for as long as {@code owner} lives: the
     * listener is held by the owner and only weakly by the app's appearance, so a view built for
     * an export and dropped is not kept.
     */
    public static void redrawOnScaleChange(Node owner, Runnable redraw) {
        InvalidationListener listener = obs -> {
            redraw.run();
            if (owner.getParent() != null) {
                owner.getParent().requestLayout();
            }
        };
        owner.getProperties().put(CanvasFont.class, listener);
        Appearance.get().fontScaleProperty().addListener(new WeakInvalidationListener(listener));
    }
}
