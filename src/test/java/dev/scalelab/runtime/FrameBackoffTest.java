package dev.scalelab.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The back-off policy driven with made-up pulse times: no clock, no thread, no display. */
class FrameBackoffTest {
    private static final long MS = 1_000_000L;
    private static final long SLICE = 12 * MS;
    private static final long PUBLISH = 16 * MS;

    /** Pulses every {@code intervalMs} from {@code fromMs}, each judged as it comes; returns the levels after each. */
    private static List<Integer> pulses(FrameBackoff b, long fromMs, long intervalMs, int count) {
        List<Integer> levels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t = (fromMs + i * intervalMs) * MS;
            b.frameShown(t);
            levels.add(b.update(t + MS));
        }
        return levels;
    }

    @Test
    void withoutAUiItNeverBacksOff() {
        FrameBackoff b = new FrameBackoff();
        for (long t = 0; t < 5_000; t += 7) {
            assertEquals(0, b.update(t * MS));
        }
        assertEquals(SLICE, b.sliceNanos(SLICE, true));
        assertEquals(0, b.pauseNanos(true));
        assertEquals(PUBLISH, b.publishIntervalNanos(PUBLISH, true));
    }

    @Test
    void framesOnTimeKeepItAtZero() {
        FrameBackoff b = new FrameBackoff();
        // 60 Hz with a little jitter, up to 19 ms.
        for (int i = 0; i < 300; i++) {
            long t = i * 16_700_000L + (i % 3) * 2 * MS;
            b.frameShown(t);
            assertEquals(0, b.update(t + MS), "pulse " + i);
        }
    }

    @Test
    void lateFramesRaiseItOneLevelPerTenthOfASecondUpToTheTop() {
        FrameBackoff b = new FrameBackoff();
        // A pulse every 50 ms: the first has no interval; then each is late, and the level rises every other pulse.
        assertEquals(List.of(0, 1, 1, 2, 2, 3, 3, 4, 4, 4, 4), pulses(b, 1000, 50, 11));
        assertEquals(FrameBackoff.MAX_LEVEL, b.level());
        // Saturated: a sixteenth of the slice (but at least 1 ms), 8 ms of sleep, a frame every 80 ms.
        assertEquals(MS, b.sliceNanos(SLICE, true));
        assertEquals(8 * MS, b.pauseNanos(true));
        assertEquals(80 * MS, b.publishIntervalNanos(PUBLISH, true));
        // A thread that is not saturated (caught up at 1x) keeps its pacing: it sleeps until the next frame anyway.
        assertEquals(SLICE, b.sliceNanos(SLICE, false));
        assertEquals(0, b.pauseNanos(false));
        assertEquals(PUBLISH, b.publishIntervalNanos(PUBLISH, false));
    }

    @Test
    void framesOnTimeAgainLowerItOneLevelPerThirtyFrames() {
        FrameBackoff b = new FrameBackoff();
        pulses(b, 1000, 50, 11);
        List<Integer> levels = pulses(b, 1516, 16, 120); // the last late pulse was at 1500 ms
        assertEquals(4, levels.get(0)); // the first interval (16 ms) is on time
        assertEquals(3, levels.get(29)); // 30 on time in a row
        assertEquals(2, levels.get(59));
        assertEquals(1, levels.get(89));
        assertEquals(0, levels.get(119));
        assertEquals(3, levels.get(30)); // and not faster
    }

    @Test
    void aPulseThatDoesNotComeIsLateAlready() {
        FrameBackoff b = new FrameBackoff();
        pulses(b, 1000, 16, 10); // on time, last at 1144 ms
        assertEquals(0, b.update(1150 * MS));
        assertEquals(1, b.update(1170 * MS)); // 26 ms without a pulse
        assertEquals(1, b.update(1200 * MS)); // not more than once per 100 ms
        assertEquals(2, b.update(1270 * MS));
        // No pulse for over two seconds: the window is hidden or gone; nobody waits for frames.
        assertEquals(0, b.update(3200 * MS));
    }

    @Test
    void oneSlowPulseAmongFastOnesRaisesItOnlyBriefly() {
        FrameBackoff b = new FrameBackoff();
        pulses(b, 1000, 16, 10);
        b.frameShown(1184 * MS); // 40 ms after the last: one GC pause, say
        assertEquals(1, b.update(1185 * MS));
        List<Integer> after = pulses(b, 1200, 16, 30);
        assertEquals(1, after.get(28));
        assertEquals(0, after.get(29));
    }
}
