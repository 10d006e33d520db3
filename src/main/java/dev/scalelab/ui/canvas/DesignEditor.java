package dev.scalelab.ui.canvas;

import dev.scalelab.design.Connections;
import dev.scalelab.design.Design;
import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.LayeredLayout;
import dev.scalelab.design.NodeKind;
import dev.scalelab.design.Traffic;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFields;
import dev.scalelab.world.Topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The design canvas's document: a scenario whose topology the user draws, with its selection, a
 * clipboard and its history. The scenario is immutable, so the history is a list of values: every
 * edit (an added node, a drag, a field) pushes the value before it, and undo swaps back. An edit that
 * makes no sense changes nothing and returns the reason, to show in the status line.
 *
 * <p>Free of JavaFX so that it is tested as plain code; the window calls it on the FX thread only.
 */
public final class DesignEditor {
    /** A node box's size in canvas units: room for a glyph, a label of about 18 characters and a zone tag. */
    public static final double NODE_WIDTH = 176;
    public static final double NODE_HEIGHT = 64;
    /** The layout's pitch between columns and rows, in canvas units. */
    static final double COLUMN_PITCH = NODE_WIDTH + 80;
    static final double ROW_PITCH = NODE_HEIGHT + 44;
    static final double MARGIN = 40;
    /** How far a pasted copy sits from what was copied, so that both are seen. */
    static final double PASTE_OFFSET = 32;
    /** Steps kept; a long session drops the oldest. */
    static final int HISTORY_STEPS = 500;

    private Scenario scenario;
    /** The scenario as last opened or saved: anything else is unsaved work. */
    private Scenario saved;
    private final Deque<Scenario> undo = new ArrayDeque<>();
    private final Deque<Scenario> redo = new ArrayDeque<>();
    private final Set<String> selectedNodes = new LinkedHashSet<>();
    private int selectedEdge = -1;
    private List<Topology.Node> clipboardNodes = List.of();
    private List<Topology.Edge> clipboardEdges = List.of();
    private final List<Runnable> listeners = new ArrayList<>();
    private long revision;

    /** An editor of an empty design on the default scenario. */
    public DesignEditor() {
        this(Scenario.DEFAULT.withTopology(Topology.DEFAULT));
    }

    public DesignEditor(Scenario start) {
        scenario = withTopology(start);
        saved = scenario;
    }

    private static Scenario withTopology(Scenario s) {
        return s.topology() == null ? s.withTopology(Topology.DEFAULT) : s;
    }

    /** Called after every change of the design or the selection. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        revision++;
        for (Runnable r : List.copyOf(listeners)) {
            r.run();
        }
    }

    /** Counts changes, so a view redraws only when it moved. */
    public long revision() {
        return revision;
    }

    public Scenario scenario() {
        return scenario;
    }

    public Topology topology() {
        return scenario.topology();
    }

    public Design design() {
        return topology().design();
    }

    /** Starts over on {@code s} (a file opened, a new design): no history, nothing unsaved. */
    public void load(Scenario s) {
        scenario = withTopology(s);
        saved = scenario;
        undo.clear();
        redo.clear();
        selectedNodes.clear();
        selectedEdge = -1;
        changed();
    }

    /** The design as it is now was saved. */
    public void markSaved() {
        saved = scenario;
        changed();
    }

    /** Whether the design differs from the file it came from (or from nothing). */
    public boolean isModified() {
        return !scenario.equals(saved);
    }

    // ---------------------------------------------------------------- history

    private void apply(Topology next) {
        apply(scenario.withTopology(next));
    }

    private void apply(Scenario next) {
        if (next.equals(scenario)) {
            return;
        }
        undo.push(scenario);
        if (undo.size() > HISTORY_STEPS) {
            undo.removeLast();
        }
        redo.clear();
        scenario = next;
        keepSelectionValid();
        changed();
    }

    /** Replaces the whole design with {@code planned} (the capacity planner's): one step, undone as one. */
    public void applyWhole(Scenario planned) {
        apply(planned);
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        redo.push(scenario);
        scenario = undo.pop();
        keepSelectionValid();
        changed();
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        undo.push(scenario);
        scenario = redo.pop();
        keepSelectionValid();
        changed();
    }

    private void keepSelectionValid() {
        selectedNodes.removeIf(id -> topology().node(id) == null);
        if (selectedEdge >= topology().edges().size()) {
            selectedEdge = -1;
        }
    }

    // ---------------------------------------------------------------- selection

    public Set<String> selectedNodes() {
        return Set.copyOf(selectedNodes);
    }

    /** The one selected node, or null when none or several are. */
    public String selectedNode() {
        return selectedNodes.size() == 1 ? selectedNodes.iterator().next() : null;
    }

    /** The index of the selected edge in the topology, or -1. */
    public int selectedEdge() {
        return selectedEdge;
    }

    public void select(Collection<String> ids) {
        selectedNodes.clear();
        selectedNodes.addAll(ids);
        selectedEdge = -1;
        changed();
    }

    public void toggle(String id) {
        if (!selectedNodes.remove(id)) {
            selectedNodes.add(id);
        }
        selectedEdge = -1;
        changed();
    }

    public void selectEdge(int index) {
        selectedNodes.clear();
        selectedEdge = index;
        changed();
    }

    public void clearSelection() {
        select(List.of());
    }

    // ---------------------------------------------------------------- edits

    /** Adds a node of {@code kind} with its box's top-left corner at (x, y); selects it and returns its id. */
    public String addNode(NodeKind kind, double x, double y) {
        String id = design().freshId(kind);
        List<Topology.Node> nodes = new ArrayList<>(topology().nodes());
        nodes.add(Topology.Node.of(id, kind).withPosition(Math.round(x), Math.round(y)));
        selectedNodes.clear();
        selectedNodes.add(id);
        selectedEdge = -1;
        apply(redrawn(nodes, topology().edges()));
        return id;
    }

    /**
     * Connects {@code from} to {@code to} in the mode such a pair takes ({@link Connections#defaultMode});
     * returns null, or the reason it makes no sense ({@link Connections#refusal}) and changes nothing.
     */
    public String connect(String from, String to) {
        Design d = design();
        if (d.node(from) == null || d.node(to) == null) {
            return "there is no node " + (d.node(from) == null ? from : to) + " in the design";
        }
        EdgeMode mode = Connections.defaultMode(d.node(from).kind(), d.node(to).kind());
        String refusal = Connections.refusal(d, Design.Edge.of(from, to, mode));
        if (refusal != null) {
            return refusal;
        }
        List<Topology.Edge> edges = new ArrayList<>(topology().edges());
        edges.add(Topology.Edge.of(from, to, mode));
        selectedNodes.clear();
        selectedEdge = edges.size() - 1;
        apply(redrawn(topology().nodes(), edges));
        return null;
    }

    /** Moves the nodes {@code ids} by (dx, dy) canvas units, as one step (a whole drag). */
    public void move(Collection<String> ids, double dx, double dy) {
        if (dx == 0 && dy == 0) {
            return;
        }
        Map<String, double[]> at = DesignGeometry.positions(topology());
        List<Topology.Node> nodes = new ArrayList<>();
        for (Topology.Node n : topology().nodes()) {
            double[] p = at.get(n.id());
            nodes.add(ids.contains(n.id()) ? n.withPosition(Math.round(p[0] + dx), Math.round(p[1] + dy)) : n);
        }
        apply(redrawn(nodes, topology().edges()));
    }

    /** Removes the selected nodes (with their edges) or the selected edge, as one step. */
    public void deleteSelection() {
        if (selectedEdge >= 0) {
            List<Topology.Edge> edges = new ArrayList<>(topology().edges());
            edges.remove(selectedEdge);
            selectedEdge = -1;
            apply(redrawn(topology().nodes(), edges));
            return;
        }
        if (selectedNodes.isEmpty()) {
            return;
        }
        Set<String> gone = Set.copyOf(selectedNodes);
        selectedNodes.clear();
        apply(redrawn(topology().nodes().stream().filter(n -> !gone.contains(n.id())).toList(),
                topology().edges().stream().filter(e -> !gone.contains(e.from()) && !gone.contains(e.to())).toList()));
    }

    /**
     * Sets the field at {@code path} (a path the form checked: {@code topology.nodes[2].service.instances});
     * returns null, or why the value conflicts with another field.
     */
    public String setField(String path, Object value) {
        try {
            apply(ScenarioFields.with(scenario, path, value));
            return null;
        } catch (ScenarioException e) {
            return e.getMessage();
        }
    }

    /** Renames node {@code id}, and the edges that name it; returns null or why the name cannot be used. */
    public String rename(String id, String newId) {
        String name = newId == null ? "" : newId.trim();
        if (name.equals(id)) {
            return null;
        }
        if (!Design.ID.matcher(name).matches()) {
            return "id: " + (name.isEmpty() ? "a node needs an id" : "\"" + name + "\" must start with a letter and hold "
                    + "letters, digits, '_' and '-' (at most 40)");
        }
        if (topology().node(name) != null) {
            return "id: the design already has a node " + name;
        }
        List<Topology.Node> nodes = topology().nodes().stream()
                .map(n -> n.id().equals(id) ? n.with(name, n.kind(), n.label(), n.zone()) : n).toList();
        List<Topology.Edge> edges = topology().edges().stream().map(e -> e.from().equals(id) || e.to().equals(id)
                ? new Topology.Edge(e.from().equals(id) ? name : e.from(), e.to().equals(id) ? name : e.to(), e.weight(),
                e.probability(), e.traffic(), e.mode(), e.timeoutMs(), e.retry(), e.breaker(), e.maxConcurrentCalls()) : e).toList();
        if (selectedNodes.remove(id)) {
            selectedNodes.add(name);
        }
        apply(redrawn(nodes, edges));
        return null;
    }

    /** Changes edge {@code index}'s mode and traffic; returns null, or why the edge would then make no sense. */
    public String setEdgeKind(int index, EdgeMode mode, Traffic traffic) {
        Topology.Edge old = topology().edges().get(index);
        List<Topology.Edge> others = new ArrayList<>(topology().edges());
        others.remove(index);
        Design without = new Topology(topology().nodes(), others).design();
        String refusal = Connections.refusal(without, new Design.Edge(old.from(), old.to(), old.weight(), traffic, mode));
        if (refusal != null) {
            return refusal;
        }
        List<Topology.Edge> edges = new ArrayList<>(topology().edges());
        edges.set(index, new Topology.Edge(old.from(), old.to(), old.weight(), old.probability(), traffic.id(), mode.id(),
                old.timeoutMs(), old.retry(), mode == EdgeMode.SYNC ? old.breaker() : null, old.maxConcurrentCalls()));
        apply(redrawn(topology().nodes(), edges));
        return null;
    }

    /** The topology with these nodes and edges and its own zone settings and outages. */
    private Topology redrawn(List<Topology.Node> nodes, List<Topology.Edge> edges) {
        Topology t = topology();
        return new Topology(nodes, edges, t.crossZoneMs(), t.crossZoneDollarsPerMillion(), t.outages());
    }

    /** Places every node by {@link LayeredLayout}, as one step. */
    public void autoLayout() {
        apply(laidOut(topology()));
    }

    /**
     * {@code t} with every node at its layered place: columns left to right, each column's rows centred
     * on the tallest column so the flow reads as one band.
     */
    static Topology laidOut(Topology t) {
        Map<String, LayeredLayout.Place> places = LayeredLayout.of(t.design());
        Map<Integer, Integer> rowsInColumn = new HashMap<>();
        places.values().forEach(p -> rowsInColumn.merge(p.column(), 1, Integer::sum));
        int tallest = rowsInColumn.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        List<Topology.Node> nodes = new ArrayList<>();
        for (Topology.Node n : t.nodes()) {
            LayeredLayout.Place p = places.get(n.id());
            double shift = (tallest - rowsInColumn.get(p.column())) * ROW_PITCH / 2;
            nodes.add(n.withPosition(MARGIN + p.column() * COLUMN_PITCH, Math.round(MARGIN + shift + p.row() * ROW_PITCH)));
        }
        return new Topology(nodes, t.edges(), t.crossZoneMs(), t.crossZoneDollarsPerMillion(), t.outages());
    }

    /** Redraws the design as {@code t} (an imported diagram), as one step; selects nothing. */
    public void replace(Topology t) {
        selectedNodes.clear();
        selectedEdge = -1;
        apply(t);
    }

    // ---------------------------------------------------------------- clipboard

    /** Copies the selected nodes and the edges between them. */
    public void copy() {
        Set<String> ids = Set.copyOf(selectedNodes);
        clipboardNodes = topology().nodes().stream().filter(n -> ids.contains(n.id())).toList();
        clipboardEdges = topology().edges().stream().filter(e -> ids.contains(e.from()) && ids.contains(e.to())).toList();
    }

    public boolean canPaste() {
        return !clipboardNodes.isEmpty();
    }

    /**
     * Adds a copy of what was copied: each node under a fresh id of its kind, with its section, a little
     * down and right, and the edges between them; selects the copies. One step.
     */
    public void paste() {
        if (clipboardNodes.isEmpty()) {
            return;
        }
        Design growing = design();
        Map<String, double[]> at = DesignGeometry.positions(new Topology(clipboardNodes, List.of()));
        Map<String, String> renamed = new HashMap<>();
        List<Topology.Node> nodes = new ArrayList<>(topology().nodes());
        for (Topology.Node n : clipboardNodes) {
            String id = growing.freshId(n.nodeKind());
            renamed.put(n.id(), id);
            growing = growing.with(new Design.Node(id, n.nodeKind(), "", n.zone()));
            double[] p = at.get(n.id());
            String label = n.label().isEmpty() ? "" : n.label() + " copy";
            nodes.add(n.with(id, n.kind(), label, n.zone()).withPosition(p[0] + PASTE_OFFSET, p[1] + PASTE_OFFSET));
        }
        List<Topology.Edge> edges = new ArrayList<>(topology().edges());
        for (Topology.Edge e : clipboardEdges) {
            edges.add(new Topology.Edge(renamed.get(e.from()), renamed.get(e.to()), e.weight(), e.probability(), e.traffic(),
                    e.mode(), e.timeoutMs(), e.retry(), e.breaker(), e.maxConcurrentCalls()));
        }
        selectedNodes.clear();
        selectedNodes.addAll(renamed.values());
        selectedEdge = -1;
        // The next paste lands a step further, not on top of this one.
        clipboardNodes = clipboardNodes.stream().map(n -> {
            double[] p = at.get(n.id());
            return n.withPosition(p[0] + PASTE_OFFSET, p[1] + PASTE_OFFSET);
        }).toList();
        apply(redrawn(nodes, edges));
    }

    /** Copy and paste in one: the selection's duplicate beside it. */
    public void duplicate() {
        List<Topology.Node> keptNodes = clipboardNodes;
        List<Topology.Edge> keptEdges = clipboardEdges;
        copy();
        paste();
        clipboardNodes = keptNodes;
        clipboardEdges = keptEdges;
    }
}
