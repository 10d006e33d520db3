package dev.scalelab.engine.caching;

/** What happened to a key in a level, for the view to flash. */
public enum CacheEventKind {
    HIT,
    MISS,
    INSERT,
    EVICT,
    EXPIRE,
    INVALIDATE
}
