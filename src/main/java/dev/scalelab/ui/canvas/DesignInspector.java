package dev.scalelab.ui.canvas;

import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.design.Traffic;
import dev.scalelab.ui.parameters.FormPart;
import dev.scalelab.ui.parameters.ParameterForm;
import dev.scalelab.world.ScenarioFields;
import dev.scalelab.world.Topology;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static dev.scalelab.ui.Tooltips.tooltip;

/**
 * The canvas's inspector, on the right: for the selected node its id, label and zone and every field
 * of its kind's section; for the selected edge its mode and traffic, then its weight, probability,
 * timeout and retry. The fields are rows of the app's generated {@link ParameterForm} over the paths
 * {@code topology.nodes[i].…} and {@code topology.edges[i].…}, so each is checked against its spec
 * and a refused value is named under its row. FX thread only.
 */
final class DesignInspector {
    /** The sections of each kind, as the topology's node record names them. */
    private static final Map<NodeKind, List<String>> SECTIONS = Map.of(
            NodeKind.CLIENTS, List.of("workload"), NodeKind.GATEWAY, List.of("gateway"), NodeKind.CDN, List.of("cdn"),
            NodeKind.BALANCER, List.of("balancer", "zoneAware"), NodeKind.SERVICE,
            List.of("service", "autoscaler", "verticalScaler"),
            NodeKind.CACHE, List.of("cache"), NodeKind.DATABASE, List.of("database"), NodeKind.QUEUE, List.of("queue"),
            NodeKind.TOPIC, List.of("topic"), NodeKind.EXTERNAL, List.of("external"));
    private static final List<String> EDGE_FIELDS = List.of("weight", "probability", "timeoutMs", "retry.maxAttempts",
            "retry.backoff", "retry.initialIntervalMs", "retry.multiplier", "retry.maxIntervalMs", "retry.jitter");

    private final DesignEditor editor;
    private final BiConsumer<String, Boolean> status;
    private final ParameterForm form;
    private final FormPart part;
    /** What the rows were built for: "node:3:service:orders", "edge:2", or "" for nothing selected. */
    private String builtFor = null;
    private final Label idError = new Label();
    private final Label edgeError = new Label();

    DesignInspector(DesignEditor editor, BiConsumer<String, Boolean> status) {
        this.editor = editor;
        this.status = status;
        form = ParameterForm.ofPaths("Inspector", this::send);
        form.node().setId("designInspector");
        part = form.part();
        for (Label error : List.of(idError, edgeError)) {
            error.getStyleClass().add("parameter-error");
            error.setWrapText(true);
        }
        idError.setId("nodeIdError");
        edgeError.setId("edgeKindError");
        editor.onChange(this::refresh);
        refresh();
    }

    Node node() {
        return form.node();
    }

    private void send(String path, Object value) {
        String refusal = editor.setField(path, value);
        if (refusal != null) {
            status.accept(refusal, true);
        }
    }

    /** Rebuilds the rows when the selection moved to another node or edge; else shows the new values. */
    private void refresh() {
        Topology t = editor.topology();
        String node = editor.selectedNode();
        int edge = editor.selectedEdge();
        String key;
        if (node != null) {
            int index = t.nodes().indexOf(t.node(node));
            key = "node:" + index + ":" + t.node(node).kind() + ":" + node + ":" + distributions(index, t.node(node).nodeKind());
        } else if (edge >= 0) {
            // Mode and traffic are combo boxes the generated form does not refresh: a change of either rebuilds the rows.
            key = "edge:" + edge + ":" + t.edges().get(edge).mode() + ":" + t.edges().get(edge).traffic();
        } else {
            key = editor.selectedNodes().isEmpty() ? "" : "several:" + editor.selectedNodes().size();
        }
        if (!key.equals(builtFor)) {
            builtFor = key;
            part.clear();
            if (node != null) {
                buildNode(t.nodes().indexOf(t.node(node)), t.node(node));
            } else if (edge >= 0) {
                buildEdge(edge, t.edges().get(edge));
            } else {
                Label none = new Label(editor.selectedNodes().isEmpty()
                        ? "Select a box or an edge to set its parameters."
                        : editor.selectedNodes().size() + " nodes selected: Delete removes them, Ctrl+D duplicates them.");
                none.setWrapText(true);
                none.getStyleClass().add("design-note");
                part.addNode(none);
            }
        }
        form.update(editor.scenario());
    }

    private void buildNode(int index, Topology.Node n) {
        String prefix = "topology.nodes[" + index + "].";
        part.section(n.nodeKind().label());
        Label about = new Label(n.nodeKind().description().substring(0, 1).toUpperCase() + n.nodeKind().description().substring(1) + ".");
        about.setWrapText(true);
        about.getStyleClass().add("design-note");
        part.addNode(about);
        TextField id = new TextField(n.id());
        id.setId("nodeIdField");
        id.setPrefColumnCount(9);
        id.setTooltip(tooltip("The node's name: unique in the design, used by edges, the report and the timeline. "
                + "Renaming it renames its edges too."));
        id.setOnAction(e -> rename(n.id(), id));
        id.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && !id.getText().equals(n.id())) {
                rename(n.id(), id);
            }
        });
        id.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                id.setText(n.id());
                idError.setText("");
            }
        });
        part.addNode(row("Id", id));
        idError.setText("");
        part.addNode(idError);
        part.add(prefix + "label");
        part.add(prefix + "zone");
        String group = null;
        List<String> paths = new ArrayList<>();
        for (String path : sectionPaths(n.nodeKind())) {
            if (path.contains("levels[0]")) {
                for (int level = 0; level < n.cache().levels().size(); level++) {
                    paths.add(path.replace("levels[0]", "levels[" + level + "]"));
                }
            } else if (path.contains("workload.clients[0]")) {
                // The node's client classes, each its own group (the file adds or removes them).
                for (int c = 0; c < n.workload().clients().size(); c++) {
                    paths.add(path.replace("clients[0]", "clients[" + c + "]"));
                }
            } else if (!path.substring("topology.nodes[0].".length()).contains("[")) {
                paths.add(path);
            }
        }
        // One heading per group: a section's own fields together, then each part of it (its service time, a cache level).
        Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
        for (String path : paths) {
            groups.computeIfAbsent(path.substring(0, path.lastIndexOf('.')), g -> new ArrayList<>()).add(path);
        }
        paths.clear();
        groups.values().forEach(paths::addAll);
        for (String path : paths) {
            String inNode = path.substring("topology.nodes[0].".length());
            if (!distributionUses(prefix + inNode) || !conditionHolds(prefix + inNode)) {
                continue;
            }
            String parent = inNode.contains(".") ? inNode.substring(0, inNode.lastIndexOf('.')) : "";
            if (!parent.equals(group)) {
                group = parent;
                if (!parent.isEmpty()) {
                    part.section(words(parent));
                }
            }
            part.add(prefix + inNode);
        }
    }

    private void rename(String old, TextField id) {
        String refusal = editor.rename(old, id.getText());
        idError.setText(refusal == null ? "" : refusal);
        if (refusal != null) {
            status.accept(refusal, true);
        }
    }

    private void buildEdge(int index, Topology.Edge e) {
        String prefix = "topology.edges[" + index + "].";
        part.section("Edge " + e.from() + " → " + e.to());
        ComboBox<String> mode = choice("edgeModeChoice", e.mode(), "sync: the caller's worker waits for the answer; forward: "
                + "the request is handed on and the worker is free; async: a message is published and the caller goes on.",
                EdgeMode.SYNC.id(), EdgeMode.FORWARD.id(), EdgeMode.ASYNC.id());
        ComboBox<String> traffic = choice("edgeTrafficChoice", e.traffic(), "Which requests it carries.",
                Traffic.ALL.id(), Traffic.READS.id(), Traffic.WRITES.id());
        Runnable apply = () -> {
            String refusal = editor.setEdgeKind(index, EdgeMode.byId(mode.getValue()), Traffic.byId(traffic.getValue()));
            edgeError.setText(refusal == null ? "" : "Refused: " + refusal + ".");
            if (refusal != null) {
                mode.setValue(editor.topology().edges().get(index).mode());
                traffic.setValue(editor.topology().edges().get(index).traffic());
                status.accept("Not changed: " + refusal + ".", true);
            }
        };
        mode.setOnAction(ev -> apply.run());
        traffic.setOnAction(ev -> apply.run());
        part.addNode(row("Mode", mode));
        part.addNode(row("Traffic", traffic));
        edgeError.setText("");
        part.addNode(edgeError);
        for (String field : EDGE_FIELDS) {
            if (field.equals("weight") || field.equals("probability") || e.edgeMode() == EdgeMode.SYNC) {
                part.add(prefix + field);
            }
        }
    }

    /**
     * Whether a field of a distribution (its mean, p99, min, max or shape) is one its kind takes, as the
     * scenario file writes them: a lognormal has a mean and a p99, a uniform a min and a max, a Pareto a
     * mean and a shape. Other fields always are.
     */
    private boolean distributionUses(String path) {
        String parent = path.substring(0, path.lastIndexOf('.'));
        String name = path.substring(path.lastIndexOf('.') + 1);
        Object kind;
        try {
            kind = name.equals("distribution") ? null : ScenarioFields.read(editor.scenario(), parent + ".distribution");
        } catch (dev.scalelab.world.ScenarioException e) {
            return true; // not a distribution's field
        }
        if (!(kind instanceof String k)
                || !ScenarioFields.spec(parent + ".distribution").choices().contains("lognormal")) {
            return true; // not a latency distribution (a key distribution's fields all apply)
        }
        return switch (name) {
            case "meanMs" -> !k.equals("uniform");
            case "p99Ms" -> k.equals("lognormal");
            case "minMs", "maxMs" -> k.equals("uniform");
            default -> k.equals("pareto");
        };
    }

    /**
     * Whether a field's condition holds (see {@link dev.scalelab.world.Field#when}: the commit interval
     * only under auto commit): a field the file would neither read nor write is not shown.
     */
    private boolean conditionHolds(String path) {
        String[] when = ScenarioFields.condition(path);
        if (when == null) {
            return true;
        }
        Object value = ScenarioFields.read(editor.scenario(), when[0]);
        return when[1].equals(value instanceof dev.scalelab.sim.HasId id ? id.id() : String.valueOf(value));
    }

    /** The distributions and conditions a node's fields are shown for: another one rebuilds the rows. */
    private String distributions(int index, NodeKind kind) {
        StringBuilder b = new StringBuilder();
        for (String path : sectionPaths(kind)) {
            if (path.substring("topology.nodes[0].".length()).contains("[")) {
                continue;
            }
            String at = path.replace("nodes[0]", "nodes[" + index + "]");
            if (path.endsWith(".distribution")) {
                b.append(ScenarioFields.read(editor.scenario(), at)).append(',');
            }
            String[] when = ScenarioFields.condition(at);
            if (when != null) {
                b.append(ScenarioFields.read(editor.scenario(), when[0])).append(',');
            }
        }
        return b.toString();
    }

    /** Every field path of a node of {@code kind}'s sections, at node 0, in file order. */
    static List<String> sectionPaths(NodeKind kind) {
        List<String> out = new ArrayList<>();
        for (String path : ScenarioFields.paths()) {
            if (!path.startsWith("topology.nodes[0].")) {
                continue;
            }
            String inNode = path.substring("topology.nodes[0].".length());
            for (String section : SECTIONS.get(kind)) {
                if (inNode.equals(section) || inNode.startsWith(section + ".")) {
                    out.add(path);
                }
            }
        }
        return out;
    }

    /** "service.serviceTime" → "Service time". */
    private static String words(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        if (last.startsWith("levels[")) {
            return "Level L" + (Integer.parseInt(last.substring(7, last.length() - 1)) + 1);
        }
        if (last.startsWith("clients[")) {
            return "Client class " + (Integer.parseInt(last.substring(8, last.length() - 1)) + 1);
        }
        StringBuilder b = new StringBuilder();
        for (char c : last.toCharArray()) {
            b.append(Character.isUpperCase(c) ? " " + Character.toLowerCase(c) : String.valueOf(c));
        }
        return Character.toUpperCase(b.charAt(0)) + b.substring(1);
    }

    private static ComboBox<String> choice(String id, String value, String explanation, String... items) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getStyleClass().add("parameter-choice");
        box.getItems().setAll(items);
        box.setValue(value);
        box.setTooltip(tooltip(explanation));
        return box;
    }

    private static HBox row(String name, Node control) {
        Label label = new Label(name);
        label.getStyleClass().add("parameter-name");
        label.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(label, gap, control);
        row.getStyleClass().add("parameter-input");
        return row;
    }
}
