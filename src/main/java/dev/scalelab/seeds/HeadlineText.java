package dev.scalelab.seeds;

import dev.scalelab.practice.Headline;
import dev.scalelab.runtime.Summary;

import java.util.Locale;

/** How the app and the command line write a headline figure over seeds: its name, and its mean ± the half-width of its interval. */
public final class HeadlineText {
    private HeadlineText() {
    }

    /** "173.2 ms ± 12.1": the mean and the half-width of its 95 % interval, in the figure's unit. */
    public static String interval(Headline h, Summary s) {
        double scale = percent(h) ? 100 : 1;
        String unit = unit(h);
        double half = (s.ciHigh() - s.ciLow()) / 2;
        return String.format(Locale.ROOT, "%s%s ± %s", number(s.mean() * scale), unit, number(half * scale));
    }

    /** "173 ms", "0.52 %", "1204 req/s": one value in the figure's unit; "–" for NaN (a figure the design lacks). */
    public static String value(Headline h, double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return plain(v * (percent(h) ? 100 : 1)) + unit(h);
    }

    /** "−0.36 ± 0.27": a difference's mean with its sign and the half-width of its 95 % interval, without the unit (a table's column gives it). */
    public static String compactInterval(Headline h, Summary s) {
        double scale = percent(h) ? 100 : 1;
        String mean = plain(Math.abs(s.mean()) * scale);
        String sign = mean.matches("[0.]+") ? "" : s.mean() > 0 ? "+" : "−";
        return sign + mean + " ± " + plain((s.ciHigh() - s.ciLow()) / 2 * scale);
    }

    /** "+12.3 ms", "−0.40 %", "0 req/s": a difference with its sign, in the figure's unit; "–" for NaN. */
    public static String change(Headline h, double d) {
        if (Double.isNaN(d)) {
            return "–";
        }
        String n = plain(Math.abs(d) * (percent(h) ? 100 : 1));
        boolean zero = n.matches("[0.]+");
        return (zero ? "" : d > 0 ? "+" : "−") + n + unit(h);
    }

    /** A live table's number: at most two decimals and never an exponent, so a column keeps its width. */
    private static String plain(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    /** Whether the figure is a ratio that {@link #value} writes as a percentage. */
    public static boolean isRatio(Headline h) {
        return percent(h);
    }

    private static String number(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 0.1 || a == 0 ? "%.2f" : "%.3g", v);
    }

    private static boolean percent(Headline h) {
        return switch (h) {
            case ERROR_RATIO, CACHE_HIT_RATIO, CACHE_STALE_RATIO, DB_STALE_RATIO -> true;
            default -> false;
        };
    }

    public static String label(Headline h) {
        return switch (h) {
            case THROUGHPUT -> "Throughput";
            case P50_MS -> "Latency p50";
            case P99_MS -> "Latency p99";
            case ERROR_RATIO -> "Errors";
            case COST_PER_HOUR -> "Cost per hour";
            case MEAN_INSTANCES -> "Instances (mean)";
            case CACHE_HIT_RATIO -> "Cache hit ratio";
            case CACHE_STALE_RATIO -> "Stale cache reads";
            case DB_STALE_RATIO -> "Stale replica reads";
            case RETRY_AMPLIFICATION -> "Retry amplification";
        };
    }

    private static String unit(Headline h) {
        return switch (h) {
            case THROUGHPUT -> " req/s";
            case P50_MS, P99_MS -> " ms";
            case COST_PER_HOUR -> " $/h";
            case MEAN_INSTANCES -> "";
            case RETRY_AMPLIFICATION -> " ×";
            default -> " %";
        };
    }
}
