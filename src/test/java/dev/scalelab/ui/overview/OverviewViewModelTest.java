package dev.scalelab.ui.overview;

import dev.scalelab.world.Snapshot;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverviewViewModelTest {
    private final OverviewViewModel viewModel = new OverviewViewModel();

    private static Snapshot.Dispatches dispatches(long total, int shown) {
        return new Snapshot.Dispatches(total, new int[shown], new byte[shown]);
    }

    @Test
    void onlyDecisionsNotSeenBeforeAreAnimatedAndAtMostThirtyPerFrame() {
        assertEquals(256 - 30, viewModel.firstNewDispatch(dispatches(5_000, 256)), "a burst is sampled");
        assertEquals(256 - 7, viewModel.firstNewDispatch(dispatches(5_007, 256)));
        assertEquals(256, viewModel.firstNewDispatch(dispatches(5_007, 256)), "nothing new");
        assertEquals(3 - 3, viewModel.firstNewDispatch(dispatches(3, 3)), "after a restart the count starts again");
    }

    @Test
    void chartsUpdateForNewSamplesAtMostFourTimesASecondButAtOnceAfterARestart() {
        long ms = 1_000_000L;
        assertFalse(viewModel.chartsDue(Double.NaN, 0), "no sample yet");
        assertTrue(viewModel.chartsDue(3, 0));
        assertFalse(viewModel.chartsDue(3, 100 * ms), "no new sample");
        assertFalse(viewModel.chartsDue(4, 100 * ms), "too soon after the last update");
        assertTrue(viewModel.chartsDue(4, 300 * ms), "the held-back sample shows later");
        assertTrue(viewModel.chartsDue(1, 350 * ms), "a restarted run clears the charts at once");
        assertTrue(viewModel.chartsDue(Double.NaN, 400 * ms), "so does a restart with no sample yet");
    }
}
