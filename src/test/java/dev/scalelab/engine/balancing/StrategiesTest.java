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
}
