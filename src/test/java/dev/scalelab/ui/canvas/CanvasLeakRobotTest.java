package dev.scalelab.ui.canvas;

import dev.scalelab.runtime.DesignRun;
import dev.scalelab.ui.FxWait;
import dev.scalelab.ui.look.Appearance;
import dev.scalelab.ui.look.Theme;
import dev.scalelab.world.ScenarioFiles;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A canvas closed while it runs, with two boxes open in their pattern panels, keeps nothing: not the
 * canvas, not its run, not the boxes' windows. The app's one {@link Appearance} outlives them all, so
 * a listener left on it (as each canvas once left one) would keep them, and the run's world with them,
 * for the life of the app.
 */
class CanvasLeakRobotTest {
    private static final long TIMEOUT_SECONDS = 60;
    private static final int COLLECTIONS = 20;

    @Test
    void aClosedCanvasKeepsNeitherItsRunNorItsBoxesWindows() throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        DesignWindow[] window = {onFx(() -> {
            DesignWindow w = new DesignWindow(owner);
            w.show();
            w.editor().load(ScenarioFiles.read(Path.of("docs/designs/outlier-ejection.json")));
            w.view().fit();
            w.run().startAt(10);
            return w;
        })};
        FxWait.waitUntil(() -> onFx(() -> window[0].run().latest() != null && window[0].run().latest().timeSeconds() > 2), TIMEOUT_SECONDS);
        onFx(() -> {
            window[0].openNode("checkout");
            window[0].openNode("edge-lb");
            return null;
        });
        FxWait.waitUntil(() -> onFx(() -> window[0].panels().nodeWindows().size() == 2), TIMEOUT_SECONDS);
        WeakReference<DesignWindow> canvas = new WeakReference<>(window[0]);
        WeakReference<DesignRun> run = new WeakReference<>(onFx(() -> window[0].run().current()));
        WeakReference<NodePanelWindow> service = new WeakReference<>(onFx(() -> window[0].panels().nodeWindow("checkout")));
        WeakReference<NodePanelWindow> balancer = new WeakReference<>(onFx(() -> window[0].panels().nodeWindow("edge-lb")));
        assertEquals("edge-lb — Load balancing", onFx(() -> balancer.get().stage().getTitle()));
        onFx(() -> {
            Appearance.get().themeProperty().set(Theme.DARK); // the canvas's theme listener runs, and is still there
            window[0].editor().markSaved();
            window[0].stage().close();
            Appearance.get().themeProperty().set(Theme.LIGHT);
            // The headless window manager keeps the last focused window until another one takes focus.
            owner.show();
            owner.requestFocus();
            return null;
        });
        window[0] = null;
        assertNull(collected(service), "a box's window of a closed canvas is still reachable");
        assertNull(collected(balancer), "a box's window of a closed canvas is still reachable");
        assertNull(collected(run), "the run of a closed canvas is still reachable");
        assertNull(collected(canvas), "a closed canvas is still reachable");
    }

    /** The referent after collecting up to {@link #COLLECTIONS} times, or null once it is gone. */
    private static <T> T collected(WeakReference<T> ref) throws InterruptedException {
        for (int i = 0; i < COLLECTIONS && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ref.get();
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, TIMEOUT_SECONDS);
    }
}
