package dev.scalelab.practice;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** How a verdict writes numbers for a person: times as m:ss, values in their metric's unit. */
final class Figures {
    private Figures() {
    }

    /** 312.4 s -> "5:12"; an hour or more -> "1:02:05". */
    static String clock(double seconds) {
        long s = (long) Math.floor(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** {@code value} of {@code metric} as a person reads it: "480 ms", "2.1 s", "0.35%", "$1.2/h", "1.8×". */
    static String value(Metric metric, double value) {
        if (Double.isNaN(value)) {
            return "not measured";
        }
        if (metric == Metric.BREAKER_CLOSED_AT_END) {
            return value >= 1 ? "closed" : "not closed";
        }
        return switch (metric.unit()) {
            case "ms" -> Math.abs(value) >= 1000 ? significant(value / 1000, 3) + " s" : significant(value, 3) + " ms";
            case "" -> significant(value * 100, 4) + "%";
            case "$/h" -> "$" + significant(value, 4) + "/h";
            case "×" -> significant(value, 3) + "×";
            default -> significant(value, 6) + " " + metric.unit();
        };
    }

    /** The requirement's bound: "≤ 500 ms", "≥ 99.9%", "closed". */
    static String bound(Requirement r) {
        if (r.metric() == Metric.BREAKER_CLOSED_AT_END) {
            return "closed";
        }
        return (r.max() != null ? "≤ " : "≥ ") + value(r.metric(), r.bound());
    }

    /** At most {@code digits} significant digits, without trailing zeros or an exponent. */
    static String significant(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : Double.toString(value);
        }
        BigDecimal d = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return d.toPlainString();
    }
}
