package dev.scalelab.engine.caching;

/** Why an entry left a level; the names follow Caffeine's RemovalCause where they overlap. */
public enum RemovalCause {
    /** Chosen by the eviction policy because the level was full (Caffeine's SIZE). */
    SIZE,
    /** Its time to live ran out, or an operator expired it. */
    EXPIRED,
    /** Removed on purpose: a write invalidated it or the level was flushed (Caffeine's EXPLICIT). */
    EXPLICIT,
    /** Moved to another level of an exclusive hierarchy; not a loss. */
    MOVED,
    /** The level failed and its contents are gone, unflushed writes included. */
    LOST
}
