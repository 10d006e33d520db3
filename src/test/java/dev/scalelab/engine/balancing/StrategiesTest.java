package dev.scalelab.engine.balancing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategiesTest {

    private static final class Fake implements Backend {
        boolean up = true;
        int active;

        Fake(int active) {
            this.active = active;
        }

        public String id() {
            return "f" + System.identityHashCode(this);
        }

        public boolean acceptsTraffic() {
            return up;
        }

        public int activeRequests() {
            return active;
        }
    }

    private static List<Fake> pool(int... active) {
        List<Fake> out = new ArrayList<>();
        for (int a : active) {
            out.add(new Fake(a));
        }
        return out;
    }

    @Test
    void roundRobinVisitsEachInTurnAndSkipsThoseNotAcceptingTraffic() {
        List<Fake> p = pool(0, 0, 0, 0);
        RoundRobin rr = new RoundRobin();
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder seq = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            seq.append(rr.pick(p, 0, 0, r));
        }
        assertEquals("012301", seq.toString());
        p.get(2).up = false;
        seq.setLength(0);
        for (int i = 0; i < 6; i++) {
            seq.append(rr.pick(p, 0, 0, r));
        }
        assertEquals("230130".replace("2", ""), seq.toString().substring(0, 5));
    }

    @Test
    void leastConnectionsNeverPicksABusierInstance() {
        SplittableRandom r = new SplittableRandom(2);
        LeastConnections lc = new LeastConnections();
        for (int trial = 0; trial < 10_000; trial++) {
            List<Fake> p = new ArrayList<>();
            int n = 1 + r.nextInt(8);
            for (int i = 0; i < n; i++) {
                Fake f = new Fake(r.nextInt(5));
                f.up = r.nextInt(5) != 0;
                p.add(f);
            }
            int pick = lc.pick(p, 0, 0, r);
            int min = p.stream().filter(f -> f.up).mapToInt(f -> f.active).min().orElse(-1);
            if (min < 0) {
                assertEquals(-1, pick);
            } else {
                assertTrue(p.get(pick).up);
                assertEquals(min, p.get(pick).active);
            }
        }
    }

    @Test
    void leastConnectionsBreaksTiesRoundRobin() {
        List<Fake> p = pool(0, 0, 0);
        LeastConnections lc = new LeastConnections();
        SplittableRandom r = new SplittableRandom(1);
        assertEquals(0, lc.pick(p, 0, 0, r));
        assertEquals(1, lc.pick(p, 0, 0, r));
        assertEquals(2, lc.pick(p, 0, 0, r));
        assertEquals(0, lc.pick(p, 0, 0, r));
    }

    @Test
    void randomIsUniformOverInstancesAcceptingTraffic() {
        List<Fake> p = pool(0, 0, 0, 0);
        p.get(1).up = false;
        RandomChoice rc = new RandomChoice();
        SplittableRandom r = new SplittableRandom(3);
        int[] counts = new int[4];
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            counts[rc.pick(p, 0, 0, r)]++;
        }
        assertEquals(0, counts[1]);
        for (int i : new int[] {0, 2, 3}) {
            assertEquals(n / 3.0, counts[i], 5 * Math.sqrt(n / 3.0 * 2 / 3));
        }
    }

    @Test
    void noInstanceAcceptingTrafficGivesMinusOne() {
        List<Fake> p = pool(0, 0);
        p.forEach(f -> f.up = false);
        SplittableRandom r = new SplittableRandom(1);
        for (LoadBalancingStrategy.Strategy s : LoadBalancingStrategy.Strategy.values()) {
            assertEquals(-1, LoadBalancingStrategy.create(s).pick(p, 0, 0, r), s.id());
        }
    }

    @Test
    void everyStrategyIsCreatedByItsScenarioId() {
        for (LoadBalancingStrategy.Strategy s : LoadBalancingStrategy.Strategy.values()) {
            assertEquals(s, LoadBalancingStrategy.Strategy.byId(s.id()));
            assertEquals(s.id(), LoadBalancingStrategy.create(s).id());
        }
    }

    @Test
    void theConfigReachesTheStrategies() {
        BalancerConfig config = BalancerConfig.DEFAULTS.withChoiceCount(1).withActiveRequestBias(0)
                .withRingVirtualNodes(160).withSlowStart(SlowStart.over(60_000_000_000L));
        RingHash ring = (RingHash) LoadBalancingStrategy.create(LoadBalancingStrategy.Strategy.RING_HASH, config);
        ring.pick(TestBackend.pool(3), 0, 0, new SplittableRandom(1));
        assertEquals(480, ring.ringSize());
        // d = 1 is plain random: the one idle backend of four gets a quarter.
        List<TestBackend> pool = TestBackend.pool(4);
        pool.forEach(b -> b.active = 5);
        pool.get(0).active = 0;
        LoadBalancingStrategy p1c = LoadBalancingStrategy.create(LoadBalancingStrategy.Strategy.P2C, config);
        SplittableRandom r = new SplittableRandom(2);
        int n = 40_000;
        int idle = 0;
        for (int i = 0; i < n; i++) {
            idle += p1c.pick(pool, 0, 0, r) == 0 ? 1 : 0;
        }
        assertEquals(n / 4.0, idle, 5 * Math.sqrt(n * 3 / 16.0));
        // With slow start configured, hosts that just joined are scheduled by EDF even with equal
        // weights (P2C with d = 1 would be random): with bias 0 they strictly alternate.
        LoadBalancingStrategy lr = LoadBalancingStrategy.create(LoadBalancingStrategy.Strategy.LEAST_REQUEST, config);
        List<TestBackend> two = TestBackend.pool(2);
        two.get(1).active = 9;
        StringBuilder seq = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            seq.append(lr.pick(two, 0, 0, r));
        }
        assertEquals("01".repeat(10), seq.toString());
    }
}
