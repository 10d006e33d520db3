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
}
