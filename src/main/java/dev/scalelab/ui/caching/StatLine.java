package dev.scalelab.ui.caching;

import dev.scalelab.ui.TextFit;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static dev.scalelab.ui.caching.CacheLevelsView.LABEL_FONT;
import static dev.scalelab.ui.caching.CacheLevelsView.SMALL_FONT;

/**
 * A figure on a card of the {@link CacheLevelsView}: its name on the left, muted, and its value on
 * the right. On a narrow card (a comparison shows the panel twice) the name gives way: a shorter
 * word if it has one ("used" for occupancy), else cut with an ellipsis before it reaches the value,
 * so the two never overlap.
 */
final class StatLine {
    /** Space kept between a name and its value, in px at 100 %. */
    private static final double GAP = 6;
    /** Names cut to a width, by name and width in whole px; measured when a card's width or the font scale changes, not every frame. */
    private static final Map<String, String> CUT_NAMES = new HashMap<>();
    private static Font measuredNames;
    private static Font measuredValues;
    private static ToDoubleFunction<String> nameWidth;
    private static ToDoubleFunction<String> valueWidth;
    private static final Map<String, Double> NAME_WIDTHS = new HashMap<>();
    /** The shorter word a name takes before it is cut: "used" says more than "o…". */
    private static final Map<String, String> SHORTER = Map.of("occupancy", "used", "coalesced reads", "coalesced",
            "duplicate loads", "duplicates", "coalescing", "coalesce", "time saved", "saved");
    /** The widest character a value is written with: a value's width is at most its length times this. */
    private static double widestValueChar;

    private StatLine() {
    }

    /** Draws one line centred on {@code y}, from {@code x} to {@code right}. FX thread only. */
    static void draw(GraphicsContext g, CacheColors colors, String name, String value, Color valueFill, double x, double right, double y) {
        Font names = SMALL_FONT.font();
        Font values = LABEL_FONT.font();
        if (names != measuredNames || values != measuredValues) { // another font scale: measure again
            measuredNames = names;
            measuredValues = values;
            nameWidth = TextFit.measure(names);
            valueWidth = TextFit.measure(values);
            CUT_NAMES.clear();
            NAME_WIDTHS.clear();
            widestValueChar = 0;
            for (char c : "0123456789%/,.–-+sxkMGT ".toCharArray()) {
                widestValueChar = Math.max(widestValueChar, valueWidth.applyAsDouble(String.valueOf(c)));
            }
        }
        double room = right - x;
        String shown = name;
        double named = NAME_WIDTHS.computeIfAbsent(name, nameWidth::applyAsDouble) + GAP;
        // A wide card needs no measuring of the value, which changes every frame; a narrow one measures it.
        if (named + value.length() * widestValueChar > room && named + valueWidth.applyAsDouble(value) > room) {
            double forName = Math.max(0, room - GAP - valueWidth.applyAsDouble(value));
            shown = CUT_NAMES.computeIfAbsent(name + "\u0000" + (int) forName,
                    k -> TextFit.fit(nameWidth, forName, name, SHORTER.getOrDefault(name, name)));
        }
        g.setFont(names);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(colors.mutedTextFill.getValue());
        g.fillText(shown, x, y);
        g.setFont(values);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(valueFill);
        g.fillText(value, right, y);
    }
}
