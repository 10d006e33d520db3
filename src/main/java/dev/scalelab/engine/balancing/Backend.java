package dev.scalelab.engine.balancing;

/** What a load-balancing strategy may know about one backend instance. */
public interface Backend {

    /** A stable name such as {@code i-3}: hashing strategies place the backend by it. */
    String id();

    /** Whether the balancer may send new requests here (ready, not draining, not failed). */
    boolean acceptsTraffic();

    /** Requests routed here and not yet finished: in service plus waiting in the queue. */
    int activeRequests();

    /**
     * The configured weight (nginx {@code weight=}, Envoy {@code load_balancing_weight}); 1 by
     * default. Weighted and hashing strategies send nothing to a backend whose weight is not positive.
     */
    default double weight() {
        return 1;
    }
}
