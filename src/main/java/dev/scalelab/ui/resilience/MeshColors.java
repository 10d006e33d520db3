package dev.scalelab.ui.resilience;

import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.ui.canvas.StyleableColors;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.scene.paint.Color;

import java.util.function.Function;

/**
 * The colours of the Resilience panel's canvas controls ({@link MeshView}, {@link BreakerDiagram}),
 * set in {@code styles/resilience.css} from the theme's looked-up colours; the parts that draw read
 * them here. FX thread only.
 */
final class MeshColors {

    final StyleableProperty<Color> textFill;
    final StyleableProperty<Color> mutedTextFill;
    final StyleableProperty<Color> cardFill;
    final StyleableProperty<Color> cardBorder;
    final StyleableProperty<Color> closedFill;
    final StyleableProperty<Color> openFill;
    final StyleableProperty<Color> halfOpenFill;
    final StyleableProperty<Color> onStateText;
    final StyleableProperty<Color> busyFill;
    final StyleableProperty<Color> idleFill;
    final StyleableProperty<Color> queueFill;
    final StyleableProperty<Color> dotFill;
    final StyleableProperty<Color> retryFill;
    final StyleableProperty<Color> failFill;
    final StyleableProperty<Color> slowFill;
    final StyleableProperty<Color> successFill;
    final StyleableProperty<Color> linkStroke;
    final StyleableProperty<Color> faultFill;

    /**
     * The colours of {@code control}, declared in its class's {@code css}.
     *
     * @param colorsOf finds these colours on any control of the class, for the CSS engine
     */
    <S extends Styleable> MeshColors(StyleableColors<S> css, S control, Function<S, MeshColors> colorsOf) {
        textFill = css.color(control, "textFill", c -> colorsOf.apply(c).textFill, Color.BLACK);
        mutedTextFill = css.color(control, "mutedTextFill", c -> colorsOf.apply(c).mutedTextFill, Color.GRAY);
        cardFill = css.color(control, "cardFill", c -> colorsOf.apply(c).cardFill, Color.WHITE);
        cardBorder = css.color(control, "cardBorder", c -> colorsOf.apply(c).cardBorder, Color.LIGHTGRAY);
        closedFill = css.color(control, "closedFill", c -> colorsOf.apply(c).closedFill, Color.SEAGREEN);
        openFill = css.color(control, "openFill", c -> colorsOf.apply(c).openFill, Color.CRIMSON);
        halfOpenFill = css.color(control, "halfOpenFill", c -> colorsOf.apply(c).halfOpenFill, Color.ORANGE);
        onStateText = css.color(control, "onStateText", c -> colorsOf.apply(c).onStateText, Color.WHITE);
        busyFill = css.color(control, "busyFill", c -> colorsOf.apply(c).busyFill, Color.STEELBLUE);
        idleFill = css.color(control, "idleFill", c -> colorsOf.apply(c).idleFill, Color.GAINSBORO);
        queueFill = css.color(control, "queueFill", c -> colorsOf.apply(c).queueFill, Color.ORANGE);
        dotFill = css.color(control, "dotFill", c -> colorsOf.apply(c).dotFill, Color.STEELBLUE);
        retryFill = css.color(control, "retryFill", c -> colorsOf.apply(c).retryFill, Color.MEDIUMPURPLE);
        failFill = css.color(control, "failFill", c -> colorsOf.apply(c).failFill, Color.CRIMSON);
        slowFill = css.color(control, "slowFill", c -> colorsOf.apply(c).slowFill, Color.ORANGE);
        successFill = css.color(control, "successFill", c -> colorsOf.apply(c).successFill, Color.SEAGREEN);
        linkStroke = css.color(control, "linkStroke", c -> colorsOf.apply(c).linkStroke, Color.SILVER);
        faultFill = css.color(control, "faultFill", c -> colorsOf.apply(c).faultFill, Color.MISTYROSE);
    }

    /** The colour of a breaker state: lit pills, card borders and the state chart agree on it. */
    Color state(BreakerState state) {
        switch (state) {
            case CLOSED: return closedFill.getValue();
            case OPEN:
            case FORCED_OPEN: return openFill.getValue();
            case HALF_OPEN: return halfOpenFill.getValue();
            default: return idleFill.getValue();
        }
    }
}
