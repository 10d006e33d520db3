package dev.scalelab.ui.resilience;

import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.FxWait;
import dev.scalelab.ui.ScaleLabApp;
import dev.scalelab.world.Snapshot;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Robot tests of the Resilience panel on the retry-storm preset: real clicks, checked in the simulation. */
class ResiliencePanelTest {
    private static final long TIMEOUT_SECONDS = 8;

    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;

    @BeforeEach
    void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "retry-storm", "--panel", "Resilience");
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void anOutageFromItsButtonOpensTheProtectedClientsBreaker() throws TimeoutException {
        runner().setSpeed(10);
        waitUntil(() -> robot.lookup("#meshView").query().isVisible());
        dev.scalelab.ui.ScrollIntoView.of(robot, "#dependencyChoice");
        robot.clickOn("#dependencyChoice");
        // The choice in the open list, once it shows.
        waitUntil(() -> robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("payments-protected")).tryQuery()
                .isPresent());
        Node protectedItem = robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("payments-protected")).query();
        robot.clickOn(protectedItem);
        waitUntil(() -> "payments-protected".equals(robot.lookup("#dependencyChoice").queryComboBox().getValue()));
        assertEquals(BreakerState.CLOSED, snapshot().dependencies().get(1).breaker().state());

        scrollTo("#outageButton");
        Node f = robot.lookup("#outageDurationField").query();
        replaceText("#outageDurationField", "30");
        robot.clickOn("#outageButton");

        waitUntil(() -> snapshot().dependencies().get(1).breaker().state() == BreakerState.OPEN);
        Snapshot.DependencyView down = snapshot().dependencies().get(1);
        assertTrue(down.activeFaults().get(0).startsWith("outage"), down.activeFaults().toString());
        assertTrue(snapshot().dependencies().get(0).activeFaults().isEmpty(), "only the chosen dependency is down");
        // The pane lists it among the active faults.
        waitUntil(() -> robot.lookup("#activeFaults .label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("payments-protected: outage")));
        // The mesh shows it: the second row's breaker diagram is in its :open state.
        FxWait.waitUntil(() -> FxWait.onFx(() -> {
            java.util.List<BreakerDiagram> breakers = robot.lookup("#meshView").queryAs(MeshView.class).breakers();
            return breakers.size() == 2 && breakers.get(1).getPseudoClassStates().contains(BreakerDiagram.OPEN)
                    && !breakers.get(1).getPseudoClassStates().contains(BreakerDiagram.CLOSED);
        }, TIMEOUT_SECONDS), TIMEOUT_SECONDS);
    }

    @Test
    void naiveClientSettingsReachTheScenarioARefusedValueIsExplainedAndABreakerCanBeAdded() throws TimeoutException {
        assertEquals("payments-naive", robot.lookup("#dependencyChoice").queryComboBox().getValue());
        scrollTo("#retryMaxAttemptsField");
        replaceText("#retryMaxAttemptsField", "5");
        waitUntil(() -> snapshot().current().dependencies().get(0).retry().maxAttempts() == 5);
        assertEquals(3, snapshot().current().dependencies().get(1).retry().maxAttempts(), "the other client is unchanged");

        replaceText("#retryMaxAttemptsField", "0");
        Label error = robot.lookup("#retryMaxAttemptsError").queryAs(Label.class);
        waitUntil(error::isVisible);
        assertEquals("dependencies[0].retry.maxAttempts: 0 is out of range; a whole number from 1 to 100", error.getText());
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !error.isVisible());
        assertEquals("5", robot.lookup("#retryMaxAttemptsField").queryTextInputControl().getText());
        assertEquals(5, snapshot().current().dependencies().get(0).retry().maxAttempts());
        assertFalse(runner().latest().status().paused());

        // The naive client has no breaker; the button gives it one, whose fields then apply.
        TextField threshold = robot.lookup("#breakerFailureRateThresholdField").queryAs(TextField.class);
        assertTrue(threshold.getParent().getParent().isDisabled());
        scrollTo("#addBreakerButton");
        robot.clickOn("#addBreakerButton");
        waitUntil(() -> snapshot().current().dependencies().get(0).breaker() != null);
        waitUntil(() -> "50".equals(threshold.getText()) && !threshold.getParent().getParent().isDisabled());
        assertEquals("resilience4j", snapshot().current().dependencies().get(0).breaker().mode());
    }

    /**
     * Scrolls the parameter pane until the control is in view. (The headless robot's wheel and drags
     * do not reach a ScrollPane, so this one step is done on the pane itself.)
     */
    private void scrollTo(String query) {
        ScrollPane pane = robot.lookup("#resilienceParameters").queryAs(ScrollPane.class);
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            double y = pane.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            double room = pane.getContent().getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
            pane.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 60) / room)));
        });
    }

    private void replaceText(String query, String text) {
        dev.scalelab.ui.ScrollIntoView.of(robot, query);
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        robot.type(KeyCode.ENTER);
    }

    private SimulationRunner runner() {
        return app.runner();
    }

    private Snapshot snapshot() {
        return runner().latest().snapshot();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
