package dev.scalelab.runtime;

import dev.scalelab.world.Snapshot;

/**
 * What the runner publishes at most once per display frame: the world's snapshot, the runner's
 * state, and in race mode the snapshot of the second world, at the same virtual time (else null).
 */
public record Frame(Snapshot snapshot, RunStatus status, Snapshot race) {
}
