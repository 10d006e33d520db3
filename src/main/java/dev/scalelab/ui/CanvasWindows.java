package dev.scalelab.ui;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.canvas.DesignWindow;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.network.Pipeline;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The main window's ways to the design canvas (Run ▸ Design canvas…, Run ▸ Draw this system…), and
 * back: a box double-clicked on the canvas starts the main window's run on the drawing and shows the
 * box's pattern panel. FX thread only.
 */
final class CanvasWindows {
    private CanvasWindows() {
    }

    /** A canvas over {@code owner} whose boxes open their pattern panel in {@code window}. */
    static DesignWindow open(MainWindowController window, Window owner) {
        DesignWindow canvas = DesignWindow.open(owner);
        canvas.setOpenInMain((scenario, panel) -> {
            window.viewModel().startScenario(scenario, "drawn: " + scenario.name());
            window.selectPanel(panel);
            if (owner instanceof Stage stage) {
                stage.toFront();
            }
        });
        return canvas;
    }

    /**
     * A canvas on the system {@code runner} runs, drawn (its settings as they are now), to grow it into
     * another shape or to come back to a panel from a box.
     */
    static DesignWindow drawThisSystem(MainWindowController window, SimulationRunner runner, Window owner) {
        Scenario now = runner.latest().snapshot().current();
        DesignWindow canvas = open(window, owner);
        canvas.startOn(Pipeline.drawn(now), "drawn from " + now.name());
        return canvas;
    }
}
