package dev.scalelab.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;

/** For robot tests: brings a node further down a scrolling pane into view, as a user would with the wheel. */
public final class ScrollIntoView {
    private ScrollIntoView() {
    }

    /** Scrolls the nearest scroll pane around the node {@code query} finds so that the node is in view. */
    public static void of(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            for (Node n = node.getParent(); n != null; n = n.getParent()) {
                if (n instanceof ScrollPane pane && pane.getContent() != null) {
                    double y = pane.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                    double room = pane.getContent().getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
                    pane.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 60) / room)));
                    return;
                }
            }
        });
    }
}
