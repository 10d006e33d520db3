package dev.scalelab.ui.caching;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import static dev.scalelab.ui.caching.CacheLevelsView.LABEL_FONT;
import static dev.scalelab.ui.caching.CacheLevelsView.SMALL_FONT;

/** A figure on a card of the {@link CacheLevelsView}: its name on the left, muted, and its value on the right. */
final class StatLine {
    private StatLine() {
    }

    /** Draws one line centred on {@code y}, from {@code x} to {@code right}. FX thread only. */
    static void draw(GraphicsContext g, CacheColors colors, String name, String value, Color valueFill, double x, double right, double y) {
        g.setFont(SMALL_FONT.font());
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(colors.mutedTextFill.getValue());
        g.fillText(name, x, y);
        g.setFont(LABEL_FONT.font());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(valueFill);
        g.fillText(value, right, y);
    }
}
