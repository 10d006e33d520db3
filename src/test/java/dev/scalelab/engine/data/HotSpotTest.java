package dev.scalelab.engine.data;

import dev.scalelab.engine.data.DatabaseConfig.RangeSplit;
import dev.scalelab.engine.data.DatabaseConfig.ReadPolicy;
import dev.scalelab.engine.data.ShardRouter.Strategy;
import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ranged sharding of 1,000 keys over 4 shards (shard 0 holds keys 0..249, as {@code -40}) under
 * 2,000 reads/s, 70% of them to keys 0..9 and the rest uniform: shard 0 draws 0.70 + 0.30/4 =
 * 77.5% of the load, 3.1x the mean, and each of keys 0..9 draws 7.03%.
 */
class HotSpotTest {
    private static final long MS = Simulation.NANOS_PER_MILLI;

    private static DatabaseConfig ranged(RangeSplit split) {
        return DatabaseConfig.defaults().withShards(4).withKeyCount(1_000).withStrategy(Strategy.RANGE)
                .withReplicasPerShard(0).withReadPolicy(ReadPolicy.PRIMARY_ONLY).withConnectionLimit(100)
                .withServiceMs(new Distribution.Constant(1), new Distribution.Constant(1))
                .withRangeSplit(split).withHotThresholds(2.5, 0.05).withMigration(1_000,
                        DatabaseConfig.MigrationReads.DUAL_READ);
    }

    private static void skewedReads(Simulation sim, Database db, long untilMs) {
        SplittableRandom random = new SplittableRandom(9);
        for (long t = 0; t < untilMs * 2; t++) {
            int key = random.nextDouble() < 0.7 ? random.nextInt(10) : random.nextInt(1_000);
            sim.schedule(t * MS / 2, () -> db.read(key, null, r -> { }));
        }
    }

    @Test
    void aHotRangeIsDetectedAndSplitWhereItsLoadHalves() {
        Simulation sim = new Simulation();
        List<DataEvent> events = new ArrayList<>();
        Database db = new Database(sim, ranged(RangeSplit.HOTTEST), new SplittableRandom(10), events::add);
        skewedReads(sim, db, 6_000);
        DatabaseView[] before = new DatabaseView[1];
        sim.schedule(3_000 * MS, () -> {
            before[0] = db.view();
            assertEquals(4, db.addShard());
        });
        sim.runUntil(6_000 * MS);

        DatabaseView.ShardView zero = before[0].shards().get(0);
        assertEquals("-40", zero.range());
        assertTrue(zero.hot());
        // 70% of reads go to keys 0-9 and 30% to any of 1,000: shard 0 (keys 0-249) carries 0.7 + 0.3 x 0.25,
        // each hot key 0.07 + 0.3 / 1,000.
        assertEquals(0.7 + 0.3 * 0.25, zero.loadShare(), 0.02);
        assertEquals(2_000, before[0].shards().stream().mapToDouble(DatabaseView.ShardView::queriesPerSecond).sum(), 1);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
                before[0].hotKeys().stream().map(DatabaseView.HotKey::key).toList());
        assertEquals(0.07 + 0.3 / 1_000, before[0].hotKeys().get(0).share(), 0.01);

        // Half of shard 0's 77.5% is 38.75%: five hot keys carry 35.2%, six 42.2%. The split falls
        // between them, so the new shard takes keys 5 or 6 up to 249.
        assertEquals(0, db.holderOf(4));
        assertEquals(4, db.holderOf(7));
        assertEquals(4, db.holderOf(249));
        assertEquals(1, db.holderOf(250));
        DataEvent started = events.stream().filter(e -> e.kind() == DataEvent.Kind.MIGRATION_STARTED).findFirst().orElseThrow();
        assertTrue(started.message().contains("split the hottest range -40 of shard 0"), started.message());

        // Afterwards no shard exceeds 2.5x the mean of five (the hot keys still weigh ~40% on each side).
        List<DataEvent.Kind> shard0 = events.stream().filter(e -> e.shardId() == 0)
                .filter(e -> e.kind().name().startsWith("HOT_SHARD")).map(DataEvent::kind).toList();
        assertEquals(List.of(DataEvent.Kind.HOT_SHARD, DataEvent.Kind.HOT_SHARD_CLEARED), shard0);
        assertTrue(db.view().shards().stream().noneMatch(DatabaseView.ShardView::hot));
    }

    @Test
    void withoutLoadTheWidestRangeSplitsAtItsMidpoint() {
        Simulation sim = new Simulation();
        List<DataEvent> events = new ArrayList<>();
        Database db = new Database(sim, ranged(RangeSplit.HOTTEST), new SplittableRandom(11), events::add);
        assertEquals(4, db.addShard());
        sim.runUntil(1_000 * MS);
        assertEquals("-20", db.view().shards().get(0).range());
        assertEquals("20-40", db.view().shards().get(4).range());
        assertEquals(0, db.holderOf(124));
        assertEquals(4, db.holderOf(125));
        assertEquals(125, db.counters().keysMoved());
        assertTrue(events.get(0).message().contains("split the widest range"), events.get(0).message());
    }
}
