package dev.scalelab.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Scroll panes around live content (a panel's picture and charts, redrawn every pulse) draw their
 * viewport straight instead of through a cached image.
 *
 * <p>JavaFX's ScrollPaneSkin turns its viewport's node cache on, which pays off for still content
 * that is scrolled about. Content that changes on every pulse instead rebuilds that cache on every
 * pulse (the pulse logger counts a "CacheFilter rebuilding" each frame) and then draws the cached
 * image as well, so the render thread does the viewport's work twice; with software rendering on two
 * cores that was what made the occasional frame late.
 */
public final class LiveScroll {
    private LiveScroll() {
    }

    /** Turns the viewport cache of {@code scroll} off, now if its skin is made, else once it is. */
    public static void uncache(ScrollPane scroll) {
        uncacheViewport(scroll);
        scroll.skinProperty().addListener((obs, was, skin) -> uncacheViewport(scroll));
    }

    private static void uncacheViewport(ScrollPane scroll) {
        if (scroll.getSkin() == null) {
            return;
        }
        for (Node child : scroll.getChildrenUnmodifiable()) {
            if (child.getStyleClass().contains("viewport")) {
                child.setCache(false);
            }
        }
    }
}
