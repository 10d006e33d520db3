package dev.scalelab.ui.canvas;

import dev.scalelab.ui.FxWait;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import javafx.geometry.Point2D;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A running box's menu gives its faults to the run: the decision log shows what the box did, and
 * the run keeps the fault in its timeline; a bad value is refused in the dialog, naming the field.
 */
class DesignFaultsRobotTest {
    private static final long TIMEOUT_SECONDS = 60;
    static final String SHOP = """
            {"schema":1,"name":"shop","seed":21,"durationSeconds":600,
             "topology":{"nodes":[
               {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":100}}},
               {"id":"web","kind":"service","service":{"instances":3,"workersPerInstance":4,"queueCapacity":200,
                 "serviceTime":{"distribution":"exponential","meanMs":20}}},
               {"id":"pay","kind":"external","external":{"latency":{"distribution":"constant","meanMs":20}}}],
              "edges":[{"from":"users","to":"web"},{"from":"web","to":"pay"}]}}
            """;
    private final FxRobot robot = new FxRobot();
    private DesignWindow window;

    @BeforeEach
    void open() throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        window = onFx(() -> {
            DesignWindow w = new DesignWindow(owner);
            w.show();
            w.editor().load(ScenarioFiles.parse(SHOP));
            w.view().fit();
            return w;
        });
    }

    @AfterEach
    void close() throws Exception {
        onFx(() -> {
            window.run().stop();
            window.editor().markSaved();
            window.stage().close();
            return null;
        });
    }

    @Test
    void aKilledInstanceIsInTheDecisionsAndTheRecordedTimeline() throws Exception {
        onFx(() -> {
            window.run().startAt(1);
            return null;
        });
        // The run names its instances once they exist.
        FxWait.waitUntil(() -> onFx(() -> window.run().latest() != null
                && window.run().latest().targets().getOrDefault("web", java.util.List.of()).contains("web-1")), TIMEOUT_SECONDS);
        robot.rightClickOn(centre("web"));
        // The menu is on screen; its submenu's entry is chosen as a keyboard does (a pointer's path to a
        // submenu depends on where the screen lets it open).
        shown("Kill instance");
        onFx(() -> {
            javafx.scene.control.Menu kill = (javafx.scene.control.Menu) window.faults().showing().getItems().stream()
                    .filter(i -> "Kill instance".equals(i.getText())).findFirst().orElseThrow();
            kill.getItems().stream().filter(i -> "web-1".equals(i.getText())).findFirst().orElseThrow().fire();
            return null;
        });
        FxWait.waitUntil(() -> onFx(() -> window.run().current().commandsRun().size() == 1), TIMEOUT_SECONDS);
        Scenario.TimelineEntry killed = onFx(() -> window.run().current().commandsRun().get(0));
        assertEquals("kill-instance", killed.command());
        assertEquals("web-1", killed.target());
        FxWait.waitUntil(() -> onFx(() -> window.decisions().shown().stream().anyMatch(d -> d.contains("web: web-1 failed ("))),
                TIMEOUT_SECONDS);
        assertTrue(onFx(() -> window.statusLine().getText()).startsWith("kill-instance web-1: given to the run"),
                onFx(() -> window.statusLine().getText()));
        // Choosing the decision selects the box it names.
        onFx(() -> {
            window.editor().select(java.util.List.of("pay"));
            javafx.scene.control.ListView<?> list = robot.lookup("#designDecisions").queryAs(javafx.scene.control.ListView.class);
            int line = window.decisions().shown().indexOf(window.decisions().shown().stream()
                    .filter(d -> d.contains("web: web-1 failed (")).findFirst().orElseThrow());
            list.getSelectionModel().select(line);
            return null;
        });
        assertEquals("web", onFx(() -> window.editor().selectedNode()));
        assertEquals("users", DesignDecisions.nodeOf("0.250 s users: set workload.readRatio to 0.5 (timeline)"));
        assertEquals("network", DesignDecisions.nodeOf("30.000 s network: zone b is out: its nodes refuse requests"));
        Scenario recorded = onFx(() -> window.run().current().recordedScenario());
        assertEquals(1, recorded.timeline().size());
        assertEquals(killed.atSeconds(), recorded.timeline().get(0).atSeconds());
    }

    @Test
    void anOutageAsksForItsDurationAndRefusesABadOne() throws Exception {
        onFx(() -> {
            window.run().startAt(1);
            return null;
        });
        FxWait.waitUntil(() -> onFx(() -> window.run().latest() != null), TIMEOUT_SECONDS);
        robot.rightClickOn(centre("pay"));
        robot.clickOn(shown("Outage…"));
        TextField seconds = robot.lookup("#faultSeconds").queryAs(TextField.class);
        onFx(() -> {
            seconds.setText("-3");
            return null;
        });
        robot.clickOn("Apply now");
        String error = onFx(() -> robot.lookup("#faultError").queryLabeled().getText());
        assertEquals("For (s): -3 is out of range; a duration from above 0 to 86400 s", error);
        assertTrue(onFx(() -> window.run().current().commandsRun().isEmpty()));
        onFx(() -> {
            seconds.setText("20");
            return null;
        });
        robot.clickOn("Apply now");
        FxWait.waitUntil(() -> onFx(() -> window.run().current().commandsRun().size() == 1), TIMEOUT_SECONDS);
        Scenario.TimelineEntry outage = onFx(() -> window.run().current().commandsRun().get(0));
        assertEquals("outage", outage.command());
        assertEquals(20, outage.durationSeconds());
        assertFalse(onFx(() -> window.statusLine().getText()).startsWith("Cannot"));
    }

    @Test
    void aBoxWithoutFaultsSaysSoAndStoppedDesignsAskToRun() throws Exception {
        robot.rightClickOn(centre("web"));
        assertTrue(onFx(() -> window.statusLine().getText()).startsWith("Run the design to act on web"));
        onFx(() -> {
            window.run().startAt(1);
            return null;
        });
        FxWait.waitUntil(() -> onFx(() -> window.run().latest() != null), TIMEOUT_SECONDS);
        robot.rightClickOn(centre("users"));
        assertTrue(onFx(() -> window.statusLine().getText()).startsWith("users has no faults of its own"));
    }

    /** The menu entry {@code text} on screen (a menu's entries also exist off screen, in popups not shown). */
    private javafx.scene.Node shown(String text) throws Exception {
        FxWait.waitUntil(() -> onFx(() -> robot.lookup(text).match(n -> n.getScene() != null && n.isVisible()).tryQuery()
                .isPresent()), TIMEOUT_SECONDS);
        return onFx(() -> robot.lookup(text).match(n -> n.getScene() != null && n.isVisible()).query());
    }

    private Point2D centre(String id) throws Exception {
        return onFx(() -> window.view().localToScreen(window.view().nodeCenter(id)));
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, TIMEOUT_SECONDS);
    }
}
