package dev.scalelab.sim;

/**
 * Something that happens at one instant of virtual time. Implementations are usually long-lived
 * objects (a request, an instance) that schedule themselves again, so the hot path allocates
 * little. Called on the simulation thread only.
 */
@FunctionalInterface
public interface Event {
    void fire();
}
