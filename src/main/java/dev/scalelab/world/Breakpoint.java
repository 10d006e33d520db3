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

    /**
     * Reads "p99-above=500", "error-rate-above=5", "decision=hpa", "breaker-opens", "breaker-opens=payments".
     * Throws {@link IllegalArgumentException} with a one-line message naming the problem.
     */
    public static Breakpoint parse(String text) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The form {@link #parse} reads. */
    public String id() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** For menus and messages: "p99 above 500 ms", "a decision of hpa", "a breaker opens". */
    public String describe() {
        throw new UnsupportedOperationException("not built yet");
    }
}
