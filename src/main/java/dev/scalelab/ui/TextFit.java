package dev.scalelab.ui;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.function.ToDoubleFunction;

/**
 * Text that must fit a width on a canvas, where nothing wraps or clips it for us: the first of
 * several wordings, longest first, that fits; else the shortest, cut with an ellipsis. Deciding is a
 * pure function of the texts and a measure, so it is tested without fonts.
 */
public final class TextFit {
    private TextFit() {
    }

    /**
     * The first of {@code wordings} no wider than {@code maxWidth} by {@code width}; when none fits,
     * the last one cut with an ellipsis (empty when not even one character and the ellipsis fit).
     */
    public static String fit(ToDoubleFunction<String> width, double maxWidth, String... wordings) {
        if (wordings.length == 0) {
            return "";
        }
        for (String w : wordings) {
            if (width.applyAsDouble(w) <= maxWidth) {
                return w;
            }
        }
        return cut(width, maxWidth, wordings[wordings.length - 1]);
    }

    /** {@code text} cut at the end with an ellipsis to fit {@code maxWidth}. */
    public static String cut(ToDoubleFunction<String> width, double maxWidth, String text) {
        double full = text.isEmpty() ? 0 : width.applyAsDouble(text);
        if (full <= maxWidth) {
            return text;
        }
        // Start from the proportional cut, then shorten: a few measurements, not one per character.
        int end = (int) Math.max(0, Math.min(text.length() - 1, text.length() * maxWidth / full));
        while (end > 0 && width.applyAsDouble(text.substring(0, end).strip() + "…") > maxWidth) {
            end--;
        }
        return end == 0 ? "" : text.substring(0, end).strip() + "…";
    }

    /** {@code text} without its parenthetical remarks: "outage (connections refused) until 90 s" → "outage until 90 s". */
    public static String withoutParentheses(String text) {
        return text.replaceAll("\\s*\\([^()]*\\)", "").strip();
    }

    /** The widths of {@code texts} in {@code font}: for labels measured once, not every frame. */
    public static double[] widths(String[] texts, Font font) {
        ToDoubleFunction<String> width = measure(font);
        double[] widths = new double[texts.length];
        for (int i = 0; i < texts.length; i++) {
            widths[i] = width.applyAsDouble(texts[i]);
        }
        return widths;
    }

    /** The width of one text in {@code font}. */
    public static double width(String text, Font font) {
        return measure(font).applyAsDouble(text);
    }

    /** Widths of texts in {@code font}, measured with one reused {@link Text}. FX thread. */
    public static ToDoubleFunction<String> measure(Font font) {
        Text text = new Text();
        text.setFont(font);
        return s -> {
            text.setText(s);
            return text.getLayoutBounds().getWidth();
        };
    }
}
