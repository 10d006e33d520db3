package dev.scalelab.ui.database;

import dev.scalelab.engine.data.DatabaseView;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.ScaleLabApp;
import dev.scalelab.world.Snapshot;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.AfterEach;
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

/** Robot tests of the Database panel: they click its real controls and check what changed in the simulation. */
class DatabasePanelTest {
    private static final long TIMEOUT_SECONDS = 8;

    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;

    private void start(String scenario) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", scenario, "--panel", "Database");
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void addShardStartsAMigrationOnTheReshardingPreset() throws Exception {
        start("resharding");
        waitUntil(() -> snapshot().timeSeconds() > 0.3);
        assertFalse(database().migration().active(), "the preset's own resharding starts at 60 s");
        robot.clickOn("#addShardButton");
        waitUntil(() -> database().migration().active() || database().counters().keysMoved() > 0);
        assertEquals(5, snapshot().data().router().shardCount());
        assertTrue(database().migration().description().contains("add shard 4"));
        waitUntil(() -> robot.lookup("#addShardButton").queryButton().isDisabled());
        assertTrue(robot.lookup("#reshardingNote").query().isVisible(), "the pane says why the button waits");
    }

    @Test
    void choosingReadYourWritesReachesTheEngine() throws Exception {
        start("replica-lag");
        waitUntil(() -> snapshot().timeSeconds() > 0.3);
        assertEquals("eventual", snapshot().data().consistency());
        dev.scalelab.ui.ScrollIntoView.of(robot, "#databaseConsistencyChoice");
        robot.clickOn("#databaseConsistencyChoice");
        // The choice in the open list, not a label elsewhere with the same words.
        waitUntil(() -> robot.lookup(".combo-box-popup .list-cell").match(
                (javafx.scene.control.ListCell<?> c) -> "read-your-writes".equals(c.getText()) && c.isVisible()).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(
                (javafx.scene.control.ListCell<?> c) -> "read-your-writes".equals(c.getText())).<javafx.scene.Node>query());
        waitUntil(() -> "read-your-writes".equals(snapshot().data().consistency()));
        assertEquals("read-your-writes", snapshot().current().database().consistency());

        // Fired rather than clicked: after the consistency change the pane may lay out again under the
        // pointer (a click then landed beside the button now and then on a loaded machine).
        javafx.scene.control.Button spike = robot.lookup("#lagSpikeButton").queryButton();
        org.testfx.util.WaitForAsyncUtils.asyncFx(spike::fire).get(); // s0-r1, 3000 ms for 20 s: the pane's defaults
        waitUntil(() -> database().shards().get(0).nodes().stream().anyMatch(DatabaseView.NodeView::lagSpike));
    }

    @Test
    void withoutADatabaseThePanelOffersTheReshardingPreset() throws Exception {
        start("default");
        waitUntil(() -> robot.lookup("#databaseEmpty").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertTrue(robot.lookup("#shardMap").tryQuery().map(n -> n.getScene() == null).orElse(true), "no empty map");
        robot.clickOn("#openReshardingButton");
        waitUntil(() -> snapshot().data() != null && "resharding".equals(snapshot().current().name()));
        waitUntil(() -> robot.lookup("#shardMap").tryQuery().map(Node::isVisible).orElse(false)); // the next pulse shows it
        assertEquals("resharding", ((ComboBox<?>) robot.lookup("#presetChoice").query()).getValue(),
                "the scenario menu follows");
    }

    @Test
    void withoutADatabaseTheParameterNotePointsToControlsThatExist() throws Exception {
        start("default");
        waitUntil(() -> robot.lookup("#databaseNoParameters").tryQuery().map(n -> n.isVisible()).orElse(false));
        String note = WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.Label) robot.lookup("#databaseNoParameters .database-note")
                .query()).getText()).get();
        assertFalse(note.contains("menu"), "there is no Scenario menu: " + note);
        // Every control it names is on the screen under that name.
        assertTrue(note.contains("Scenario list"), note);
        assertTrue(robot.lookup(".main-toolbar .label").queryAll().stream()
                .anyMatch(n -> "Scenario".equals(((javafx.scene.control.Labeled) n).getText())), "the toolbar's Scenario list");
        for (String button : new String[] {"#openReshardingButton", "#openReplicaLagButton"}) {
            String text = robot.lookup(button).queryButton().getText();
            assertTrue(note.contains("\"" + text + "\""), note + " names " + text);
        }
    }

    private SimulationRunner runner() {
        return app.runner();
    }

    private Snapshot snapshot() {
        return runner().latest().snapshot();
    }

    private DatabaseView database() {
        return snapshot().data().database();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
