package dev.scalelab.world;

import dev.scalelab.sim.Event;

/** One request in flight. It is its own completion event, so serving it allocates nothing more. */
final class Request implements Event {
    final World world;
    final long arrivalNanos;
    final int key;
    final boolean read;
    /** The closed-loop user who sent it, or -1 for open arrivals. */
    final int user;
    ServiceInstance instance;

    Request(World world, long arrivalNanos, int key, boolean read, int user) {
        this.world = world;
        this.arrivalNanos = arrivalNanos;
        this.key = key;
        this.read = read;
        this.user = user;
    }

    @Override
    public void fire() {
        world.complete(this);
    }
}
