package dev.scalelab.engine.resilience;

import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dependency as a FIFO queueing server with faults, in virtual time. */
class DownstreamServiceTest {
    private static final long MS = Simulation.NANOS_PER_MILLI;
    private static final long S = Simulation.NANOS_PER_SECOND;

    private final Simulation sim = new Simulation();
    /** (answer time in ms, success) of every answer, in order. */
    private final List<String> answers = new ArrayList<>();

    private DownstreamService service(int instances, int workers, int queueCapacity, double serviceMs, double errorRate) {
        return new DownstreamService(sim, new DependencyConfig("inventory", instances, workers, queueCapacity,
                new Distribution.Constant(serviceMs), errorRate, 2), new SplittableRandom(3));
    }

    private void submit(DownstreamService s, String label) {
        s.submit(ok -> answers.add(label + "@" + sim.nowNanos() / MS + (ok ? " ok" : " failed")));
    }

    @Test
    void oneWorkerServesTheQueueInArrivalOrder() {
        DownstreamService s = service(1, 1, 10, 10, 0);
        submit(s, "a");
        submit(s, "b");
        submit(s, "c");
        assertEquals(1, s.busyWorkers());
        assertEquals(2, s.queueLength());
        sim.runUntil(S);
        assertEquals(List.of("a@10 ok", "b@20 ok", "c@30 ok"), answers);
        assertEquals(3, s.served());
    }

    @Test
    void instancesTimesWorkersServeInParallel() {
        DownstreamService s = service(2, 2, 10, 10, 0);
        for (int i = 0; i < 6; i++) {
            submit(s, "r" + i);
        }
        sim.runUntil(S);
        assertEquals(List.of("r0@10 ok", "r1@10 ok", "r2@10 ok", "r3@10 ok", "r4@20 ok", "r5@20 ok"), answers);
    }

    @Test
    void aFullQueueShedsTheCallWithAnErrorAfterTheConnectTime() {
        DownstreamService s = service(1, 1, 1, 10, 0);
        submit(s, "a");
        submit(s, "b");
        submit(s, "c");
        sim.runUntil(S);
        assertEquals(List.of("c@2 failed", "a@10 ok", "b@20 ok"), answers);
        assertEquals(1, s.shed());
    }

    @Test
    void theErrorRateFailsThatShareOfServedCalls() {
        DownstreamService s = service(10, 10, 100_000, 1, 0.1);
        for (int i = 0; i < 20_000; i++) {
            s.submit(ok -> { });
        }
        sim.runUntil(10 * S);
        assertEquals(20_000, s.served());
        assertEquals(0.1, s.errors() / 20_000.0, 0.006);
    }

    @Test
    void errorAndLatencyFaultsHoldOnlyDuringTheirWindow() {
        DownstreamService s = service(1, 1, 10, 10, 0);
        s.inject(new Fault.ExtraErrorRate(1.0), 1 * S, 2 * S);
        s.inject(new Fault.AddedLatency(50), 1 * S, 2 * S);
        sim.runUntil(1500 * MS);
        assertEquals(2, s.activeFaults().size());
        assertEquals(1.0, s.currentErrorRate());
        submit(s, "during");
        sim.runUntil(2500 * MS);
        assertEquals(0, s.activeFaults().size());
        submit(s, "after");
        sim.runUntil(3 * S);
        assertEquals(List.of("during@1560 failed", "after@2510 ok"), answers);
    }

    @Test
    void aRefusingOutageFailsNewCallsFastAndResetsTheQueuedOnes() {
        DownstreamService s = service(1, 1, 10, 100, 0);
        s.inject(new Fault.Outage(Fault.OutageMode.REFUSE), 50 * MS, 1 * S);
        submit(s, "inService");
        submit(s, "queued");
        sim.runUntil(60 * MS);
        submit(s, "new");
        sim.runUntil(2 * S);
        submit(s, "afterwards");
        sim.runUntil(3 * S);
        // The queued call is reset when the outage begins, the one in service when its worker
        // finishes, and the new one is refused after the 2 ms connect time.
        assertEquals(List.of("queued@50 failed", "new@62 failed", "inService@100 failed", "afterwards@2100 ok"), answers);
        assertEquals(3, s.lostToOutage());
    }

    @Test
    void aHangingOutageAnswersNothingUntilItEnds() {
        DownstreamService s = service(1, 1, 10, 10, 0);
        s.inject(new Fault.Outage(Fault.OutageMode.HANG), 0, 5 * S);
        submit(s, "a");
        sim.runUntil(4999 * MS);
        assertEquals(List.of(), answers);
        sim.runUntil(6 * S);
        assertEquals(List.of("a@5000 failed"), answers);
    }

    @Test
    void clearingFaultsEndsThemAtOnceAndFaultsDescribeThemselves() {
        DownstreamService s = service(1, 1, 10, 10, 0);
        s.inject(new Fault.Outage(Fault.OutageMode.REFUSE), 0, 10 * S);
        s.inject(new Fault.ExtraErrorRate(0.25), 0, 10 * S);
        s.inject(new Fault.AddedLatency(50), 0, 10 * S);
        assertEquals(List.of("outage (connections refused)", "+25% errors", "+50.0 ms latency"),
                s.activeFaults().stream().map(f -> f.fault().describe()).toList());
        s.clearFaults();
        submit(s, "a");
        sim.runUntil(S);
        assertEquals(List.of("a@10 ok"), answers);
    }
}
