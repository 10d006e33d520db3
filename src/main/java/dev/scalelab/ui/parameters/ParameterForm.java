package dev.scalelab.ui.parameters;

import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import java.util.function.BiConsumer;

/**
 * A parameter pane generated from the fields' specs: each row has the field's name, a field (with
 * an optional slider), a choice or a switch, its unit, a tooltip from its description and a line
 * for a refused value. Sections and action buttons go between rows. Every panel's pane and the
 * Resilience panel's dependency settings are this form. FX thread only.
 *
 * <pre>
 * ParameterForm form = new ParameterForm("Scaling", runner::set);
 * form.section("Autoscaler");
 * form.add(Parameter.of("autoscaler.policy"));
 * form.addRange("Replicas", Parameter.of("autoscaler.minReplicas"), Parameter.of("autoscaler.maxReplicas"),
 *         SliderScale.linear(1, 100, 1));
 * form.add(Parameter.of("autoscaler.targetUtilization"), SliderScale.linear(1, 100, 1));
 * form.button("Kill instance", "Crash an instance ...", () -> ...);
 * Node pane = form.node();             // the right-hand pane
 * form.update(snapshot.current());     // on each new frame
 * </pre>
 */
public final class ParameterForm {
    /**
     * The key under which each row's node properties hold the path of its field (a range row: the list
     * of both paths), so that a lesson can outline the row of a path.
     */
    public static final String PATH_PROPERTY = "scalelab.parameterPath";

    private final VBox list = new VBox();
    private final ScrollPane pane = new ScrollPane(list);
    private final FormPart root;

    /** A form of live parameters; {@code sendToSimulation} receives each checked change, such as {@code runner::set}. */
    public ParameterForm(String title, BiConsumer<Parameter, Object> sendToSimulation) {
        this((path, value) -> sendToSimulation.accept(Parameter.byPath(path), value), title);
    }

    /**
     * A form of any settable fields by path, such as a dependency's ({@code dependencies[0].retry.maxAttempts});
     * {@code sendToSimulation} receives {@code (path, value)}, such as {@code runner::setDependencyField}.
     */
    public static ParameterForm ofPaths(String title, BiConsumer<String, Object> sendToSimulation) {
        return new ParameterForm(sendToSimulation, title);
    }

    private ParameterForm(BiConsumer<String, Object> send, String title) {
        pane.getStyleClass().add("parameter-pane");
        pane.setFitToWidth(true);
        pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        list.getStyleClass().add("parameter-list");
        Label heading = new Label(title);
        heading.getStyleClass().add("pane-title");
        list.getChildren().add(heading);
        root = new FormPart(list, send);
    }

    /** The pane to show on the right of the window. */
    public Node node() {
        return pane;
    }

    public void section(String name) {
        root.section(name);
    }

    /** A row for {@code parameter}: a field for numbers, a choice for choices, a switch for on/off. */
    public FieldViewModel add(Parameter parameter) {
        return root.add(parameter.path());
    }

    /** A row with a slider under the field, on {@code scale} (numbers only). */
    public FieldViewModel add(Parameter parameter, SliderScale scale) {
        return root.add(parameter.path(), scale);
    }

    /** A row with its own label and fx:id base, where a pane has always called a parameter otherwise. */
    public FieldViewModel add(Parameter parameter, SliderScale scale, String label, String idBase) {
        return root.add(parameter.path(), scale, label, idBase);
    }

    /** One row for a lower and an upper bound, with a range slider on {@code scale}. */
    public void addRange(String label, Parameter low, Parameter high, SliderScale scale) {
        root.addRange(label, low.path(), high.path(), scale);
    }

    /** A button for an action, with a tooltip that explains it. */
    public Button button(String text, String explanation, Runnable action) {
        return root.button(text, explanation, action);
    }

    /** Any other node (a row of buttons, a note) in the list. */
    public void addNode(Node node) {
        root.addNode(node);
    }

    /** A part of the form at this place, to fill, empty and fill again, or hide. */
    public FormPart part() {
        return root.part();
    }

    /** Shows the simulation's values; fields the user is editing keep their text. */
    public void update(Scenario current) {
        root.update(current);
    }
}
