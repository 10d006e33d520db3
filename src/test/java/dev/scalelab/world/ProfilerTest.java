package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfilerTest {

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    private static double p(double[] byPhase, Phase phase) {
        return byPhase[phase.ordinal()];
    }

    @Test
    void thePhasesOfEveryAnsweredRequestSumToItsLatencyToTheNanosecondOnTheFullStack() {
        World w = new World(Presets.load("full-stack"));
        long[] answered = {0};
        long[] timeIn = new long[Phase.COUNT];
        w.setAnsweredHook(r -> {
            assertEquals(w.simulation().nowNanos() - r.arrivalNanos, sum(r.phaseNanos), "request " + r.id);
            answered[0]++;
            for (int p = 0; p < Phase.COUNT; p++) {
                timeIn[p] += r.phaseNanos[p];
            }
        });
        w.advanceTo(Simulation.secondsToNanos(60));
        assertTrue(answered[0] > 40_000, "answered " + answered[0]);
        // Every phase of this system's path holds time: the queue, the CPU, the cache levels, the
        // database (from the moment a miss starts its load) and the payments dependency.
        for (Phase p : List.of(Phase.QUEUE, Phase.SERVICE, Phase.CACHE, Phase.DATABASE, Phase.DOWNSTREAM)) {
            assertTrue(timeIn[p.ordinal()] > 0, p + " holds no time");
        }
    }

    @Test
    void withoutACacheTheDatabaseHasItsOwnPhaseAndThePhasesStillSumToTheLatency() {
        World w = new World(Presets.load("replica-lag"));
        long[] database = {0};
        long[] answered = {0};
        w.setAnsweredHook(r -> {
            assertEquals(w.simulation().nowNanos() - r.arrivalNanos, sum(r.phaseNanos), "request " + r.id);
            database[0] += r.phaseNanos[Phase.DATABASE.ordinal()];
            answered[0]++;
        });
        w.advanceTo(Simulation.secondsToNanos(30));
        assertTrue(answered[0] > 1000);
        assertTrue(database[0] > 0);
    }

    /**
     * M/M/1 with λ = 50/s and μ = 100/s (ρ = 0.5): the mean wait in the queue is ρ/(μ−λ) = 10 ms and
     * the mean service 1/μ = 10 ms. Tolerances from the run length: 2,000 s hold N ≈ 100,000
     * requests, so the mean of the exponential service times has a relative standard error of
     * 1/√N = 0.32 % (1.5 % is 4.7 σ). Successive waits are correlated: the mean wait of N customers
     * of an M/M/1 queue has variance ρ(2 + 5ρ − 4ρ² + ρ³)/(1−ρ)⁴ / (μ²N) (Daley), 29/(μ²N) at
     * ρ = 0.5, a standard error of 0.17 ms here (twelve seeds gave 0.18 ms). 0.6 ms is 3.5 σ.
     */
    @Test
    void mm1MeanQueueWaitAndServiceMatchTheFormulas() {
        Scenario s = ScenarioFiles.parse("""
                {"schema": 1, "seed": 11, "durationSeconds": 2000,
                 "workload": {"arrival": {"process": "poisson", "ratePerSecond": 50}},
                 "service": {"instances": 1, "workersPerInstance": 1, "queueCapacity": 100000,
                             "serviceTime": {"distribution": "exponential", "meanMs": 10}},
                 "balancer": {"strategy": "round-robin"}}
                """);
        World w = new World(s);
        w.advanceTo(Simulation.secondsToNanos(2000));
        ProfilerSystem profiler = profiler(w);
        double[] mean = profiler.meanMs();
        double lambda = 50;
        double mu = 100;
        double rho = lambda / mu;
        assertEquals(rho / (mu - lambda) * 1000, p(mean, Phase.QUEUE), 0.6);
        assertEquals(1000 / mu, p(mean, Phase.SERVICE), 0.15);
        for (Phase other : List.of(Phase.GC_PAUSE, Phase.CONNECTION_WAIT, Phase.CACHE, Phase.DATABASE, Phase.DOWNSTREAM)) {
            assertEquals(0, p(mean, other), other.toString());
        }
        assertEquals(w.snapshot().completed(), profiler.requests());
    }

    private static ProfilerSystem profiler(World w) {
        for (Subsystem part : w.parts()) {
            if (part instanceof ProfilerSystem p) {
                return p;
            }
        }
        throw new AssertionError("no profiler");
    }

    @Test
    void aboutOnePercentOfRequestsAreAboveTheP99AndTheyAreSlowerThanTheRest() {
        World w = new World(Presets.load("default"));
        w.advanceTo(Simulation.secondsToNanos(600));
        ProfilerSystem profiler = profiler(w);
        double share = profiler.aboveP99Requests() / (double) profiler.requests();
        // The p99 is read once a second from the whole run so far, so the share drifts a little from 1 %.
        assertEquals(0.01, share, 0.0015, "share above the p99");
        double meanMs = sum(profiler.meanMs());
        double aboveMs = sum(profiler.aboveP99MeanMs());
        assertTrue(aboveMs > 3 * meanMs, aboveMs + " vs " + meanMs);
        // The phases' means add up to the mean latency the report gives (the recorder keeps whole microseconds).
        assertEquals(w.snapshot().totalLatency().meanMs(), meanMs, 0.002 + 0.001 * meanMs);
        double p99Ms = w.snapshot().totalLatency().p99Ms();
        assertTrue(aboveMs > p99Ms * 0.95, "the slow ones' mean " + aboveMs + " is near or above the p99 " + p99Ms);
    }

    @Test
    void theReportBreaksTheLatencyDownByPhase() {
        World w = new World(Presets.load("mm1"));
        w.advanceTo(Simulation.secondsToNanos(60));
        ObjectNode report = Report.of(w, 0);
        ObjectNode b = (ObjectNode) report.get("latencyBreakdownMs");
        List<String> ids = new ArrayList<>();
        b.get("all").fieldNames().forEachRemaining(ids::add);
        assertEquals(List.of("queue", "service", "gcPause", "connectionWait", "cache", "database", "downstream"), ids);
        ProfilerSystem profiler = profiler(w);
        assertEquals(Math.round(p(profiler.meanMs(), Phase.QUEUE) * 1000) / 1000.0, b.get("all").get("queue").asDouble());
        assertEquals(profiler.requests(), b.get("requests").asLong());
        assertEquals(profiler.aboveP99Requests(), b.get("aboveP99Requests").asLong());
        assertTrue(b.get("aboveP99").get("queue").asDouble() > b.get("all").get("queue").asDouble());
    }

    /** What the hook saw of a completed request: when it ended and how long it took. */
    private record Ended(long id, long endNanos, long latencyNanos) {
    }

    @Test
    void slowTracesAreTheSlowestOfTheLastTenSecondsWithContiguousSpansFromArrivalToAnswer() {
        World w = new World(Presets.load("full-stack"));
        List<Ended> ended = new ArrayList<>();
        w.setAnsweredHook(r -> ended.add(new Ended(r.id, w.simulation().nowNanos(), w.simulation().nowNanos() - r.arrivalNanos)));
        long until = Simulation.secondsToNanos(75.5);
        w.advanceTo(until);
        List<PerformanceView.TraceView> traces = w.snapshot().performance().profile().slowTraces();
        assertEquals(ProfilerSystem.TRACES, traces.size());

        // The failed ones are answered too, but the profiler keeps completed requests only.
        assertEquals(0, w.snapshot().failed(), "full-stack's payments fail only from 300 s");
        List<Ended> expected = ended.stream().filter(e -> e.endNanos > until - ProfilerSystem.TRACE_WINDOW_NANOS)
                .sorted(Comparator.comparingLong(Ended::latencyNanos).reversed().thenComparingLong(Ended::id))
                .limit(ProfilerSystem.TRACES).toList();
        assertEquals(expected.stream().map(Ended::id).toList(), traces.stream().map(PerformanceView.TraceView::requestId).toList());

        for (PerformanceView.TraceView t : traces) {
            List<PerformanceView.SpanView> spans = t.spans();
            assertEquals(0, spans.get(0).startMs(), "trace of " + t.requestId() + " starts at its arrival");
            double at = 0;
            for (PerformanceView.SpanView s : spans) {
                assertEquals(at, s.startMs(), 1e-6, "spans of " + t.requestId() + " are contiguous");
                assertTrue(s.durationMs() > 0);
                at = s.startMs() + s.durationMs();
            }
            assertEquals(t.latencyMs(), at, 1e-6, "the last span of " + t.requestId() + " ends at its answer");
            int firstWork = spans.get(0).phase() == Phase.QUEUE ? 1 : 0;
            assertEquals(Phase.SERVICE, spans.get(firstWork).phase(), "after the queue, if it waited, a worker serves it");
        }
    }

    @Test
    void aRequestThatEntersAPhaseTwiceHasTwoSpansAndZeroLengthPhasesLeaveNone() {
        World w = new World(Presets.load("mm1"));
        Request r = new Request(w, 7, 1_000, 0, true, -1, 0);
        r.enter(Phase.SERVICE, 1_000); // no wait in the queue: no span
        r.enter(Phase.GC_PAUSE, 4_000);
        r.enter(Phase.SERVICE, 9_000);
        r.enter(Phase.SERVICE, 9_500); // already there: nothing changes
        r.enter(Phase.DOWNSTREAM, 12_000);
        r.endPhases(20_000);
        assertArrayEquals(new long[] {0, 3_000 + 3_000, 5_000, 0, 0, 0, 8_000, 0}, r.phaseNanos);
        TraceBuffer buffer = w.traceBuffer();
        int n = buffer.chainLength(r.id, r.lastSpan);
        assertEquals(4, n);
        byte[] phases = new byte[n];
        long[] starts = new long[n];
        buffer.copyChain(r.lastSpan, n, phases, starts);
        assertArrayEquals(new byte[] {(byte) Phase.SERVICE.ordinal(), (byte) Phase.GC_PAUSE.ordinal(),
                (byte) Phase.SERVICE.ordinal(), (byte) Phase.DOWNSTREAM.ordinal()}, phases);
        assertArrayEquals(new long[] {1_000, 4_000, 9_000, 12_000}, starts);
    }

    @Test
    void aChainTheRingHasOverwrittenCannotBeRead() {
        TraceBuffer buffer = new TraceBuffer();
        long first = buffer.append(1, TraceBuffer.NONE, Phase.QUEUE, 0);
        long last = buffer.append(1, first, Phase.SERVICE, 10);
        assertEquals(2, buffer.chainLength(1, last));
        for (int i = 0; i < TraceBuffer.CAPACITY - 1; i++) {
            buffer.append(2 + i, TraceBuffer.NONE, Phase.QUEUE, 20 + i);
        }
        assertEquals(-1, buffer.chainLength(1, last), "its first span is gone");
    }
}
