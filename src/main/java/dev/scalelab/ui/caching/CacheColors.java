package dev.scalelab.ui.caching;

import dev.scalelab.ui.canvas.StyleableColors;
import javafx.css.StyleableProperty;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The colours of a {@link CacheLevelsView}, set by {@code .cache-levels-view} in
 * {@code styles/caching.css} from the theme's looked-up colours; the parts that draw read them here.
 * FX thread only.
 */
final class CacheColors {
    static final StyleableColors<CacheLevelsView> CSS = new StyleableColors<>(Region.getClassCssMetaData());

    final StyleableProperty<Color> textFill;
    final StyleableProperty<Color> mutedTextFill;
    final StyleableProperty<Color> cardFill;
    final StyleableProperty<Color> cardBorder;
    final StyleableProperty<Color> linkStroke;
    final StyleableProperty<Color> hitFill;
    final StyleableProperty<Color> missFill;
    final StyleableProperty<Color> evictStroke;
    final StyleableProperty<Color> expireStroke;
    final StyleableProperty<Color> invalidateStroke;
    final StyleableProperty<Color> loadFill;
    final StyleableProperty<Color> keyHot;
    final StyleableProperty<Color> keyMiddle;
    final StyleableProperty<Color> keyCold;
    final StyleableProperty<Color> emptySlot;

    CacheColors(CacheLevelsView view) {
        textFill = CSS.color(view, "textFill", v -> v.colors.textFill, Color.BLACK);
        mutedTextFill = CSS.color(view, "mutedTextFill", v -> v.colors.mutedTextFill, Color.GRAY);
        cardFill = CSS.color(view, "cardFill", v -> v.colors.cardFill, Color.WHITE);
        cardBorder = CSS.color(view, "cardBorder", v -> v.colors.cardBorder, Color.LIGHTGRAY);
        linkStroke = CSS.color(view, "linkStroke", v -> v.colors.linkStroke, Color.SILVER);
        hitFill = CSS.color(view, "hitFill", v -> v.colors.hitFill, Color.SEAGREEN);
        missFill = CSS.color(view, "missFill", v -> v.colors.missFill, Color.CRIMSON);
        evictStroke = CSS.color(view, "evictStroke", v -> v.colors.evictStroke, Color.DIMGRAY);
        expireStroke = CSS.color(view, "expireStroke", v -> v.colors.expireStroke, Color.ORANGE);
        invalidateStroke = CSS.color(view, "invalidateStroke", v -> v.colors.invalidateStroke, Color.TEAL);
        loadFill = CSS.color(view, "loadFill", v -> v.colors.loadFill, Color.STEELBLUE);
        keyHot = CSS.color(view, "keyHot", v -> v.colors.keyHot, Color.rgb(45, 11, 107));
        keyMiddle = CSS.color(view, "keyMiddle", v -> v.colors.keyMiddle, Color.rgb(63, 127, 214));
        keyCold = CSS.color(view, "keyCold", v -> v.colors.keyCold, Color.rgb(188, 211, 238));
        emptySlot = CSS.color(view, "emptySlot", v -> v.colors.emptySlot, Color.WHITESMOKE);
    }

    /** A colour as 0xAARRGGBB, for writing pixels. */
    static int argb(Color c) {
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    /** An opaque colour from 0xRRGGBB. */
    static Color color(int argb) {
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }
}
