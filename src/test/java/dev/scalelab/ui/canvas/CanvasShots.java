package dev.scalelab.ui.canvas;

import dev.scalelab.ui.FxWait;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.List;

/** The canvas windows the hand-run screenshot classes take their pictures of: 1600 × 1000 at the screen's corner. */
final class CanvasShots {
    private CanvasShots() {
    }

    /** A canvas on {@code design}, fitted, running at {@code speed}, with {@code selected} (or nothing) selected. */
    static DesignWindow running(Path design, double speed, String selected) throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        return FxWait.onFx(() -> {
            DesignWindow d = new DesignWindow(owner);
            d.stage().setX(0);
            d.stage().setY(0);
            d.stage().setWidth(1600);
            d.stage().setHeight(1000);
            d.show();
            d.openFile(design);
            d.view().fit();
            d.run().startAt(speed);
            if (selected != null) {
                d.editor().select(List.of(selected));
            }
            return d;
        }, 60);
    }

    /** Stops {@code w}'s run and closes it without asking to save. */
    static void close(DesignWindow w) throws Exception {
        FxWait.onFx(() -> {
            w.run().stop();
            w.editor().markSaved();
            w.stage().close();
            return null;
        }, 60);
    }
}
