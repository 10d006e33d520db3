package dev.scalelab.ui.export;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.Panel;
import javafx.scene.Node;
import javafx.stage.Window;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The File menu's exports (and Ctrl+E): a PNG of the current panel or the whole window at 1× or 2×,
 * an animated GIF of a panel over a span of virtual time (re-run off screen), every series of the
 * whole run as CSV, and the report as JSON. Each asks for what it needs in one dialog, works off the
 * FX thread where it can, and names the scenario and seed in what it writes. FX thread only.
 */
public final class ExportActions {

    /**
     * @param owner         the window dialogs belong to
     * @param runner        the run to export
     * @param currentPanel  the panel on screen
     * @param windowRoot    the window's content, for a PNG of the whole window
     * @param scenarioLabel the preset's or file's name
     * @param message       the status bar's message line
     */
    public ExportActions(Window owner, SimulationRunner runner, Supplier<Panel> currentPanel, Supplier<Node> windowRoot,
                         Supplier<String> scenarioLabel, Consumer<String> message) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Ctrl+E: the export dialog, PNG of the panel selected. */
    public void showDialog() {
        throw new UnsupportedOperationException("not built yet");
    }

    public void exportPng(boolean wholeWindow) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void exportGif() {
        throw new UnsupportedOperationException("not built yet");
    }

    public void exportCsv() {
        throw new UnsupportedOperationException("not built yet");
    }

    public void exportReport() {
        throw new UnsupportedOperationException("not built yet");
    }
}
