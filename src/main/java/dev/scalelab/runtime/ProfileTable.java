package dev.scalelab.runtime;

import dev.scalelab.sim.EventProfiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simulator's profile over a window of wall time, as a table: per subsystem and event type, the
 * events per wall second, the share of the events' wall time and the mean nanoseconds per event,
 * the most wall time first. Immutable, so any thread may read it.
 *
 * @param windowSeconds the wall time the figures cover
 * @param eventsPerSecond all events per wall second in the window
 */
public record ProfileTable(double windowSeconds, double eventsPerSecond, List<Line> lines) {
    public static final ProfileTable EMPTY = new ProfileTable(0, 0, List.of());

    public ProfileTable {
        lines = List.copyOf(lines);
    }

    /** One row: what one type of event cost in the window. */
    public record Line(String subsystem, String eventType, double eventsPerSecond, double sharePercent, double nanosPerEvent) {
    }

    /** The table of {@code window}, the profile of {@code windowSeconds} of wall time. */
    public static ProfileTable of(EventProfiler.Profile window, double windowSeconds) {
        if (!(windowSeconds > 0)) {
            return EMPTY;
        }
        List<Line> lines = new ArrayList<>();
        for (EventProfiler.Row row : window.rows()) {
            lines.add(new Line(row.subsystem(), row.eventType(), window.events(row) / windowSeconds,
                    window.sharePercent(row), row.nanosPerEvent()));
        }
        return new ProfileTable(windowSeconds, window.eventsSeen() / windowSeconds, lines);
    }

    /**
     * {@code simulate --profile}'s table of a whole run: subsystem, event type, events, wall ms, share
     * and ns per event, the most wall time first, and a last line on what the events' time leaves out.
     */
    public static String text(EventProfiler.Profile run, long runWallNanos) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"subsystem", "event type", "events", "wall ms", "share %", "ns/event"});
        for (EventProfiler.Row row : run.rows()) {
            cells.add(new String[] {row.subsystem(), row.eventType(),
                    String.format(Locale.ROOT, "%,.0f", run.events(row)),
                    String.format(Locale.ROOT, "%,.1f", run.wallNanos(row) / 1e6),
                    String.format(Locale.ROOT, "%.1f", run.sharePercent(row)),
                    String.format(Locale.ROOT, "%,.0f", row.nanosPerEvent())});
        }
        int[] widths = new int[6];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : cells) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                // Names read from the left, figures from the right.
                String format = i < 2 ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
                row.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, format, line[i]));
            }
            out.append(row.toString().stripTrailing()).append(System.lineSeparator());
        }
        out.append(String.format(Locale.ROOT,
                "%,d events, %s; their handlers took %,.0f of the run's %,.0f wall ms (the rest is the event queue "
                        + "and the clock reads)%n",
                run.eventsSeen(), run.eventsTimed() == run.eventsSeen() ? "every one timed"
                        : String.format(Locale.ROOT, "%,d timed and scaled up", run.eventsTimed()),
                run.wallNanos() / 1e6, runWallNanos / 1e6));
        return out.toString();
    }
}
