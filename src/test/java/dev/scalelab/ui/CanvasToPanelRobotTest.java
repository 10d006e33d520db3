package dev.scalelab.ui;

import dev.scalelab.ui.canvas.DesignWindow;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.network.Pipeline;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A box of the canvas, double-clicked, opens its pattern panel in the main window: the main run
 * starts over on the drawing (as its sections) once the user agrees, and the panel of the box's kind
 * shows it. A drawing of another shape says why the panels cannot show it.
 */
class CanvasToPanelRobotTest {
    private static final long TIMEOUT_SECONDS = 40;
    private ScaleLabApp app;

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void aBoxOpensItsPatternPanelOnTheDrawingAndAnotherShapeSaysWhyNot() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "default", "--panel", "Overview");
        Scenario fullStack = Presets.load("full-stack");
        List<String> asked = new ArrayList<>();
        DesignWindow canvas = FxWait.onFx(() -> {
            DesignWindow w = CanvasWindows.open(app.window(), stage);
            w.editor().load(Pipeline.drawn(fullStack));
            w.setConfirmOpenInMain(panel -> asked.add(panel));
            return w;
        }, TIMEOUT_SECONDS);

        FxWait.onFx(() -> {
            canvas.openNode("cache");
            return null;
        }, TIMEOUT_SECONDS);
        assertEquals(List.of("Caching"), asked);
        assertEquals("Caching", FxWait.onFx(() -> app.window().currentPanel().title(), TIMEOUT_SECONDS));
        FxWait.waitUntil(() -> Pipeline.lower(Pipeline.drawn(fullStack)).equals(app.runner().latest().snapshot().current()),
                TIMEOUT_SECONDS);
        assertTrue(FxWait.onFx(() -> canvas.statusLine().getText(), TIMEOUT_SECONDS)
                .equals("The main window runs this drawing; its Caching panel shows cache."));
        // The scenario menu names what runs now, though it is no preset (it had shown "default").
        assertEquals("drawn: full-stack", FxWait.onFx(() -> {
            javafx.scene.control.ComboBox<?> menu = (javafx.scene.control.ComboBox<?>) stage.getScene().lookup("#presetChoice");
            return ((javafx.scene.control.ListCell<?>) menu.getButtonCell()).getText();
        }, TIMEOUT_SECONDS));

        // Declined: nothing changes in the main window.
        FxWait.onFx(() -> {
            canvas.setConfirmOpenInMain(panel -> false);
            canvas.openNode("service");
            return null;
        }, TIMEOUT_SECONDS);
        assertEquals("Caching", FxWait.onFx(() -> app.window().currentPanel().title(), TIMEOUT_SECONDS));

        // In zones the drawing is another shape: the panels cannot show it, and the canvas says why.
        var tree = ScenarioFiles.tree(Pipeline.drawn(fullStack));
        for (var n : tree.path("topology").path("nodes")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("zone", "a");
        }
        String said = FxWait.onFx(() -> {
            canvas.editor().load(ScenarioFiles.parse(tree.toString()));
            canvas.setConfirmOpenInMain(panel -> true);
            canvas.openNode("service");
            return canvas.statusLine().getText();
        }, TIMEOUT_SECONDS);
        assertTrue(said.startsWith("The Scaling panel shows a system of the pipeline's shape") && said.contains("clients is in a zone (a)"),
                said);
        assertEquals("Caching", FxWait.onFx(() -> app.window().currentPanel().title(), TIMEOUT_SECONDS));
        FxWait.onFx(() -> {
            canvas.editor().markSaved();
            canvas.stage().close();
            return null;
        }, TIMEOUT_SECONDS);
    }

    /** Run ▸ Draw this system… opens the canvas on what the main window runs, drawn, with its settings as they are. */
    @Test
    void theMainWindowsSystemOpensDrawn() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "full-stack", "--panel", "Overview");
        FxWait.waitUntil(() -> app.runner().latest().snapshot().timeSeconds() > 0.5, TIMEOUT_SECONDS);
        DesignWindow canvas = FxWait.onFx(() -> CanvasWindows.drawThisSystem(app.window(), app.runner(), stage), TIMEOUT_SECONDS);
        Scenario now = app.runner().latest().snapshot().current();
        assertEquals(Pipeline.spell(now), FxWait.onFx(() -> canvas.editor().topology(), TIMEOUT_SECONDS));
        assertEquals(now, Pipeline.lower(FxWait.onFx(() -> canvas.editor().scenario(), TIMEOUT_SECONDS)),
                "drawn and lowered back, it is the system the main window runs");
        assertEquals("Design canvas — drawn from full-stack", FxWait.onFx(() -> canvas.stage().getTitle(), TIMEOUT_SECONDS));
        FxWait.onFx(() -> {
            canvas.stage().close();
            return null;
        }, TIMEOUT_SECONDS);
    }

    /** The Overview's "Draw this system…" opens the same canvas, on what the main window runs. */
    @Test
    void theOverviewsButtonOpensTheSystemDrawn() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "full-stack", "--panel", "Overview");
        FxWait.waitUntil(() -> app.runner().latest().snapshot().timeSeconds() > 0.5, TIMEOUT_SECONDS);
        new org.testfx.api.FxRobot().clickOn("#drawSystemButton");
        FxWait.waitUntil(() -> FxWait.onFx(() -> canvasTitled("Design canvas — drawn from full-stack") != null, TIMEOUT_SECONDS), TIMEOUT_SECONDS);
        FxWait.onFx(() -> {
            canvasTitled("Design canvas — drawn from full-stack").close();
            return null;
        }, TIMEOUT_SECONDS);
    }

    private static Stage canvasTitled(String title) {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle()))
                .map(w -> (Stage) w).findFirst().orElse(null);
    }
}
