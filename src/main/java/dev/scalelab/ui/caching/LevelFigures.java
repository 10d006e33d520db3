package dev.scalelab.ui.caching;

/**
 * What one level's card says, as text, refreshed a few times a second by {@link CachingViewModel}:
 * the canvas only prints these.
 */
final class LevelFigures {
    /** "L1 · lru". */
    String title = "";
    /** "per instance × 4" or "shared". */
    String scope = "";
    /** Which copy the grid shows and how much of it: "i-0's copy · 50 slots". */
    String drawn = "";
    String hitRatio = "–";
    /** Lookups per second over all its copies. */
    String lookupsPerSecond = "–";
    String occupancy = "";
    String latency = "";
    String ttl = "";
    String evicted = "";
    String expired = "";
    String saved = "";
    /** Lookups that missed this level per second, over all its copies: the flow to the next level. */
    String missesPerSecond = "";
}
