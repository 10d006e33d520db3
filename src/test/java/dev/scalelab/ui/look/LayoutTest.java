package dev.scalelab.ui.look;

import dev.scalelab.ui.PanelCatalog;
import dev.scalelab.ui.ScaleLabApp;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every panel in a 1024×700 window (the minimum size): the panel fits the centre without a
 * horizontal scroll bar, no headline figure is cut short ("401 r…"), and every control of the
 * parameter pane lies inside its scroll content within the viewport's width, so scrolling reaches it.
 */
class LayoutTest {
    private static final double WIDTH = 1024;
    private static final double HEIGHT = 700;
    /** Sub-pixel rounding of snapped layouts. */
    private static final double SLACK = 1;
    /**
     * Panels whose drawing needs more than the centre of a 1024 px window: they may scroll sideways,
     * and nothing else. Resilience's mesh draws nothing below 560 px (MeshLayout.MIN_WIDTH).
     */
    private static final java.util.Set<String> WIDER_THAN_THE_CENTRE = java.util.Set.of("Resilience");

    private ScaleLabApp app;
    private Stage stage;

    @BeforeEach
    void startApp() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "full-stack");
        onFx(() -> {
            Appearance.get().install(stage.getScene());
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            return null;
        });
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        onFx(() -> {
            Appearance.get().reset();
            return null;
        });
    }

    @Test
    void everyPanelFitsTheMinimumWindow() throws Exception {
        List<String> problems = new ArrayList<>();
        int panels = PanelCatalog.entries().size();
        for (int i = 0; i < panels; i++) {
            int index = i;
            onFx(() -> {
                ListView<?> list = (ListView<?>) stage.getScene().lookup("#panelList");
                list.getSelectionModel().select(index);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents(4);
            String title = PanelCatalog.entries().get(index).title();
            problems.addAll(onFx(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                return check(title);
            }));
        }
        assertEquals(List.of(), problems);
    }

    private List<String> check(String title) {
        List<String> problems = new ArrayList<>();
        assertEquals(WIDTH, stage.getScene().getWidth(), 0.5, "the window takes the minimum width");

        ScrollPane panelScroll = (ScrollPane) stage.getScene().lookup("#panelScroll");
        StackPane host = (StackPane) stage.getScene().lookup("#panelHost");
        Node view = host.getChildren().get(0);
        double viewport = panelScroll.getViewportBounds().getWidth();
        double viewWidth = view.getLayoutBounds().getWidth();
        if (WIDER_THAN_THE_CENTRE.contains(title)) {
            if (panelScroll.getHbarPolicy() == ScrollPane.ScrollBarPolicy.NEVER) {
                problems.add(title + ": wider than the centre and cannot scroll sideways");
            }
        } else if (viewWidth > viewport + SLACK) {
            problems.add(String.format("%s: the view is %.0f px wide in a centre of %.0f px", title, viewWidth, viewport));
        }
        for (Node figure : view.lookupAll(".figure")) {
            if (!figure.isVisible()) {
                continue;
            }
            for (Node node : figure.lookupAll(".label")) {
                if (node instanceof Labeled label && label.isVisible() && elided(label)) {
                    problems.add(title + ": the figure text \"" + label.getText() + "\" is cut short");
                }
            }
        }

        Node parameterHost = stage.getScene().lookup("#parameterHost");
        double hostRight = parameterHost.localToScene(parameterHost.getLayoutBounds()).getMaxX();
        if (hostRight > WIDTH + SLACK) {
            problems.add(String.format("%s: the parameter pane ends at %.0f, past the window's %.0f", title, hostRight, WIDTH));
        }
        ScrollPane form = firstScrollPane(parameterHost);
        if (form == null) {
            problems.add(title + ": the parameters are not in a scroll pane");
            return problems;
        }
        Node content = form.getContent();
        Bounds contentBounds = content.getLayoutBounds();
        double reachableWidth = form.getHbarPolicy() == ScrollPane.ScrollBarPolicy.NEVER
                ? form.getViewportBounds().getWidth() : contentBounds.getWidth();
        int controls = 0;
        for (Node node : content.lookupAll("*")) {
            if (!(node instanceof Control) || !node.isVisible() || !node.isManaged() || hiddenAbove(node, content)) {
                continue;
            }
            controls++;
            Bounds b = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
            if (b.getMinX() < -SLACK || b.getMaxX() > reachableWidth + SLACK
                    || b.getMinY() < -SLACK || b.getMaxY() > contentBounds.getHeight() + SLACK) {
                problems.add(String.format("%s: parameter %s (%s) at x %.0f-%.0f, y %.0f-%.0f is outside the reachable %.0f × %.0f",
                        title, node.getId(), node.getClass().getSimpleName(), b.getMinX(), b.getMaxX(), b.getMinY(), b.getMaxY(),
                        reachableWidth, contentBounds.getHeight()));
            }
        }
        assertTrue(controls > 0, title + " has controls in its parameter pane");
        return problems;
    }

    /** The label draws fewer characters than its text: JavaFX put an ellipsis in. */
    private static boolean elided(Labeled label) {
        String text = label.getText();
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (Node child : label.getChildrenUnmodifiable()) {
            if (child instanceof Text shown) {
                return !text.equals(shown.getText());
            }
        }
        return false;
    }

    private static boolean hiddenAbove(Node node, Node top) {
        for (Parent p = node.getParent(); p != null && p != top; p = p.getParent()) {
            if (!p.isVisible() || !p.isManaged()) {
                return true;
            }
        }
        return false;
    }

    private static ScrollPane firstScrollPane(Node node) {
        if (node instanceof ScrollPane scroll) {
            return scroll;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                ScrollPane found = firstScrollPane(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(20, TimeUnit.SECONDS);
    }
}
