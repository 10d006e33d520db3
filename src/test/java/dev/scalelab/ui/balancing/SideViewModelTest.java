package dev.scalelab.ui.balancing;

import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SideViewModelTest {
    private static final long MILLIS = 1_000_000L;

    @Test
    void showsTheFiguresOfTheSide() {
        Snapshot snapshot = Worlds.after(Worlds.slowInstance("round-robin"), 30);
        SideViewModel side = new SideViewModel();
        side.update(snapshot, false, 0);
        assertEquals("Round robin", side.strategyProperty().get());
        assertEquals(Integer.toString(SideViewModel.maxQueue(snapshot)), side.maxQueueProperty().get());
        assertEquals(snapshot.instances().get(3).queued(), SideViewModel.maxQueue(snapshot), "the slow instance has the longest queue");
        assertEquals(String.format(java.util.Locale.ROOT, "%,d", snapshot.rejected()), side.dropsProperty().get());
        assertEquals(dev.scalelab.ui.Formats.millis(snapshot.lastSample().p99Ms()) + " ms", side.p99Property().get());
    }

    @Test
    void whileRunningTheDecisionChangesAtMostTwiceASecond() {
        World world = Worlds.slowInstance("p2c");
        SideViewModel side = new SideViewModel();
        side.update(Worlds.after(world, 5), false, 0);
        String first = side.decisionProperty().get();
        side.update(Worlds.after(world, 5.1), false, 100 * MILLIS);
        assertEquals(first, side.decisionProperty().get());
        side.update(Worlds.after(world, 5.2), false, 600 * MILLIS);
        assertNotEquals(first, side.decisionProperty().get());
    }

    @Test
    void pausedEveryStepShowsTheNewestDecision() {
        World world = Worlds.slowInstance("p2c");
        SideViewModel side = new SideViewModel();
        side.update(Worlds.after(world, 5), true, 0);
        String first = side.decisionProperty().get();
        Snapshot stepped = Worlds.after(world, 5.1);
        side.update(stepped, true, 16 * MILLIS);
        assertNotEquals(first, side.decisionProperty().get());
        assertEquals(PickText.of(stepped).numberedHeadline(), side.decisionProperty().get());
        assertEquals(PickText.of(stepped), side.shownPick());
    }
}
