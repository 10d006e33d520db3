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
}
