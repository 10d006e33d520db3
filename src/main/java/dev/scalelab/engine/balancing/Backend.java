package dev.scalelab.engine.balancing;

/** What a load-balancing strategy may know about one backend instance. */
public interface Backend {

    /** Whether the balancer may send new requests here (ready, not draining, not failed). */
    boolean acceptsTraffic();

    /** Requests routed here and not yet finished: in service plus waiting in the queue. */
    int activeRequests();
}
