package dev.scalelab.ui.canvas;

import dev.scalelab.ui.FxWait;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.List;
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
        Stage owner = FxToolkit.registerPrimaryStage();
        DesignWindow w = onFx(() -> {
            DesignWindow d = new DesignWindow(owner);
            d.stage().setX(0);
            d.stage().setY(0);
            d.stage().setWidth(1600);
            d.stage().setHeight(1000);
            d.show();
            d.openFile(Path.of("docs/designs/api-gateway.json"));
            d.view().fit();
            d.run().startAt(10);
            d.editor().select(List.of("api-a"));
            return d;
        });
        Thread.sleep(26_000);
        dev.scalelab.ui.XDisplay.shoot(Path.of("docs/canvas-node-trends.png"));
        onFx(() -> {
            w.run().stop();
            w.editor().markSaved();
            w.stage().close();
            return null;
        });
    }

    /** docs/canvas-insight-moment.png: an insight chosen selects its box and marks on its lines when it began. */
    @Test
    void anInsightsMomentOnItsBoxsLines() throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        DesignWindow w = onFx(() -> {
            DesignWindow d = new DesignWindow(owner);
            d.stage().setX(0);
            d.stage().setY(0);
            d.stage().setWidth(1600);
            d.stage().setHeight(1000);
            d.show();
            d.openFile(Path.of("docs/designs/api-gateway.json"));
            d.view().fit();
            d.run().startAt(10);
            return d;
        });
        Thread.sleep(20_000);
        onFx(() -> {
            javafx.scene.control.ListView<?> list = (javafx.scene.control.ListView<?>) w.stage().getScene().lookup("#designInsights");
            list.getSelectionModel().select(0);
            return null;
        });
        Thread.sleep(6_000);
        dev.scalelab.ui.XDisplay.shoot(Path.of("docs/canvas-insight-moment.png"));
        onFx(() -> {
            w.run().stop();
            w.editor().markSaved();
            w.stage().close();
            return null;
        });
    }

    /** docs/canvas-live-edit.png: api-a's instances raised in the inspector while the design runs; the run goes on. */
    @Test
    void aLiveEditOfARunningBox() throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        DesignWindow w = onFx(() -> {
            DesignWindow d = new DesignWindow(owner);
            d.stage().setX(0);
            d.stage().setY(0);
            d.stage().setWidth(1600);
            d.stage().setHeight(1000);
            d.show();
            d.openFile(Path.of("docs/designs/api-gateway.json"));
            d.view().fit();
            d.run().startAt(10);
            d.editor().select(List.of("api-a"));
            return d;
        });
        Thread.sleep(12_000);
        onFx(() -> {
            javafx.scene.control.TextField f = (javafx.scene.control.TextField) w.stage().getScene().lookup("#serviceInstancesField");
            f.setText("6");
            f.fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        Thread.sleep(8_000);
        dev.scalelab.ui.XDisplay.shoot(Path.of("docs/canvas-live-edit.png"));
        onFx(() -> {
            w.run().stop();
            w.editor().markSaved();
            w.stage().close();
            return null;
        });
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, 60);
    }
}
