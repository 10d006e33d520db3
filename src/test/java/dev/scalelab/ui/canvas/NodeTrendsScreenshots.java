package dev.scalelab.ui.canvas;

import dev.scalelab.ui.FxWait;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The screenshot of a selected box's trend lines (docs/canvas-node-trends.png): the API gateway
 * design running at 10x, its api-a service selected. Not part of the build (its name is not a
 * test's); run it by hand: {@code Xvfb :77 -screen 0 1600x1000x24 & DISPLAY=:77 mvn -o test
 * -Dtest=NodeTrendsScreenshots -Dsurefire.failIfNoSpecifiedTests=false}. It needs ImageMagick's {@code import}.
 */
class NodeTrendsScreenshots {
    @BeforeAll
    static void onTheDisplay() {
        dev.scalelab.ui.XDisplay.use();
    }

    @Test
    void aSelectedServiceOverTheRun() throws Exception {
        DesignWindow w = CanvasShots.running(Path.of("docs/designs/api-gateway.json"), 10, "api-a");
        Thread.sleep(26_000);
        dev.scalelab.ui.XDisplay.shoot(Path.of("docs/canvas-node-trends.png"));
        CanvasShots.close(w);
    }

    /** docs/canvas-insight-moment.png: an insight chosen selects its box and marks on its lines when it began. */
    @Test
    void anInsightsMomentOnItsBoxsLines() throws Exception {
        DesignWindow w = CanvasShots.running(Path.of("docs/designs/api-gateway.json"), 10, null);
        Thread.sleep(20_000);
        onFx(() -> {
            javafx.scene.control.ListView<?> list = (javafx.scene.control.ListView<?>) w.stage().getScene().lookup("#designInsights");
            list.getSelectionModel().select(0);
            return null;
        });
        Thread.sleep(6_000);
        dev.scalelab.ui.XDisplay.shoot(Path.of("docs/canvas-insight-moment.png"));
        CanvasShots.close(w);
    }

    /** docs/canvas-live-edit.png: api-a's instances raised in the inspector while the design runs; the run goes on. */
    @Test
    void aLiveEditOfARunningBox() throws Exception {
        DesignWindow w = CanvasShots.running(Path.of("docs/designs/api-gateway.json"), 10, "api-a");
        Thread.sleep(12_000);
        onFx(() -> {
            javafx.scene.control.TextField f = (javafx.scene.control.TextField) w.stage().getScene().lookup("#serviceInstancesField");
            f.setText("6");
            f.fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        Thread.sleep(8_000);
        dev.scalelab.ui.XDisplay.shoot(Path.of("docs/canvas-live-edit.png"));
        CanvasShots.close(w);
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, 60);
    }
}
