package dev.scalelab.ui.lesson;

import dev.scalelab.lesson.Lesson;
import dev.scalelab.runtime.SimulationRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * Leads the user through a lesson: puts the lesson bar above the panel (text, step n of m, Back and
 * Next, the prediction and its answer), switches panels, applies each step's changes, runs until the
 * step's time or breakpoint, outlines the highlighted element, and on Back re-runs deterministically
 * to the exact start of the previous step. FX thread only.
 */
public final class LessonController {

    public LessonController(SimulationRunner runner, LessonWindow window) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Starts {@code lesson} at its first step (its start scenario from t = 0), closing any lesson before. */
    public void start(Lesson lesson) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void next() {
        throw new UnsupportedOperationException("not built yet");
    }

    public void back() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Leaves the lesson: the bar and the outline go; the run stays as it is. */
    public void close() {
        throw new UnsupportedOperationException("not built yet");
    }

    public ReadOnlyBooleanProperty activeProperty() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Every pulse: keeps the outline on its element as the panel moves and redraws. */
    public void onPulse() {
        throw new UnsupportedOperationException("not built yet");
    }
}
