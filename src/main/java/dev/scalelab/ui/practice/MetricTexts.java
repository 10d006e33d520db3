package dev.scalelab.ui.practice;

import dev.scalelab.practice.Metric;
import dev.scalelab.practice.Requirement;
import dev.scalelab.ui.Formats;

import java.util.Locale;

/**
 * How the Practice panel writes a metric's value and a requirement's target: latencies in ms (or s
 * past ten seconds), ratios as percentages with the precision their size needs, dollars per hour.
 */
final class MetricTexts {
    private MetricTexts() {
    }

    /** "1,250 ms", "0.42 %", "$3.20/h", "1.35×", "closed". */
    static String value(Metric metric, double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Double.isInfinite(value)) {
            return "∞";
        }
        if (metric == Metric.BREAKER_CLOSED_AT_END) {
            return value >= 1 ? "closed" : "not closed";
        }
        return switch (metric.unit()) {
            case "" -> percent(value);
            case "ms" -> value >= 10_000 ? String.format(Locale.ROOT, "%.1f s", value / 1000) : Formats.millis(value) + " ms";
            case "$/h" -> String.format(Locale.ROOT, "$%.2f/h", value);
            case "×" -> String.format(Locale.ROOT, "%.2f×", value);
            default -> Formats.count(value) + " " + metric.unit();
        };
    }

    /** "≤ 500 ms", "≥ 99.9 %", "closed". */
    static String target(Requirement requirement) {
        if (requirement.metric() == Metric.BREAKER_CLOSED_AT_END) {
            return requirement.min() != null ? "closed" : "any";
        }
        return (requirement.max() != null ? "≤ " : "≥ ") + value(requirement.metric(), requirement.bound());
    }

    /** A ratio as a percentage, to the digits that matter: two decimals under 1 % and between 99 and 100 %, else one, no trailing zeros. */
    static String percent(double ratio) {
        double percent = ratio * 100;
        // 99.95 % is not 100 %, and 0.04 % is not 0 %.
        int decimals = percent != 0 && Math.abs(percent) < 1 || percent > 99 && percent < 100 ? 2 : 1;
        String digits = String.format(Locale.ROOT, "%." + decimals + "f", percent);
        digits = digits.replaceAll("0+$", "").replaceAll("\\.$", ""); // 0.50 -> 0.5, 12.0 -> 12
        return digits + " %";
    }

    /** Whether the candidate types this metric's guesses as a percentage. */
    static boolean typedAsPercent(Metric metric) {
        return metric.unit().isEmpty() && metric != Metric.BREAKER_CLOSED_AT_END;
    }

    /** The unit beside a guess's field: "ms", "%", "$/h". */
    static String guessUnit(Metric metric) {
        return typedAsPercent(metric) ? "%" : metric.unit();
    }
}
