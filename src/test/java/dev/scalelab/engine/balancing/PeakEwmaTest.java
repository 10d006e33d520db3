package dev.scalelab.engine.balancing;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finagle's peak EWMA: the metric's arithmetic, then its effect on a pool with one slow backend. */
class PeakEwmaTest {
    private static final long MS = Simulation.NANOS_PER_MILLI;
    private static final long SECOND = Simulation.NANOS_PER_SECOND;
    private static final double TAU = 10 * SECOND;

    @Test
    void costDecaysWhileIdleWithTimeConstantTau() {
        PeakEwma.Metric m = new PeakEwma.Metric(TAU, 0);
        m.start();
        m.end(100 * MS, 0);
        assertEquals(100 * MS, m.load(0), 1e-6);
        // Reading the load observes an RTT of 0: after tau the cost is 1/e of what it was.
        assertEquals(100 * MS * Math.exp(-1), m.load(10 * SECOND), 1e-3);
        assertEquals(100 * MS * Math.exp(-2), m.load(20 * SECOND), 1e-3);
    }

    @Test
    void costJumpsToAPeakAtOnceAndRecoversOnlyGradually() {
        PeakEwma.Metric m = new PeakEwma.Metric(TAU, 0);
        m.end(10 * MS, 0);
        m.end(50 * MS, 0);
        assertEquals(50 * MS, m.costNanos(), 0);
        m.end(10 * MS, SECOND);
        double w = Math.exp(-0.1);
        assertEquals(50 * MS * w + 10 * MS * (1 - w), m.costNanos(), 1e-3);
    }

    @Test
    void loadCountsPendingRequestsAndPenalisesABackendWithoutHistory() {
        PeakEwma.Metric fresh = new PeakEwma.Metric(TAU, 0);
        assertEquals(0, fresh.load(0), 0);
        fresh.start();
        assertEquals(Math.pow(2, 47), fresh.load(0), 0);
        PeakEwma.Metric known = new PeakEwma.Metric(TAU, 0);
        known.end(20 * MS, 0);
        known.start();
        known.start();
        assertEquals(2, known.pending());
        assertEquals(20 * MS * 3, known.load(0), 1e-6);
        // A completion nobody counted (picked by a balancer this one replaced) cannot go below 0.
        known.end(20 * MS, 0);
        known.end(20 * MS, 0);
        known.end(20 * MS, 0);
        assertEquals(0, known.pending());
    }

    @Test
    void stateFollowsTheBackendIdWhenTheListChanges() {
        TestBackend fast = new TestBackend("fast");
        TestBackend slow = new TestBackend("slow");
        PeakEwma ewma = new PeakEwma(10 * SECOND);
        ewma.onComplete(fast, 5 * MS, 0);
        ewma.onComplete(slow, 500 * MS, 0);
        SplittableRandom random = new SplittableRandom(4);
        for (List<TestBackend> order : List.of(List.of(fast, slow), List.of(slow, fast),
                List.of(new TestBackend("new"), slow, fast))) {
            int pick = ewma.pick(order, 0, SECOND, random);
            assertTrue(order.get(pick) != slow, "the slow backend has the higher load");
            ewma.onComplete(order.get(pick), 5 * MS, SECOND);
        }
    }

    @Test
    void aSlowBackendGetsLessTrafficThanTheFastOnes() {
        // Two fast backends (mean 10 ms) and one slow (mean 50 ms), Poisson arrivals at 120/s.
        // Round robin sends the slow one a third (40/s > its 20/s capacity); peak EWMA backs off.
        double slowShareEwma = slowShare(LoadBalancingStrategy.create(Strategy.PEAK_EWMA));
        double slowShareRoundRobin = slowShare(LoadBalancingStrategy.create(Strategy.ROUND_ROBIN));
        System.out.printf("slow backend share: peak EWMA %.3f, round robin %.3f%n", slowShareEwma, slowShareRoundRobin);
        assertEquals(1 / 3.0, slowShareRoundRobin, 0.01);
        assertTrue(slowShareEwma < 0.1, "peak EWMA sent " + slowShareEwma + " to the slow backend");
    }

    private static double slowShare(LoadBalancingStrategy strategy) {
        Simulation sim = new Simulation();
        SplittableRandom root = new SplittableRandom(21);
        SplittableRandom arrivals = root.split();
        SplittableRandom service = root.split();
        SplittableRandom balancer = root.split();
        FifoServer.Departure report = (s, arrivedNanos) -> strategy.onComplete(s, sim.nowNanos() - arrivedNanos, sim.nowNanos());
        List<FifoServer> pool = List.of(
                new FifoServer("fast-1", 0.010, sim, service, report),
                new FifoServer("slow", 0.050, sim, service, report),
                new FifoServer("fast-2", 0.010, sim, service, report));
        int[] routed = new int[3];
        Event arrival = new Event() {
            @Override
            public void fire() {
                int i = strategy.pick(pool, 0, sim.nowNanos(), balancer);
                routed[i]++;
                pool.get(i).arrive(sim.nowNanos());
                sim.scheduleIn(FifoServer.exponentialNanos(arrivals, 1 / 120.0), this);
            }
        };
        sim.schedule(0, arrival);
        sim.runUntil(300 * SECOND);
        return routed[1] / (double) (routed[0] + routed[1] + routed[2]);
    }
}
