package dev.scalelab.ui.canvas;

import dev.scalelab.design.Connections;
import dev.scalelab.design.Design;
import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.ui.FxWait;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.Topology;
import dev.scalelab.world.network.NetworkSnapshot.NodeState;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The design canvas as a user drives it: add from the palette, connect by dragging, a refusal, undo, redo, layout, files. */
class DesignCanvasRobotTest {
    private static final long TIMEOUT_SECONDS = 30;
    private final FxRobot robot = new FxRobot();
    private DesignWindow window;

    @BeforeEach
    void open() throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        window = onFx(() -> {
            DesignWindow w = new DesignWindow(owner);
            w.show();
            return w;
        });
        FxWait.waitUntil(() -> onFx(() -> window.view().getWidth() > 0), TIMEOUT_SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        onFx(() -> {
            window.run().stop();
            window.editor().markSaved(); // nothing to ask about
            window.stage().close();
            return null;
        });
    }

    @Test
    void addConnectRefuseUndoRedoAndLayOut() throws Exception {
        robot.doubleClickOn("#palette-clients");
        robot.doubleClickOn("#palette-service");
        robot.doubleClickOn("#palette-database");
        assertEquals(List.of("clients-1", "service-1", "database-1"), ids());

        drag(port("clients-1"), centre("service-1"));
        assertEquals(List.of("clients-1→service-1 sync"), edges());
        assertTrue(status().startsWith("Connected clients-1 → service-1"), status());

        String expected = Connections.refusal(onFx(() -> window.editor().design()), Design.Edge.of("clients-1", "database-1", EdgeMode.SYNC));
        drag(port("clients-1"), centre("database-1"));
        assertEquals(List.of("clients-1→service-1 sync"), edges(), "the refused edge is not added");
        assertEquals("Not connected: " + expected + ".", status());
        assertTrue(expected.startsWith("clients cannot send requests to a database"), expected);
        assertTrue(onFx(() -> window.statusLine().getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("refused"))));

        drag(port("service-1"), centre("database-1"));
        assertEquals(List.of("clients-1→service-1 sync", "service-1→database-1 sync"), edges());
        assertEquals(0, onFx(() -> ((javafx.scene.control.ListView<?>) robot.lookup("#designProblems").query()).getItems().size()),
                "clients → service → database can run");
        assertFalse(onFx(() -> robot.lookup("#designRun").queryAs(Button.class).isDisabled()));

        robot.clickOn("#designView", MouseButton.PRIMARY); // focus the canvas, not a text field
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(List.of("clients-1→service-1 sync"), edges(), "undo takes back the last edge");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(List.of(), edges());
        assertEquals(3, ids().size(), "the refusal was no step");
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        robot.clickOn("#designRedo");
        assertEquals(List.of("clients-1→service-1 sync", "service-1→database-1 sync"), edges());

        robot.clickOn("#designLayout");
        double pitch = DesignEditor.COLUMN_PITCH;
        assertEquals(List.of(DesignEditor.MARGIN, DesignEditor.MARGIN + pitch, DesignEditor.MARGIN + 2 * pitch),
                onFx(() -> window.editor().topology().nodes().stream().map(n -> n.position().get(0)).toList()));
        double y = onFx(() -> window.editor().topology().node("clients-1").position().get(1));
        assertEquals(y, onFx(() -> window.editor().topology().node("database-1").position().get(1)), "one row");
        robot.clickOn("#designUndo");
        assertFalse(onFx(() -> window.editor().topology().node("service-1").position().get(0)) == DesignEditor.MARGIN + pitch,
                "the layout was one step");
    }

    @Test
    void aSelectedNodesFieldIsSetInTheInspectorAndABadValueIsNamed() throws Exception {
        onFx(() -> {
            window.editor().load(DesignExamples.apiGateway().scenario());
            window.view().fit();
            return null;
        });
        robot.clickOn(point(() -> window.view().nodeCenter("service-1")));
        robot.doubleClickOn("#serviceInstancesField").write("9").type(KeyCode.ENTER);
        assertEquals(9, onFx(() -> window.editor().topology().node("service-1").service().instances()));
        robot.doubleClickOn("#serviceInstancesField").write("0").type(KeyCode.ENTER);
        String error = onFx(() -> robot.lookup("#serviceInstancesError").queryLabeled().getText());
        assertTrue(error.contains("topology.nodes[3].service.instances"), error);
        assertEquals(9, onFx(() -> window.editor().topology().node("service-1").service().instances()));
    }

    @Test
    void aDrawnGatewaysPerClientLimitAndSheddingAndTheClientsClassesAreSetInTheInspector() throws Exception {
        String json = "{\"schema\":1,\"topology\":{\"nodes\":["
                + "{\"id\":\"users\",\"kind\":\"clients\",\"position\":[0,0],\"workload\":{\"clients\":["
                + "{\"name\":\"web\",\"share\":80,\"priority\":\"high\"},{\"name\":\"scraper\",\"share\":1000,\"priority\":\"low\"}]}},"
                + "{\"id\":\"gw\",\"kind\":\"gateway\",\"position\":[200,0],"
                + "\"gateway\":{\"perClient\":{\"kind\":\"token-bucket\",\"ratePerSecond\":100,\"burst\":100}}},"
                + "{\"id\":\"lb\",\"kind\":\"balancer\",\"position\":[400,0]},{\"id\":\"api\",\"kind\":\"service\",\"position\":[600,0]}],"
                + "\"edges\":[{\"from\":\"users\",\"to\":\"gw\"},{\"from\":\"gw\",\"to\":\"lb\"},{\"from\":\"lb\",\"to\":\"api\"}]}}";
        onFx(() -> {
            window.editor().load(ScenarioFiles.parse(json));
            window.view().fit();
            return null;
        });
        robot.clickOn(point(() -> window.view().nodeCenter("gw")));
        // A long form: its lower rows are set as the field's Enter sets them, wherever the scroll pane has them.
        enter("#gatewayPerClientRatePerSecondField", "50");
        assertEquals(50, onFx(() -> window.editor().topology().node("gw").gateway().perClient().ratePerSecond()));
        assertNotNull(onFx(() -> robot.lookup("#gatewaySheddingModeChoice").query()));
        // The threshold belongs to queue-length shedding: it shows once that mode is chosen.
        assertFalse(onFx(() -> robot.lookup("#gatewaySheddingQueueThresholdField").tryQuery().isPresent()));
        onFx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> mode = robot.lookup("#gatewaySheddingModeChoice").queryAs(javafx.scene.control.ComboBox.class);
            mode.setValue("queue-length");
            return null;
        });
        FxWait.waitUntil(() -> onFx(() -> robot.lookup("#gatewaySheddingQueueThresholdField").tryQuery().isPresent()), TIMEOUT_SECONDS);
        enter("#gatewaySheddingQueueThresholdField", "7");
        assertEquals(7, onFx(() -> window.editor().topology().node("gw").gateway().shedding().queueThreshold()));
        robot.clickOn(point(() -> window.view().nodeCenter("users")));
        // The first class's share (its field is named as the pipeline's form names a list's first item).
        enter("#workloadClientsShareField", "90");
        assertEquals(90, onFx(() -> window.editor().topology().node("users").workload().clients().get(0).share()));
        assertEquals(2, onFx(() -> robot.lookup(".label").queryAll().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText())
                .filter(text -> text != null && text.startsWith("Client class ")).count()));
    }

    /** A double-click on a box asks the main window to show it in its pattern panel. */
    @Test
    void aDoubleClickOnABoxOpensItsPatternPanel() throws Exception {
        List<String> opened = new java.util.ArrayList<>();
        onFx(() -> {
            window.editor().load(dev.scalelab.world.network.Pipeline.drawn(dev.scalelab.world.Presets.load("default")));
            window.view().fit();
            window.setConfirmOpenInMain(panel -> true);
            window.setOpenInMain((scenario, panel) -> opened.add(panel + " " + scenario.service().instances()));
            return null;
        });
        onFx(() -> {
            javafx.geometry.Point2D c = window.view().localToScene(window.view().nodeCenter("service"));
            window.view().fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, c.getX(), c.getY(),
                    0, 0, javafx.scene.input.MouseButton.PRIMARY, 2, false, false, false, false, true, false, false, true, false,
                    true, null));
            return null;
        });
        assertEquals(List.of("Scaling " + dev.scalelab.world.Presets.load("default").service().instances()), opened);
    }

    @Test
    void whatIsSavedOpensAsTheSameScenarioAndUnsavedWorkIsAskedAbout(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gateway.json");
        onFx(() -> {
            window.editor().load(DesignExamples.apiGateway().scenario());
            window.editor().addNode(NodeKind.QUEUE, 900, 300);
            window.files().saveDialog = chooser -> file.toFile();
            return null;
        });
        assertTrue(onFx(() -> window.editor().isModified()));
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        assertTrue(Files.exists(file));
        assertFalse(onFx(() -> window.editor().isModified()));
        Topology saved = onFx(() -> window.editor().topology());
        assertEquals(saved, ScenarioFiles.read(file).topology());

        onFx(() -> {
            window.editor().addNode(NodeKind.CACHE, 0, 0);
            window.files().askUnsaved = doing -> Optional.of(ButtonType.CANCEL);
            window.files().newDesign();
            return null;
        });
        assertEquals(9, ids().size(), "Cancel keeps the unsaved design");
        onFx(() -> {
            window.files().askUnsaved = doing -> Optional.of(DesignFiles.DISCARD);
            window.files().newDesign();
            return null;
        });
        assertEquals(0, ids().size());
        assertTrue(onFx(() -> window.openFile(file)));
        assertEquals(saved, onFx(() -> window.editor().topology()));
        assertEquals("Design canvas — gateway.json", onFx(() -> window.stage().getTitle()));
    }

    @Test
    void aMermaidFlowchartIsImportedWithTheKindsTheUserConfirms() throws Exception {
        MermaidImportDialog dialog = onFx(() -> {
            MermaidImportDialog d = new MermaidImportDialog(window.stage(), window::imported);
            d.textArea().setText("flowchart LR\n  web([Users]) --> api[Orders]\n  api --> store[Orders store]\n");
            d.show();
            return d;
        });
        robot.clickOn("#mermaidRead");
        @SuppressWarnings("unchecked")
        ComboBox<NodeKind> store = onFx(() -> (ComboBox<NodeKind>) dialog.stage().getScene().lookup("#mermaidKind-store"));
        assertNotNull(store);
        NodeKind guessed = onFx(store::getValue);
        onFx(() -> {
            store.setValue(NodeKind.DATABASE);
            return null;
        });
        robot.clickOn("#mermaidConfirm");
        assertEquals(List.of("web", "api", "store"), ids());
        assertEquals(NodeKind.DATABASE, onFx(() -> window.editor().topology().node("store").nodeKind()),
                "the user's choice, whatever was guessed (" + guessed + ")");
        assertEquals(List.of("web→api sync", "api→store sync"), edges());
        robot.clickOn("#designUndo");
        assertEquals(List.of(), ids(), "the import is one step");
    }

    @Test
    void theRunIsBlockedByProblemsShowsLiveFiguresAndAnEditStopsIt() throws Exception {
        assertTrue(onFx(() -> robot.lookup("#designRun").queryAs(Button.class).isDisabled()), "an empty design cannot run");
        onFx(() -> {
            window.editor().load(DesignExamples.apiGateway().scenario());
            return null;
        });
        assertFalse(onFx(() -> robot.lookup("#designRun").queryAs(Button.class).isDisabled()));
        robot.clickOn("#designRun");
        FxWait.waitUntil(() -> onFx(() -> window.view().live != null && window.view().live.timeSeconds() > 1), TIMEOUT_SECONDS);
        String clock = onFx(() -> robot.lookup("#designClock").queryLabeled().getText());
        assertTrue(clock.startsWith("t = "), clock);
        NodeState service = onFx(() -> window.view().live.nodes().get(3));
        assertEquals("service-1", service.id());
        assertTrue(service.utilisation() > 0 && service.utilisation() < 1, "ρ " + service.utilisation());
        assertTrue(DesignPainter.figures(service).startsWith("ρ 0."), DesignPainter.figures(service));

        robot.clickOn("#designPause");
        assertTrue(onFx(() -> window.run().current().paused()));
        onFx(() -> window.editor().addNode(NodeKind.QUEUE, 0, 600));
        assertEquals(null, onFx(() -> window.run().current()), "the edit stopped the run");
        assertTrue(status().startsWith("The design changed"), status());
        assertTrue(onFx(() -> robot.lookup("#designRun").queryAs(Button.class).isDisabled()), "the queue has no consumer yet");
    }

    /**
     * An edit of a running service's instances in the inspector goes on in the run: the run is the same
     * one, the status says what changed and when, and the service's ready instances reach the new
     * count once the new ones have provisioned and booted.
     */
    /** A running topic's partitions raised in the editor go on live: its group rebalances onto them; fewer stop the run. */
    @Test
    void aRunningTopicsPartitionsGrowLive() throws Exception {
        String design = java.nio.file.Files.readString(java.nio.file.Path.of("docs/designs/live-scores.json"));
        onFx(() -> {
            window.editor().load(ScenarioFiles.parse(design));
            window.view().fit();
            return null;
        });
        robot.clickOn("#designRun");
        FxWait.waitUntil(() -> onFx(() -> window.view().live != null && window.view().live.timeSeconds() > 1), TIMEOUT_SECONDS);
        dev.scalelab.runtime.DesignRun running = onFx(() -> window.run().current());
        onFx(() -> window.editor().setField("topology.nodes[2].topic.partitions", 12));
        FxWait.waitUntil(() -> status().startsWith("scores: topic.partitions 8 → 12 at t = "), TIMEOUT_SECONDS);
        assertTrue(onFx(() -> window.run().current()) == running, "the edit did not stop the run");
        FxWait.waitUntil(() -> onFx(() -> running.latest().decisions().stream()
                .anyMatch(d -> d.contains("scores: 8 -> 12 partitions"))), TIMEOUT_SECONDS);
        onFx(() -> window.editor().setField("topology.nodes[2].topic.partitions", 4));
        assertEquals(null, onFx(() -> window.run().current()), "fewer partitions stopped the run");
        assertTrue(status().contains("a topic's partitions only grow (Kafka deletes none)"), status());
    }

    @Test
    void editingARunningServicesInstancesChangesThemLive() throws Exception {
        onFx(() -> {
            window.editor().load(DesignExamples.apiGateway().scenario());
            window.view().fit();
            return null;
        });
        robot.clickOn("#designRun");
        FxWait.waitUntil(() -> onFx(() -> window.view().live != null && window.view().live.timeSeconds() > 1), TIMEOUT_SECONDS);
        dev.scalelab.runtime.DesignRun running = onFx(() -> window.run().current());
        int before = onFx(() -> window.editor().topology().node("service-1").service().instances());
        int after = before + 2;
        robot.clickOn(point(() -> window.view().nodeCenter("service-1")));
        // While it runs, the selected box's trends push the inspector below the window's edge in the test's small
        // window (a click there lands on the insights list): the field gets its text and Enter as typing would.
        enter("#serviceInstancesField", Integer.toString(after));
        assertEquals(after, onFx(() -> window.editor().topology().node("service-1").service().instances()));
        FxWait.waitUntil(() -> status().startsWith("service-1: service.instances"), TIMEOUT_SECONDS);
        assertTrue(status().matches("service-1: service\\.instances " + before + " → " + after + " at t = \\d+\\.\\d s"), status());
        assertTrue(onFx(() -> window.run().current()) == running, "the edit did not stop the run");
        onFx(() -> {
            running.setSpeed(100);
            return null;
        });
        FxWait.waitUntil(() -> onFx(() -> running.latest().nodes().get(3).instances() == after || running.finished()), TIMEOUT_SECONDS);
        assertEquals(after, onFx(() -> running.latest().nodes().get(3).instances()));

        // Undo is one more edit, applied live too.
        robot.clickOn("#designUndo");
        FxWait.waitUntil(() -> status().startsWith("service-1: service.instances " + after + " → " + before), TIMEOUT_SECONDS);
        assertTrue(onFx(() -> window.run().current()) == running, "the undo did not stop the run");
        // A field that cannot change live stops the run, and the status says which and why.
        onFx(() -> window.editor().setField("topology.nodes[0].workload.keys.count", 20));
        assertEquals(null, onFx(() -> window.run().current()), "the non-live edit stopped the run");
        assertTrue(status().startsWith("The design changed, so the run stopped (nodes.clients-1.workload.keys.count could not "
                + "change live: cannot change while the run goes on"), status());
    }

    @Test
    void theExportsWriteMermaidThatReadsBackAPngOfTheCanvasAndAnSvg(@TempDir Path dir) throws Exception {
        onFx(() -> {
            window.editor().load(DesignExamples.apiGateway().scenario());
            window.view().fit();
            return null;
        });
        for (String name : List.of("gateway.mmd", "gateway.png", "gateway.svg")) {
            onFx(() -> {
                window.files().saveDialog = chooser -> dir.resolve(name).toFile();
                switch (name.substring(name.indexOf('.') + 1)) {
                    case "mmd" -> window.files().exportMermaid();
                    case "png" -> window.files().exportPng(window.view().snapshot(null, null));
                    default -> window.files().exportSvg();
                }
                return null;
            });
            assertTrue(status().startsWith("Exported " + name), status());
        }
        Design back = dev.scalelab.design.Mermaid.parse(Files.readString(dir.resolve("gateway.mmd"))).toDesign(java.util.Map.of()).design();
        assertEquals(onFx(() -> window.editor().design().edges()), back.edges(), "the Mermaid export reads back to the same edges");
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(dir.resolve("gateway.png").toFile());
        assertEquals((int) Math.round(onFx(() -> window.view().getWidth())), png.getWidth());
        assertTrue(Files.readString(dir.resolve("gateway.svg")).startsWith("<?xml"));
    }

    private void enter(String field, String text) throws Exception {
        onFx(() -> {
            javafx.scene.control.TextField f = robot.lookup(field).queryAs(javafx.scene.control.TextField.class);
            f.setText(text);
            f.fireEvent(new javafx.event.ActionEvent());
            return null;
        });
    }

    private void drag(Point2D from, Point2D to) {
        robot.drag(from, MouseButton.PRIMARY).moveTo(from.midpoint(to)).moveTo(to).release(MouseButton.PRIMARY);
    }

    private Point2D port(String id) throws Exception {
        return point(() -> window.view().portOf(id));
    }

    private Point2D centre(String id) throws Exception {
        return point(() -> window.view().nodeCenter(id));
    }

    private Point2D point(Callable<Point2D> inView) throws Exception {
        return onFx(() -> window.view().localToScreen(inView.call()));
    }

    private List<String> ids() throws Exception {
        return onFx(() -> window.editor().topology().nodes().stream().map(Topology.Node::id).toList());
    }

    private List<String> edges() throws Exception {
        return onFx(() -> window.editor().topology().edges().stream().map(e -> e.from() + "→" + e.to() + " " + e.mode()).toList());
    }

    private String status() throws Exception {
        return onFx(() -> window.statusLine().getText());
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, TIMEOUT_SECONDS);
    }
}
