package dev.scalelab.engine.caching;

import dev.scalelab.sim.Event;

/**
 * What lies below the last cache level: the world plugs in its database (with its queueing and
 * latency) or a fixed-latency store. Called on the simulation thread; an implementation fires
 * {@code done} once, at the virtual time the operation completes, never synchronously inside the
 * call.
 */
public interface BackingStore {
    /** Reads {@code key} (a cache miss being loaded). */
    void read(int key, Event done);

    /** Writes {@code key} durably (a write, or a write-back flush). */
    void write(int key, Event done);

    /**
     * A read for service instance {@code instance} (-1 for none): a store that holds per-instance
     * resources, such as a database reached through each instance's connection pool, uses them.
     */
    default void read(int key, int instance, Event done) {
        read(key, done);
    }

    /** A write for service instance {@code instance} (-1 for none, such as a shared level's write-back). */
    default void write(int key, int instance, Event done) {
        write(key, done);
    }
}
