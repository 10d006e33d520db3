package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each breakpoint kind fires on a scenario made for it, at the moment its condition starts, and
 * stays silent on one where the condition never holds. Runs in virtual time.
 */
class BreakpointWorldTest {

    /** One instance with one worker, 10 ms per request, 50 req/s; at 30 s the rate jumps to {@code rateAt30}. */
    static Scenario oneWorker(int queueCapacity, double rateAt30) {
        return ScenarioFiles.parse("""
                {"schema": 1, "seed": 3, "durationSeconds": 60,
                 "workload": {"arrival": {"process": "poisson", "ratePerSecond": 50}},
                 "service": {"instances": 1, "workersPerInstance": 1, "queueCapacity": %d,
                             "serviceTime": {"distribution": "constant", "meanMs": 10}},
                 "timeline": [{"atSeconds": 30, "command": "set", "path": "workload.arrival.ratePerSecond", "value": %s}]}
                """.formatted(queueCapacity, rateAt30));
    }

    /** Runs {@code w} to {@code seconds}, going on after every hit; returns the hits in order. */
    static List<BreakpointHit> runThrough(World w, double seconds) {
        List<BreakpointHit> hits = new ArrayList<>();
        long end = Simulation.secondsToNanos(seconds);
        while (!w.advance(end, Integer.MAX_VALUE)) {
            BreakpointHit hit = w.takeBreakpointHit();
            assertNotNull(hit, "only a breakpoint stops an unlimited advance");
            assertEquals(hit.atSeconds(), w.nowSeconds(), 1e-12, "the run stops at the event that tripped it");
            hits.add(hit);
        }
        assertNull(w.takeBreakpointHit());
        return hits;
    }

    static World watching(Scenario s, String... forms) {
        World w = new World(s);
        List<Breakpoint> list = new ArrayList<>();
        for (String f : forms) {
            list.add(Breakpoint.parse(f));
        }
        w.setBreakpoints(list);
        return w;
    }

    @Test
    void p99AboveFiresAtTheFirstSecondAboveTheBoundAndOnlyOnceWhileItStaysAbove() {
        World w = watching(oneWorker(100_000, 150), "p99-above=500");
        List<Sample> samples = new ArrayList<>();
        w.setSampleSink(samples::add);
        List<BreakpointHit> hits = runThrough(w, 60);
        assertEquals(1, hits.size(), "the overload never ends, so p99 rises above 500 ms once: " + hits);
        BreakpointHit hit = hits.get(0);
        Sample first = samples.stream().filter(s -> s.p99Ms() > 500).findFirst().orElseThrow();
        assertEquals(first.timeSeconds(), hit.atSeconds(), 1e-9);
        assertTrue(hit.atSeconds() > 30 && hit.atSeconds() <= 33, "soon after the rate triples: " + hit.atSeconds());
        assertEquals(Source.WORLD, hit.trigger().source());
        long end = Math.round(hit.atSeconds());
        String span = String.format("00:%02d-00:%02d", end - 1, end);
        assertEquals("p99 " + Math.round(first.p99Ms()) + " ms above 500 ms over " + span, hit.trigger().message());
        assertTrue(w.snapshot().recentLog().stream().noneMatch(l -> l.message().contains("above 500 ms")),
                "the measured trigger is for the user, not the world's log");
    }

    @Test
    void p99AboveStaysSilentWhenTheLoadNeverRises() {
        assertEquals(List.of(), runThrough(watching(oneWorker(100_000, 50), "p99-above=500"), 60));
    }

    @Test
    void errorRateAboveFiresWhenRejectionsPassTheShareOfAnsweredRequests() {
        World w = watching(oneWorker(20, 150), "error-rate-above=5");
        List<Sample> samples = new ArrayList<>();
        w.setSampleSink(samples::add);
        List<BreakpointHit> hits = runThrough(w, 60);
        assertEquals(1, hits.size(), hits.toString());
        Sample first = samples.stream().filter(s -> s.rejectedPerSecond() + s.failedPerSecond()
                > 0.05 * (s.rejectedPerSecond() + s.failedPerSecond() + s.throughputPerSecond())).findFirst().orElseThrow();
        assertEquals(first.timeSeconds(), hits.get(0).atSeconds(), 1e-9);
        assertTrue(hits.get(0).atSeconds() > 30, hits.toString());
        assertTrue(hits.get(0).trigger().message().startsWith("error rate "), hits.get(0).trigger().message());
        assertEquals(List.of(), runThrough(watching(oneWorker(20, 50), "error-rate-above=5"), 60));
    }

    @Test
    void queueFullFiresOnTheFirstRequestAFullQueueTurnsAway() {
        World w = watching(oneWorker(20, 150), "queue-full");
        long end = Simulation.secondsToNanos(60);
        assertFalse(w.advance(end, Integer.MAX_VALUE));
        BreakpointHit hit = w.takeBreakpointHit();
        assertEquals(Breakpoint.Kind.QUEUE_FULL, hit.breakpoint().kind());
        assertEquals(1, w.snapshot().rejected(), "paused right after the first rejection");
        assertTrue(hit.atSeconds() > 30, "the queue fills only after the rate rises: " + hit.atSeconds());
        assertEquals("i-0's queue is full (20 of 20 waiting): a request turned away", hit.trigger().message());
        assertEquals(List.of(), runThrough(watching(oneWorker(100_000, 150), "queue-full"), 60),
                "a queue that cannot fill never turns one away");
    }

    @Test
    void breakerOpensFiresWhenTheProtectedDependencysBreakerOpensDuringTheOutage() {
        Scenario storm = Presets.load("retry-storm").withDurationSeconds(100);
        List<BreakpointHit> hits = runThrough(watching(storm, "breaker-opens"), 100);
        assertFalse(hits.isEmpty());
        BreakpointHit first = hits.get(0);
        assertTrue(first.atSeconds() >= 60 && first.atSeconds() < 65, "the outage starts at 60 s: " + first.atSeconds());
        assertEquals(Source.BREAKER, first.trigger().source());
        assertTrue(first.trigger().message().startsWith("payments-protected: CLOSED -> OPEN"), first.trigger().message());
        assertEquals(List.of(), runThrough(watching(storm, "breaker-opens=payments-naive"), 100), "the naive client has no breaker");
        assertEquals(List.of(), runThrough(watching(storm.withTimeline(List.of()), "breaker-opens"), 100), "no outage, no opening");
    }

    @Test
    void replicasChangeFiresOnAScalerDecisionThatChangesTheCountAndOnAnAction() {
        Scenario sale = Presets.load("flash-sale").withDurationSeconds(200);
        World w = watching(sale, "replicas-change");
        BreakpointHit first = null;
        int specBefore = sale.service().instances();
        long end = Simulation.secondsToNanos(200);
        if (!w.advance(end, Integer.MAX_VALUE)) {
            first = w.takeBreakpointHit();
        }
        assertNotNull(first, "the HPA scales for the flash sale");
        assertEquals(Source.HPA, first.trigger().source());
        assertTrue(w.snapshot().current().service().instances() != specBefore, "paused after the decision took effect");

        Scenario steady = Presets.load("mm1").withDurationSeconds(30);
        assertEquals(List.of(), runThrough(watching(steady, "replicas-change"), 30), "no autoscaler, no action");
        Scenario added = steady.withTimeline(List.of(Scenario.TimelineEntry.action(12, Action.ADD_INSTANCE, null, null, 0)));
        List<BreakpointHit> hits = runThrough(watching(added, "replicas-change"), 30);
        assertEquals(1, hits.size());
        assertEquals(12.0, hits.get(0).atSeconds(), 1e-9);
        assertEquals("add-instance: spec 1 -> 2", hits.get(0).trigger().message());
    }

    @Test
    void keyMovesFiresWhenAShardIsAddedAndNotBefore() {
        Scenario resharding = Presets.load("resharding").withDurationSeconds(120);
        List<BreakpointHit> hits = runThrough(watching(resharding, "key-moves"), 120);
        assertEquals(1, hits.size(), hits.toString());
        assertEquals(60.0, hits.get(0).atSeconds(), 1e-9);
        assertEquals(Source.DATABASE, hits.get(0).trigger().source());
        assertTrue(hits.get(0).trigger().message().contains("keys move"), hits.get(0).trigger().message());
        assertEquals(List.of(), runThrough(watching(resharding.withTimeline(List.of()), "key-moves"), 120));
    }

    @Test
    void staleReadFiresAtTheFirstSecondWithAStaleRead() {
        Scenario lag = Presets.load("replica-lag").withDurationSeconds(60);
        World w = watching(lag, "stale-read");
        List<Sample> samples = new ArrayList<>();
        w.setSampleSink(samples::add);
        List<BreakpointHit> hits = runThrough(w, 60);
        assertFalse(hits.isEmpty());
        Sample first = samples.stream().filter(s -> !s.parts().get("db_stale_reads_per_s").equals("0")).findFirst().orElseThrow();
        assertEquals(first.timeSeconds(), hits.get(0).atSeconds(), 1e-9);
        assertTrue(hits.get(0).trigger().message().matches("\\d+ stale reads? over \\d\\d:\\d\\d-\\d\\d:\\d\\d"),
                hits.get(0).trigger().message());
        Scenario primary = Parameter.byPath("database.readPolicy").applyTo(lag, "primary");
        assertEquals(List.of(), runThrough(watching(primary, "stale-read"), 60), "reads from the primary are never stale");
    }

    @Test
    void decisionFiresOnAnyLineOfItsSource() {
        Scenario sale = Presets.load("flash-sale").withDurationSeconds(60);
        List<BreakpointHit> hits = runThrough(watching(sale, "decision=hpa"), 60);
        assertEquals(4, hits.size(), "one sync every 15 s: " + hits);
        assertEquals(15.0, hits.get(0).atSeconds(), 1e-9);
        assertTrue(hits.stream().allMatch(h -> h.trigger().source() == Source.HPA));
        assertEquals(List.of(), runThrough(watching(Presets.load("mm1").withDurationSeconds(60), "decision=hpa"), 60));

        // A change of an autoscaler setting is the autoscaler's decision, whoever wrote the line.
        Scenario retuned = sale.withTimeline(List.of(Scenario.TimelineEntry.set(20, "autoscaler.targetUtilization", 80)));
        List<BreakpointHit> autoscaler = runThrough(watching(retuned, "decision=autoscaler"), 60);
        assertEquals(1, autoscaler.size(), autoscaler.toString());
        assertEquals(20.0, autoscaler.get(0).atSeconds(), 1e-9);
        assertEquals(Source.TIMELINE, autoscaler.get(0).trigger().source());
        assertEquals("autoscaler.targetUtilization: 60 -> 80", autoscaler.get(0).trigger().message());
    }

    @Test
    void breakpointsNeverChangeTheRun() {
        String[] all = {"p99-above=50", "error-rate-above=1", "queue-full", "breaker-opens", "replicas-change",
                "key-moves", "stale-read", "decision=breaker", "decision=database", "decision=hpa", "decision=timeline"};
        for (String preset : new String[]{"full-stack", "retry-storm", "resharding", "flash-sale"}) {
            Scenario s = Presets.load(preset).withDurationSeconds(100);
            World plain = new World(s);
            StringBuilder plainSeries = new StringBuilder();
            plain.setSampleSink(x -> plainSeries.append(x.toCsv()).append('\n'));
            plain.advanceTo(Simulation.secondsToNanos(100));
            World watched = watching(s, all);
            StringBuilder watchedSeries = new StringBuilder();
            watched.setSampleSink(x -> watchedSeries.append(x.toCsv()).append('\n'));
            List<BreakpointHit> hits = runThrough(watched, 100);
            assertFalse(hits.isEmpty(), preset);
            assertEquals(report(plain), report(watched), preset + ": the report differs after " + hits.size() + " hits");
            assertEquals(plainSeries.toString(), watchedSeries.toString(), preset);
            assertEquals(plain.simulation().eventsFired(), watched.simulation().eventsFired(), preset);
        }
    }

    private static String report(World w) {
        ObjectNode r = Report.of(w, 0);
        r.remove("wallMillis");
        return Report.toJson(r);
    }
}
