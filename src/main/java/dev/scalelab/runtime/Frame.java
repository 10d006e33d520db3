package dev.scalelab.runtime;

import dev.scalelab.world.Snapshot;

/** What the runner publishes at most once per display frame: the world's snapshot and the runner's state. */
public record Frame(Snapshot snapshot, RunStatus status) {
}
