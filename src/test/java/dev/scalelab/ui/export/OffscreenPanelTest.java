package dev.scalelab.ui.export;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.RunStatus;
import dev.scalelab.sim.Simulation;
import dev.scalelab.ui.ChartMarkers;
import dev.scalelab.ui.FxWait;
import dev.scalelab.ui.PanelCatalog;
import dev.scalelab.ui.charts.MarkerLayer;
import dev.scalelab.ui.charts.TimeLineChart;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.World;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A panel drawn for an export looks as it does in the window: its charts carry the scenario's markers. */
class OffscreenPanelTest {
    private static final long TIMEOUT_SECONDS = 20;

    @Test
    void theChartsCarryTheScenariosMarkersAsInTheWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        Scenario scenario = Presets.load("cache-stampede");
        assertFalse(scenario.markers().isEmpty(), "the preset marks its expiries");
        World world = new World(scenario);
        world.advanceTo(Simulation.secondsToNanos(2));
        Frame frame = new Frame(world.snapshot(), new RunStatus(1, true, false, 1, 0, false, null), null);
        List<List<Scenario.Marker>> shown = FxWait.onFx(() -> {
            String css = OffscreenPanelTest.class.getResource("/styles/app.css").toExternalForm();
            try (OffscreenPanel offscreen = new OffscreenPanel(PanelCatalog.find("Caching"), scenario, 900, 500, 900, 300,
                    List.of(css), 1, Color.WHITE)) {
                offscreen.render(frame, 1_000_000_000L);
                return ChartMarkers.timeChartsOf(offscreen.panel()).stream()
                        .map(c -> c instanceof TimeLineChart line ? line.getMarkers() : MarkerLayer.markersOf(c)).toList();
            }
        }, TIMEOUT_SECONDS);
        assertFalse(shown.isEmpty(), "the Caching panel has time charts");
        for (List<Scenario.Marker> markers : shown) {
            assertEquals(scenario.markers(), markers);
        }
    }
}
