package dev.scalelab.ui.charts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeWindowTest {

    /** One point a second at t = 1 … n. */
    private static double[] seconds(int n) {
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = i + 1;
        }
        return times;
    }

    @Test
    void untilTheWindowIsFullTheAxisStaysAtZeroToTheWindow() {
        TimeWindow window = new TimeWindow(120, 20);
        assertTrue(window.advance(seconds(50), 50));
        assertEquals(0, window.startSeconds());
        assertEquals(120, window.endSeconds());
        assertEquals(0, window.firstNew());
    }

    @Test
    void afterThatTheWindowStartsOnATickAndSpansTheWindowPlusOneTick() {
        TimeWindow window = new TimeWindow(120, 20);
        window.advance(seconds(171), 171);
        // 171 − 120 = 51, down to the tick: 40; the axis then reads 40 … 180.
        assertEquals(40, window.startSeconds());
        assertEquals(180, window.endSeconds());
        // Points before t = 40 are outside: the first to append is t = 40, at index 39.
        assertEquals(39, window.firstNew());
    }

    @Test
    void onlyThePointsNotShownAreAppendedNext() {
        TimeWindow window = new TimeWindow(120, 20);
        window.advance(seconds(30), 30);
        window.shown(30);
        assertTrue(window.advance(seconds(33), 33));
        assertEquals(30, window.firstNew());
        assertTrue(window.newestIsNew(33));
        window.shown(33);
        window.advance(seconds(33), 33);
        assertFalse(window.newestIsNew(33));
        assertEquals(33, window.firstNew());
    }

    @Test
    void aSeriesOlderThanWhatIsShownIsANewRun() {
        TimeWindow window = new TimeWindow(120, 20);
        window.advance(seconds(90), 90);
        window.shown(90);
        assertFalse(window.advance(seconds(5), 5));
        assertEquals(0, window.firstNew());
        assertFalse(window.advance(new double[0], 0));
    }
}
