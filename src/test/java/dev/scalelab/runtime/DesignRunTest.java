package dev.scalelab.runtime;

import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.Topology;
import dev.scalelab.world.network.Network;
import dev.scalelab.world.network.NetworkSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canvas's run thread: paced, paused, and the same run whatever the pacing. */
class DesignRunTest {
    private static final Scenario DESIGN = Scenario.DEFAULT.withTopology(new Topology(
            List.of(Topology.Node.of("users", NodeKind.CLIENTS), Topology.Node.of("api", NodeKind.SERVICE),
                    Topology.Node.of("db", NodeKind.DATABASE)),
            List.of(Topology.Edge.of("users", "api", EdgeMode.SYNC), Topology.Edge.of("api", "db", EdgeMode.SYNC))))
            .withDurationSeconds(20);

    @Test
    void atMaxSpeedItRunsToTheEndAndEndsWhereOneUnpacedRunEnds() throws Exception {
        Network direct = new Network(DESIGN);
        direct.run();
        NetworkSnapshot expected = direct.snapshot();
        try (DesignRun run = new DesignRun(DESIGN)) {
            run.setSpeed(DesignRun.MAX_SPEED);
            run.start();
            waitUntil(run::finished);
            NetworkSnapshot last = run.latest();
            assertEquals(20.0, last.timeSeconds(), 1e-9);
            assertTrue(last.totals().completed() > 1000, "400 req/s for 20 s: " + last.totals().completed());
            assertEquals(expected.totals(), last.totals(), "the slices the thread ran in change nothing");
            assertEquals(expected.nodes(), last.nodes());
            assertEquals(null, run.failure());
        }
    }

    @Test
    void pausedItHoldsVirtualTimeAndResumedItGoesOn() throws Exception {
        try (DesignRun run = new DesignRun(DESIGN)) {
            run.setPaused(true);
            run.setSpeed(100);
            run.start();
            Thread.sleep(200);
            assertEquals(0.0, run.latest().timeSeconds(), "paused from the start");
            run.setPaused(false);
            waitUntil(() -> run.latest().timeSeconds() > 1);
            run.setPaused(true);
            Thread.sleep(100); // let a slice under way end
            double held = run.latest().timeSeconds();
            Thread.sleep(200);
            assertEquals(held, run.latest().timeSeconds());
        }
    }

    /**
     * Changes made while the run goes on (one while paused at t = 0, applied at 0.001 s; one later at
     * whatever time the thread has reached) are recorded as set entries at their moments: the recorded
     * design run headless gives the run's own report, text for text.
     */
    @Test
    void liveChangesAreRecordedSoTheRecordedDesignRunsIntoTheSameReport() throws Exception {
        try (DesignRun run = new DesignRun(DESIGN)) {
            run.setPaused(true);
            run.start();
            DesignRun.Applied first = run.apply("nodes.api.service.instances", 6).get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(new DesignRun.Applied(0.001, "api", "service.instances 4 -> 6"), first);
            run.setSpeed(50);
            run.setPaused(false);
            waitUntil(() -> run.latest().timeSeconds() > 2);
            DesignRun.Applied second = run.apply("nodes.api.service.workersPerInstance", 2).get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(second.atSeconds() > 2, "applied where the run was: " + second.atSeconds());
            assertEquals(Math.rint(second.atSeconds() * 1000) / 1000, second.atSeconds(), "on a whole millisecond");
            ScenarioException refused = assertThrows(ScenarioException.class, () -> run.apply("nodes.db.database.sharding.shards", 4));
            assertTrue(refused.getMessage().startsWith("nodes.db.database.sharding.shards: cannot change while the run goes on"),
                    refused.getMessage());
            run.setSpeed(DesignRun.MAX_SPEED);
            waitUntil(run::finished);
            Scenario recorded = run.recordedScenario();
            assertEquals(List.of(Scenario.TimelineEntry.set(0.001, "nodes.api.service.instances", 6),
                    Scenario.TimelineEntry.set(second.atSeconds(), "nodes.api.service.workersPerInstance", 2)), recorded.timeline());
            Network headless = new Network(recorded);
            headless.run();
            assertEquals(headless.reportJson(), run.finalReport());
            // The file round trip keeps them: the saved design replays too.
            Network reread = new Network(dev.scalelab.world.ScenarioFiles.parse(dev.scalelab.world.ScenarioFiles.write(recorded)));
            reread.run();
            assertEquals(headless.reportJson(), reread.reportJson());
        }
    }

    @Test
    void aDesignThatCannotRunIsRefusedWithTheReasonBeforeAnyThreadStarts() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> new DesignRun(Scenario.DEFAULT));
        assertTrue(e.getMessage().contains("topology"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DesignRun(DESIGN).setSpeed(0));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
