package dev.scalelab.ui;

import dev.scalelab.ui.canvas.DesignWindow;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;

/**
 * Takes the screenshots of the way between the main window and the canvas: full-stack drawn with
 * Run ▸ Draw this system… and running on the canvas, then its service double-clicked and shown in the
 * main window's Scaling panel. Not part of the build (its name is not a test's); run it by hand:
 * {@code Xvfb :77 -screen 0 1600x1000x24 & DISPLAY=:77 mvn -o test -Dtest=CanvasPanelScreenshots
 * -Dsurefire.failIfNoSpecifiedTests=false}. It needs ImageMagick's {@code import}.
 */
class CanvasPanelScreenshots {
    @BeforeAll
    static void onTheDisplay() {
        XDisplay.use();
    }

    @Test
    void drawTheMainSystemAndComeBackToAPanel() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ScaleLabApp app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "full-stack", "--panel", "Overview");
        FxWait.onFx(() -> {
            Window w = app.window().currentPanel().view().getScene().getWindow();
            w.setX(0);
            w.setY(0);
            w.setWidth(1600);
            w.setHeight(1000);
            return null;
        }, 60);
        Thread.sleep(3000);
        DesignWindow canvas = FxWait.onFx(() -> {
            DesignWindow c = CanvasWindows.drawThisSystem(app.window(), app.runner(), stage);
            c.stage().setX(0);
            c.stage().setY(0);
            c.stage().setWidth(1600);
            c.stage().setHeight(1000);
            ((Button) c.stage().getScene().getRoot().lookup("#designFit")).fire();
            ((Button) c.stage().getScene().getRoot().lookup("#designRun")).fire();
            return c;
        }, 60);
        Thread.sleep(12000);
        XDisplay.shoot(Path.of("docs/canvas-drawn-from-main.png"));
        FxWait.onFx(() -> {
            canvas.setConfirmOpenInMain(panel -> true);
            canvas.openNode("service");
            canvas.stage().toBack();
            return null;
        }, 60);
        Thread.sleep(6000);
        XDisplay.shoot(Path.of("docs/canvas-to-scaling-panel.png"));
        FxWait.onFx(() -> {
            canvas.editor().markSaved();
            canvas.stage().close();
            return null;
        }, 60);
        FxToolkit.cleanupApplication(app);
    }
}
