package dev.scalelab.world;

import java.util.Locale;

/**
 * Where a request's time goes, from arrival to answer. A request is always in exactly one phase,
 * so its phases' durations add up to its latency to the nanosecond.
 */
public enum Phase {
    /** Waiting in its instance's queue for a worker. */
    QUEUE,
    /** On a worker's CPU. */
    SERVICE,
    /** Stopped by its instance's garbage collector (a stop-the-world pause or an allocation stall). */
    GC_PAUSE,
    /**
     * Waiting for a database connection from its instance's pool, for its own query. A cache
     * miss's load borrows one too, but the load serves every read that joins it, so its wait is
     * counted in {@link #DATABASE}.
     */
    CONNECTION_WAIT,
    /** In the cache levels (a hit, or a miss on its way to the store). */
    CACHE,
    /** In the database: its queue and its query (for a cache miss, from the moment its load starts). */
    DATABASE,
    /** Calling the downstream services, retries and back-off included. */
    DOWNSTREAM,
    /** Publishing its event: waiting for room in a full topic or queue (backpressure). */
    PUBLISH;

    private static final Phase[] ALL = values();
    public static final int COUNT = ALL.length;

    public static Phase of(int ordinal) {
        return ALL[ordinal];
    }

    /** Made once: the run history asks for it every simulated second. */
    private final String id = camelCase(name());

    /** The name the report and the panel use: "gcPause", "connectionWait". */
    public String id() {
        return id;
    }

    private static String camelCase(String name) {
        String[] words = name.toLowerCase(Locale.ROOT).split("_");
        StringBuilder id = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return id.toString();
    }
}
