package dev.scalelab.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Pulses at 60 Hz from 1 s, every {@code lateEvery}-th one 2.3 ms late (19 ms after the one before); the levels. */
    private static List<Integer> jittered(FrameBackoff b, int lateEvery, int count) {
        List<Integer> levels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t = 1_000 * MS + i * 16_700_000L + (i % lateEvery == 0 ? 2_300_000L : 0);
            b.frameShown(t);
            levels.add(b.update(t + MS));
        }
        return levels;
    }

    @Test
    void aFewLateFramesKeepItAtZeroButMoreThanOneInTwentyRaiseIt() {
        // 4 % of the frames a little late: the 95th percentile is on budget, nothing to give up.
        assertTrue(jittered(new FrameBackoff(), 25, 600).stream().allMatch(level -> level == 0));
        // 10 %: over budget; once the window holds 4 late frames (pulses 10, 20, 30 and 40) the level rises.
        List<Integer> levels = jittered(new FrameBackoff(), 10, 600);
        assertEquals(0, levels.get(39));
        assertEquals(1, levels.get(40));
        assertEquals(FrameBackoff.MAX_LEVEL, levels.get(599));
    }

    @Test
    void droppedFramesRaiseItOneLevelPerQuarterSecondUpToTheTop() {
        FrameBackoff b = new FrameBackoff();
        // A pulse every 50 ms: the first has no interval; then each drops frames, and the level rises every fifth pulse.
        assertEquals(List.of(0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4), pulses(b, 1000, 50, 22));
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
    void framesOnTimeAgainLowerItOneLevelPerThirtyCalmFrames() {
        FrameBackoff b = new FrameBackoff();
        pulses(b, 1000, 50, 22); // 21 late intervals in the window; the last pulse at 2050 ms
        List<Integer> levels = pulses(b, 2066, 16, 180);
        // The late ones leave the window as on-time frames take their places: after the 39 free places, one
        // each; at frame 58 one late is left (calm), and 30 calm frames in a row lower the level by one.
        assertEquals(4, levels.get(0));
        assertEquals(4, levels.get(86));
        assertEquals(3, levels.get(87));
        assertEquals(3, levels.get(116));
        assertEquals(2, levels.get(117));
        assertEquals(1, levels.get(147));
        assertEquals(0, levels.get(177));
    }

    @Test
    void aPulseThatDoesNotComeIsLateAlready() {
        FrameBackoff b = new FrameBackoff();
        pulses(b, 1000, 16, 10); // on time, last at 1144 ms
        assertEquals(0, b.update(1150 * MS));
        assertEquals(1, b.update(1170 * MS)); // 26 ms without a pulse: a frame dropped
        assertEquals(1, b.update(1200 * MS)); // not more than once per 250 ms
        assertEquals(1, b.update(1270 * MS));
        assertEquals(2, b.update(1420 * MS));
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
