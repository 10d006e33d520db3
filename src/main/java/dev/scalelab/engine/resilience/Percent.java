package dev.scalelab.engine.resilience;

import java.util.Locale;

/** Formats percentages for reasons and descriptions: thresholds as given (50, 12.5), rates to one decimal. */
final class Percent {
    private Percent() {
    }

    /** 50 -> "50", 12.5 -> "12.5". */
    static String format(float percent) {
        return percent == Math.rint(percent)
                ? Long.toString((long) percent) : String.format(Locale.ROOT, "%s", percent);
    }

    /** One decimal: 55 -> "55.0". */
    static String rate(float percent) {
        return String.format(Locale.ROOT, "%.1f", percent);
    }
}
