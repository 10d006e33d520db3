package dev.scalelab.world;

/** One line of the decision and event log: when, who decided, and what with which inputs. */
public record LogEntry(double timeSeconds, Source source, String message) {
}
