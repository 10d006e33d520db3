package dev.scalelab.engine.caching;

import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;

import java.util.HashMap;
import java.util.Map;

/** A store that answers after fixed latencies and counts reads per key. */
final class FixedLatencyStore implements BackingStore {
    private final Simulation simulation;
    private final long readNanos;
    private final long writeNanos;
    final Map<Integer, Integer> readsByKey = new HashMap<>();
    int writes;

    FixedLatencyStore(Simulation simulation, double readMs, double writeMs) {
        this.simulation = simulation;
        this.readNanos = Simulation.millisToNanos(readMs);
        this.writeNanos = Simulation.millisToNanos(writeMs);
    }

    @Override
    public void read(int key, Event done) {
        readsByKey.merge(key, 1, Integer::sum);
        simulation.scheduleIn(readNanos, done);
    }

    @Override
    public void write(int key, Event done) {
        writes++;
        simulation.scheduleIn(writeNanos, done);
    }
}
