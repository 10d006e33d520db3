package dev.scalelab.ui.lesson;

import dev.scalelab.ui.Formats;

import java.util.Locale;

/** How the lesson bar writes a measured value ("612 ms", "93.4 %") and a problem (one line). */
final class LessonTexts {
    private LessonTexts() {
    }

    static String value(double value, String unit) {
        if (Double.isNaN(value)) {
            return "–";
        }
        String number;
        if ("ms".equals(unit)) {
            number = Formats.millis(value);
        } else if (Math.abs(value - Math.rint(value)) < 1e-9 && Math.abs(value) < 1e15) {
            number = Formats.count(value);
        } else if (Math.abs(value) >= 100) {
            number = Formats.count(value);
        } else {
            number = String.format(Locale.ROOT, "%.1f", value);
        }
        return unit == null || unit.isEmpty() ? number : number + " " + unit;
    }

    /** The message of the innermost cause, first line only. */
    static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : firstLine(t.getMessage());
    }

    static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim();
    }
}
