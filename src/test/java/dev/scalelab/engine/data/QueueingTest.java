package dev.scalelab.engine.data;

import dev.scalelab.engine.data.DatabaseConfig.ReadPolicy;
import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each node is a FIFO server with a connection limit and a bounded queue; read policies spread reads. */
class QueueingTest {
    private static final long MS = Simulation.NANOS_PER_MILLI;

    private static DatabaseConfig oneShard(int replicas, ReadPolicy policy) {
        return DatabaseConfig.defaults().withShards(1).withKeyCount(100).withReplicasPerShard(replicas)
                .withReadPolicy(policy).withConnectionLimit(2).withQueueCapacity(3)
                .withServiceMs(new Distribution.Constant(10), new Distribution.Constant(10));
    }

    @Test
    void twoConnectionsServeWhileThreeWaitAndTheRestAreRejected() {
        Simulation sim = new Simulation();
        Database db = new Database(sim, oneShard(0, ReadPolicy.PRIMARY_ONLY), new SplittableRandom(12), e -> { });
        List<QueryResult> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            db.read(i, null, results::add);
        }
        DatabaseView.NodeView primary = db.view().shards().get(0).nodes().get(0);
        assertEquals(2, primary.connectionsBusy());
        assertEquals(3, primary.queueLength());
        assertEquals(0, results.size()); // even rejections arrive from an event, not inside read()
        sim.runUntil(100 * MS);
        assertEquals(5, results.stream().filter(r -> r.outcome() == QueryResult.Outcome.REJECTED).count());
        assertEquals(List.of(10L, 10L, 20L, 20L, 30L), results.stream().filter(QueryResult::ok)
                .map(r -> r.completedNanos() / MS).toList());
        assertEquals(5, db.counters().rejected());
    }

    @Test
    void readPoliciesChooseTheirNodes() {
        assertEquals(List.of(300L, 0L, 0L), servedPerNode(ReadPolicy.PRIMARY_ONLY));
        assertEquals(List.of(100L, 100L, 100L), servedPerNode(ReadPolicy.ROUND_ROBIN));
        List<Long> replicasFirst = servedPerNode(ReadPolicy.REPLICAS_FIRST);
        assertEquals(0L, replicasFirst.get(0));
        // Uniform choice between two replicas: 150 each, binomial sigma 8.7, 4 sigma = 35.
        assertEquals(150, replicasFirst.get(1), 35);
    }

    private static List<Long> servedPerNode(ReadPolicy policy) {
        Simulation sim = new Simulation();
        Database db = new Database(sim, oneShard(2, policy), new SplittableRandom(13), e -> { });
        for (int i = 0; i < 300; i++) {
            int key = i % 100;
            sim.schedule(i * 20 * MS, () -> db.read(key, null, r -> { }));
        }
        sim.runUntil(10_000 * MS);
        return db.view().shards().get(0).nodes().stream().map(DatabaseView.NodeView::served).toList();
    }
}
