package dev.scalelab.runtime;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineRunTest {

    /** The default preset (400 requests/s on 4 instances), cut short so a run takes milliseconds. */
    private static Scenario small(double durationSeconds) {
        return Presets.load("default").withDurationSeconds(durationSeconds);
    }

    @Test
    void theFrameAtTIsTheSnapshotOfAFreshWorldAdvancedToT() {
        Scenario s = small(60);
        OfflineRun run = new OfflineRun(s);
        World fresh = new World(s);
        for (double t : new double[] {0.5, 3, 7.25, 12}) {
            Frame frame = run.frameAt(t);
            fresh.advanceTo(Simulation.secondsToNanos(t));
            Snapshot expected = fresh.snapshot();
            Snapshot got = frame.snapshot();
            assertEquals(t, got.timeSeconds(), 1e-9);
            assertEquals(expected.timeSeconds(), got.timeSeconds());
            assertEquals(expected.eventsFired(), got.eventsFired());
            assertEquals(expected.offered(), got.offered());
            assertEquals(expected.completed(), got.completed());
            assertEquals(expected.rejected(), got.rejected());
            assertEquals(expected.failed(), got.failed());
            assertEquals(expected.instances(), got.instances());
            assertEquals(expected.lastSample(), got.lastSample());
            assertEquals(expected.totalLatency(), got.totalLatency());
            assertEquals(expected.recentLog(), got.recentLog());
            assertTrue(frame.status().paused(), "an offline frame is a paused one");
            assertFalse(frame.status().finished());
        }
        assertTrue(run.frameAt(12).snapshot().offered() > 3000, "about 400 requests per second for 12 s");
    }

    @Test
    void framesNumberUpAndTimeNeverGoesBack() {
        OfflineRun run = new OfflineRun(small(60));
        Frame late = run.frameAt(10);
        Frame earlier = run.frameAt(4);
        assertEquals(10, earlier.snapshot().timeSeconds(), 1e-9, "a time already passed stays where the run is");
        assertEquals(late.snapshot().eventsFired(), earlier.snapshot().eventsFired());
        assertTrue(earlier.status().frame() > late.status().frame());
    }

    @Test
    void aRunStopsAtItsScenariosDurationAndIsThenFinished() {
        OfflineRun run = new OfflineRun(small(5));
        Frame frame = run.frameAt(9);
        assertEquals(5, frame.snapshot().timeSeconds(), 1e-9);
        assertEquals(5, run.endSeconds(), 1e-9);
        assertTrue(frame.status().finished());
    }

    @Test
    void theSampleCsvHasOneRowPerSecondUpToNow() throws IOException {
        Scenario s = small(60);
        OfflineRun run = new OfflineRun(s);
        StringWriter csv = new StringWriter();
        run.sampleCsv(csv);
        run.frameAt(15);
        List<String> lines = csv.toString().lines().toList();
        assertEquals(new World(s).sampleCsvHeader(), lines.get(0));
        assertEquals(16, lines.size(), "the header and seconds 1 to 15");
        for (int i = 1; i <= 15; i++) {
            assertEquals(i, Double.parseDouble(lines.get(i).split(",")[0]), 1e-9, lines.get(i));
        }
        assertThrows(IllegalStateException.class, () -> run.sampleCsv(new StringWriter()), "samples start at t = 0");
    }

    @Test
    void aCancelledAdvanceStopsShortAndSaysSo() {
        OfflineRun run = new OfflineRun(small(60));
        assertFalse(run.advanceTo(30, () -> true));
        assertEquals(0, run.nowSeconds(), 1e-9);
        assertTrue(run.advanceTo(2, () -> false));
        assertEquals(2, run.nowSeconds(), 1e-9);
    }

    @Test
    void theReportCoversTheRunSoFar() {
        OfflineRun run = new OfflineRun(small(60));
        run.frameAt(8);
        String json = run.reportJson();
        assertTrue(json.contains("\"simulatedSeconds\" : 8.0"), json.substring(0, Math.min(400, json.length())));
        assertTrue(json.endsWith("\n"));
    }
}
