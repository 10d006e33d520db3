package dev.scalelab.ui;

import dev.scalelab.runtime.Frame;
import javafx.geometry.Bounds;
import javafx.scene.Node;

/**
 * One entry of the navigation list: an animated view for the center of the window and the live
 * charts that go with it at the bottom. Every method is called on the FX thread.
 */
public interface Panel {

    /** The name in the navigation list. */
    String title();

    /** The panel's animated view, shown in the center. */
    Node view();

    /** The panel's live charts, shown at the bottom beside the decision log. */
    Node charts();

    /**
     * The panel's parameters, shown on the right; null to show the general parameters (workload,
     * service, balancer).
     */
    default Node parameters() {
        return null;
    }

    /** A frame the runner published since the last pulse, seen at pulse time {@code nowNanos}. */
    void update(Frame frame, long nowNanos);

    /** Every pulse, new frame or not: advance wall-time animations and redraw what changed. */
    void animate(long nowNanos);

    /**
     * Where a named element the panel draws itself is on screen, in scene coordinates, for a lesson's
     * outline; null when the panel has no such element or it is not on screen now. The names are
     * those of {@link dev.scalelab.lesson.Highlight} that the window cannot find by {@code fx:id}:
     * {@code instance:i-3}, {@code pool}, {@code breaker:payments}, {@code cache:L2}, {@code shard:2}.
     */
    default Bounds highlightBounds(String element) {
        return null;
    }

    /**
     * Stops what the panel runs on its own between frames (a timer that samples the JVM): a panel
     * built for one export is disposed after it, so it leaves nothing running. The window's panels
     * live as long as the window.
     */
    default void dispose() {
    }

    /** The panel itself: the window's panels are built on first view behind a stand-in, which gives the built one. */
    default Panel unwrapped() {
        return this;
    }
}
