package dev.scalelab.engine.gateway;

import org.junit.jupiter.api.Test;

import static dev.scalelab.engine.gateway.LoadShedder.HIGH;
import static dev.scalelab.engine.gateway.LoadShedder.LOW;
import static dev.scalelab.engine.gateway.LoadShedder.NORMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadShedderTest {
    private static final long MS = 1_000_000L;

    @Test
    void byQueueLengthShedsLowFromTheThresholdAndNormalFromTwiceIt() {
        LoadShedder shedder = LoadShedder.byQueueLength(20);
        shedder.observeQueue(0, 19.99);
        assertEquals(LOW, shedder.admittedDownTo(0));
        assertTrue(shedder.admit(0, LOW));
        assertEquals("shedding nothing: 19.99 queued per ready instance < 20", shedder.reason());
        shedder.observeQueue(1, 20);
        assertEquals(NORMAL, shedder.admittedDownTo(1));
        assertFalse(shedder.admit(1, LOW));
        assertTrue(shedder.admit(1, NORMAL));
        shedder.observeQueue(2, 31.5);
        assertEquals("shedding low: 31.5 queued per ready instance >= 20", shedder.reason());
        shedder.observeQueue(3, 40);
        assertEquals(HIGH, shedder.admittedDownTo(3));
        assertFalse(shedder.admit(3, NORMAL));
        assertTrue(shedder.admit(3, HIGH));
        assertEquals("shedding low and normal: 40 queued per ready instance >= 40", shedder.reason());
        shedder.observeQueue(4, 1e9);
        assertTrue(shedder.admit(4, HIGH)); // high is never shed
    }

    /** CoDel's interval rule: shedding starts only once every delay for a whole interval was above the target. */
    @Test
    void byDelayShedsOnlyAfterAWholeIntervalAboveTheTarget() {
        LoadShedder shedder = LoadShedder.byDelay(5 * MS, 100 * MS);
        shedder.observeDelay(0, 6 * MS); // above since 0
        shedder.observeDelay(60 * MS, 9 * MS);
        assertEquals(LOW, shedder.admittedDownTo(99 * MS));
        assertEquals(NORMAL, shedder.admittedDownTo(100 * MS));
        assertFalse(shedder.admit(100 * MS, LOW));
        assertEquals("shedding low: queueing delay above the target 5 ms for 100 ms (smallest 6 ms, interval 100 ms)",
                shedder.reason());
        assertEquals(NORMAL, shedder.admittedDownTo(199 * MS));
        assertEquals(HIGH, shedder.admittedDownTo(200 * MS)); // a second interval in a row: normal too
        assertTrue(shedder.admit(200 * MS, HIGH));
        shedder.observeDelay(210 * MS, 5 * MS); // at the target: over at once
        assertEquals(LOW, shedder.admittedDownTo(210 * MS));
        assertEquals("shedding nothing: queueing delay at or under the target 5 ms", shedder.reason());
    }

    @Test
    void oneGoodDelayRestartsTheInterval() {
        LoadShedder shedder = LoadShedder.byDelay(5 * MS, 100 * MS);
        shedder.observeDelay(0, 50 * MS);
        shedder.observeDelay(90 * MS, 1 * MS);
        shedder.observeDelay(95 * MS, 50 * MS); // above again since 95 ms
        assertEquals(LOW, shedder.admittedDownTo(194 * MS));
        assertEquals(NORMAL, shedder.admittedDownTo(195 * MS));
    }

    @Test
    void eachModeIgnoresTheOthersSignal() {
        LoadShedder queue = LoadShedder.byQueueLength(1);
        queue.observeDelay(0, 1_000 * MS);
        assertEquals(LOW, queue.admittedDownTo(10_000 * MS));
        LoadShedder delay = LoadShedder.byDelay(5 * MS, 100 * MS);
        delay.observeQueue(0, 1e6);
        assertEquals(LOW, delay.admittedDownTo(10_000 * MS));
    }
}
