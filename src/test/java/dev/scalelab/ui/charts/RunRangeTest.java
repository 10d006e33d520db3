package dev.scalelab.ui.charts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunRangeTest {

    @Test
    void zoomKeepsTheMomentUnderThePointerAndPanStaysInsideTheRun() {
        RunRange range = new RunRange();
        range.wholeRunProperty().set(true);
        assertEquals(0, range.from(3600));
        assertEquals(3600, range.to(3600)); // fits, and grows with the run
        range.zoom(0.5, 900, 3600); // half the span around t = 900, which stays a quarter of the way along
        assertEquals(450, range.from(3600), 1e-9);
        assertEquals(2250, range.to(3600), 1e-9);
        range.pan(-1000, 3600); // not before t = 0
        assertEquals(0, range.from(3600), 1e-9);
        assertEquals(1800, range.to(3600), 1e-9);
        range.pan(5000, 3600); // not after the run's end
        assertEquals(3600, range.to(3600), 1e-9);
        for (int i = 0; i < 20; i++) {
            range.zoom(0.5, 3000, 3600);
        }
        assertEquals(RunRange.MIN_SPAN_SECONDS, range.to(3600) - range.from(3600), 1e-9);
        range.zoom(1000, 3000, 3600); // wider than the run: it fits again
        assertFalse(range.zoomed());
    }

    @Test
    void everyChangeBumpsTheRevisionAndTicksReadRound() {
        RunRange range = new RunRange();
        long before = range.revisionProperty().get();
        range.apply("600-900");
        assertTrue(range.isWholeRun());
        assertEquals(600, range.from(3600));
        assertTrue(range.revisionProperty().get() > before);
        assertEquals(50, RunRange.tickSeconds(300));
        assertEquals(1000, RunRange.tickSeconds(3600));
        assertEquals(20, RunRange.tickSeconds(120));
    }
}
