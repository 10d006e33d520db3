package dev.scalelab.world;

import dev.scalelab.engine.metrics.SeriesView;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The series of the Scaling, Caching, Performance and Events panels in the run's history: recorded
 * from t = 0 with the numbers the live series hold, only for the parts a scenario has, and bounded.
 */
class RunHistoryPartsTest {

    /** Every second of {@code live} (which ends with the run's newest second) equals the history's one-second bucket. */
    private static void assertSameSeconds(double[] live, SeriesView history, double scale, long runSeconds, String what) {
        assertEquals(runSeconds, history.buckets(), what + ": one bucket per second");
        for (int i = 0; i < live.length; i++) {
            int k = (int) (runSeconds - live.length + i);
            double v = live[i] * scale;
            if (Double.isNaN(v)) {
                assertEquals(0, history.count(k), what + " second " + k + " has no value");
            } else {
                assertEquals(v, history.mean(k), Math.abs(v) * 1e-12, what + " second " + k);
            }
        }
    }

    private static double sumOf(SeriesView v) {
        double sum = 0;
        for (int k = 0; k < v.buckets(); k++) {
            sum += v.sum(k);
        }
        return sum;
    }

    private static double maxOf(SeriesView v) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < v.buckets(); k++) {
            if (v.count(k) > 0) {
                max = Math.max(max, v.max(k));
            }
        }
        return max;
    }

    @Test
    void theCacheAndTheCostAreRecordedFromTheStart() {
        World world = new World(Presets.load("full-stack"));
        world.advanceTo(Simulation.secondsToNanos(200));
        Snapshot s = world.snapshot();
        RunHistory.View h = s.history();
        Snapshot.CacheView cache = s.cache();
        assertSameSeconds(cache.hitRatioSeries(), h.get(RunHistory.Keys.CACHE_HIT_RATIO), 1, 200, "hit ratio");
        assertSameSeconds(cache.storeLoadsPerSecond(), h.get(RunHistory.Keys.CACHE_STORE_LOADS), 1, 200, "store loads");
        assertSameSeconds(cache.duplicateLoadsPerSecond(), h.get(RunHistory.Keys.CACHE_DUPLICATE_LOADS), 1, 200, "duplicates");
        assertSameSeconds(cache.coalescedReadsPerSecond(), h.get(RunHistory.Keys.CACHE_COALESCED_READS), 1, 200, "coalesced");
        for (Snapshot.CacheLevelView level : cache.levels()) {
            assertSameSeconds(level.hitRatioSeries(), h.get(RunHistory.Keys.cacheLevelHitRatio(level.name())), 1, 200, level.name());
        }
        assertTrue(h.get(RunHistory.Keys.CACHE_HIT_RATIO).mean(100) > 0.3, "a warm cache hits");
        assertSameSeconds(s.series().costDollars(), h.get(RunHistory.Keys.COST_DOLLARS), 1, 200, "cost so far");
        // full-stack has no heap model and no events: none of their series is kept.
        assertFalse(h.has(RunHistory.Keys.GC_COLLECTIONS));
        assertTrue(h.series().keySet().stream().noneMatch(k -> k.startsWith("events/")));
    }

    @Test
    void theRuntimeTheConnectionPoolsAndThePhasesAreRecorded() {
        World gc = new World(Presets.load("gc-pauses"));
        gc.advanceTo(Simulation.secondsToNanos(150));
        Snapshot s = gc.snapshot();
        RunHistory.View h = s.history();
        PerformanceView.RuntimeView runtime = s.performance().runtime();
        assertSameSeconds(runtime.longestPauseMsPerSecond(), h.get(RunHistory.Keys.GC_LONGEST_PAUSE_MS), 1, 150, "pause");
        assertSameSeconds(runtime.collectionsPerSecond(), h.get(RunHistory.Keys.GC_COLLECTIONS), 1, 150, "collections");
        assertSameSeconds(runtime.allocationMbPerSecond(), h.get(RunHistory.Keys.ALLOCATION_MB), 1, 150, "allocation");
        assertTrue(sumOf(h.get(RunHistory.Keys.GC_COLLECTIONS)) > 0, "the heap collects");
        double[][] phases = s.performance().profile().meanMsSeries();
        for (Phase p : Phase.values()) {
            assertSameSeconds(phases[p.ordinal()], h.get(RunHistory.Keys.phaseMeanMs(p.id())), 1, 150, p.id());
        }

        World pools = new World(Presets.load("pool-exhaustion"));
        pools.advanceTo(Simulation.secondsToNanos(150));
        Snapshot p = pools.snapshot();
        PerformanceView.ConnectionsView c = p.performance().connections();
        assertSameSeconds(c.waitMsP99Series(), p.history().get(RunHistory.Keys.CONNECTION_WAIT_P99_MS), 1, 150, "wait p99");
        assertSameSeconds(c.timeoutsPerSecond(), p.history().get(RunHistory.Keys.CONNECTION_TIMEOUTS), 1, 150, "timeouts");
        assertSameSeconds(c.refusedPerSecond(), p.history().get(RunHistory.Keys.CONNECTION_REFUSED), 1, 150, "refused");
    }

    @Test
    void eachConsumerGroupAndQueueIsRecordedWithItsMostLaggingPartition() {
        World world = new World(Presets.load("event-backlog"));
        world.advanceTo(Simulation.secondsToNanos(180));
        Snapshot s = world.snapshot();
        RunHistory.View h = s.history();
        assertFalse(s.events().groups().isEmpty());
        for (EventsView.GroupView g : s.events().groups()) {
            String source = "group " + g.name();
            assertSameSeconds(g.totalLagSeries(), h.get(RunHistory.Keys.events(source, RunHistory.EventsMeasure.LAG)), 1, 180, "lag");
            assertSameSeconds(g.consumersSeries(), h.get(RunHistory.Keys.events(source, RunHistory.EventsMeasure.CONSUMERS)), 1, 180,
                    "consumers");
            assertSameSeconds(g.duplicatesSeries(), h.get(RunHistory.Keys.events(source, RunHistory.EventsMeasure.DUPLICATES)), 1, 180,
                    "duplicates");
            // The most-lagging partition's lag, second by second, is the largest of the partitions' lags.
            SeriesView worst = h.get(RunHistory.Keys.events(source, RunHistory.EventsMeasure.LAG_DETAIL));
            double[][] partitions = g.partitionLagSeries();
            for (int i = 0; i < partitions[0].length; i++) {
                double max = 0;
                for (double[] lag : partitions) {
                    max = Double.isNaN(lag[i]) ? max : Math.max(max, lag[i]);
                }
                assertEquals(max, worst.mean((int) (180 - partitions[0].length + i)), 0.0, "second " + i);
            }
            assertTrue(maxOf(worst) > 0, "a backlog lags");
        }
    }

    @Test
    void theAddedSeriesStayBoundedOverTwoHours() {
        World world = new World(Presets.load("event-backlog").withDurationSeconds(7200));
        world.advanceTo(Simulation.secondsToNanos(7200));
        RunHistory.View h = world.snapshot().history();
        SeriesView lag = h.series().entrySet().stream().filter(e -> e.getKey().startsWith("events/")).findFirst()
                .orElseThrow().getValue();
        assertEquals(2, lag.bucketSeconds());
        assertEquals(3600, lag.buckets());
        // Bounded per series, and the number of series does not grow with the partitions (one "most-lagging" line per group).
        assertTrue(world.historyBytes() <= (long) h.series().size() * 4096 * 28, "bytes " + world.historyBytes());
        assertTrue(h.series().size() < 80, h.series().size() + " series");
    }
}
