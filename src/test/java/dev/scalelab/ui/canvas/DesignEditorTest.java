package dev.scalelab.ui.canvas;

import dev.scalelab.design.Connections;
import dev.scalelab.design.Design;
import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.design.Traffic;
import dev.scalelab.world.ScenarioFields;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canvas's document: every edit one undo step, refusals change nothing, copies take fresh ids. */
class DesignEditorTest {

    @Test
    void everyEditIsOneStepThatUndoTakesBackAndRedoDoesAgain() {
        DesignEditor e = new DesignEditor();
        String clients = e.addNode(NodeKind.CLIENTS, 40, 40);
        String service = e.addNode(NodeKind.SERVICE, 300, 40);
        assertNull(e.connect(clients, service));
        e.move(List.of(service), 16, -8);
        assertEquals(List.of(316.0, 32.0), e.topology().node(service).position());
        Topology four = e.topology();

        e.undo();
        assertEquals(List.of(300.0, 40.0), e.topology().node(service).position(), "the whole drag is one step");
        e.undo();
        assertEquals(0, e.topology().edges().size());
        e.undo();
        assertEquals(List.of("clients-1"), ids(e));
        e.undo();
        assertEquals(List.of(), ids(e));
        assertFalse(e.canUndo());
        e.redo();
        e.redo();
        e.redo();
        e.redo();
        assertEquals(four, e.topology());
        assertFalse(e.canRedo());
    }

    @Test
    void aNewEditAfterUndoDropsWhatCouldHaveBeenRedone() {
        DesignEditor e = new DesignEditor();
        e.addNode(NodeKind.CLIENTS, 0, 0);
        e.addNode(NodeKind.SERVICE, 0, 0);
        e.undo();
        assertTrue(e.canRedo());
        e.addNode(NodeKind.CACHE, 0, 0);
        assertFalse(e.canRedo());
        assertEquals(List.of("clients-1", "cache-1"), ids(e));
    }

    @Test
    void aRefusedEdgeChangesNothingAndSaysWhyInConnectionsWords() {
        DesignEditor e = new DesignEditor();
        String clients = e.addNode(NodeKind.CLIENTS, 0, 0);
        String db = e.addNode(NodeKind.DATABASE, 0, 0);
        Topology before = e.topology();
        String refusal = e.connect(db, clients);
        assertEquals(Connections.refusal(before.design(), Design.Edge.of(db, clients, EdgeMode.SYNC)), refusal);
        assertTrue(refusal.startsWith("a database answers the queries it is sent"), refusal);
        assertEquals(before, e.topology());
        e.undo();
        assertEquals(List.of("clients-1"), ids(e), "the refusal was no step: undo takes back the database");
    }

    @Test
    void anEdgeTakesTheModeItsEndsNeed() {
        DesignEditor e = new DesignEditor();
        String service = e.addNode(NodeKind.SERVICE, 0, 0);
        String queue = e.addNode(NodeKind.QUEUE, 0, 0);
        String worker = e.addNode(NodeKind.SERVICE, 0, 0);
        assertNull(e.connect(service, queue));
        assertNull(e.connect(queue, worker));
        assertEquals(List.of("async", "async"), e.topology().edges().stream().map(Topology.Edge::mode).toList());
        assertEquals(1, e.selectedEdge(), "the new edge is selected");
        String refusal = e.setEdgeKind(1, EdgeMode.SYNC, Traffic.ALL);
        assertTrue(refusal.contains("must be async"), refusal);
        assertEquals("async", e.topology().edges().get(1).mode());
    }

    @Test
    void copyAndPasteGiveFreshIdsKeepSectionsAndTheEdgesBetweenTheCopies() {
        DesignEditor e = new DesignEditor();
        String service = e.addNode(NodeKind.SERVICE, 100, 100);
        String cache = e.addNode(NodeKind.CACHE, 400, 100);
        assertNull(e.connect(service, cache));
        assertNull(e.setField("topology.nodes[0].service.instances", 7));
        e.select(List.of(service, cache));
        e.copy();
        e.paste();
        assertEquals(List.of("service-1", "cache-1", "service-2", "cache-2"), ids(e));
        assertEquals(Set.of("service-2", "cache-2"), e.selectedNodes());
        assertEquals(7, ScenarioFields.read(e.scenario(), "topology.nodes[2].service.instances"));
        assertEquals(List.of(132.0, 132.0), e.topology().node("service-2").position());
        assertEquals("service-2", e.topology().edges().get(1).from());
        assertEquals("cache-2", e.topology().edges().get(1).to());
        e.paste();
        assertEquals(List.of(164.0, 164.0), e.topology().node("service-3").position(), "a second paste lands a step further");
        e.undo();
        e.undo();
        assertEquals(List.of("service-1", "cache-1"), ids(e), "each paste is one step");
    }

    @Test
    void duplicateCopiesTheSelectionBesideItWithoutTouchingTheClipboard() {
        DesignEditor e = new DesignEditor();
        String clients = e.addNode(NodeKind.CLIENTS, 0, 0);
        e.select(List.of(clients));
        e.copy();
        String db = e.addNode(NodeKind.DATABASE, 200, 0);
        e.select(List.of(db));
        e.duplicate();
        assertEquals(List.of("clients-1", "database-1", "database-2"), ids(e));
        e.paste();
        assertEquals("clients-2", ids(e).get(3), "the clipboard still holds the clients");
    }

    @Test
    void deleteRemovesTheNodesWithTheirEdgesAsOneStep() {
        DesignEditor e = DesignExamples.apiGateway();
        int edges = e.topology().edges().size();
        e.select(List.of("service-1"));
        e.deleteSelection();
        assertEquals(6, e.topology().nodes().size());
        assertEquals(edges - 3, e.topology().edges().size(), "balancer→service, service→cache and service→external go");
        e.undo();
        assertEquals(7, e.topology().nodes().size());
        assertEquals(edges, e.topology().edges().size());
    }

    @Test
    void renamingANodeRenamesItsEdgesAndABadNameIsRefusedNamingTheField() {
        DesignEditor e = DesignExamples.apiGateway();
        assertNull(e.rename("service-1", "orders"));
        assertEquals(2, e.topology().edges().stream().filter(x -> x.from().equals("orders")).count());
        assertEquals(1, e.topology().edges().stream().filter(x -> x.to().equals("orders")).count());
        assertEquals("id: the design already has a node cache-1", e.rename("orders", "cache-1"));
        assertTrue(e.rename("orders", "1st").startsWith("id: \"1st\" must start with a letter"));
    }

    @Test
    void autoLayoutPutsEachNodeInTheColumnOfItsLongestPath() {
        DesignEditor e = DesignExamples.apiGateway();
        e.move(List.of("clients-1"), 500, 300);
        e.autoLayout();
        double pitch = DesignEditor.COLUMN_PITCH;
        assertEquals(DesignEditor.MARGIN, x(e, "clients-1"));
        assertEquals(DesignEditor.MARGIN + pitch, x(e, "gateway-1"));
        assertEquals(DesignEditor.MARGIN + 3 * pitch, x(e, "service-1"));
        assertEquals(DesignEditor.MARGIN + 4 * pitch, x(e, "cache-1"));
        assertEquals(DesignEditor.MARGIN + 4 * pitch, x(e, "external-1"));
        assertEquals(DesignEditor.MARGIN + 5 * pitch, x(e, "database-1"));
        assertEquals(DesignEditor.ROW_PITCH, y(e, "external-1") - y(e, "cache-1"), 1e-9);
        e.undo();
        assertEquals(DesignEditor.MARGIN + 500, x(e, "clients-1"));
    }

    @Test
    void aFieldOfTheNodesSectionIsSetAndAConflictIsRefused() {
        DesignEditor e = DesignExamples.apiGateway();
        assertNull(e.setField("topology.nodes[3].autoscaler.maxReplicas", 8));
        assertEquals(8, ScenarioFields.read(e.scenario(), "topology.nodes[3].autoscaler.maxReplicas"));
        Topology before = e.topology();
        String refusal = e.setField("topology.nodes[3].autoscaler.minReplicas", 10);
        assertTrue(refusal != null && refusal.contains("minReplicas"), refusal);
        assertEquals(before, e.topology());
        assertTrue(e.isModified());
    }

    @Test
    void whatIsSavedReadsBackAsTheSameScenario() {
        DesignEditor e = DesignExamples.apiGateway();
        assertEquals(e.scenario(), ScenarioFiles.parse(ScenarioFiles.write(e.scenario())));
    }

    private static List<String> ids(DesignEditor e) {
        return e.topology().nodes().stream().map(Topology.Node::id).toList();
    }

    private static double x(DesignEditor e, String id) {
        return e.topology().node(id).position().get(0);
    }

    private static double y(DesignEditor e, String id) {
        return e.topology().node(id).position().get(1);
    }
}
