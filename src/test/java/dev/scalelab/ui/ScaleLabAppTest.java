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

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Robot tests of the main window: they click and type into real controls and check the simulation. */
class ScaleLabAppTest {
    /** Generous: a timeout only bounds a wait on a condition, and a loaded machine starts the app slowly. */
    private static final long TIMEOUT_SECONDS = 10;

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
    void startsPlayingTheDefaultScenarioOnTheOverview() throws Exception {
        assertEquals(List.of("Overview", "Scaling", "Load balancing", "Caching", "Database", "Resilience", "Performance", "Events",
                        "Practice", "Estimator"),
                onFx(() -> panelList().getItems().stream().map(p -> ((Panel) p).title()).toList()),
                "only panels that exist are listed");
        assertEquals("Overview", onFx(() -> ((Panel) panelList().getSelectionModel().getSelectedItem()).title()));
        assertTrue(onFx(() -> robot.lookup("#poolView").query().isVisible()));
        assertEquals("default", snapshot().current().name());
        waitUntil(() -> snapshot().timeSeconds() > 0.5);
        waitUntil(() -> text("#simTimeLabel").startsWith("t = 00:0"));
        assertEquals("Pause", onFx(() -> robot.lookup("#playButton").queryButton().getText()));
    }

    @Test
    void typingAnArrivalRateAndEnterChangesTheRunningSimulation() throws Exception {
        replaceText("#rateField", "800");
        waitUntil(() -> rateInEngine() == 800.0);
        assertEquals("", text("#rateError"));
    }

    @Test
    void anInvalidArrivalRateIsRefusedAndTheSimulationRunsOnUnchanged() throws Exception {
        replaceText("#rateField", "abc");
        waitUntil(() -> onFx(() -> label("#rateError").isVisible()));
        assertEquals("workload.arrival.ratePerSecond: \"abc\" is not a number; a number from 0 to 10000000", text("#rateError"));

        replaceText("#rateField", "-5");
        waitUntil(() -> text("#rateError").contains("-5 is out of range"));

        double time = snapshot().timeSeconds();
        waitUntil(() -> snapshot().timeSeconds() > time + 0.3);
        assertEquals(400.0, rateInEngine());
        assertFalse(runner().latest().status().paused());
    }

    @Test
    void pausingStopsSimulatedTime() throws Exception {
        waitUntil(() -> snapshot().timeSeconds() > 0.2);
        robot.clickOn("#playButton");
        waitUntil(() -> runner().latest().status().paused());
        assertEquals("Play", onFx(() -> robot.lookup("#playButton").queryAs(Button.class).getText()));
        double pausedAt = snapshot().timeSeconds();
        // The frame that shows max speed is published after the slice a running loop would have
        // run at that speed, to the scenario's end: time that still holds there holds.
        runner().setSpeed(SimulationRunner.MAX_SPEED);
        waitUntil(() -> runner().latest().status().speed() == SimulationRunner.MAX_SPEED);
        assertEquals(pausedAt, snapshot().timeSeconds());
        assertTrue(runner().latest().status().paused());
    }

    @Test
    void choosingLeastConnectionsReachesTheEngine() throws Exception {
        // Under the menu bar the parameters may need a scroll to reach the balancer, as a user would.
        onFx(() -> {
            Node choice = robot.lookup("#strategyChoice").query();
            for (Node n = choice; n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane scroll) {
                    scroll.setVvalue(scroll.getVmax());
                }
            }
            return null;
        });
        robot.clickOn("#strategyChoice");
        robot.clickOn("least-connections");
        waitUntil(() -> snapshot().current().balancer().strategy().id().equals("least-connections"));
        waitUntil(() -> onFx(() -> robot.lookup("#logList").queryListView().getItems().stream()
                .anyMatch(line -> line.toString().contains("balancer.strategy: round-robin -> least-connections"))));
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

    /** FX thread. */
    private ListView<?> panelList() {
        return robot.lookup("#panelList").queryListView();
    }

    /** FX thread. */
    private Label label(String query) {
        Node node = robot.lookup(query).query();
        return (Label) node;
    }

    private String text(String labelQuery) throws Exception {
        return onFx(() -> label(labelQuery).getText());
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, TIMEOUT_SECONDS);
    }

    private static void waitUntil(FxWait.Condition condition) throws TimeoutException {
        FxWait.waitUntil(condition, TIMEOUT_SECONDS);
    }
}
