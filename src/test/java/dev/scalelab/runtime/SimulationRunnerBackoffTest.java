package dev.scalelab.runtime;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Report;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run whose simulation thread backs off for late frames gives the same report as one that does not
 * and as the world run headless: back-off changes wall-time pacing only. No timing is asserted; the
 * waits have a timeout.
 */
class SimulationRunnerBackoffTest {

    private static String runToTheEnd(Scenario scenario, boolean lateFrames, long[] backedOff) throws Exception {
        try (SimulationRunner r = new SimulationRunner(scenario, false)) {
            r.setSpeed(SimulationRunner.MAX_SPEED);
            AtomicBoolean done = new AtomicBoolean();
            Thread ui = new Thread(() -> {
                // A UI whose pulses come every 40 ms: late, every one of them.
                while (!done.get()) {
                    r.frameShown(System.nanoTime());
                    try {
                        Thread.sleep(40);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "late-ui");
            if (lateFrames) {
                ui.setDaemon(true);
                ui.start();
                Thread.sleep(100); // a few intervals reported before the run starts
            }
            r.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!r.latest().status().finished()) {
                assertTrue(System.nanoTime() < deadline, "the run did not finish: " + r.latest().status());
                Thread.sleep(10);
            }
            done.set(true);
            backedOff[0] = r.backedOffSlices();
            return r.reportJson().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRunBackedOffForLateFramesGivesTheSameReport() throws Exception {
        Scenario scenario = Presets.load("full-stack").withDurationSeconds(240);
        long[] slept = new long[1];
        String backedOff = runToTheEnd(scenario, true, slept);
        assertTrue(slept[0] > 0, "the thread backed off");
        long[] none = new long[1];
        String flatOut = runToTheEnd(scenario, false, none);
        assertEquals(0, none[0], "without a UI it never backs off");

        World headless = new World(scenario);
        headless.advanceTo(Simulation.secondsToNanos(240));
        String expected = Report.toJson(Report.of(headless, 0));
        assertEquals(expected, flatOut);
        assertEquals(expected, backedOff);
    }
}
