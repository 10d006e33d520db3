package dev.scalelab.ui.lesson;

import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * The outline around a step's highlighted element: a rounded rectangle with a 3 px accent stroke and
 * a soft glow ({@code .lesson-outline} in {@code styles/lesson.css}), on the window's overlay, a few
 * pixels outside the element so it does not cover its edge. Moved, not rebuilt, every pulse. FX
 * thread only.
 */
final class HighlightOutline {
    /** How far outside the element the stroke runs. */
    private static final double PADDING = 4;
    private static final double ARC = 14;

    private final Rectangle rectangle = new Rectangle();
    /** A group of its own, to carry the stylesheet onto the overlay, which belongs to the window. */
    private final Group layer = new Group(rectangle);
    private Pane overlay;

    HighlightOutline() {
        rectangle.setId("lessonOutline");
        rectangle.getStyleClass().add("lesson-outline");
        rectangle.setArcWidth(ARC);
        rectangle.setArcHeight(ARC);
        rectangle.setMouseTransparent(true);
        layer.setMouseTransparent(true);
        layer.setManaged(false);
        layer.getStylesheets().add(HighlightOutline.class.getResource("/styles/lesson.css").toExternalForm());
        rectangle.setVisible(false);
    }

    /** Puts the outline on {@code newOverlay} (once per lesson). */
    void attach(Pane newOverlay) {
        if (overlay == newOverlay) {
            return;
        }
        detach();
        overlay = newOverlay;
        overlay.getChildren().add(layer);
    }

    void detach() {
        if (overlay != null) {
            overlay.getChildren().remove(layer);
            overlay = null;
        }
        rectangle.setVisible(false);
    }

    /** Outlines {@code sceneBounds}; hides the outline when null or outside the overlay. */
    void show(Bounds sceneBounds) {
        if (overlay == null || sceneBounds == null) {
            rectangle.setVisible(false);
            return;
        }
        Bounds local = overlay.sceneToLocal(sceneBounds);
        Bounds area = overlay.getLayoutBounds();
        Bounds inside = local == null ? null : HighlightResolver.intersect(local, area);
        if (inside == null) {
            rectangle.setVisible(false);
            return;
        }
        // Outside the element where there is room, inside the window where there is not.
        double minX = Math.max(area.getMinX() + 2, inside.getMinX() - PADDING);
        double minY = Math.max(area.getMinY() + 2, inside.getMinY() - PADDING);
        double maxX = Math.min(area.getMaxX() - 2, inside.getMaxX() + PADDING);
        double maxY = Math.min(area.getMaxY() - 2, inside.getMaxY() + PADDING);
        rectangle.setX(minX);
        rectangle.setY(minY);
        rectangle.setWidth(Math.max(0, maxX - minX));
        rectangle.setHeight(Math.max(0, maxY - minY));
        rectangle.setVisible(true);
    }

    boolean isShown() {
        return rectangle.isVisible();
    }

    /** The outlined rectangle in the overlay's coordinates; for tests. */
    Rectangle rectangle() {
        return rectangle;
    }
}
