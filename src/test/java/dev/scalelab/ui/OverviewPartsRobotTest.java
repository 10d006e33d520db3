package dev.scalelab.ui;

import dev.scalelab.ui.overview.PoolView;
import javafx.geometry.Bounds;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Overview's diagram leads to the patterns: a double-click on the balancer, the pool, the
 * cache, the database or a dependency opens the panel that shows that part in full.
 */
class OverviewPartsRobotTest {
    private static final long TIMEOUT_SECONDS = 40; // the first window of a run is slow on a busy machine

    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void aDoubleClickOnAPartOpensItsPatternsPanel() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "full-stack", "--panel", "Overview");
        FxWait.waitUntil(() -> app.runner().latest().snapshot().timeSeconds() > 1, TIMEOUT_SECONDS);
        FxWait.onFx(() -> {
            // Room for the three cards on the right (the headless screen is small; on a smaller window they fold away).
            javafx.stage.Window w = app.window().currentPanel().view().getScene().getWindow();
            w.setWidth(1600);
            w.setHeight(1000);
            return null;
        }, TIMEOUT_SECONDS);
        for (String panel : List.of("Load balancing", "Scaling", "Caching", "Database", "Resilience")) {
            FxWait.onFx(() -> {
                app.window().selectPanel("Overview");
                return null;
            }, TIMEOUT_SECONDS);
            PoolView pool = FxWait.onFx(() -> robot.lookup("#poolView").queryAs(PoolView.class), TIMEOUT_SECONDS);
            FxWait.waitUntil(() -> FxWait.onFx(() -> pool.partBounds(panel) != null, TIMEOUT_SECONDS), TIMEOUT_SECONDS);
            // The double-click as the pool receives it, at the part's centre (the headless screen may not hold the window).
            FxWait.onFx(() -> {
                Bounds b = pool.partBounds(panel);
                double x = b.getMinX() + b.getWidth() / 2;
                double y = b.getMinY() + Math.min(20, b.getHeight() / 2);
                javafx.geometry.Point2D scene = pool.localToScene(x, y); // an event's coordinates are the scene's until delivered
                pool.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, scene.getX(), scene.getY(), 0, 0, MouseButton.PRIMARY, 2,
                        false, false, false,
                        false, true, false, false, true, false, true, null));
                return null;
            }, TIMEOUT_SECONDS);
            FxWait.waitUntil(() -> FxWait.onFx(() -> app.window().currentPanel().title(), TIMEOUT_SECONDS).equals(panel),
                    TIMEOUT_SECONDS);
            assertEquals(panel, FxWait.onFx(() -> app.window().currentPanel().title(), TIMEOUT_SECONDS));
        }
    }
}
