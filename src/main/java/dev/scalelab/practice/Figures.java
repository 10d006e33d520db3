package dev.scalelab.practice;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How a verdict and a challenge's brief write numbers for a person: times as m:ss, values in their
 * metric's unit, requirements as "p99 latency ≤ 500 ms".
 */
public final class Figures {
    private Figures() {
    }

    /** 312.4 s -> "5:12"; an hour or more -> "1:02:05". */
    public static String clock(double seconds) {
        long s = (long) Math.floor(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** {@code value} of {@code metric} as a person reads it: "480 ms", "2.1 s", "0.35%", "$1.2/h", "1.8×". */
    public static String value(Metric metric, double value) {
        if (Double.isNaN(value)) {
            return "not measured";
        }
        if (metric == Metric.BREAKER_CLOSED_AT_END) {
            return value >= 1 ? "closed" : "not closed";
        }
        return switch (metric.unit()) {
            case "ms" -> Math.abs(value) >= 1000 ? significant(value / 1000, 3) + " s" : significant(value, 3) + " ms";
            // Three digits read well ("9.32%"); near 100% a fourth tells 99.95% from 99.9%.
            case "" -> significant(value * 100, Math.abs(value) >= 0.99 ? 4 : 3) + "%";
            case "$/h" -> "$" + significant(value, 4) + "/h";
            case "×" -> significant(value, 3) + "×";
            default -> significant(value, 6) + " " + metric.unit();
        };
    }

    /** The requirement's bound: "≤ 500 ms", "≥ 99.9%", "closed". */
    public static String bound(Requirement r) {
        if (r.metric() == Metric.BREAKER_CLOSED_AT_END) {
            return "closed";
        }
        return (r.max() != null ? "≤ " : "≥ ") + value(r.metric(), r.bound());
    }

    /** What a verdict calls a requirement: its own label, else its metric's (and its target's). */
    public static String label(Requirement r) {
        if (r.label() != null && !r.label().isBlank()) {
            return r.label();
        }
        if (r.metric() == Metric.BREAKER_CLOSED_AT_END) {
            return "breaker of " + r.target() + " closed at the end";
        }
        return r.metric().label() + (r.target() != null ? " of " + r.target() : "");
    }

    /** A requirement as a brief lists it: "p99 latency ≤ 500 ms", "breaker of payments closed at the end". */
    public static String requirement(Requirement r) {
        return r.metric() == Metric.BREAKER_CLOSED_AT_END && (r.label() == null || r.label().isBlank()) ? label(r)
                : label(r) + " " + bound(r);
    }

    /** At most {@code digits} significant digits, without trailing zeros or an exponent. */
    public static String significant(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : Double.toString(value);
        }
        BigDecimal d = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return d.toPlainString();
    }
}
