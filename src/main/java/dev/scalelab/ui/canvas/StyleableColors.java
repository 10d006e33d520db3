package dev.scalelab.ui.canvas;

import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.function.Function;

/**
 * The CSS metadata of a canvas control's colours: each colour is a styleable property named
 * {@code -sl-} and its name in kebab case ({@code mutedTextFill} is {@code -sl-muted-text-fill}), so
 * a stylesheet sets it from the theme's looked-up colours and a theme switch repaints the canvas.
 * One instance per control class, held in a static field, as {@link StyleablePropertyFactory} wants.
 *
 * @param <S> the control whose colours these are
 */
public final class StyleableColors<S extends Styleable> {
    private final StyleablePropertyFactory<S> factory;

    /** @param parentMetaData the metadata the control inherits, e.g. {@code Region.getClassCssMetaData()} */
    public StyleableColors(List<CssMetaData<? extends Styleable, ?>> parentMetaData) {
        factory = new StyleablePropertyFactory<>(parentMetaData);
    }

    /**
     * A colour of {@code control}, settable in CSS as {@code -sl-<name in kebab case>}.
     *
     * @param get finds this property on any control of the class: the CSS engine calls it
     */
    public StyleableProperty<Color> color(S control, String name, Function<S, StyleableProperty<Color>> get, Color initial) {
        return factory.createStyleableColorProperty(control, name, cssName(name), get, initial);
    }

    /** The metadata of every colour created so far, and the inherited ones. */
    public List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
        return factory.getCssMetaData();
    }

    /** {@code mutedTextFill} → {@code -sl-muted-text-fill}. */
    static String cssName(String name) {
        StringBuilder css = new StringBuilder("-sl-");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                css.append('-').append(Character.toLowerCase(c));
            } else {
                css.append(c);
            }
        }
        return css.toString();
    }
}
