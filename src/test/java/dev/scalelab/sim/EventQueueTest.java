package dev.scalelab.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventQueueTest {

    @Test
    void eventsRunInTimeOrderAndEqualTimesInSchedulingOrder() {
        Simulation sim = new Simulation();
        List<String> fired = new ArrayList<>();
        sim.schedule(30, () -> fired.add("c@30"));
        sim.schedule(10, () -> fired.add("a@10"));
        sim.schedule(20, () -> fired.add("b1@20"));
        sim.schedule(20, () -> fired.add("b2@20"));
        sim.schedule(10, () -> fired.add("a2@10"));
        sim.schedule(20, () -> fired.add("b3@20"));
        sim.runUntil(100);
        assertEquals(List.of("a@10", "a2@10", "b1@20", "b2@20", "b3@20", "c@30"), fired);
        assertEquals(100, sim.nowNanos());
    }

    @Test
    void manyEqualTimesKeepFifoOrderThroughHeapReorganisation() {
        EventQueue q = new EventQueue(16);
        SplittableRandom r = new SplittableRandom(3);
        int n = 10_000;
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = r.nextInt(50);
            q.add(times[i], new Tagged(i));
        }
        long lastTime = -1;
        int lastId = -1;
        while (!q.isEmpty()) {
            long t = q.peekTime();
            Tagged e = (Tagged) q.poll();
            assertTrue(t >= lastTime);
            if (t == lastTime) {
                assertTrue(e.id > lastId, "equal times must pop in insertion order");
            }
            assertEquals(times[e.id], t);
            lastTime = t;
            lastId = e.id;
        }
    }

    private record Tagged(int id) implements Event {
        public void fire() {
        }
    }

    @Test
    void runningInChunksFiresTheSameEventsAsRunningAtOnce() {
        List<Long> once = trace(new long[] {1_000_000});
        List<Long> chunked = trace(new long[] {1, 17, 333, 5000, 250_000, 999_999, 1_000_000});
        assertEquals(once, chunked);
    }

    private static List<Long> trace(long[] stops) {
        Simulation sim = new Simulation();
        SplittableRandom r = new SplittableRandom(9);
        List<Long> fired = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sim.schedule(r.nextInt(1000), new Event() {
                public void fire() {
                    fired.add(sim.nowNanos());
                    sim.scheduleIn(r.nextInt(1000), this);
                }
            });
        }
        for (long stop : stops) {
            sim.runUntil(stop);
        }
        return fired;
    }

    @Test
    void schedulingInThePastIsRefused() {
        Simulation sim = new Simulation();
        sim.runUntil(100);
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(99, () -> { }));
    }

    @Test
    void budgetedRunStopsAfterMaxEventsAndResumesWhereItLeft() {
        Simulation sim = new Simulation();
        List<Long> fired = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t = i * 10;
            sim.schedule(t, () -> fired.add(t));
        }
        assertEquals(4, sim.runUntil(1000, 4));
        assertEquals(30, sim.nowNanos());
        assertEquals(6, sim.runUntil(1000, 100));
        assertEquals(1000, sim.nowNanos());
        assertEquals(10, fired.size());
    }
}
