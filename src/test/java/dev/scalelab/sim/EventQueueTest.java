package dev.scalelab.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    // ---- The queue against a reference: java.util.PriorityQueue on (time, sequence) ----

    /** How a scenario of the property tests picks its times. */
    private enum Mix {
        /** The hold model: now + Exp(1 ms). */
        EXPONENTIAL,
        /** Few distinct times: most adds tie with pending events. */
        TIES,
        /** The simulator's mix: microsecond to millisecond service times, ticks at whole seconds, timeouts minutes away. */
        SKEWED,
        /** Mostly near events, now and then one hours or ages ahead, up to Long.MAX_VALUE. */
        FAR_OUTLIERS,
        /** Adds anywhere, earlier than the last polled time too (the queue allows it; Simulation does not). */
        ANYWHERE
    }

    private static long nextTime(Mix mix, SplittableRandom r, long now) {
        return switch (mix) {
            case EXPONENTIAL -> now + (long) (-1_000_000.0 * Math.log(1.0 - r.nextDouble()));
            case TIES -> now + r.nextInt(4) * 1_000L;
            case SKEWED -> switch (r.nextInt(10)) {
                case 0, 1 -> (now / Simulation.NANOS_PER_SECOND + 1 + r.nextInt(2)) * Simulation.NANOS_PER_SECOND;
                case 2 -> now + 60 * Simulation.NANOS_PER_SECOND + r.nextInt(1000);
                case 3 -> now;
                default -> now + 1_000 + r.nextLong(5_000_000);
            };
            case FAR_OUTLIERS -> switch (r.nextInt(50)) {
                case 0 -> Long.MAX_VALUE - r.nextInt(3);
                case 1 -> now == Long.MAX_VALUE ? now : now + r.nextLong(Long.MAX_VALUE - now);
                case 2 -> now + 3_600 * Simulation.NANOS_PER_SECOND;
                default -> now + r.nextInt(2_000);
            };
            case ANYWHERE -> r.nextBoolean() ? r.nextLong(Long.MIN_VALUE / 2, Long.MAX_VALUE) : now - r.nextInt(100) + r.nextInt(10_000);
        };
    }

    /** Adds and polls at random, growing to {@code peak} then draining, checking every poll against the reference. */
    private static void matchesReference(Mix mix, long seed, int peak, long startTime) {
        SplittableRandom r = new SplittableRandom(seed);
        EventQueue q = new EventQueue(16);
        PriorityQueue<long[]> ref = new PriorityQueue<>(
                Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
        long seq = 0;
        long now = startTime;
        boolean growing = true;
        int polls = 0;
        while (growing || !ref.isEmpty()) {
            if (ref.size() >= peak) {
                growing = false;
            }
            // Growing: two adds in three steps, at times a burst of them; draining: one add in three.
            boolean add = growing ? r.nextInt(3) != 0 : r.nextInt(3) == 0;
            int burst = add && growing && r.nextInt(100) == 0 ? 1 + r.nextInt(200) : 1;
            for (int b = 0; b < burst; b++) {
                if (add) {
                    long t = nextTime(mix, r, now);
                    if (mix != Mix.ANYWHERE) {
                        t = Math.max(t, now); // Math.max: now + delay may pass Long.MAX_VALUE
                    }
                    q.add(t, new Tagged((int) seq));
                    ref.add(new long[] {t, seq++});
                } else if (!ref.isEmpty()) {
                    long[] expected = ref.poll();
                    assertEquals(expected[0], q.peekTime(), "time of the next event");
                    Tagged e = (Tagged) q.poll();
                    assertEquals(expected[1], e.id, "sequence of the next event");
                    now = expected[0];
                    polls++;
                }
            }
            assertEquals(ref.size(), q.size());
        }
        assertTrue(q.isEmpty());
        assertEquals(Long.MAX_VALUE, q.peekTime());
        assertTrue(polls > 0);
    }

    @Test
    void randomAddsAndPollsMatchAReferenceHeapForEveryMix() {
        for (Mix mix : Mix.values()) {
            for (int seed = 0; seed < 40; seed++) {
                matchesReference(mix, seed * 31L + mix.ordinal(), 1 + seed * seed * 3, 0);
            }
        }
    }

    @Test
    void largePopulationsGrowAndShrinkInOrder() {
        matchesReference(Mix.EXPONENTIAL, 11, 120_000, 0);
        matchesReference(Mix.SKEWED, 12, 120_000, 5 * Simulation.NANOS_PER_SECOND);
        matchesReference(Mix.TIES, 13, 100_000, 0);
        matchesReference(Mix.FAR_OUTLIERS, 14, 100_000, 0);
    }

    @Test
    void timesAtTheEndsOfTheRange() {
        matchesReference(Mix.EXPONENTIAL, 21, 5_000, Long.MAX_VALUE - 1_000_000_000L);
        matchesReference(Mix.TIES, 22, 5_000, Long.MAX_VALUE - 10_000L);
        matchesReference(Mix.FAR_OUTLIERS, 23, 5_000, 0);
        matchesReference(Mix.ANYWHERE, 24, 20_000, Long.MIN_VALUE / 2);
    }

    /**
     * A hold model whose spacing jumps from nanoseconds to seconds and back, with the population
     * jumping too, so that the queue re-tunes its buckets (and rebuilds) while events are pending.
     */
    @Test
    void changingDensityKeepsTheOrder() {
        SplittableRandom r = new SplittableRandom(5);
        EventQueue q = new EventQueue();
        PriorityQueue<long[]> ref = new PriorityQueue<>(
                Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
        long seq = 0;
        long now = 0;
        long[] means = {1, 1_000_000_000L, 50, 3_000_000, 10_000_000_000L, 2};
        int[] populations = {100, 20_000, 10, 3_000, 50_000, 500};
        for (int phase = 0; phase < means.length; phase++) {
            while (ref.size() < populations[phase]) {
                long t = now + (long) (-means[phase] * Math.log(1.0 - r.nextDouble()));
                q.add(t, new Tagged((int) seq));
                ref.add(new long[] {t, seq++});
            }
            for (int i = 0; i < 60_000; i++) {
                long[] expected = ref.poll();
                assertEquals(expected[0], q.peekTime());
                assertEquals(expected[1], ((Tagged) q.poll()).id);
                now = expected[0];
                int adds = ref.size() > populations[phase] ? 0 : ref.size() < populations[phase] / 2 ? 2 : 1;
                for (int a = 0; a < adds; a++) {
                    long t = now + (long) (-means[phase] * Math.log(1.0 - r.nextDouble()));
                    q.add(t, new Tagged((int) seq));
                    ref.add(new long[] {t, seq++});
                }
            }
        }
        while (!ref.isEmpty()) {
            assertEquals(ref.poll()[1], ((Tagged) q.poll()).id);
        }
        assertTrue(q.isEmpty());
    }

    @Test
    void peekTimeOfAnEmptyQueueIsMaxValue() {
        EventQueue q = new EventQueue();
        assertEquals(Long.MAX_VALUE, q.peekTime());
        assertTrue(q.isEmpty());
        q.add(7, new Tagged(0));
        assertEquals(7, q.peekTime());
        q.poll();
        assertEquals(Long.MAX_VALUE, q.peekTime());
        assertEquals(0, q.size());
    }

    @Test
    void clearEmptiesEveryPartAndTheQueueWorksAfterwards() {
        EventQueue q = new EventQueue(16);
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < 50_000; i++) { // near ones, ties, far ones: current heap, wheel, overflow
            q.add(i % 3 == 0 ? 1_000 : i % 3 == 1 ? r.nextInt(5_000_000) : 600 * Simulation.NANOS_PER_SECOND + i, new Tagged(i));
        }
        for (int i = 0; i < 10_000; i++) {
            q.poll();
        }
        q.clear();
        assertTrue(q.isEmpty());
        assertEquals(0, q.size());
        assertEquals(Long.MAX_VALUE, q.peekTime());
        q.add(2_000_000, new Tagged(1));
        q.add(2_000_000, new Tagged(2));
        q.add(1_500_000, new Tagged(3));
        assertEquals(3, q.size());
        assertEquals(1_500_000, q.peekTime());
        assertEquals(3, ((Tagged) q.poll()).id);
        assertEquals(1, ((Tagged) q.poll()).id);
        assertEquals(2, ((Tagged) q.poll()).id);
        assertFalse(q.size() != 0);
        assertEquals(Long.MAX_VALUE, q.peekTime());
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
