package dev.scalelab.engine.events;

import dev.scalelab.sim.HasId;

/** When a consumer commits its offsets. */
public enum CommitMode implements HasId {
    /** enable.auto.commit: each poll commits what the previous poll returned, once per auto.commit.interval.ms. */
    AUTO("auto"),
    /** A commit after each polled batch is processed (Spring Kafka's BATCH ack mode). */
    AFTER_PROCESSING("after-processing");

    private final String id;

    CommitMode(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static CommitMode byId(String id) {
        return HasId.byId(CommitMode.class, id);
    }
}
