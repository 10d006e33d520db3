package dev.scalelab.ui.balancing;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShareHistoryTest {

    /** Advances one virtual second at a time, recording each new sample. */
    private static void run(World world, ShareHistory history, int fromSecond, int toSecond) {
        for (int t = fromSecond; t <= toSecond; t++) {
            world.advanceTo(Simulation.secondsToNanos(t) + 1);
            history.record(world.snapshot());
        }
    }

    @Test
    void roundRobinGivesEveryInstanceAnEighthOfEachSecond() {
        World world = Worlds.slowInstance("round-robin");
        ShareHistory history = new ShareHistory();
        run(world, history, 1, 10);
        ShareHistory.Line slow = history.line("i-3");
        assertTrue(slow.size() >= 9, "points " + slow.size());
        for (int i = 0; i < slow.size(); i++) {
            assertEquals(12.5, slow.percent(i), 0.5, "second " + slow.time(i));
        }
    }

    @Test
    void eachPointIsTheShareSinceThePreviousOneNotSinceTheStart() {
        World world = Worlds.slowInstance("round-robin");
        ShareHistory history = new ShareHistory();
        run(world, history, 1, 30);
        world.applyUserChange(Parameter.of("balancer.strategy"), "p2c");
        run(world, history, 31, 40);
        ShareHistory.Line slow = history.line("i-3");
        double last = slow.percent(slow.size() - 1);
        Snapshot now = world.snapshot();
        double cumulative = 100.0 * now.instances().get(3).routed() / now.offered();
        assertTrue(last < 8, "p2c routes around the slow instance: " + last);
        assertTrue(cumulative > 10, "while its share since t = 0 is still near an eighth: " + cumulative);
    }

    @Test
    void aSampleAlreadyRecordedIsNotRecordedTwiceAndANewRunStartsOver() {
        World world = Worlds.slowInstance("round-robin");
        ShareHistory history = new ShareHistory();
        run(world, history, 1, 5);
        int points = history.line("i-0").size();
        assertFalse(history.record(world.snapshot()));
        assertEquals(points, history.line("i-0").size());

        World again = Worlds.slowInstance("round-robin");
        again.advanceTo(Simulation.secondsToNanos(2) + 1);
        assertTrue(history.record(again.snapshot()));
        assertEquals(1, history.line("i-0").size());
        assertEquals(2.0, history.recordedUntilSeconds(), 1e-9);
    }
}
