package dev.scalelab.engine.data;

import dev.scalelab.engine.data.DatabaseConfig.ReplicationMode;
import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A primary dies under a steady write stream: one write every 10 ms (arriving at 5, 15, 25 ... ms,
 * committing 1 ms later), each to a new key, on one shard whose two replicas apply 200 ms after
 * commit. At 1,000 ms the primary has committed 100 writes (commits 6..996 ms); the replicas have
 * applied the 80 committed before 800 ms. So exactly the 20 writes to keys 80..99 are lost.
 */
class FailoverTest {
    private static final long MS = Simulation.NANOS_PER_MILLI;

    private record Run(Database db, List<DataEvent> events, List<QueryResult> writes, int[] versionsAfter) {
    }

    private static Run killUnderWrites(ReplicationMode mode) {
        Simulation sim = new Simulation();
        DatabaseConfig config = DatabaseConfig.defaults().withShards(1).withKeyCount(1_000).withReplicasPerShard(2)
                .withReplicationLagMs(new Distribution.Constant(200)).withReplicationMode(mode)
                .withServiceMs(new Distribution.Constant(1), new Distribution.Constant(1))
                .withConnectionLimit(100).withFailoverDetectionMs(500);
        List<DataEvent> events = new ArrayList<>();
        Database db = new Database(sim, config, new SplittableRandom(5), events::add);
        List<QueryResult> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int key = i;
            sim.schedule((5 + 10L * i) * MS, () -> db.write(key, null, writes::add));
        }
        sim.schedule(1_000 * MS, () -> assertTrue(db.killPrimary(0)));
        int[] versionsAfter = new int[200];
        sim.schedule(3_000 * MS, () -> {
            for (int key = 0; key < 200; key++) {
                versionsAfter[key] = db.latestVersion(key);
            }
        });
        sim.runUntil(4_000 * MS);
        return new Run(db, events, writes, versionsAfter);
    }

    @Test
    void asyncFailoverLosesExactlyTheUnreplicatedWrites() {
        Run run = killUnderWrites(ReplicationMode.ASYNC);
        DatabaseView.Counters c = run.db().counters();
        assertEquals(20, c.lostWrites());
        assertEquals(20, c.lostAcknowledgedWrites()); // async: every one had been acknowledged
        for (int key = 0; key < 80; key++) {
            assertEquals(1, run.versionsAfter()[key], "key " + key);
        }
        for (int key = 80; key < 100; key++) {
            assertEquals(0, run.versionsAfter()[key], "key " + key + " was lost");
        }
        // Writes arriving between the death (1,000 ms) and the promotion (1,500 ms) fail: keys 100..149;
        // the new primary takes the ones from 1,505 ms on: keys 150..199.
        assertEquals(50, run.writes().stream().filter(w -> !w.ok()).count());
        for (int key = 100; key < 200; key++) {
            assertEquals(key < 150 ? 0 : 1, run.versionsAfter()[key], "key " + key);
        }
        DataEvent lost = run.events().stream().filter(e -> e.kind() == DataEvent.Kind.WRITES_LOST).findFirst().orElseThrow();
        assertEquals(1_500 * MS, lost.atNanos());
        assertTrue(lost.message().contains("lost 20 writes (LSN 81..100"), lost.message());
    }

    @Test
    void semiSynchronousFailoverLosesNoAcknowledgedWrite() {
        Run run = killUnderWrites(ReplicationMode.SEMI_SYNC);
        DatabaseView.Counters c = run.db().counters();
        // The same 20 commits never reached a replica, but none of them had been acknowledged: their
        // clients were still waiting and got a failure when the primary died.
        assertEquals(20, c.lostWrites());
        assertEquals(0, c.lostAcknowledgedWrites());
        for (QueryResult w : run.writes()) {
            if (w.ok()) {
                assertEquals(1, run.versionsAfter()[w.key()], "acknowledged write of key " + w.key());
            }
        }
    }

    @Test
    void theMostUpToDateReplicaIsPromotedAndServesWrites() {
        Run run = killUnderWrites(ReplicationMode.ASYNC);
        DatabaseView.ShardView shard = run.db().view().shards().get(0);
        assertTrue(shard.available());
        assertFalse(shard.nodes().get(0).alive());
        assertEquals(1, shard.nodes().stream().filter(DatabaseView.NodeView::primary).filter(DatabaseView.NodeView::alive).count());
        // The new primary continues the log from its own position: 80 kept + 50 new writes.
        assertEquals(130, shard.headLsn());
        List<DataEvent.Kind> kinds = run.events().stream().map(DataEvent::kind).toList();
        assertEquals(List.of(DataEvent.Kind.PRIMARY_KILLED, DataEvent.Kind.PROMOTED, DataEvent.Kind.WRITES_LOST), kinds);
    }
}
