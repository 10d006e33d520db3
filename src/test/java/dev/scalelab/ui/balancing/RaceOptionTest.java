package dev.scalelab.ui.balancing;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.runtime.Frame;
import dev.scalelab.ui.ScaleLabApp;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --race STRATEGY}: the app opens on Load balancing with the race already running, as the frame table measures it. */
class RaceOptionTest {
    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void theAppOpensRacingTheScenariosStrategyAgainstTheOneNamed() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "slow-instance", "--race", "peak-ewma");
        app.runner().setSpeed(20);
        WaitForAsyncUtils.waitFor(8, TimeUnit.SECONDS, () -> {
            Frame f = app.runner().latest();
            return f.race() != null && f.race().timeSeconds() >= 2;
        });
        Frame frame = app.runner().latest();
        assertEquals(Strategy.ROUND_ROBIN, frame.snapshot().current().balancer().strategy(), "the left side is the scenario's");
        assertEquals(Strategy.PEAK_EWMA, frame.race().current().balancer().strategy());
        assertEquals(frame.snapshot().timeSeconds(), frame.race().timeSeconds(), 1e-9, "the worlds run in lockstep");
        WaitForAsyncUtils.waitFor(8, TimeUnit.SECONDS,
                () -> robot.lookup("#rightLiveView").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        assertTrue(robot.lookup("#raceToggle").queryAs(ToggleButton.class).isSelected());
    }
}
