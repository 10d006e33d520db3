package dev.scalelab.ui;

import dev.scalelab.runtime.Branch;
import dev.scalelab.runtime.Branches;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.seeds.BranchCompareWindow;
import javafx.geometry.Bounds;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.scalelab.ui.FxWait.onFx;
import static dev.scalelab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rewind and fork as a user does it: go back on the timeline bar, change the rate, find two branches
 * in the Branch menu, compare the fork with its parent, switch back. Real clicks; every wait is on a condition.
 */
class BranchRobotTest {
    private static final long TIMEOUT_SECONDS = 30;

    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;

    @TempDir
    Path dir;

    @BeforeEach
    void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "default", "--panel", "Overview");
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void aChangeAfterGoingBackMakesABranchToCompareWithAndSwitchFrom() throws Exception {
        runUntilPausedAt(40);
        replaceText("#rateField", "600");
        waitUntil(() -> runner().branches().current().commands().size() == 1, TIMEOUT_SECONDS);
        runUntilPausedAt(80);
        assertEquals("Branch: main", onFx(() -> menu().getText(), 5));

        // Back to 20 s on the bar: a quarter of the 80 s it shows.
        Bounds bar = onFx(() -> window().timelineBar().canvasBoundsOnScreen(), 5);
        robot.clickOn(bar.getMinX() + bar.getWidth() / 4, bar.getCenterY());
        waitUntil(() -> runner().latest().status().paused() && runner().latest().snapshot().timeSeconds() < 25
                && onFx(() -> Double.isNaN(window().timelineBar().seekingTo()), 5), TIMEOUT_SECONDS);
        assertEquals(1, runner().branches().branches().size(), "going back alone makes no branch");

        replaceText("#rateField", "900");
        waitUntil(() -> runner().branches().branches().size() == 2 && runner().branches().current().commands().size() == 1
                && runner().latest().snapshot().current().workload().arrival().ratePerSecond() == 900.0, TIMEOUT_SECONDS);
        Branches.View view = runner().branches();
        double forkAt = view.current().forkSeconds();
        assertTrue(forkAt > 15 && forkAt < 25, "forked where the run went back to: " + forkAt);
        waitUntil(() -> onFx(() -> menu().getText().equals("Branch: " + view.current().name())
                && window().timelineBar().forkMarks().equals(List.of(forkAt)), 5), TIMEOUT_SECONDS);
        assertEquals(900.0, runner().latest().snapshot().current().workload().arrival().ratePerSecond(), 0.0);

        robot.clickOn("#branchMenu");
        waitUntil(() -> onFx(() -> robot.lookup("#branch-0").tryQuery().isPresent() && robot.lookup("#branch-1").tryQuery().isPresent(), 5),
                TIMEOUT_SECONDS);
        robot.clickOn("#compareCurrent");
        waitUntil(() -> onFx(() -> menu().lastCompare() != null
                && !table(menu().lastCompare()).getItems().isEmpty(), 5), 60);
        BranchCompareWindow compare = menu().lastCompare();
        assertEquals("Figure", onFx(() -> table(compare).getColumns().get(0).getText(), 5));
        assertEquals("main (parent)", onFx(() -> table(compare).getColumns().get(1).getText(), 5));
        assertTrue(onFx(() -> table(compare).getItems().size(), 5) >= 10, "headline and section figures");
        compare.replaceSaveDialog(chooser -> dir.resolve("compare.md").toFile());
        robot.clickOn("#exportCompare");
        waitUntil(() -> Files.exists(dir.resolve("compare.csv")), TIMEOUT_SECONDS);
        assertTrue(Files.readString(dir.resolve("compare.md")).contains("| Throughput |"));
        robot.interact(() -> compare.stage().close());

        // Switch back to main: its change to 600 at 40 s is replayed, the fork's 900 is not.
        robot.interact(() -> menu().switchTo(Branch.ROOT_ID));
        waitUntil(() -> runner().branches().currentId() == Branch.ROOT_ID && runner().latest().status().paused()
                && onFx(() -> Double.isNaN(window().timelineBar().seekingTo()), 5), TIMEOUT_SECONDS);
        waitUntil(() -> onFx(() -> menu().getText().equals("Branch: main"), 5), TIMEOUT_SECONDS);
        runUntilPausedAt(60);
        assertEquals(600.0, runner().latest().snapshot().current().workload().arrival().ratePerSecond(), 0.0);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Object> table(BranchCompareWindow w) {
        return (TableView<Object>) w.stage().getScene().lookup("#compareTable");
    }

    private dev.scalelab.ui.timeline.BranchMenu menu() {
        return window().timelineBar().branchMenu();
    }

    private void runUntilPausedAt(double seconds) throws Exception {
        runner().setSpeed(SimulationRunner.MAX_SPEED);
        runner().playUntil(seconds);
        waitUntil(() -> runner().latest().status().paused() && runner().latest().snapshot().timeSeconds() >= seconds, TIMEOUT_SECONDS);
        long frame = runner().latest().status().frame();
        waitUntil(() -> onFx(() -> window().shownFrame() >= frame, 5), TIMEOUT_SECONDS);
    }

    private void replaceText(String query, String text) {
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        robot.type(KeyCode.ENTER);
    }

    private MainWindowController window() {
        return app.window();
    }

    private SimulationRunner runner() {
        return app.runner();
    }
}
