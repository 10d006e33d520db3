package dev.scalelab.ui.seeds;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.MainWindowViewModel;
import javafx.stage.Window;

/** Opens the Run menu's Seed bands and Sweep windows for the window's live design. FX thread only. */
public final class Experiments {
    private Experiments() {
    }

    /** Run ▸ Seed bands: the live design on many seeds, beside the design as loaded. */
    public static void seedBands(Window owner, SimulationRunner runner, MainWindowViewModel window) {
        SeedBandsViewModel model = new SeedBandsViewModel(runner::recordedScenario, window.loadedScenario(),
                window.modifiedProperty().get());
        new SeedBandsWindow(owner, window.scenarioLabelProperty().get(), model).show();
    }

    /** Run ▸ Sweep: the design as it is now over a grid of values; a clicked point opens that design in the window. */
    public static void sweep(Window owner, SimulationRunner runner, MainWindowViewModel window) {
        String label = window.scenarioLabelProperty().get();
        SweepViewModel model = new SweepViewModel(runner::restartScenario);
        new SweepWindow(owner, label, model, point -> window.startScenario(point.scenario(),
                label + " at " + point.where(model.resultProperty().get().paths()))).show();
    }
}
