package dev.scalelab.ui.caching;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CachingViewModelTest {
    /** A model fed by hand; its runner is never started, it only stands where the panel's commands go. */
    private static CachingViewModel newModel() {
        return new CachingViewModel(new SimulationRunner(Presets.load("cache-stampede"), false), name -> { });
    }

    private long wallNanos;

    /** A frame, then the pulses of a second of wall time: the figures show it. */
    private void show(CachingViewModel model, Snapshot snapshot) {
        model.update(snapshot);
        wallNanos += 1_000_000_000L;
        model.publish(wallNanos);
    }

    private static World runTo(String preset, double seconds) {
        World world = new World(Presets.load(preset));
        world.advanceTo(Simulation.secondsToNanos(seconds));
        return world;
    }

    @Test
    void aScenarioWithoutACacheShowsTheNoCacheState() {
        CachingViewModel model = newModel();
        show(model, runTo("default", 2).snapshot());
        assertFalse(model.hasCacheProperty().get());
        assertTrue(model.levels().isEmpty());
    }

    @Test
    void theStampedeAtSixtySecondsRaisesTheAlarmAndItsDuplicateLoadsAreTheHeadline() {
        World world = runTo("cache-stampede", 59);
        CachingViewModel model = newModel();
        show(model, world.snapshot());
        assertTrue(model.hasCacheProperty().get());
        assertFalse(model.stampedeProperty().get(), "a quiet second: " + model.duplicateLoadsProperty().get());
        assertEquals("off", model.coalescingProperty().get());

        world.advanceTo(Simulation.secondsToNanos(61));
        show(model, world.snapshot());
        assertTrue(model.stampedeProperty().get());
        double duplicates = model.duplicateLoadsPerSecond();
        assertTrue(duplicates > 100, "duplicate loads in the stampede second: " + duplicates);
        assertEquals(String.format(java.util.Locale.ROOT, "%,d /s", Math.round(duplicates)), model.duplicateLoadsProperty().get());
    }

    @Test
    void eachLevelsCardNamesItsPolicyScopeAndTheInstanceWhoseCopyIsDrawn() {
        World world = runTo("cache-stampede", 10);
        CachingViewModel model = newModel();
        show(model, world.snapshot());
        world.advanceTo(Simulation.secondsToNanos(11.5));
        show(model, world.snapshot());
        List<LevelFigures> levels = model.levels();
        assertEquals(2, levels.size());
        LevelFigures l1 = levels.get(0);
        assertEquals("L1 · lru", l1.title);
        assertEquals("per instance × 4", l1.scope);
        assertEquals("i-0's copy · 50 slots", l1.drawn);
        assertTrue(l1.hitRatio.endsWith(" %"), l1.hitRatio);
        assertEquals("200 / 200", l1.occupancy, "four copies of 50");
        assertEquals("0.05 ms", l1.latency);
        assertEquals("10 min", l1.ttl);
        assertTrue(l1.lookupsPerSecond.endsWith("/s"), l1.lookupsPerSecond);
        LevelFigures l2 = levels.get(1);
        assertEquals("shared", l2.scope);
        assertEquals("500 slots", l2.drawn);
    }

    @Test
    void latencySavedIsHitsTimesWhatTheStoreWouldHaveCostMore() {
        assertEquals(2 * 799.95 / 1000 * 1000, CachingViewModel.savedSeconds(2000, 800, 0.05), 1e-9);
        assertEquals(0, CachingViewModel.savedSeconds(10, 1, 5), "a level slower than the store saves nothing");
        assertEquals(800, CachingViewModel.storeLatencyMs(Presets.load("cache-stampede")), 1e-9);
        assertEquals("45 s", CachingViewModel.duration(45));
        assertEquals("12 min", CachingViewModel.duration(720));
        assertEquals("7.4 h", CachingViewModel.duration(7.4 * 3600));
    }

    @Test
    void theDrawnCopyBelongsToTheLowestNumberedInstancePastBooting() {
        Snapshot.InstanceView booting = instance(0, Snapshot.InstanceState.BOOTING);
        Snapshot.InstanceView ready = instance(3, Snapshot.InstanceState.READY);
        Snapshot.InstanceView failed = instance(2, Snapshot.InstanceState.FAILED);
        assertEquals("i-2", CachingViewModel.drawnCopyOwner(List.of(booting, ready, failed)),
                "a crashed instance keeps its copy until it is removed");
        assertNull(CachingViewModel.drawnCopyOwner(List.of(booting)));
    }

    @Test
    void aStampedeIsManyDuplicateLoadsAndAFairShareOfAllLoads() {
        assertFalse(CachingViewModel.isStampede(15, 20), "a few, by chance");
        assertFalse(CachingViewModel.isStampede(25, 1000), "a small share of a busy store");
        assertFalse(CachingViewModel.isStampede(42, 120), "cache-stampede's cold keys in a quiet second");
        assertTrue(CachingViewModel.isStampede(741, 828));
    }

    @Test
    void ttlsReadInTheirNaturalUnit() {
        assertEquals("none", CachingViewModel.ttl(0));
        assertEquals("45 s", CachingViewModel.ttl(45));
        assertEquals("10 min", CachingViewModel.ttl(600));
        assertEquals("1 h", CachingViewModel.ttl(3600));
        assertEquals("90 s", CachingViewModel.ttl(90));
    }

    @Test
    void figuresChangeTextAFewTimesASecondButTheAlarmAtOnce() {
        World world = runTo("cache-stampede", 59);
        CachingViewModel model = newModel();
        model.update(world.snapshot());
        assertTrue(model.publish(0), "the first frame shows at once");
        world.advanceTo(Simulation.secondsToNanos(60.016));
        model.update(world.snapshot());
        assertFalse(model.publish(16_000_000L), "too soon after the last");
        world.advanceTo(Simulation.secondsToNanos(60.4));
        model.update(world.snapshot());
        assertTrue(model.stampedeProperty().get(), "the alarm does not wait");
        assertTrue(model.publish(32_000_000L), "nor do the figures when it rings");
        assertTrue(model.duplicateLoadsPerSecond() > 100, "duplicate loads: " + model.duplicateLoadsPerSecond());
    }

    @Test
    void chartsRedrawForANewSecondAtMostFourTimesAWallSecondButAtOnceForANewRun() {
        CachingViewModel model = newModel();
        assertTrue(model.chartsDue(10, 0));
        assertFalse(model.chartsDue(10, 1_000_000_000L), "no new second");
        assertFalse(model.chartsDue(11, 100_000_000L), "too soon");
        assertTrue(model.chartsDue(11, 300_000_000L));
        assertTrue(model.chartsDue(1, 310_000_000L), "a new run");
    }

    private static Snapshot.InstanceView instance(int number, Snapshot.InstanceState state) {
        return new Snapshot.InstanceView(number, "i-" + number, state, 8, 0, 0, 100, 0, 0, 0, "medium", 2, 1, false, 1, 0.1, 1, 0);
    }

    @Test
    void theStoreIsTheDatabaseWhenTheScenarioHasOne() {
        Scenario withDatabase = Presets.load("replica-lag");
        if (withDatabase.cache() != null) {
            assertEquals(withDatabase.database().readServiceTime().mean(), CachingViewModel.storeLatencyMs(withDatabase), 1e-9);
        }
    }
}
