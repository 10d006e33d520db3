package dev.scalelab.design;

import java.util.Locale;

/** How a request crosses an edge. */
public enum EdgeMode {
    /** A call: the caller's worker waits for the answer (thread per request), so a slow callee fills the caller's pool. */
    SYNC("sync"),
    /** A hand-off: the request goes on to the next stage and the caller's worker is free (a pipeline). */
    FORWARD("forward"),
    /** A publish: the message is handed to a queue or topic and the caller goes on at once. */
    ASYNC("async");

    private final String id;

    EdgeMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static EdgeMode byId(String id) {
        for (EdgeMode m : values()) {
            if (m.id.equals(id == null ? null : id.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        return null;
    }
}
