package dev.scalelab.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameMeterTest {
    private static final long FRAME_NANOS = 16_666_667L;

    @Test
    void steadySixtyHertzPulsesReadAsSixtyFramesPerSecond() {
        FrameMeter meter = new FrameMeter();
        for (int i = 0; i <= 600; i++) {
            meter.record(i * FRAME_NANOS);
        }
        assertEquals(60.0, meter.windowFramesPerSecond(), 0.01);
        assertEquals(16.667, meter.windowP95IntervalMs(), 0.001);
        assertEquals(601, meter.runFrames());
        assertEquals(60.0, meter.runFramesPerSecond(), 0.01);
        assertEquals(16.7, meter.runP95IntervalMs(), 0.05);
    }

    @Test
    void oneSlowFrameSetsTheMaximumButNotTheNinetyFifthPercentile() {
        FrameMeter meter = new FrameMeter();
        long now = 0;
        for (int i = 0; i < 100; i++) {
            meter.record(now);
            now += i == 50 ? 50_000_000L : FRAME_NANOS;
        }
        assertEquals(50.0, meter.runMaxIntervalMs(), 1e-9);
        assertEquals(16.7, meter.runP95IntervalMs(), 0.05);
    }

    @Test
    void theWindowForgetsFramesOlderThanTwoSeconds() {
        FrameMeter meter = new FrameMeter();
        long now = 0;
        for (int i = 0; i < 120; i++) { // two seconds at 30 Hz
            meter.record(now);
            now += 2 * FRAME_NANOS;
        }
        for (int i = 0; i < 240; i++) { // then four at 60 Hz
            meter.record(now);
            now += FRAME_NANOS;
        }
        assertEquals(60.0, meter.windowFramesPerSecond(), 0.01);
        assertEquals(16.667, meter.windowP95IntervalMs(), 0.001);
    }

    @Test
    void restartingTheRunKeepsOnlyLaterFrames() {
        FrameMeter meter = new FrameMeter();
        meter.record(0);
        meter.record(500_000_000L);
        meter.restartRun();
        for (int i = 1; i <= 61; i++) {
            meter.record(500_000_000L + i * FRAME_NANOS);
        }
        assertEquals(61, meter.runFrames());
        assertEquals(16.667, meter.runMaxIntervalMs(), 0.001);
        assertEquals("frames 61, fps 60.0, p95 frame interval 16.7 ms, max 16.7 ms, events/s 4120",
                meter.runSummary(4120));
    }
}
