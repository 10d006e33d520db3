package dev.scalelab.ui.caching;

/**
 * What one level's card says, as text, refreshed from each new frame by {@link CachingViewModel}
 * (not every pulse): the canvas only prints these.
 */
final class LevelFigures {
    /** "L1 · lru". */
    String title = "";
    /** "per instance × 4" or "shared". */
    String scope = "";
    /** Which copy the grid shows and how much of it: "i-0's copy · 50 slots". */
    String drawn = "";
    /** "79.8 %", with Che's prediction where it applies (L1): "79.8 % (Che 81.9 %)". */
    String hitRatio = "–";
    /** Lookups per second over all its copies. */
    String lookupsPerSecond = "–";
    String occupancy = "";
    String latencyAndTtl = "";
    String removals = "";
    String saved = "";
    /** Lookups that missed this level per second, over all its copies: the flow to the next level. */
    String missesPerSecond = "";
    boolean wTinyLfu;
}
