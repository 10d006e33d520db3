package dev.scalelab.ui;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.look.Appearance;
import dev.scalelab.ui.look.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.lang.ref.WeakReference;

import static dev.scalelab.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A main window ended is not kept: the app's one {@link Appearance} outlives every window, so a
 * listener a window leaves on it (the View menu's theme and font items once did) would keep the
 * window, its panels and its run, as each main window of the tests' one JVM was kept. The test ends a
 * window, drops its own references and collects until the window's weak reference clears. A closed
 * canvas: {@code CanvasLeakRobotTest}.
 */
class WindowLeakRobotTest {
    private static final int COLLECTIONS = 20;
    private ScaleLabApp app;

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void anEndedMainWindowIsNotKept() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "default", "--panel", "Overview");
        WeakReference<MainWindowController> first = new WeakReference<>(app.window());
        WeakReference<SimulationRunner> firstRun = new WeakReference<>(app.runner());
        FxToolkit.cleanupApplication(app);
        // A second app takes the stage (the test toolkit's one primary stage kept the first's scene), and
        // the toolkit's record of the events fired on it starts over (it keeps their targets).
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "default", "--panel", "Overview");
        onFx(() -> {
            Appearance.get().themeProperty().set(Theme.DARK); // the menus' theme items follow it
            Appearance.get().themeProperty().set(Theme.LIGHT);
            return null;
        }, 20);
        assertNull(collected(first), "the first main window is still reachable");
        assertNull(collected(firstRun), "the first main window's run is still reachable");
    }

    /** The referent after collecting up to {@link #COLLECTIONS} times, or null once it is gone. */
    private static <T> T collected(WeakReference<T> ref) throws InterruptedException {
        for (int i = 0; i < COLLECTIONS && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ref.get();
    }
}
