package dev.scalelab.world;

import dev.scalelab.engine.metrics.SeriesView;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunHistoryTest {

    @Test
    void theHistoryHoldsEveryChartedSeriesFromTheStartAtOneSecondPerBucket() {
        World world = new World(Presets.load("full-stack"));
        world.advanceTo(Simulation.secondsToNanos(300));
        Snapshot s = world.snapshot();
        RunHistory.View h = s.history();
        assertEquals(300, h.seconds());
        SeriesView offered = h.get(RunHistory.Keys.OFFERED);
        assertEquals(300, offered.buckets());
        assertEquals(1, offered.bucketSeconds());
        // The same numbers as the live series, which holds the newest 300 seconds.
        Snapshot.Series live = s.series();
        for (int i = 0; i < live.size(); i++) {
            int k = (int) Math.round(live.timeSeconds()[i]) - 1;
            assertEquals(live.offeredPerSecond()[i], offered.mean(k), 0.0, "second " + k);
            assertEquals(live.p99Ms()[i], h.get(RunHistory.Keys.P99_MS).mean(k), 0.0);
        }
        // Each instance's share of a second adds up to 100 % over the instances.
        for (int k = 10; k < 300; k += 37) {
            double sum = 0;
            for (Snapshot.InstanceView in : s.instances()) {
                SeriesView share = h.get(RunHistory.Keys.sharePercent(in.id()));
                if (k < share.buckets() && share.count(k) > 0) {
                    sum += share.mean(k);
                }
            }
            assertEquals(100, sum, 1e-6, "second " + k);
        }
        // The database's shards and the dependencies' breakers are there from t = 0, not from when a panel looked.
        int shards = s.data().database().shards().size();
        for (var shard : s.data().database().shards()) {
            assertEquals(300, h.get(RunHistory.Keys.shardQueries(shard.shardId())).buckets());
            assertTrue(h.get(RunHistory.Keys.shardQueries(shard.shardId())).count(0) == 1);
        }
        assertTrue(shards > 1);
        for (Snapshot.DependencyView d : s.dependencies()) {
            SeriesView state = h.get(RunHistory.Keys.breakerState(d.name()));
            assertEquals(300, state.buckets());
            assertEquals(1, state.count(0));
        }
        assertTrue(h.get(RunHistory.Keys.logLines(Source.WORLD)).max(0) >= 1, "the start's log line");
    }

    @Test
    void theViewIsTheSameObjectUntilTheNextSecond() {
        World world = new World(Presets.load("default"));
        world.advanceTo(Simulation.secondsToNanos(5.5));
        RunHistory.View a = world.snapshot().history();
        world.advanceTo(Simulation.secondsToNanos(5.9));
        assertSame(a, world.snapshot().history());
        world.advanceTo(Simulation.secondsToNanos(6.1));
        assertEquals(6, world.snapshot().history().seconds());
    }

    @Test
    void aTwoHourRunKeepsItsHistoryBoundedAndItsSpikes() {
        Scenario scenario = Presets.load("default").withDurationSeconds(7200);
        World world = new World(scenario);
        world.advanceTo(Simulation.secondsToNanos(7200));
        RunHistory.View h = world.snapshot().history();
        SeriesView offered = h.get(RunHistory.Keys.OFFERED);
        assertEquals(2, offered.bucketSeconds()); // 7,200 s > 4,096 one-second buckets
        assertEquals(3600, offered.buckets());
        // Bounded: at most 4,096 buckets of 28 bytes per series.
        assertTrue(world.historyBytes() <= (long) h.series().size() * 4096 * 28, "bytes " + world.historyBytes());
    }
}
