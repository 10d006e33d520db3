package dev.scalelab.ui;

import dev.scalelab.runtime.Frame;
import dev.scalelab.world.BreakpointHit;
import dev.scalelab.world.Scenario;
import javafx.scene.control.ListView;

import java.util.List;

/**
 * What a new frame brings to the window around its panel: the scenario's notes under the toolbar,
 * its markers on the panel's charts, and the log line that triggered a breakpoint hit, selected.
 * FX thread only.
 */
final class FrameAnnotations {
    /** A panel just shown has its charts skinned only after a later layout: try this many frames more. */
    private static final int MARKER_RETRIES = 60;

    private final PresetNotes notes;
    private final MainWindowViewModel viewModel;
    private final ListView<String> logList;
    /** Set when another panel is shown: its charts have not had the markers yet. */
    private boolean panelChanged = true;
    private List<Scenario.Marker> markedWith = List.of();
    private int markerRetries;
    private BreakpointHit revealedHit;

    FrameAnnotations(PresetNotes notes, MainWindowViewModel viewModel, ListView<String> logList) {
        this.notes = notes;
        this.viewModel = viewModel;
        this.logList = logList;
    }

    /** Another panel is on screen: its charts get the markers with the next frame. */
    void panelChanged() {
        panelChanged = true;
    }

    /** Follows a new frame with {@code panel} on screen (null for none). */
    void show(Frame frame, Panel panel) {
        Scenario scenario = frame.snapshot().current();
        notes.show(scenario);
        List<Scenario.Marker> markers = scenario.markers();
        boolean fresh = panelChanged || !markers.equals(markedWith);
        if (panel != null && (fresh || markerRetries > 0)) {
            markerRetries = fresh ? MARKER_RETRIES : markerRetries - 1;
            markedWith = markers;
            panelChanged = false;
            if (ChartMarkers.show(panel, markers)) {
                markerRetries = 0;
            }
        }
        BreakpointHit hit = frame.status().breakpointHit();
        if (hit != null && !hit.equals(revealedHit)) {
            int index = viewModel.revealTrigger(hit);
            if (index >= 0) {
                logList.getSelectionModel().select(index);
                logList.scrollTo(index);
            }
        }
        revealedHit = hit;
    }
}
