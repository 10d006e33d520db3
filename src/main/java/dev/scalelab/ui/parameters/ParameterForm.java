package dev.scalelab.ui.parameters;

import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A panel's parameter pane, built in code from {@link Parameter}s: each row has the parameter's
 * name, a field (or a choice, or a check box), its unit, a tooltip from its description and a
 * line for a refused value, as the Overview's pane. Sections and action buttons go between rows.
 * FX thread only.
 *
 * <pre>
 * ParameterForm form = new ParameterForm("Scaling", runner::set);
 * form.section("Autoscaler");
 * form.add(Parameter.AUTOSCALER_POLICY);
 * form.add(Parameter.TARGET_UTILIZATION, SliderScale.linear(1, 100, 1));
 * form.button("Kill instance", "Crash an instance ...", () -> ...);
 * Node pane = form.node();             // the right-hand pane
 * form.update(snapshot.current());     // on each new frame
 * </pre>
 */
public final class ParameterForm {
    private final BiConsumer<Parameter, Object> sendToSimulation;
    private final VBox list = new VBox();
    private final ScrollPane pane = new ScrollPane(list);
    private final List<ParameterViewModel> models = new ArrayList<>();
    private Scenario shown;

    public ParameterForm(String title, BiConsumer<Parameter, Object> sendToSimulation) {
        this.sendToSimulation = sendToSimulation;
        pane.getStyleClass().add("parameter-pane");
        pane.setFitToWidth(true);
        pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        list.getStyleClass().add("parameter-list");
        Label heading = new Label(title);
        heading.getStyleClass().add("pane-title");
        list.getChildren().add(heading);
    }

    /** The pane to show on the right of the window. */
    public Node node() {
        return pane;
    }

    public void section(String name) {
        Label label = new Label(name);
        label.getStyleClass().add("parameter-section");
        list.getChildren().add(label);
    }

    /** A row for {@code parameter}: a field for numbers, a choice for choices, a check box for true/false. */
    public ParameterViewModel add(Parameter parameter) {
        return add(parameter, null);
    }

    /** A row with a slider under the field, on {@code scale} (numbers only). */
    public ParameterViewModel add(Parameter parameter, SliderScale scale) {
        ParameterViewModel model = new ParameterViewModel(parameter, sendToSimulation);
        models.add(model);
        if (shown != null) {
            model.showLive(shown);
        }
        VBox row = new VBox();
        row.getStyleClass().add("parameter-row");
        HBox input = new HBox();
        input.getStyleClass().add("parameter-input");
        Label name = new Label(label(parameter));
        name.getStyleClass().add("parameter-name");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        input.getChildren().addAll(name, gap);
        String id = idOf(parameter);
        switch (parameter.type()) {
            case CHOICE: {
                ComboBox<String> choice = new ComboBox<>();
                choice.setId(id + "Choice");
                ParameterControls.bindChoice(model, name, choice);
                input.getChildren().add(choice);
                row.getChildren().add(input);
                break;
            }
            case BOOLEAN: {
                CheckBox check = new CheckBox();
                check.setId(id + "Check");
                ParameterControls.bindCheck(model, check);
                name.setTooltip(ParameterControls.tooltip(parameter));
                input.getChildren().add(check);
                row.getChildren().add(input);
                break;
            }
            default: {
                TextField field = new TextField();
                field.setId(id + "Field");
                field.getStyleClass().add("parameter-field");
                Label unit = new Label();
                unit.getStyleClass().add("parameter-unit");
                Label error = new Label();
                error.getStyleClass().add("parameter-error");
                error.setWrapText(true);
                ParameterControls.bindField(model, name, field, unit, error);
                input.getChildren().addAll(field, unit);
                row.getChildren().add(input);
                if (scale != null) {
                    Slider slider = new Slider();
                    slider.setId(id + "Slider");
                    ParameterControls.bindSlider(model, slider, scale);
                    row.getChildren().add(slider);
                }
                row.getChildren().add(error);
            }
        }
        list.getChildren().add(row);
        return model;
    }

    /** A button for an action, with a tooltip that explains it. */
    public Button button(String text, String explanation, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().add("parameter-action");
        button.setMaxWidth(Double.MAX_VALUE);
        Tooltip tooltip = new Tooltip(explanation);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(340);
        tooltip.setShowDelay(Duration.millis(300));
        button.setTooltip(tooltip);
        button.setOnAction(event -> action.run());
        list.getChildren().add(button);
        return button;
    }

    /** Any other node (a row of buttons, a note) in the list. */
    public void addNode(Node node) {
        list.getChildren().add(node);
    }

    /** Shows the simulation's values; fields the user is editing keep their text. */
    public void update(Scenario current) {
        if (current == shown) {
            return;
        }
        shown = current;
        for (ParameterViewModel model : models) {
            model.showLive(current);
        }
    }

    /** "autoscaler.targetUtilization" -> "Target utilization"; "cache.levels[0].capacity" -> "L1 capacity". */
    static String label(Parameter parameter) {
        String path = parameter.path();
        String prefix = "";
        int bracket = path.indexOf('[');
        if (bracket >= 0) {
            prefix = "L" + (Integer.parseInt(path.substring(bracket + 1, path.indexOf(']'))) + 1) + " ";
        }
        String last = path.substring(path.lastIndexOf('.') + 1);
        StringBuilder words = new StringBuilder();
        for (char c : last.toCharArray()) {
            if (Character.isUpperCase(c)) {
                words.append(' ').append(Character.toLowerCase(c));
            } else {
                words.append(c);
            }
        }
        String text = words.toString().replace(" ms", "").replace(" seconds", "").replace(" per second", "")
                .replace(" percent", "");
        text = prefix + text.replace("ttl", "TTL");
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * A stable, unique fx:id base for tests: the path in camel case,
     * "autoscaler.targetUtilization" -> "autoscalerTargetUtilization", "cache.levels[0].capacity" -> "cacheL1Capacity".
     */
    static String idOf(Parameter parameter) {
        String path = parameter.path().replaceAll("levels\\[(\\d+)]", "L$1");
        StringBuilder id = new StringBuilder();
        for (String part : path.split("\\.")) {
            if (part.matches("L\\d")) {
                part = "L" + (Integer.parseInt(part.substring(1)) + 1);
            }
            id.append(id.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return id.toString();
    }
}
