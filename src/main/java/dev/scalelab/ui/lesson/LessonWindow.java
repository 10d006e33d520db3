package dev.scalelab.ui.lesson;

import dev.scalelab.ui.Panel;
import javafx.scene.layout.Pane;

/** What a lesson needs of the main window. FX thread only. */
public interface LessonWindow {

    /** Shows the panel titled {@code title}. */
    void selectPanel(String title);

    /** The panel on screen. */
    Panel currentPanel();

    /** A transparent layer over the whole window, for outlines; it takes no mouse events. */
    Pane overlay();

    /** Where the lesson bar goes: above the panel, below the toolbar. */
    Pane lessonHost();

    /**
     * The user's own "pause when…" conditions: a step with a breakpoint sets its own beside them on the
     * runner, and sets these alone again when its run stops. A window that lets the user set
     * breakpoints returns them here; without, a breakpoint step leaves the runner with none.
     */
    default java.util.List<dev.scalelab.world.Breakpoint> userBreakpoints() {
        return java.util.List.of();
    }
}
