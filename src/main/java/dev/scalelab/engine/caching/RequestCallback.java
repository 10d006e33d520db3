package dev.scalelab.engine.caching;

/** Told, at the virtual time a request completes, where it was served. */
@FunctionalInterface
public interface RequestCallback {
    /**
     * @param servedBy for a read, the index of the level that hit, or
     *     {@link CacheHierarchy#SERVED_BY_STORE} after a load; for a write, the level holding the
     *     dirty copy (write-back) or SERVED_BY_STORE
     * @param stale whether a read returned a version older than a write acknowledged before it began
     */
    void done(int servedBy, boolean stale);

    /**
     * A read of this request missed every level and starts a load from the store now (a read
     * that joins a load already in flight is not told): where its time in the cache ends and its
     * time in the store begins.
     */
    default void storeReadStarts() {
    }
}
