package dev.scalelab.ui.lesson;

import dev.scalelab.ui.Formats;

import java.util.Locale;

/** How the lesson bar writes a probe's measured value: "612 ms", "7 instances", "93.4 %". */
final class PredictionTexts {
    private PredictionTexts() {
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
}
