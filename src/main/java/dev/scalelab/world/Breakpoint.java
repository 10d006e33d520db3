package dev.scalelab.world;

import dev.scalelab.sim.HasId;

/**
 * A "pause when…" condition: the run stops right after the event that makes it true, so the state
 * the user sees is the one that tripped it. Breakpoints are not part of the scenario: setting one
 * never changes what the run does, only where it pauses.
 *
 * @param kind      what to watch
 * @param threshold the bound of {@link Kind#P99_ABOVE} (ms) and {@link Kind#ERROR_RATE_ABOVE} (percent);
 *                  0 for the other kinds
 * @param source    the {@link Source#id()} of {@link Kind#DECISION} ("hpa", "breaker"), or, for
 *                  {@link Kind#BREAKER_OPENS}, a dependency's name ("" for any); "" for the other kinds
 */
public record Breakpoint(Kind kind, double threshold, String source) {

    public enum Kind implements HasId {
        /** A circuit breaker moves to OPEN (or FORCED_OPEN). */
        BREAKER_OPENS("breaker-opens"),
        /** The p99 latency of the last second is above {@code threshold} ms (checked every simulated second). */
        P99_ABOVE("p99-above"),
        /** Failed, rejected and timed-out requests of the last second are above {@code threshold} % of those answered. */
        ERROR_RATE_ABOVE("error-rate-above"),
        /** The pool's replica count changes: an autoscaler's decision or an operator's action. */
        REPLICAS_CHANGE("replicas-change"),
        /** An instance's queue is full and turns a request away. */
        QUEUE_FULL("queue-full"),
        /** A read is served stale (a replica behind the write it should see). */
        STALE_READ("stale-read"),
        /** Keys move between shards (a shard added or removed). */
        KEY_MOVES("key-moves"),
        /** Any decision-log line from {@code source}. */
        DECISION("decision");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    public Breakpoint {
        java.util.Objects.requireNonNull(kind, "kind");
        source = source == null ? "" : source;
    }

    /** A breakpoint with neither threshold nor source: "queue-full", "a breaker opens" (any). */
    public static Breakpoint of(Kind kind) {
        return new Breakpoint(kind, 0, "");
    }

    /** Whether {@code kind} is bounded by a number (ms or percent) that the form must give. */
    static boolean hasThreshold(Kind kind) {
        return kind == Kind.P99_ABOVE || kind == Kind.ERROR_RATE_ABOVE;
    }

    /**
     * Reads "p99-above=500", "error-rate-above=5", "decision=hpa", "breaker-opens", "breaker-opens=payments".
     * Throws {@link IllegalArgumentException} with a one-line message naming the problem.
     */
    public static Breakpoint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("breakpoint: empty; kinds: " + kindIds());
        }
        String t = text.strip();
        int eq = t.indexOf('=');
        String name = (eq < 0 ? t : t.substring(0, eq)).strip();
        String value = eq < 0 ? null : t.substring(eq + 1).strip();
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.id().equals(name)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("breakpoint '" + t + "': unknown kind '" + name + "'; kinds: " + kindIds());
        }
        switch (kind) {
            case P99_ABOVE:
            case ERROR_RATE_ABOVE: {
                String unit = kind == Kind.P99_ABOVE ? "ms" : "%";
                String example = kind.id() + (kind == Kind.P99_ABOVE ? "=500" : "=5");
                if (value == null || value.isEmpty()) {
                    throw new IllegalArgumentException("breakpoint '" + t + "': " + kind.id() + " needs a threshold in " + unit
                            + ", such as " + example);
                }
                double threshold;
                try {
                    threshold = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("breakpoint '" + t + "': threshold '" + value + "' is not a number, such as "
                            + example);
                }
                if (!(threshold > 0) || Double.isInfinite(threshold) || (kind == Kind.ERROR_RATE_ABOVE && threshold >= 100)) {
                    throw new IllegalArgumentException("breakpoint '" + t + "': threshold " + value + " must be above 0"
                            + (kind == Kind.ERROR_RATE_ABOVE ? " and below 100 %" : " ms"));
                }
                return new Breakpoint(kind, threshold, "");
            }
            case DECISION: {
                if (value == null || value.isEmpty()) {
                    throw new IllegalArgumentException("breakpoint '" + t + "': decision needs a source, such as decision=hpa; sources: "
                            + sourceIds());
                }
                for (Source src : Source.values()) {
                    if (src.id().equals(value)) {
                        return new Breakpoint(kind, 0, value);
                    }
                }
                throw new IllegalArgumentException("breakpoint '" + t + "': unknown decision source '" + value + "'; sources: "
                        + sourceIds());
            }
            case BREAKER_OPENS:
                return new Breakpoint(kind, 0, value == null ? "" : value);
            default:
                if (value != null) {
                    throw new IllegalArgumentException("breakpoint '" + t + "': " + kind.id() + " takes no value");
                }
                return of(kind);
        }
    }

    private static String kindIds() {
        return java.util.Arrays.stream(Kind.values()).map(Kind::id).collect(java.util.stream.Collectors.joining(", "));
    }

    private static String sourceIds() {
        return java.util.Arrays.stream(Source.values()).map(Source::id).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The form {@link #parse} reads. */
    public String id() {
        if (hasThreshold(kind)) {
            return kind.id() + "=" + Parameter.format(threshold);
        }
        return source.isEmpty() ? kind.id() : kind.id() + "=" + source;
    }

    /** For menus and messages: "p99 above 500 ms", "a decision of hpa", "a breaker opens". */
    public String describe() {
        return switch (kind) {
            case BREAKER_OPENS -> source.isEmpty() ? "a breaker opens" : "the " + source + " breaker opens";
            case P99_ABOVE -> "p99 above " + Parameter.format(threshold) + " ms";
            case ERROR_RATE_ABOVE -> "error rate above " + Parameter.format(threshold) + " %";
            case REPLICAS_CHANGE -> "the replica count changes";
            case QUEUE_FULL -> "an instance's queue is full";
            case STALE_READ -> "a stale read";
            case KEY_MOVES -> "keys move between shards";
            case DECISION -> "a decision of " + source;
        };
    }
}
