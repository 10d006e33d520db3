package dev.scalelab.ui.canvas;

import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.scene.paint.Color;

import java.util.function.Function;

/**
 * The colours every drawing of instance tiles shares (its texts, cards, busy and idle workers, and
 * queue), as {@code -sl-} CSS colours of the control that holds them; {@code styles/app.css} sets
 * them from the theme. The control adds its own colours beside them with the same
 * {@link StyleableColors}. FX thread only.
 */
public final class TileColors {
    public final StyleableProperty<Color> textFill;
    public final StyleableProperty<Color> mutedTextFill;
    public final StyleableProperty<Color> cardFill;
    public final StyleableProperty<Color> cardBorder;
    public final StyleableProperty<Color> busyFill;
    public final StyleableProperty<Color> idleFill;
    public final StyleableProperty<Color> queueFill;

    /**
     * The tile colours of {@code control}, declared in its class's {@code css}.
     *
     * @param colorsOf finds these colours on any control of the class, for the CSS engine
     */
    public <S extends Styleable> TileColors(StyleableColors<S> css, S control, Function<S, TileColors> colorsOf) {
        textFill = css.color(control, "textFill", c -> colorsOf.apply(c).textFill, Color.BLACK);
        mutedTextFill = css.color(control, "mutedTextFill", c -> colorsOf.apply(c).mutedTextFill, Color.GRAY);
        cardFill = css.color(control, "cardFill", c -> colorsOf.apply(c).cardFill, Color.WHITE);
        cardBorder = css.color(control, "cardBorder", c -> colorsOf.apply(c).cardBorder, Color.LIGHTGRAY);
        busyFill = css.color(control, "busyFill", c -> colorsOf.apply(c).busyFill, Color.STEELBLUE);
        idleFill = css.color(control, "idleFill", c -> colorsOf.apply(c).idleFill, Color.GAINSBORO);
        queueFill = css.color(control, "queueFill", c -> colorsOf.apply(c).queueFill, Color.ORANGE);
    }
}
