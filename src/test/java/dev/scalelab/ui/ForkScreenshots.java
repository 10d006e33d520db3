package dev.scalelab.ui;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.seeds.BranchCompareWindow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;

import static dev.scalelab.ui.FxWait.onFx;
import static dev.scalelab.ui.FxWait.waitUntil;

/**
 * Takes the README's rewind-and-fork screenshots (docs/fork-branches.png, docs/fork-compare.png) of
 * the real app on a virtual X display, as a user would see it: full-stack played to 5:00, back to
 * 2:00 on the timeline bar, the instance count changed there, the Branch menu open, then Compare
 * with parent. Not part of the build (its name is not a test's); run it by hand with an X display:
 * {@code Xvfb :77 -screen 0 1600x1000x24 & DISPLAY=:77 mvn -o test -Dtest=ForkScreenshots
 * -Dsurefire.failIfNoSpecifiedTests=false}. It needs ImageMagick's {@code import}.
 */
class ForkScreenshots {
    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;

    @BeforeAll
    static void onTheDisplay() {
        XDisplay.use();
    }

    @BeforeEach
    void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "full-stack", "--panel", "Overview");
        robot.interact(() -> {
            javafx.stage.Window w = app.window().timelineBar().getScene().getWindow();
            w.setX(0);
            w.setY(0);
            w.setWidth(1600);
            w.setHeight(1000);
        });
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void branchMenuAndComparison() throws Exception {
        SimulationRunner runner = app.runner();
        runner.setSpeed(SimulationRunner.MAX_SPEED);
        runner.playUntil(300);
        waitUntil(() -> runner.latest().status().paused() && runner.latest().snapshot().timeSeconds() >= 300, 120);
        robot.interact(() -> app.window().timelineBar().seek(120));
        waitUntil(() -> runner.latest().snapshot().timeSeconds() == 120 && onFx(() -> Double.isNaN(app.window().timelineBar().seekingTo()), 5), 120);
        robot.clickOn("#instancesField");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("10");
        robot.type(KeyCode.ENTER);
        shoot("/tmp/fork-debug.png");
        waitUntil(() -> runner.branches().branches().size() == 2, 20);
        runner.playUntil(200);
        waitUntil(() -> runner.latest().status().paused() && runner.latest().snapshot().timeSeconds() >= 200, 120);
        Thread.sleep(1500); // the charts and the bar draw the last frame
        robot.clickOn("#branchMenu");
        robot.moveTo("#branch-1");
        Thread.sleep(1200);
        shoot("docs/fork-branches.png");
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> app.window().timelineBar().branchMenu().compare(1));
        BranchCompareWindow compare = app.window().timelineBar().branchMenu().lastCompare();
        robot.interact(() -> {
            compare.stage().setX(200);
            compare.stage().setY(40);
            compare.stage().setWidth(1100);
            compare.stage().setHeight(900);
        });
        waitUntil(() -> onFx(() -> !((TableView<?>) compare.stage().getScene().lookup("#compareTable")).getItems().isEmpty(), 5), 300);
        Thread.sleep(1500);
        shoot("docs/fork-compare.png");
    }

    private static void shoot(String file) throws Exception {
        XDisplay.shoot(Path.of(file));
    }
}
