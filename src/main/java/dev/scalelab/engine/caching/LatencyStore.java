package dev.scalelab.engine.caching;

import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;

import java.util.SplittableRandom;

/**
 * A plain backing store: every read and write is answered after a latency drawn from one
 * distribution, with no capacity limit. What a cache loads from when nothing models its database
 * (the pipeline's cache without a database section, a drawn cache box with no edge out).
 */
public final class LatencyStore implements BackingStore {
    private final Simulation sim;
    private final Distribution latencyMs;
    private final SplittableRandom random;

    public LatencyStore(Simulation sim, Distribution latencyMs, SplittableRandom random) {
        this.sim = sim;
        this.latencyMs = latencyMs;
        this.random = random;
    }

    @Override
    public void read(int key, Event done) {
        sim.scheduleIn(Simulation.millisToNanos(latencyMs.sample(random)), done);
    }

    @Override
    public void write(int key, Event done) {
        sim.scheduleIn(Simulation.millisToNanos(latencyMs.sample(random)), done);
    }
}
