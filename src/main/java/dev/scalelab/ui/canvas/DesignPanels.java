package dev.scalelab.ui.canvas;

import dev.scalelab.design.DesignCheck;
import dev.scalelab.design.NodeKind;
import dev.scalelab.runtime.DesignRun;
import dev.scalelab.runtime.NodeRun;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Topology;
import javafx.stage.Stage;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The canvas's way to the pattern panels: a box double-clicked is shown in the panel of its kind in
 * the main window, whose run starts over on the drawing (as its sections) once the user agrees. A
 * drawing of another shape is not the main window's: a service, cache box, CDN, database, external API, topic, queue
 * or balancer of it opens in the Scaling, Caching, Database, Resilience, Events or Load balancing panel in a window of
 * its own on the canvas's run, one window per box, several open at once; other boxes are told which part keeps them
 * from the panels. FX thread only.
 */
final class DesignPanels {
    /** The kinds of box that open in their panel in a window of their own, on the canvas's run. */
    static final java.util.Set<NodeKind> OWN_WINDOW = dev.scalelab.runtime.DesignRun.WATCHED;
    private final DesignEditor editor;
    private final Stage stage;
    private final BiConsumer<String, Boolean> say;
    /** Runs a drawing in the main window and shows a panel there; null when this canvas has no main window. */
    BiConsumer<Scenario, String> openInMain;
    /** The canvas's run now, or null while it runs nothing. */
    private final Supplier<DesignRun> run;
    /** The boxes open in windows of their own, by id, in the order opened: one window per box. */
    private final java.util.Map<String, NodePanelWindow> nodeWindows = new java.util.LinkedHashMap<>();
    /** Asks whether the main window's run may start over on the drawing (told the panel's title). */
    Function<String, Boolean> confirm = this::ask;

    DesignPanels(DesignEditor editor, Stage stage, BiConsumer<String, Boolean> say, Supplier<DesignRun> run) {
        this.editor = editor;
        this.run = run;
        this.stage = stage;
        this.say = say;
    }

    /** The pattern panel that shows a box of {@code kind} in full. */
    static String panelOf(NodeKind kind) {
        return switch (kind) {
            case SERVICE -> "Scaling";
            case BALANCER -> "Load balancing";
            case CACHE, CDN -> "Caching";
            case DATABASE -> "Database";
            case EXTERNAL -> "Resilience";
            case QUEUE, TOPIC -> "Events";
            case CLIENTS, GATEWAY -> "Overview";
        };
    }

    /**
     * A box double-clicked: its pattern panel shows it. A drawing of the pipeline's shape runs in the
     * main window (as its sections), whose panel shows the box. A box of {@link #OWN_WINDOW}'s kinds of a
     * drawing of any other shape, while the canvas runs it, opens in its panel in a window of its own on that run
     * ({@link NodePanelWindow}); otherwise the canvas says why not.
     */
    void open(String id) {
        Topology.Node n = editor.topology().node(id);
        if (n == null) {
            return;
        }
        String panel = panelOf(n.nodeKind());
        List<DesignCheck.Problem> problems = DesignCheck.problems(editor.design());
        if (!problems.isEmpty()) {
            if (openInMain != null || n.nodeKind() == NodeKind.SERVICE) {
                say.accept("Cannot open " + id + " in the " + panel + " panel: " + problems.get(0).message(), true);
            }
            return;
        }
        dev.scalelab.world.network.Pipeline.Lowering lowered = dev.scalelab.world.network.Pipeline.lowering(editor.scenario());
        if (lowered.scenario() != null && openInMain != null) {
            if (!confirm.apply(panel)) {
                return;
            }
            openInMain.accept(lowered.scenario(), panel);
            say.accept("The main window runs this drawing; its " + panel + " panel shows " + id + ".", false);
            return;
        }
        DesignRun running = run.get();
        boolean ownWindow = OWN_WINDOW.contains(n.nodeKind());
        if (ownWindow && running != null) {
            openOnRun(id, n.nodeKind(), running);
            return;
        }
        if (openInMain == null && !ownWindow) {
            return;
        }
        String shape = lowered.scenario() != null ? "" : "The " + panel + " panel shows a system of the pipeline's shape ("
                + dev.scalelab.world.network.Pipeline.SHAPE + "), and this drawing is not: " + lowered.whyNot() + ". ";
        say.accept(shape + (ownWindow
                ? "Run the drawing and double-click " + id + " again: its " + panel + " panel opens in a window of its own, on the run."
                : "Run it here: " + id + "'s figures over the run show above the inspector, its decisions below, and a "
                + "right-click gives its faults."), true);
    }

    /**
     * Box {@code id} of the canvas's run in its panel, in a window of its own: a box already open on this
     * run comes to the front; another box opens beside the windows already open. A box's window left from
     * an earlier run gives way to the new one.
     */
    private void openOnRun(String id, NodeKind kind, DesignRun running) {
        String panel = panelOf(kind);
        NodePanelWindow open = nodeWindows.get(id);
        if (open != null && open.stage().isShowing() && open.source().designRun() == running && open.source().watching()) {
            open.stage().toFront();
            return;
        }
        if (open != null) {
            open.close();
            nodeWindows.remove(id);
        }
        NodeRun source;
        try {
            source = new NodeRun(running, id);
        } catch (dev.scalelab.world.ScenarioException e) {
            say.accept("Cannot open " + id + " in the " + panel + " panel: " + e.getMessage(), true);
            return;
        }
        NodePanelWindow window = new NodePanelWindow(stage, source, kind, run);
        // Closed by the user or by the canvas: it leaves the map, and the box's watch ends with it (the others go on).
        window.stage().addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> nodeWindows.remove(id, window));
        nodeWindows.put(id, window);
        window.show();
        say.accept(id + " is open in the " + panel + " panel, in a window of its own, on this run.", false);
    }

    /** The window opened last that is still open, or null. */
    NodePanelWindow nodeWindow() {
        NodePanelWindow last = null;
        for (NodePanelWindow w : nodeWindows.values()) {
            last = w;
        }
        return last;
    }

    /** The window showing box {@code id}, or null. */
    NodePanelWindow nodeWindow(String id) {
        return nodeWindows.get(id);
    }

    /** The windows open, in the order opened. */
    java.util.List<NodePanelWindow> nodeWindows() {
        return java.util.List.copyOf(nodeWindows.values());
    }

    /** Closes every box's window (the canvas closes). */
    void closeNodeWindows() {
        for (NodePanelWindow w : nodeWindows()) {
            w.close();
        }
        nodeWindows.clear();
    }

    private boolean ask(String panel) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "The main window's run starts over on this drawing, and its " + panel + " panel shows the box. "
                        + "Changes made in the main window's run are not kept.",
                javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        a.initOwner(stage);
        a.setHeaderText("Run this drawing in the main window?");
        return a.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
    }
}
