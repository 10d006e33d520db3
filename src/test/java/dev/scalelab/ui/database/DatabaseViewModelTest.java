package dev.scalelab.ui.database;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Presets;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseViewModelTest {
    private final DatabaseViewModel viewModel = new DatabaseViewModel();

    private static World at(String preset, double seconds) {
        World world = new World(Presets.load(preset));
        world.advanceTo(Simulation.secondsToNanos(seconds));
        return world;
    }

    @Test
    void aScenarioWithoutADatabaseSaysSo() {
        viewModel.update(at("default", 2).snapshot());
        assertFalse(viewModel.hasDatabaseProperty().get());
        assertEquals(0, viewModel.newReads());
    }

    @Test
    void theHeadlineFollowsTheLastSecondAndTheCountersSinceTheStart() {
        World world = at("replica-lag", 30);
        viewModel.update(world.snapshot());
        assertTrue(viewModel.hasDatabaseProperty().get());
        assertEquals("2", viewModel.shardsProperty().get().substring(0, 1));
        assertTrue(viewModel.queriesProperty().get().endsWith(" q/s"), viewModel.queriesProperty().get());
        assertTrue(viewModel.staleReadsProperty().get().endsWith(" /s"));
        long violations = world.snapshot().data().database().counters().readYourWritesViolations();
        assertTrue(violations > 0, "replicas lag 50-500 ms under eventual consistency");
        assertEquals(String.format("%,d", violations), viewModel.violationsProperty().get());
        assertEquals("0", viewModel.lostWritesProperty().get());
    }

    @Test
    void theCountersAreTheFramesOwnSoTheCardsAgreeWithTheDrawingsBetweenSeconds() {
        World world = at("replica-lag", 30);
        viewModel.update(world.snapshot());
        long atTheSecond = world.snapshot().data().database().counters().readYourWritesViolations();
        world.advanceTo(Simulation.secondsToNanos(30.6));
        viewModel.update(world.snapshot());
        long now = world.snapshot().data().database().counters().readYourWritesViolations();
        assertTrue(now > atTheSecond, "violations go on between two samples");
        // The read path draws the frame's counter; the card must show the same number, not the last second's.
        assertEquals(String.format("%,d", now), viewModel.violationsProperty().get());

        World resharding = at("resharding", 61);
        viewModel.update(resharding.snapshot());
        resharding.advanceTo(Simulation.secondsToNanos(61.7));
        viewModel.update(resharding.snapshot());
        var migration = resharding.snapshot().data().database().migration();
        assertTrue(migration.active() && migration.keysMoved() > 0, "mid-migration");
        // The same figure as the migration strip's "moved / to move".
        assertEquals(String.format("%,d", migration.keysMoved()), viewModel.keysMovedProperty().get());
    }

    @Test
    void readsAndStaleReadsAreCountedFromFrameToFrameAndNotAcrossARestart() {
        World world = at("replica-lag", 10);
        viewModel.update(world.snapshot());
        assertEquals(0, viewModel.newReads(), "the first frame has nothing to compare with");
        long reads = world.snapshot().data().database().counters().reads();
        long stale = world.snapshot().data().database().counters().staleReads();
        world.advanceTo(Simulation.secondsToNanos(11));
        viewModel.update(world.snapshot());
        assertEquals(world.snapshot().data().database().counters().reads() - reads, viewModel.newReads());
        assertEquals(world.snapshot().data().database().counters().staleReads() - stale, viewModel.newStaleReads());
        assertTrue(viewModel.newReads() > 100);
        viewModel.update(at("replica-lag", 2).snapshot());
        assertEquals(0, viewModel.newReads(), "a restarted run is not a burst of reads");
        assertEquals(0, viewModel.newStaleReads());
    }

    @Test
    void theComparisonIsMeasuredAgainOnlyWhenTheShardsChange() {
        World world = at("resharding", 1);
        var data = world.snapshot().data();
        MoveComparison first = viewModel.comparison(data.router(), 100, 20_000);
        assertSame(first, viewModel.comparison(data.router(), 100, 20_000));
        assertEquals(0.8, first.rows().get(0).movedFraction(), 0.02, "mod 4 -> 5");
        world.advanceTo(Simulation.secondsToNanos(61));
        MoveComparison after = viewModel.comparison(world.snapshot().data().router(), 100, 20_000);
        assertEquals(5, after.shards());
        assertEquals(5 / 6.0, after.rows().get(0).movedFraction(), 0.02, "mod 5 -> 6");
    }

    @Test
    void chartsUpdateForNewSamplesAtMostFourTimesASecondButAtOnceAfterARestart() {
        long ms = 1_000_000L;
        assertFalse(viewModel.chartsDue(Double.NaN, 0), "no sample yet");
        assertTrue(viewModel.chartsDue(3, 0));
        assertFalse(viewModel.chartsDue(3, 100 * ms), "no new sample");
        assertFalse(viewModel.chartsDue(4, 100 * ms), "too soon after the last update");
        assertTrue(viewModel.chartsDue(4, 300 * ms), "the held-back sample shows later");
        assertTrue(viewModel.chartsDue(1, 350 * ms), "a restarted run clears the charts at once");
    }
}
