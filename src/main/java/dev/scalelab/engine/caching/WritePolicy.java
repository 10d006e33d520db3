package dev.scalelab.engine.caching;

import java.util.Locale;

/** How a write reaches the cache levels and the store (engines.md §4.5). */
public enum WritePolicy {
    /**
     * Write the store, then invalidate the writer's copies (Microsoft's cache-aside pattern). A
     * load that read the store before the write and fills after the invalidation leaves a stale
     * copy until its TTL.
     */
    CACHE_ASIDE,
    /** Update the writer's copies, then the store; acknowledged when the store has it. */
    WRITE_THROUGH,
    /**
     * Update the writer's copies, acknowledge at once, flush to the store after a delay (or when
     * the dirty copy is evicted, expired or flushed); a level failure first loses the write.
     */
    WRITE_BACK,
    /** Write the store only; a copy already cached is left as it is until its TTL. */
    WRITE_AROUND;

    /** "cache-aside", "write-through", "write-back" or "write-around", as written in scenario files. */
    public static WritePolicy parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
