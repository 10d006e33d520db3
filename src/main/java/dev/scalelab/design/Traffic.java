package dev.scalelab.design;

import java.util.Locale;

/** Which requests an edge carries. */
public enum Traffic {
    ALL("all"),
    READS("reads"),
    WRITES("writes");

    private final String id;

    Traffic(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Traffic byId(String id) {
        for (Traffic t : values()) {
            if (t.id.equals(id == null ? null : id.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        return null;
    }
}
