package dev.scalelab.ui.caching;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.ScaleLabApp;
import dev.scalelab.ui.FxWait;
import dev.scalelab.world.Snapshot;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Robot tests of the Caching panel: they click its real controls and check what the simulation did. */
class CachingPanelRobotTest {
    private static final long TIMEOUT_SECONDS = 8;

    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;

    private void start(String preset) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", preset, "--panel", "Caching");
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void hoveringTheTimeSavedLineExplainsWhatItMeasures() throws Exception {
        start("cache-stampede");
        CacheLevelsView levels = robot.lookup(".cache-levels-view").queryAs(CacheLevelsView.class);
        waitUntil(() -> {
            try {
                return WaitForAsyncUtils.asyncFx(() -> !levels.savedSpots().isEmpty()).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Give the panel the window's height, so the line is not under the charts (the timeline bar took some).
        WaitForAsyncUtils.asyncFx(() -> {
            ((javafx.scene.control.SplitPane) robot.lookup("#centerSplit").query()).setDividerPositions(0.95);
            return null;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Point2D spot = WaitForAsyncUtils.asyncFx(() -> {
            javafx.geometry.Bounds b = levels.savedSpots().get(0);
            return levels.localToScreen(b.getCenterX(), b.getCenterY());
        }).get();
        robot.moveTo(spot);
        robot.moveBy(2, 0); // a move inside the line, as a hand would make
        waitUntil(() -> robot.listWindows().stream().anyMatch(w -> w instanceof javafx.scene.control.Tooltip
                && w.isShowing() && ((javafx.scene.control.Tooltip) w).getText().equals(CacheLevelsView.SAVED_EXPLANATION)));
    }

    @Test
    void expiringTheHotKeyWithoutCoalescingSendsAStampedeOfDuplicateLoadsToTheStore() throws Exception {
        start("cache-stampede");
        // Past the cold start, whose first loads stampede too, then hold still.
        runner().setSpeed(20);
        waitUntil(() -> snapshot().timeSeconds() > 10);
        robot.clickOn("#playButton");
        waitUntil(() -> runner().latest().status().paused());
        assertFalse(snapshot().cache().coalesce());
        long duplicatesBefore = snapshot().cache().duplicateLoads();

        robot.clickOn("#expireHotKeyButton");
        waitUntil(() -> logContains("key 0 expired in every level"));
        for (int i = 0; i < 4; i++) {
            double time = snapshot().timeSeconds();
            robot.clickOn("#stepButton");
            waitUntil(() -> snapshot().timeSeconds() > time + 0.05);
        }
        // Key 0 draws a third of 4000 reads/s; each of its misses loads it again for the ~800 ms of a load.
        long stampede = snapshot().cache().duplicateLoads() - duplicatesBefore;
        assertTrue(stampede > 100, "duplicate loads in 0.4 s after the expiry: " + stampede);
    }

    @Test
    void theCoalescingCheckBoxReachesTheEngineAndTheSameExpiryCostsOneLoad() throws Exception {
        start("cache-stampede");
        runner().setSpeed(20);
        waitUntil(() -> snapshot().timeSeconds() > 10);
        robot.clickOn("#playButton");
        waitUntil(() -> runner().latest().status().paused());

        clickWhenShown("#cacheCoalesceCheck");
        waitUntil(() -> snapshot().cache().coalesce());
        waitUntil(() -> logContains("cache.coalesce: false -> true"));
        long duplicatesBefore = snapshot().cache().duplicateLoads();
        long coalescedBefore = snapshot().cache().coalescedReads();
        robot.clickOn("#expireHotKeyButton");
        waitUntil(() -> logContains("(coalesced into one load)"));
        for (int i = 0; i < 4; i++) {
            double time = snapshot().timeSeconds();
            robot.clickOn("#stepButton");
            waitUntil(() -> snapshot().timeSeconds() > time + 0.05);
        }
        long coalesced = snapshot().cache().coalescedReads() - coalescedBefore;
        assertTrue(coalesced > 100, "reads that joined the one load: " + coalesced);
        // Loads that were already in flight when coalescing came on may still count a few duplicates;
        // the expired hot key's misses, hundreds of them, share one load.
        long duplicates = snapshot().cache().duplicateLoads() - duplicatesBefore;
        assertTrue(duplicates <= 10, "duplicate loads with coalescing: " + duplicates);
    }

    @Test
    void aScenarioWithoutACacheExplainsItselfAndOpensCacheStampedeOnRequest() throws Exception {
        start("default");
        assertTrue(snapshot().cache() == null);
        waitUntil(() -> robot.lookup("#noCachePane").query().isVisible());
        assertFalse(robot.lookup("#cacheContent").query().isVisible());
        assertFalse(robot.lookup(".caching-charts").query().isVisible(), "no empty charts");
        assertTrue(robot.lookup("#noCacheChartsNote").query().isVisible());

        robot.clickOn("#openCacheStampedeButton");
        waitUntil(() -> snapshot().cache() != null && "cache-stampede".equals(snapshot().current().name()));
        Node levels = robot.lookup("#cacheLevelsView").query();
        waitUntil(levels::isVisible);
        waitUntil(() -> robot.lookup("#expireHotKeyButton").tryQuery().isPresent());
        assertFalse(robot.lookup("#noCachePane").query().isVisible());
    }

    private boolean logContains(String text) {
        ListView<?> log = robot.lookup("#logList").queryListView();
        return log.getItems().stream().anyMatch(line -> line.toString().contains(text));
    }

    private SimulationRunner runner() {
        return app.runner();
    }

    private Snapshot snapshot() {
        return runner().latest().snapshot();
    }

    /** Clicks a control once the pane that holds it is laid out and shown (the form fills in after the first frame). */
    private void clickWhenShown(String query) throws Exception {
        FxWait.waitUntil(() -> FxWait.onFx(() -> robot.lookup(query).tryQuery()
                .map(CachingPanelRobotTest::shown).orElse(false), TIMEOUT_SECONDS),
                TIMEOUT_SECONDS);
        robot.clickOn(query);
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null && node.getLayoutBounds().getWidth() > 0;
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
