package dev.scalelab.engine.events;

import dev.scalelab.sim.HasId;

/** How a consumer retries a record whose processing failed. */
public enum RetryMode implements HasId {
    /** Retry on the partition after a back-off: order kept, the records behind it wait. */
    IN_ORDER("in-order"),
    /** Publish it to a retry topic, processed when its back-off is over, and go on: non-blocking, order lost. */
    RETRY_TOPIC("retry-topic");

    private final String id;

    RetryMode(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static RetryMode byId(String id) {
        return HasId.byId(RetryMode.class, id);
    }
}
