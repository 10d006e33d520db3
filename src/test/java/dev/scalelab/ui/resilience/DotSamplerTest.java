package dev.scalelab.ui.resilience;

import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.engine.resilience.MeshStats;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DotSamplerTest {

    private static MeshStats stats(long requests, long attemptsSent, long retries, long failures, long breakerRejections) {
        return new MeshStats("payments", requests, 0, 0, attemptsSent + breakerRejections, attemptsSent, retries, 0,
                breakerRejections, 0, 0, failures, 0, BreakerState.CLOSED, LatencySummary.EMPTY);
    }

    @Test
    void theFirstFrameSetsTheBaselineAndLaunchesNothing() {
        DotSampler s = new DotSampler();
        s.sample(stats(1000, 3000, 2000, 0, 0), 1, 100);
        assertEquals(0, s.sent());
    }

    @Test
    void overManyFramesTheDotsKeepTheTrueProportions() {
        DotSampler s = new DotSampler();
        s.sample(stats(0, 0, 0, 0, 0), 5, 100);
        int sent = 0;
        int retries = 0;
        int failed = 0;
        // A naive client in an outage: each frame 7 requests, 21 attempts (14 retries), all failing.
        for (int frame = 1; frame <= 100; frame++) {
            s.sample(stats(7L * frame, 21L * frame, 14L * frame, 21L * frame, 0), 5, 100);
            sent += s.sent();
            retries += s.retries();
            failed += s.failed();
        }
        assertEquals(2100 / 5, sent);
        assertEquals(1400 / 5, retries, 1);
        assertEquals(sent, failed);
    }

    @Test
    void breakerRejectionsBecomeBouncingDots() {
        DotSampler s = new DotSampler();
        s.sample(stats(100, 100, 0, 0, 0), 1, 100);
        s.sample(stats(110, 101, 0, 1, 9), 1, 100);
        assertEquals(1, s.sent());
        assertEquals(1, s.failed());
        assertEquals(9, s.rejectedByBreaker());
    }

    @Test
    void aRebuiltClientCountsFromZeroAndAFloodIsCapped() {
        DotSampler s = new DotSampler();
        s.sample(stats(1000, 1000, 0, 0, 0), 1, 10);
        s.sample(stats(4, 4, 0, 0, 0), 1, 10); // the world rebuilt the client: its counters restarted
        assertEquals(4, s.sent());
        s.sample(stats(1004, 1004, 0, 0, 0), 1, 10);
        assertEquals(10, s.sent());
    }
}
