package dev.scalelab.engine.caching;

/** Told of every entry that leaves a level, after the level has let it go. */
@FunctionalInterface
public interface RemovalListener {
    void onRemoval(int key, long version, long recomputeNanos, boolean dirty, RemovalCause cause);
}
