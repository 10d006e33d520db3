package dev.scalelab.lesson;

import dev.scalelab.sim.HasId;
import dev.scalelab.world.Snapshot;

/**
 * A figure a prediction is answered with, measured on the snapshot at the moment a step's run stops.
 * Lesson files name it by id ("p99-ms").
 */
public enum Probe implements HasId {
    /** p99 latency of the last second, ms. */
    P99_MS("p99-ms", "ms"),
    /** Ready instances of the pool. */
    INSTANCES("instances", "");

    private final String id;
    private final String unit;

    Probe(String id, String unit) {
        this.id = id;
        this.unit = unit;
    }

    @Override
    public String id() {
        return id;
    }

    public String unit() {
        return unit;
    }

    /** The figure on {@code snapshot}. */
    public double value(Snapshot snapshot) {
        throw new UnsupportedOperationException("not built yet");
    }
}
