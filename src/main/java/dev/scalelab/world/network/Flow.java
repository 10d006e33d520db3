package dev.scalelab.world.network;

/**
 * One request (or one message) on its way through a drawn system. The same object crosses every
 * node it reaches; what a node needs of it is its key, whether it reads, and where it started.
 */
final class Flow {
    final long id;
    final int key;
    final boolean read;
    /** When the clients sent it (or the producer published it). */
    final long startNanos;
    /** The instance a balancer chose for it at the service it sends it to; null for the service's own pick. */
    ServiceNode.Instance pinned;
    /** Deliveries so far of a message (a queue's redeliveries count). */
    int receives;

    Flow(long id, int key, boolean read, long startNanos) {
        this.id = id;
        this.key = key;
        this.read = read;
        this.startNanos = startNanos;
    }
}
