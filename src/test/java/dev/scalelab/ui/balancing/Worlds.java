package dev.scalelab.ui.balancing;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.RunStatus;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;

/** Real snapshots for the panel's tests: the slow-instance preset run in virtual time. */
final class Worlds {
    private static long frameNumber;

    private Worlds() {
    }

    /** The slow-instance preset (i-3 at 20% speed among 8) balanced by {@code strategy}. */
    static World slowInstance(String strategy) {
        return new World(Parameter.of("balancer.strategy").applyTo(Presets.load("slow-instance"), strategy));
    }

    static Snapshot after(World world, double seconds) {
        world.advanceTo(Simulation.secondsToNanos(seconds));
        return world.snapshot();
    }

    static Frame frame(Snapshot snapshot, Snapshot race, boolean paused) {
        return new Frame(snapshot, new RunStatus(++frameNumber, paused, false, 1, 0, false, null), race);
    }
}
