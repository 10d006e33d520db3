package dev.scalelab.engine.data;

import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Same seed, same calls: the same decisions at the same instants and the same totals. */
class DeterminismTest {
    private static final long MS = Simulation.NANOS_PER_MILLI;

    private static List<String> run(long seed) {
        Simulation sim = new Simulation();
        List<String> log = new ArrayList<>();
        DatabaseConfig config = DatabaseConfig.defaults().withKeyCount(2_000).withHotThresholds(2.0, 0.05);
        Database db = new Database(sim, config, new SplittableRandom(seed), e -> log.add(e.atNanos() + " " + e.message()));
        SplittableRandom workload = new SplittableRandom(99);
        List<Session> sessions = List.of(new Session("a"), new Session("b"), new Session("c"));
        for (long t = 0; t < 8_000; t++) {
            int key = workload.nextDouble() < 0.3 ? workload.nextInt(5) : workload.nextInt(2_000);
            boolean write = workload.nextInt(5) == 0;
            Session session = sessions.get(workload.nextInt(3));
            sim.schedule(t * MS / 2, () -> {
                if (write) {
                    db.write(key, session, r -> log.add("w " + r.completedNanos() + " " + r.node() + " " + r.version()));
                } else {
                    db.read(key, session, r -> log.add("r " + r.completedNanos() + " " + r.node() + " " + r.version()));
                }
            });
        }
        sim.schedule(1_000 * MS, db::addShard);
        sim.schedule(2_000 * MS, () -> db.killPrimary(1));
        sim.schedule(2_500 * MS, () -> db.lagSpike("s2-r2", 400, 1));
        sim.runUntil(6_000 * MS);
        log.add(db.counters().toString());
        return log;
    }

    @Test
    void aRunIsReproducibleFromItsSeed() {
        List<String> first = run(42);
        assertEquals(first, run(42));
        assertNotEquals(first, run(43));
    }
}
