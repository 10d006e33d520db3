package dev.scalelab.ui.canvas;

import dev.scalelab.design.DesignCheck;
import dev.scalelab.design.NodeKind;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Topology;
import javafx.stage.Stage;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The canvas's way to the pattern panels: a box double-clicked is shown in the panel of its kind in
 * the main window, whose run starts over on the drawing (as its sections) once the user agrees. The
 * panels show the pipeline's shape, so a drawing of another shape is told which part keeps it from
 * them. FX thread only.
 */
final class DesignPanels {
    private final DesignEditor editor;
    private final Stage stage;
    private final BiConsumer<String, Boolean> say;
    /** Runs a drawing in the main window and shows a panel there; null when this canvas has no main window. */
    BiConsumer<Scenario, String> openInMain;
    /** Asks whether the main window's run may start over on the drawing (told the panel's title). */
    Function<String, Boolean> confirm = this::ask;

    DesignPanels(DesignEditor editor, Stage stage, BiConsumer<String, Boolean> say) {
        this.editor = editor;
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
     * A box double-clicked: its pattern panel in the main window shows it, once the main window runs
     * the drawing. The panels show the pipeline's shape, so a drawing of another shape says why not.
     */
    void open(String id) {
        Topology.Node n = editor.topology().node(id);
        if (n == null || openInMain == null) {
            return;
        }
        String panel = panelOf(n.nodeKind());
        List<DesignCheck.Problem> problems = DesignCheck.problems(editor.design());
        if (!problems.isEmpty()) {
            say.accept("Cannot open " + id + " in the " + panel + " panel: " + problems.get(0).message(), true);
            return;
        }
        dev.scalelab.world.network.Pipeline.Lowering lowered = dev.scalelab.world.network.Pipeline.lowering(editor.scenario());
        if (lowered.scenario() == null) {
            say.accept("The " + panel + " panel shows a system of the pipeline's shape (" + dev.scalelab.world.network.Pipeline.SHAPE
                    + "), and this drawing is not: " + lowered.whyNot() + ". Run it here: " + id + "'s figures over the run show above the "
                    + "inspector, its decisions below, and a right-click gives its faults.", true);
            return;
        }
        if (!confirm.apply(panel)) {
            return;
        }
        openInMain.accept(lowered.scenario(), panel);
        say.accept("The main window runs this drawing; its " + panel + " panel shows " + id + ".", false);
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
