package dev.scalelab.engine.caching;

import java.util.Locale;

/** Who shares a cache level: every service instance its own private copy, or one copy for all. */
public enum Scope {
    /** In-process, like a Caffeine cache inside each instance; made when the instance first uses it. */
    INSTANCE,
    /** Out-of-process, like a Redis or memcached tier every instance talks to. */
    SHARED;

    /** "instance" or "shared", as written in scenario files. */
    public static Scope parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
