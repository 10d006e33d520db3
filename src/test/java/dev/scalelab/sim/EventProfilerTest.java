package dev.scalelab.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The profiler runs on a clock of the test's own: each event moves it by the wall time it "costs". */
class EventProfilerTest {
    private final long[] clock = {0};
    private final List<String> fired = new ArrayList<>();

    /** An event that costs {@code costNanos} of wall time and reschedules itself every {@code periodNanos}. */
    private final class Tick implements Event {
        final Simulation sim;
        final long periodNanos;
        final long costNanos;

        Tick(Simulation sim, long periodNanos, long costNanos) {
            this.sim = sim;
            this.periodNanos = periodNanos;
            this.costNanos = costNanos;
        }

        @Override
        public void fire() {
            clock[0] += costNanos;
            fired.add("tick@" + sim.nowNanos());
            sim.scheduleIn(periodNanos, this);
        }
    }

    private void scheduleTock(Simulation sim, long generation) {
        sim.scheduleIn(30, () -> tock(sim, generation));
    }

    private void tock(Simulation sim, long generation) {
        clock[0] += 100;
        fired.add("tock@" + sim.nowNanos());
        scheduleTock(sim, generation);
    }

    private Simulation twoKindsOfEvents(EventProfiler profiler) {
        Simulation sim = new Simulation();
        sim.setProfiler(profiler);
        sim.schedule(0, new Tick(sim, 20, 300));
        scheduleTock(sim, 1);
        return sim;
    }

    @Test
    void timingEveryEventGivesExactCountsTimesAndShares() {
        EventProfiler profiler = new EventProfiler(() -> clock[0], 1);
        twoKindsOfEvents(profiler).runUntil(600);
        EventProfiler.Profile p = profiler.profile();
        // Ticks at 0, 20, ..., 600 (31 of them, 300 ns each); tocks at 30, 60, ..., 600 (20, 100 ns each).
        assertEquals(51, p.eventsSeen());
        assertEquals(51, p.eventsTimed());
        assertEquals(2, p.rows().size());
        EventProfiler.Row tick = p.rows().get(0);
        EventProfiler.Row tock = p.rows().get(1);
        assertEquals("EventProfilerTest", tick.subsystem());
        assertEquals("Tick", tick.eventType());
        assertEquals(31, tick.timedEvents());
        assertEquals(9300, tick.timedWallNanos());
        assertEquals(300.0, tick.nanosPerEvent());
        assertEquals("lambda(Simulation, long)", tock.eventType());
        assertEquals(20, p.events(tock), 1e-12);
        assertEquals(2000, p.wallNanos(tock), 1e-9);
        assertEquals(100.0 * 9300 / 11300, p.sharePercent(tick), 1e-9);
        assertEquals(11300, p.wallNanos(), 1e-9);
    }

    @Test
    void samplingTimesAboutOneEventInNAndScalesUpToTheEventsSeen() {
        EventProfiler profiler = new EventProfiler(() -> clock[0], 16);
        twoKindsOfEvents(profiler).runUntil(2_000_000);
        EventProfiler.Profile p = profiler.profile();
        long ticks = 2_000_000 / 20 + 1;
        long tocks = 2_000_000 / 30;
        assertEquals(ticks + tocks, p.eventsSeen());
        assertEquals((ticks + tocks) / 16.0, p.eventsTimed(), (ticks + tocks) / 16.0 * 0.02);
        assertEquals(ticks + tocks, p.events(p.rows().get(0)) + p.events(p.rows().get(1)), 1e-6);
        assertEquals(ticks, p.events(p.rows().get(0)), ticks * 0.03);
        assertEquals(tocks, p.events(p.rows().get(1)), tocks * 0.03);
        // Each timed event's own cost is measured exactly, sampled or not.
        assertEquals(300.0, p.rows().get(0).nanosPerEvent());
        assertEquals(100.0, p.rows().get(1).nanosPerEvent());
    }

    @Test
    void profilingLeavesTheRunAsItWas() {
        twoKindsOfEvents(null).runUntil(5_000);
        List<String> plain = List.copyOf(fired);
        fired.clear();
        Simulation profiled = twoKindsOfEvents(new EventProfiler(() -> clock[0], 3));
        profiled.runUntil(5_000);
        assertEquals(plain, fired);
        assertEquals(plain.size(), profiled.eventsFired());
    }

    @Test
    void aLaterProfileLessAnEarlierOneIsWhatHappenedBetween() {
        EventProfiler profiler = new EventProfiler(() -> clock[0], 1);
        Simulation sim = twoKindsOfEvents(profiler);
        sim.runUntil(60); // ticks 0..60 (4), tocks 30, 60 (2)
        EventProfiler.Profile early = profiler.profile();
        sim.runUntil(120); // ticks 80..120 (3), tocks 90, 120 (2)
        EventProfiler.Profile between = profiler.profile().since(early);
        assertEquals(5, between.eventsSeen());
        assertEquals("Tick", between.rows().get(0).eventType());
        assertEquals(3, between.rows().get(0).timedEvents());
        assertEquals(900, between.rows().get(0).timedWallNanos());
        assertEquals(2, between.rows().get(1).timedEvents());
        assertEquals(200, between.rows().get(1).timedWallNanos());
    }

    @Test
    void ownersAndTypesComeFromTheClassName() {
        assertArrayEquals(new String[] {"EventProfilerTest", "Tick"}, EventProfiler.ownerAndType(Tick.class));
        assertArrayEquals(new String[] {"Simulation", "fire()"}, EventProfiler.ownerAndType(Simulation.class));
        Event anonymous = new Event() {
            @Override
            public void fire() {
            }
        };
        assertEquals("anonymous 1", EventProfiler.ownerAndType(anonymous.getClass())[1]);
        Event methodReference = this::toString;
        assertArrayEquals(new String[] {"EventProfilerTest", "lambda()"}, EventProfiler.ownerAndType(methodReference.getClass()));
    }
}
