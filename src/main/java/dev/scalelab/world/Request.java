package dev.scalelab.world;

import dev.scalelab.sim.Event;

/**
 * One request in flight. It is its own CPU-completion event; the stages after it (cache,
 * database, dependencies) call back into the world.
 */
final class Request implements Event {
    final World world;
    final long arrivalNanos;
    final int key;
    final boolean read;
    /** The closed-loop user who sent it, or -1 for open arrivals. */
    final int user;
    final long id;
    /** The client session (database session guarantees). */
    final int session;
    ServiceInstance instance;

    Request(World world, long id, long arrivalNanos, int key, boolean read, int user, int session) {
        this.world = world;
        this.id = id;
        this.session = session;
        this.arrivalNanos = arrivalNanos;
        this.key = key;
        this.read = read;
        this.user = user;
    }

    @Override
    public void fire() {
        world.cpuDone(this);
    }
}
