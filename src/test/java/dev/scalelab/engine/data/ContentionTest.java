package dev.scalelab.engine.data;

import dev.scalelab.engine.data.DatabaseConfig.ReadPolicy;
import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node's cores are shared by its running queries; the database admits at most maxConnections clients. */
class ContentionTest {
    private static final long MS = Simulation.NANOS_PER_MILLI;

    private static DatabaseConfig oneNode(int cores) {
        return DatabaseConfig.defaults().withShards(1).withKeyCount(100).withReplicasPerShard(0)
                .withReadPolicy(ReadPolicy.PRIMARY_ONLY).withConnectionLimit(10)
                .withServiceMs(new Distribution.Constant(10), new Distribution.Constant(10))
                .withClientConnections(3, cores);
    }

    /** Completion times (ms) of two reads at 0 ms and two more at 5 ms, each 10 ms of work. */
    private static List<Long> completions(int cores) {
        Simulation sim = new Simulation();
        Database db = new Database(sim, oneNode(cores), new SplittableRandom(1), e -> { });
        List<Long> done = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int key = i;
            sim.schedule(i < 2 ? 0 : 5 * MS, () -> db.read(key, null, r -> done.add(sim.nowNanos() / MS)));
        }
        sim.runUntil(100 * MS);
        return done;
    }

    @Test
    void queriesBeyondTheCoresShareThemAndRunSlower() {
        // Without contention each takes its 10 ms.
        assertEquals(List.of(10L, 10L, 15L, 15L), completions(0));
        // Two cores: 0-5 ms two queries at full speed (5 ms of work left each); from 5 ms four share
        // two cores at half speed, so the first two need 10 ms more (15 ms), when the last two have
        // 5 ms of work left, which they do at full speed (20 ms).
        assertEquals(List.of(15L, 15L, 20L, 20L), completions(2));
        // One core: 0-5 ms at half speed (7.5 ms left each); then a quarter speed until the first two
        // finish at 5 + 30 = 35 ms, the others having 10 - 7.5 = 2.5 ms left; at half speed they end at 40.
        assertEquals(List.of(35L, 35L, 40L, 40L), completions(1));
    }

    @Test
    void runningQueriesAreCountedOnTheCores() {
        Simulation sim = new Simulation();
        Database db = new Database(sim, oneNode(2), new SplittableRandom(1), e -> { });
        for (int i = 0; i < 4; i++) {
            db.read(i, null, r -> { });
        }
        assertEquals(4, db.runningQueries());
        sim.runUntil(19 * MS);
        assertEquals(4, db.runningQueries());
        sim.runUntil(20 * MS);
        assertEquals(0, db.runningQueries());
    }

    @Test
    void clientConnectionsBeyondMaxConnectionsAreRefusedAndCounted() {
        Simulation sim = new Simulation();
        Database db = new Database(sim, oneNode(0), new SplittableRandom(1), e -> { });
        List<Boolean> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(db.openClientConnection());
        }
        assertEquals(List.of(true, true, true, false, false), answers);
        assertEquals(3, db.clientConnections());
        assertEquals(2, db.refusedClientConnections());
        db.closeClientConnection();
        assertTrue(db.openClientConnection());
        assertFalse(db.openClientConnection());
        assertEquals(3, db.refusedClientConnections());
    }
}
