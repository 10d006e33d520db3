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
}
