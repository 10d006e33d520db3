package dev.scalelab.ui;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.world.Snapshot;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Robot tests of the main window: they click and type into real controls and check the simulation. */
class ScaleLabAppTest {
    private static final long TIMEOUT_SECONDS = 5;

    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;

    @BeforeEach
    void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class);
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void startsPlayingTheDefaultScenarioOnTheOverview() throws TimeoutException {
        ListView<?> panels = robot.lookup("#panelList").queryListView();
        assertEquals(List.of("Overview", "Scaling", "Load balancing", "Caching", "Database", "Resilience"), panels.getItems().stream().map(p -> ((Panel) p).title()).toList(),
                "only panels that exist are listed");
        assertEquals("Overview", ((Panel) panels.getSelectionModel().getSelectedItem()).title());
        assertTrue(robot.lookup("#poolView").query().isVisible());
        assertEquals("default", snapshot().current().name());
        waitUntil(() -> snapshot().timeSeconds() > 0.5);
        waitUntil(() -> label("#simTimeLabel").getText().startsWith("t = 00:0"));
        assertEquals("Pause", robot.lookup("#playButton").queryButton().getText());
    }

    @Test
    void typingAnArrivalRateAndEnterChangesTheRunningSimulation() throws TimeoutException {
        replaceText("#rateField", "800");
        waitUntil(() -> rateInEngine() == 800.0);
        assertEquals("", label("#rateError").getText());
    }

    @Test
    void anInvalidArrivalRateIsRefusedAndTheSimulationRunsOnUnchanged() throws TimeoutException {
        replaceText("#rateField", "abc");
        Label error = label("#rateError");
        waitUntil(error::isVisible);
        assertEquals("workload.arrival.ratePerSecond: \"abc\" is not a number; a number from 0 to 10000000", error.getText());

        replaceText("#rateField", "-5");
        waitUntil(() -> error.getText().contains("-5 is out of range"));

        double time = snapshot().timeSeconds();
        waitUntil(() -> snapshot().timeSeconds() > time + 0.3);
        assertEquals(400.0, rateInEngine());
        assertFalse(runner().latest().status().paused());
    }

    @Test
    void pausingStopsSimulatedTime() throws TimeoutException {
        waitUntil(() -> snapshot().timeSeconds() > 0.2);
        robot.clickOn("#playButton");
        waitUntil(() -> runner().latest().status().paused());
        assertEquals("Play", robot.lookup("#playButton").queryAs(Button.class).getText());
        double pausedAt = snapshot().timeSeconds();
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        assertEquals(pausedAt, snapshot().timeSeconds());
    }

    @Test
    void choosingLeastConnectionsReachesTheEngine() throws TimeoutException {
        robot.clickOn("#strategyChoice");
        robot.clickOn("least-connections");
        waitUntil(() -> snapshot().current().balancer().strategy().id().equals("least-connections"));
        waitUntil(() -> robot.lookup("#logList").queryListView().getItems().stream()
                .anyMatch(line -> line.toString().contains("balancer.strategy: round-robin -> least-connections")));
    }

    private void replaceText(String query, String text) {
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

    private double rateInEngine() {
        return snapshot().current().workload().arrival().ratePerSecond();
    }

    private Label label(String query) {
        Node node = robot.lookup(query).query();
        return (Label) node;
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
