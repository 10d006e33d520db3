package dev.scalelab.runtime;

import dev.scalelab.world.Snapshot;

/**
 * What the runner publishes at most once per display frame: the world's snapshot, the runner's
 * state, and in race mode or a comparison the snapshot of the second world, at the same virtual
 * time (else null).
 *
 * @param comparison the labels of a comparison of two designs ({@link SimulationRunner#startCompare});
 *                   null outside one, and in the Load balancing panel's race
 */
public record Frame(Snapshot snapshot, RunStatus status, Snapshot race, Comparison comparison) {

    /** A frame without a comparison: one world's, or a race's. */
    public Frame(Snapshot snapshot, RunStatus status, Snapshot race) {
        this(snapshot, status, race, null);
    }
}
