package dev.scalelab.world;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The instances' runtimes on the request path: pauses stop requests, pools save allocation. */
class RuntimeSystemTest {
    private static final long MS = Simulation.NANOS_PER_MILLI;

    /** One instance of two workers, 100 ms of CPU a request, no arrivals of its own: the test sends the requests. */
    private static final String QUIET = "{\"schema\":1,\"seed\":1,\"workload\":{\"arrival\":{\"ratePerSecond\":0}},"
            + "\"service\":{\"instances\":1,\"workersPerInstance\":2,\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":100},"
            + "\"runtime\":{\"collector\":\"parallel\",\"heapMb\":1024,\"allocationKbPerRequest\":0,\"liveSetMb\":100}}}";

    private static ServiceInstance onlyInstance(World w) {
        for (Subsystem part : w.parts()) {
            if (part instanceof ScalingSystem scaling) {
                return scaling.pool().instances.get(0);
            }
        }
        throw new AssertionError("no pool");
    }

    /** A request that arrives now and goes to the instance's queue, from where the instance starts it when it may. */
    private static Request send(World w, ServiceInstance in, long id) {
        Request r = new Request(w, id, w.simulation().nowNanos(), 0, true, -1, 0);
        r.instance = in;
        in.queue.addLast(r);
        w.path.startQueued(in);
        return r;
    }

    private static long sum(long[] phases) {
        long total = 0;
        for (long p : phases) {
            total += p;
        }
        return total;
    }

    @Test
    void aRequestOverlappingAPauseMakesUpThePausedTimeAsItsGcPausePhase() {
        World w = new World(ScenarioFiles.parse(QUIET));
        ServiceInstance in = onlyInstance(w);
        w.advanceTo(10 * MS);
        Request first = send(w, in, 1); // CPU from 10 ms to 110 ms, were nothing to stop it
        w.advanceTo(39 * MS);
        w.advanceTo(w.commandTimeNanos()); // 40 ms
        w.applyUserCommand(new Scenario.TimelineEntry(0, "full-gc", null, null, null, 0));
        // A full collection of the 100 MB live set: 20 ms + 100 × 1.5 ms = 170 ms, from 40 ms to 210 ms.
        assertTrue(in.runtime.stopped());
        assertEquals(210 * MS, in.runtime.clock.resumeNanos(40 * MS));
        w.advanceTo(100 * MS);
        Request second = send(w, in, 2); // a free worker, but the instance is stopped: it waits
        assertEquals(1, in.queue.size());
        w.advanceTo(Simulation.secondsToNanos(1));

        // The first ran 30 ms, stopped 170 ms, then ran its last 70 ms: it ends at 280 ms.
        assertEquals(270 * MS, first.phaseSinceNanos - first.arrivalNanos);
        assertEquals(100 * MS, first.phaseNanos[Phase.SERVICE.ordinal()]);
        assertEquals(170 * MS, first.phaseNanos[Phase.GC_PAUSE.ordinal()]);
        assertEquals(270 * MS, sum(first.phaseNanos));
        // The second waited in the queue until the pause ended at 210 ms, then ran its 100 ms.
        assertEquals(110 * MS, second.phaseNanos[Phase.QUEUE.ordinal()]);
        assertEquals(100 * MS, second.phaseNanos[Phase.SERVICE.ordinal()]);
        assertEquals(0, second.phaseNanos[Phase.GC_PAUSE.ordinal()]);
        assertEquals(210 * MS, sum(second.phaseNanos));
    }

    @Test
    void aPauseThatStartsAndEndsWithinTheCpuTimeDelaysTheEndByItsLength() {
        World w = new World(ScenarioFiles.parse(QUIET.replace("\"liveSetMb\":100", "\"liveSetMb\":20")));
        ServiceInstance in = onlyInstance(w);
        Request r = send(w, in, 1); // CPU from 0 to 100 ms
        w.advanceTo(9 * MS);
        w.advanceTo(w.commandTimeNanos()); // 10 ms
        w.applyUserCommand(new Scenario.TimelineEntry(0, "full-gc", "i-0", null, null, 0));
        // 20 ms + 20 × 1.5 ms = 50 ms, from 10 ms to 60 ms: the request ends at 150 ms.
        w.advanceTo(Simulation.secondsToNanos(1));
        assertEquals(100 * MS, r.phaseNanos[Phase.SERVICE.ordinal()]);
        assertEquals(50 * MS, r.phaseNanos[Phase.GC_PAUSE.ordinal()]);
        assertEquals(150 * MS, sum(r.phaseNanos));
        assertEquals(150 * MS, r.phaseSinceNanos - r.arrivalNanos);
    }

    @Test
    void collectionsFollowTheAllocationRateOverEdenAcrossTheFleet() {
        // gc-pauses without its cure: each request allocates 256 KB on average and misses 8 objects
        // of 128 KB, 1.25 MB in all; parallel's eden is 8/10 of a third of the 1024 MB heap.
        World w = new World(Presets.load("gc-pauses").withTimeline(List.of()));
        List<Sample> samples = new java.util.ArrayList<>();
        w.setSampleSink(samples::add);
        w.advanceTo(Simulation.secondsToNanos(300));
        JsonNode gc = Report.of(w, 0).get("runtime").get("gc");
        double allocatedMb = gc.get("allocatedMb").asDouble();
        double requests = w.snapshot().completed() + w.snapshot().instances().stream().mapToInt(i -> i.busy()).sum();
        assertEquals(requests * 1.25, allocatedMb, 0.01 * requests * 1.25);
        double edenMb = 1024 / 3.0 * 0.8;
        long collections = gc.get("youngCollections").asLong() + gc.get("oldCollections").asLong();
        // Each instance's eden holds what it allocated since its last collection: at most one eden each.
        assertEquals(allocatedMb / edenMb, collections, 4);

        // Old space fills with promoted survivors until a full collection, which the log explains.
        Decision full = w.decisions().stream().filter(d -> d.source() == Source.GC && d.message().contains("full collection"))
                .findFirst().orElseThrow();
        assertTrue(full.message().matches("i-\\d full collection \\(parallel\\): old space full: .* MB \\+ .* MB promoted > "
                + "682.7 MB; pause .* ms, old space .* -> .* MB \\(threshold 682.7 MB\\)"), full.message());
        // The time series has the fleet's pause time, collections and allocation each second.
        assertTrue(w.sampleCsvHeader().endsWith(",gc_pause_ms_per_s,gc_collections_per_s,gc_allocated_mb_per_s,"
                + "object_pool_hit_ratio,object_pool_drops_per_s"), w.sampleCsvHeader());
        double allocatedInSeries = 0;
        for (Sample sample : samples) {
            String[] cells = sample.toCsv().split(",");
            allocatedInSeries += Double.parseDouble(cells[cells.length - 3]);
        }
        assertEquals(allocatedMb, allocatedInSeries, 1);
    }

    @Test
    void aPoolAsLargeAsTheWorkersTimesTheirObjectsMissesOnlyWhileItFills() {
        // 4 instances × 8 workers × 8 objects: each pool of 64 misses at most 64 times, never drops.
        Scenario s = Presets.load("gc-pauses").withTimeline(List.of());
        s = Parameter.of("service.objectPool.capacity").applyTo(s, 64);
        World w = new World(s);
        w.advanceTo(Simulation.secondsToNanos(60));
        JsonNode objects = Report.of(w, 0).get("pools").get("objects");
        long gets = objects.get("gets").asLong();
        long hits = objects.get("hits").asLong();
        assertTrue(gets > 100_000, "gets " + gets);
        assertTrue(gets - hits <= 4 * 64, "misses " + (gets - hits));
        assertEquals(0, objects.get("drops").asLong());
        assertEquals(hits * 128 * 1024, objects.get("bytesSaved").asLong());
    }

    @Test
    void aPoolOfCapacityZeroAllocatesOnEveryGetAndDropsEveryPut() {
        World w = new World(Presets.load("gc-pauses").withTimeline(List.of()));
        w.advanceTo(Simulation.secondsToNanos(20));
        JsonNode objects = Report.of(w, 0).get("pools").get("objects");
        assertEquals(0, objects.get("hits").asLong());
        assertEquals(0.0, objects.get("hitRatio").asDouble());
        // Every request still in service holds its 8 objects; every other one put them back, dropped.
        long inService = w.snapshot().instances().stream().mapToLong(i -> i.busy()).sum();
        assertEquals(objects.get("gets").asLong() - 8 * inService, objects.get("drops").asLong());
    }

    @Test
    void settingARuntimeFieldOfAScenarioWithoutOneAddsTheSectionFromItsDefaults() {
        World w = new World(ScenarioFiles.parse("{\"schema\":1,\"seed\":2}"));
        w.advanceTo(Simulation.secondsToNanos(5));
        assertNull(w.snapshot().performance().runtime());
        w.advanceTo(w.commandTimeNanos());
        w.applyUserChange(Parameter.of("service.runtime.collector"), "parallel");
        ServiceResources.ServiceRuntime r = w.currentScenario().service().runtime();
        assertEquals(ServiceResources.ServiceRuntime.DEFAULT.heapMb(), r.heapMb());
        assertEquals("parallel", r.collector().id());
        w.advanceTo(Simulation.secondsToNanos(30));
        PerformanceView.RuntimeView view = w.snapshot().performance().runtime();
        assertNotNull(view);
        assertEquals("parallel", view.collector());
        assertFalse(view.instances().isEmpty());
        assertTrue(view.youngCollections() > 0);
        assertTrue(Report.of(w, 0).get("runtime").get("gc").get("youngCollections").asLong() > 0);
    }

    @Test
    void aYoungGenerationAsLargeAsTheHeapIsRefusedNamingTheField() {
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(
                "{\"schema\":1,\"service\":{\"runtime\":{\"heapMb\":512,\"youngMb\":512}}}"));
        assertEquals("service.runtime.youngMb: 512 MB is not below heapMb (512 MB)", e.getMessage());
        // Live, the change is refused with a log line and the run goes on.
        World w = new World(Presets.load("gc-pauses"));
        w.advanceTo(w.commandTimeNanos());
        w.applyUserChange(Parameter.of("service.runtime.youngMb"), 4096);
        assertEquals(0, w.currentScenario().service().runtime().youngMb());
    }

    @Test
    void theMonitorRecordsEachInstanceAndTheFleetEverySecond() {
        World w = new World(Presets.load("gc-pauses"));
        w.advanceTo(Simulation.secondsToNanos(10));
        assertEquals(10, w.monitor().get("i-0.heap.usedMb").count());
        assertEquals(10.0, w.monitor().get("fleet.heap.usedMb").lastUpdatedSeconds());
        double fleet = 0;
        for (int i = 0; i < 4; i++) {
            fleet += w.monitor().get("i-" + i + ".heap.usedMb").value();
        }
        assertEquals(fleet, w.monitor().get("fleet.heap.usedMb").value(), 1e-6);
    }

    @Test
    void zgcStallsAllocatingThreadsInsteadOfStoppingTheInstance() {
        // A 128 MB heap allocating 600 MB/s (400 req/s × 1.5 MB) at times outruns a collector whose
        // young cycle copies at 2 ms per MB: threads stall, but the instance never stops for more than
        // 0.3 ms, and every request is answered.
        Scenario s = ScenarioFiles.parse("{\"schema\":1,\"seed\":9,\"workload\":{\"arrival\":{\"ratePerSecond\":400}},"
                + "\"service\":{\"instances\":1,\"workersPerInstance\":16,\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":10},"
                + "\"runtime\":{\"collector\":\"zgc\",\"heapMb\":128,\"allocationKbPerRequest\":1500,\"survivingFraction\":0.1,"
                + "\"liveSetMb\":20}}}");
        World w = new World(s);
        w.advanceTo(Simulation.secondsToNanos(30));
        JsonNode gc = Report.of(w, 0).get("runtime").get("gc");
        assertTrue(gc.get("allocationStalls").asLong() > 0, gc.toString());
        assertTrue(w.snapshot().completed() > 11_000);
        assertTrue(w.decisions().stream().anyMatch(d -> d.source() == Source.GC && d.message().contains("allocation stall")));
        for (PerformanceView.HeapView h : w.snapshot().performance().runtime().instances()) {
            for (int i = 0; i < h.recentPauseKinds().length; i++) {
                if (h.recentPauseKinds()[i] != PerformanceView.PAUSE_ALLOCATION_STALL) {
                    assertEquals(0.3, h.recentPauseMs()[i], 1e-9);
                }
            }
        }
    }

    /**
     * On gc-pauses each second's longest pause is one of that second's pauses, so it is at most
     * their sum, and the longest of all of them is the run's longest pause (the run is shorter than
     * the series).
     */
    @Test
    void theLongestPauseOfEachSecondIsAtMostTheirSumAndItsMaximumIsTheRunsLongest() {
        World w = new World(Presets.load("gc-pauses"));
        w.advanceTo(Simulation.secondsToNanos(120));
        PerformanceView.RuntimeView v = w.snapshot().performance().runtime();
        double longest = 0;
        int secondsWithAFullPause = 0;
        for (int i = 0; i < v.longestPauseMsPerSecond().length; i++) {
            double l = v.longestPauseMsPerSecond()[i];
            assertTrue(l <= v.pauseMsPerSecond()[i] + 1e-9, "second " + i);
            longest = Math.max(longest, l);
            if (l > 500) {
                secondsWithAFullPause++;
            }
        }
        assertEquals(v.maxPauseMs(), longest, 1e-9);
        // Full collections of about 690 ms, about every half minute on each of the four instances.
        assertTrue(secondsWithAFullPause >= 3, secondsWithAFullPause + " seconds with a full pause");
    }
}
