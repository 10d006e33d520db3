package dev.scalelab.ui.resilience;

import dev.scalelab.ui.ScaleLabApp;
import dev.scalelab.world.Snapshot;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scenario without dependencies: the panel explains itself and opens the retry-storm preset on request. */
class ResilienceEmptyStateTest {
    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;

    @BeforeEach
    void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--panel", "Resilience");
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void theButtonOpensTheRetryStormPresetThroughTheScenarioMenu() throws TimeoutException {
        waitUntil(() -> shown("#resilienceEmpty"));
        assertFalse(shown("#meshView"));
        assertFalse(shown("#loadChart"), "no empty charts");

        robot.clickOn("#openRetryStormButton");

        waitUntil(() -> snapshot().current().name().equals("retry-storm") && !snapshot().dependencies().isEmpty());
        waitUntil(() -> shown("#meshView") && shown("#loadChart"));
        assertFalse(shown("#resilienceEmpty"));
        assertEquals("retry-storm", robot.lookup("#presetChoice").queryComboBox().getValue());
        assertTrue(snapshot().timeSeconds() < 5, "started from t = 0");
    }

    /** The node and every parent up to the scene's root are visible. */
    private boolean shown(String query) {
        for (Node n = robot.lookup(query).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private Snapshot snapshot() {
        return app.runner().latest().snapshot();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
