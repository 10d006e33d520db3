package dev.scalelab.world.network;

/**
 * One request (or one message) on its way through a drawn system. The same object crosses every
 * node it reaches; what a node needs of it is its key, whether it reads, where it started, and (at a
 * gateway) which client sent it, at what priority.
 */
final class Flow {
    final long id;
    final int key;
    final boolean read;
    /** When the clients sent it (or the producer published it). */
    final long startNanos;
    /** The instance a balancer chose for it at the service it sends it to; null for the service's own pick. */
    ServiceNode.Instance pinned;
    /** Its client's index in the network's client names ({@link ClientFigures}); 0 is the first. */
    int client;
    /** Its client's priority as the shedder ranks it (LoadShedder.HIGH, NORMAL or LOW). */
    int priority = dev.scalelab.engine.gateway.LoadShedder.NORMAL;
    /** Why a gateway answered it itself ({@link ClientFigures#LIMITED}, {@link ClientFigures#SHED}); 0 when none did. */
    int refusal;
    /**
     * The service instance (its network-wide number) that sent it on its last call: a cache box
     * serves it from that instance's copy of a level of instance scope. -1 before any service did.
     */
    int callerInstance = -1;
    /** Deliveries so far of a message (a queue's redeliveries count). */
    int receives;
    /** A poison message (the timeline's poison): its consumer's processing of it always fails. */
    boolean poisoned;
    /** Published by its clients straight to a queue or topic: a producer's record, not a request ({@link RequestFigures}). */
    boolean publishedByClients;

    Flow(long id, int key, boolean read, long startNanos) {
        this.id = id;
        this.key = key;
        this.read = read;
        this.startNanos = startNanos;
    }
}
