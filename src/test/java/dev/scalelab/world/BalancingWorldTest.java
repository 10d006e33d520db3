package dev.scalelab.world;

import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The balancer inside the whole system, in virtual time. */
class BalancingWorldTest {

    private static World run(Scenario s, double seconds) {
        World w = new World(s);
        w.advanceTo(Simulation.secondsToNanos(seconds));
        return w;
    }

    private static Scenario withStrategy(Scenario s, String strategy) {
        return Parameter.of("balancer.strategy").applyTo(s, strategy);
    }

    @Test
    void aSlowInstanceBlowsUpRoundRobinsP99WhileP2cAndPeakEwmaRouteAroundIt() {
        Scenario slow = Presets.load("slow-instance");
        Snapshot rr = run(withStrategy(slow, "round-robin"), 300).snapshot();
        Snapshot p2c = run(withStrategy(slow, "p2c"), 300).snapshot();
        Snapshot ewma = run(withStrategy(slow, "peak-ewma"), 300).snapshot();
        // Round robin gives i-3 its 1/8 although it can serve only 4 / 0.1 s = 40 req/s of its 60.
        assertEquals(1.0 / 8, rr.instances().get(3).routed() / (double) rr.offered(), 0.002);
        assertTrue(rr.rejected() > 0);
        assertTrue(rr.totalLatency().p99Ms() > 1000, "round robin p99 " + rr.totalLatency().p99Ms());
        for (Snapshot s : new Snapshot[] {p2c, ewma}) {
            assertEquals(0, s.rejected());
            assertTrue(s.totalLatency().p99Ms() < 250, "p99 " + s.totalLatency().p99Ms());
            assertTrue(s.instances().get(3).routed() / (double) s.offered() < 0.06);
        }
    }

    @Test
    void outlierDetectionEjectsAnInstanceThatReturnsErrorsAndReturnsItLater() {
        Scenario s = ScenarioFiles.parse("{\"schema\":1,\"seed\":3,\"workload\":{\"arrival\":{\"ratePerSecond\":200}},"
                + "\"service\":{\"instances\":5,\"workersPerInstance\":4,\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":10}},"
                + "\"balancer\":{\"strategy\":\"round-robin\",\"outlierConsecutiveErrors\":5,\"outlierBaseEjectionSeconds\":30,"
                + "\"outlierMaxEjectionPercent\":20}}");
        World w = new World(s);
        w.advanceTo(Simulation.secondsToNanos(10));
        w.applyUserCommand(new Scenario.TimelineEntry(0, "error-instance", null, "i-2", 1.0, 0));
        w.advanceTo(Simulation.secondsToNanos(12));
        Snapshot ejected = w.snapshot();
        long routedAtEjection = ejected.instances().get(2).routed();
        // Five errors in a row eject it; after that only requests already on it (at most its 4 workers) fail.
        long failedAtEjection = ejected.failed();
        assertTrue(failedAtEjection >= 5 && failedAtEjection <= 9, "failed " + failedAtEjection);
        assertTrue(w.decisions().stream().anyMatch(d -> d.source() == Source.OUTLIER && d.message().startsWith("i-2 eject")));
        w.advanceTo(Simulation.secondsToNanos(35));
        assertEquals(routedAtEjection, w.snapshot().instances().get(2).routed(), "no traffic while ejected");
        // Back after 30 s (on the 10 s detection tick), it fails five more and is ejected for 60 s.
        w.advanceTo(Simulation.secondsToNanos(60));
        long more = w.snapshot().failed() - failedAtEjection;
        assertTrue(more >= 5 && more <= 9, "failed again " + more);
        assertTrue(w.decisions().stream().anyMatch(d -> d.source() == Source.OUTLIER && d.message().startsWith("i-2 uneject")));
    }

    @Test
    void activeHealthChecksRemoveAnErroringInstanceButNotASlowOne() {
        Scenario s = ScenarioFiles.parse("{\"schema\":1,\"seed\":3,\"workload\":{\"arrival\":{\"ratePerSecond\":100}},"
                + "\"service\":{\"instances\":4,\"workersPerInstance\":4,\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":10}},"
                + "\"balancer\":{\"strategy\":\"round-robin\",\"healthCheckIntervalSeconds\":5}}");
        World w = new World(s);
        w.advanceTo(Simulation.secondsToNanos(10));
        w.applyUserCommand(new Scenario.TimelineEntry(0, "error-instance", null, "i-1", 0.9, 0));
        w.applyUserCommand(new Scenario.TimelineEntry(0, "slow-instance", null, "i-2", 0.2, 0));
        w.advanceTo(Simulation.secondsToNanos(16));
        long r1 = w.snapshot().instances().get(1).routed();
        long r2 = w.snapshot().instances().get(2).routed();
        w.advanceTo(Simulation.secondsToNanos(60));
        assertEquals(r1, w.snapshot().instances().get(1).routed(), "unhealthy after one unhealthy answer");
        assertTrue(w.snapshot().instances().get(2).routed() > r2 + 1000, "the slow one keeps passing its checks");
    }

    @Test
    void panicBalancesOverEveryReadyInstanceWhenTooFewAreHealthy() {
        Scenario s = ScenarioFiles.parse("{\"schema\":1,\"seed\":3,\"workload\":{\"arrival\":{\"ratePerSecond\":100}},"
                + "\"service\":{\"instances\":4,\"workersPerInstance\":4,\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":10}},"
                + "\"balancer\":{\"strategy\":\"round-robin\",\"healthCheckIntervalSeconds\":5}}");
        World w = new World(s);
        w.advanceTo(Simulation.secondsToNanos(1));
        for (String id : new String[] {"i-0", "i-1", "i-2"}) {
            w.applyUserCommand(new Scenario.TimelineEntry(0, "error-instance", null, id, 0.9, 0));
        }
        w.advanceTo(Simulation.secondsToNanos(30));
        // One healthy of four is 25% < 50%: panic routes to all four.
        assertTrue(w.decisions().stream().anyMatch(d -> d.message().startsWith("panic: 1 of 4 ready instances healthy")));
        long before = w.snapshot().instances().get(0).routed();
        w.advanceTo(Simulation.secondsToNanos(40));
        assertTrue(w.snapshot().instances().get(0).routed() > before);
    }

    @Test
    void theLastP2cPickCanBeInspected() {
        World w = run(withStrategy(Presets.load("slow-instance"), "p2c"), 30);
        dev.scalelab.engine.balancing.PickExplanation pick = w.snapshot().balancer().lastPick();
        assertEquals("p2c", pick.strategy());
        assertEquals(2, pick.candidates().size());
        int winner = pick.candidates().indexOf(pick.chosen());
        assertTrue(winner >= 0);
        assertTrue(pick.scores().get(winner) <= pick.scores().get(1 - winner));
        assertEquals("active requests", pick.scoreName());
    }

    @Test
    void theSnapshotShowsEachInstancesWeightAndErrorRate() {
        Scenario s = ScenarioFiles.parse("{\"schema\":1,\"seed\":3,\"workload\":{\"arrival\":{\"ratePerSecond\":100}},"
                + "\"service\":{\"instances\":3,\"weights\":[5,1,1]},\"balancer\":{\"strategy\":\"smooth-weighted-round-robin\"}}");
        World w = new World(s);
        w.advanceTo(Simulation.secondsToNanos(1));
        assertEquals(5.0, w.snapshot().instances().get(0).weight());
        assertEquals(1.0, w.snapshot().instances().get(1).weight());
        w.applyUserCommand(new Scenario.TimelineEntry(0, "weight-instance", null, "i-1", 3.0, 0));
        w.applyUserCommand(new Scenario.TimelineEntry(0, "error-instance", null, "i-2", 0.5, 0));
        w.advanceTo(Simulation.secondsToNanos(2));
        Snapshot.InstanceView i1 = w.snapshot().instances().get(1);
        Snapshot.InstanceView i2 = w.snapshot().instances().get(2);
        assertEquals(3.0, i1.weight());
        assertEquals(0.0, i1.errorRate());
        assertEquals(0.5, i2.errorRate());
    }
}
