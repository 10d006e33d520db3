package dev.scalelab.ui;

import dev.scalelab.world.LogEntry;

import java.util.Locale;

/** How the UI writes times, speeds, counts and log lines; one place so every panel reads alike. */
public final class Formats {
    private Formats() {
    }

    /** Virtual time as {@code mm:ss.s}, minutes growing past 99 for long runs. */
    public static String clock(double seconds) {
        long tenths = (long) Math.floor(seconds * 10);
        long minutes = tenths / 600;
        long restTenths = tenths % 600;
        return String.format(Locale.ROOT, "%02d:%02d.%d", minutes, restTenths / 10, restTenths % 10);
    }

    /** A speed factor as the speed menu shows it: {@code 0.1×}, {@code 1×}, {@code 100×} or {@code max}. */
    public static String speed(double factor) {
        if (Double.isInfinite(factor)) {
            return "max";
        }
        return (factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor)) + "×";
    }

    /** 987, 12.3k, 4.5M: a count short enough for a tile or a card line. */
    public static String compact(long n) {
        if (n < 10_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return (n / 100) / 10.0 + "k";
        }
        return (n / 100_000) / 10.0 + "M";
    }

    /** A whole count with thousands separators: {@code 12,345}. */
    public static String count(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    /** A latency in ms with the precision that matters at its size: {@code 0.42}, {@code 12.3}, {@code 1,250}. */
    public static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.2f", ms);
        }
        if (ms < 100) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        return count(ms);
    }

    /** One line of the decision log: {@code "  12.345 s  user       workload.arrival.ratePerSecond: 400 -> 800"}. */
    public static String logLine(LogEntry entry) {
        return String.format(Locale.ROOT, "%8.3f s  %-10s %s", entry.timeSeconds(), entry.source(), entry.message());
    }
}
