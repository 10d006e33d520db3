package dev.scalelab.ui.performance;

import dev.scalelab.engine.runtime.CollectorKind;
import dev.scalelab.world.PerformanceView;
import dev.scalelab.world.ServiceResources;
import dev.scalelab.world.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerformanceViewModelTest {

    @Test
    void theFiguresAreTheLastSecondsRatesAndTheTotals() {
        PerformanceViewModel model = new PerformanceViewModel();
        Snapshot snapshot = PerformanceFixture.snapshot(5, (now, n) -> PerformanceFixture.view(4, now, n));
        model.update(snapshot);
        assertTrue(model.hasRuntimeProperty().get());
        assertTrue(model.hasObjectPoolProperty().get());
        assertTrue(model.hasConnectionsProperty().get());
        // 38 ms of pauses in the last second, 4,321 ms since the start.
        assertEquals("38 ms · Σ 4.3 s", model.gcPauseProperty().get());
        assertEquals("4.0 /s", model.collectionsProperty().get());
        assertEquals("92.4%", model.poolHitRatioProperty().get());
        assertEquals("250 ms", model.connectionWaitProperty().get());
        assertEquals("17 + 5", model.timeoutsAndRefusalsProperty().get());
        String p99 = String.format(Locale.ROOT, "%s ms", dev.scalelab.ui.Formats.millis(snapshot.lastSample().p99Ms()));
        assertEquals(p99, model.p99Property().get());
    }

    @Test
    void aScenarioWithoutHeapsOrPoolsShowsDashes() {
        PerformanceViewModel model = new PerformanceViewModel();
        model.update(PerformanceFixture.snapshot(5, (now, n) -> PerformanceFixture.view(4, now, n)));
        model.update(PerformanceFixture.snapshot(5, (now, n) -> new PerformanceView(null, null, PerformanceFixture.profile(n))));
        assertFalse(model.hasRuntimeProperty().get());
        assertFalse(model.hasObjectPoolProperty().get());
        assertFalse(model.hasConnectionsProperty().get());
        assertEquals("–", model.gcPauseProperty().get());
        assertEquals("–", model.poolHitRatioProperty().get());
        assertEquals("–", model.connectionWaitProperty().get());
        assertEquals("–", model.timeoutsAndRefusalsProperty().get());
    }

    @Test
    void pauseTimesReadInMillisecondsThenSeconds() {
        assertEquals("0.40 ms", PerformanceViewModel.duration(0.4));
        assertEquals("9.5 ms", PerformanceViewModel.duration(9.5));
        assertEquals("38 ms", PerformanceViewModel.duration(37.6));
        assertEquals("1.0 s", PerformanceViewModel.duration(1_000));
        assertEquals("61 s", PerformanceViewModel.duration(61_240));
    }

    @Test
    void onlyG1DrawsTheInitiatingOccupancyLineAtItsShareOfTheHeap() {
        ServiceResources.ServiceRuntime g1 = new ServiceResources.ServiceRuntime(CollectorKind.G1, 2048, 0, 256, 0.05, 15, 128, 200, 45);
        assertEquals(921.6, PerformanceViewModel.initiatingOldMb(g1), 1e-9);
        ServiceResources.ServiceRuntime parallel = new ServiceResources.ServiceRuntime(CollectorKind.PARALLEL, 2048, 0, 256, 0.05, 15, 128, 200, 45);
        assertTrue(Double.isNaN(PerformanceViewModel.initiatingOldMb(parallel)));
        assertTrue(Double.isNaN(PerformanceViewModel.initiatingOldMb(null)));
    }

    @Test
    void theWaterfallsAxisStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(200, TraceWaterfall.niceStep(1_250 / 5.0));
        assertEquals(0.2, TraceWaterfall.niceStep(0.31), 1e-12);
        assertEquals(100, TraceWaterfall.niceStep(100));
        assertEquals(5, TraceWaterfall.niceStep(5.5), 1e-12);
        assertEquals(10, TraceWaterfall.niceStep(8), 1e-12);
    }

    @Test
    void theWaterfallsTicksHaveTheDecimalsOfTheirStep() {
        assertEquals("1,200", TraceWaterfall.tick(1_200, 200));
        assertEquals("0", TraceWaterfall.tick(0, 200));
        assertEquals("1.5", TraceWaterfall.tick(1.5, 0.5));
        assertEquals("0.04", TraceWaterfall.tick(0.04, 0.02));
    }

    @Test
    void phasesAreNamedInWordsAndStyledInKebabCase() {
        assertEquals("connection wait", TraceWaterfall.phaseLabel("connectionWait"));
        assertEquals("gc-pause", PerformanceCanvas.kebab("gcPause"));
    }
}
