package dev.scalelab.ui.parameters;

import dev.scalelab.ui.FxThread;
import dev.scalelab.world.Scenario;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationSupport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static dev.scalelab.ui.Tooltips.tooltip;

/**
 * A run of rows in a {@link ParameterForm}, in its place in the form: sections, generated field
 * rows, buttons and other nodes. A part can be emptied and filled again (the settings of another
 * dependency) or hidden, without the rest of the form moving.
 *
 * <p>FX thread only.
 */
public final class FormPart {
    private final VBox box;
    private final BiConsumer<String, Object> sendToSimulation;
    /** Marks this part's refused fields; a new one when the part is emptied, so removed fields are let go. */
    private ValidationSupport validation = InvalidMark.newSupport();
    private final List<FieldViewModel> models = new ArrayList<>();
    private final List<FormPart> parts = new ArrayList<>();
    private Scenario shown;

    FormPart(VBox box, BiConsumer<String, Object> sendToSimulation) {
        this.box = box;
        this.sendToSimulation = sendToSimulation;
    }

    public void section(String name) {
        Label label = new Label(name);
        label.getStyleClass().add("parameter-section");
        box.getChildren().add(label);
    }

    /** A row for the field at {@code path}: a field for numbers, a choice for choices, a switch for on/off. */
    public FieldViewModel add(String path) {
        return add(path, null);
    }

    /** A row with a slider under the field, on {@code scale} (numbers only). */
    public FieldViewModel add(String path, SliderScale scale) {
        return add(path, scale, FieldLabels.label(path), FieldLabels.idOf(path));
    }

    /** A row with its own label and fx:id base, where a pane has always called a field otherwise. */
    FieldViewModel add(String path, SliderScale scale, String label, String idBase) {
        FieldViewModel model = follow(new FieldViewModel(path, sendToSimulation));
        box.getChildren().add(FieldRow.of(model, label, idBase, scale, validation));
        return model;
    }

    /** One row for a lower and an upper bound, such as an autoscaler's min and max replicas, with a range slider. */
    public void addRange(String label, String lowPath, String highPath, SliderScale scale) {
        FieldViewModel low = follow(new FieldViewModel(lowPath, sendToSimulation));
        FieldViewModel high = follow(new FieldViewModel(highPath, sendToSimulation));
        String idBase = FieldLabels.idOf(lowPath.substring(0, lowPath.lastIndexOf('.') + 1) + label.toLowerCase());
        box.getChildren().add(FieldRow.range(low, high, label, idBase, scale, validation));
    }

    private FieldViewModel follow(FieldViewModel model) {
        models.add(model);
        if (shown != null) {
            model.showLive(shown); // a new row starts from the live value, its slider too
        }
        return model;
    }

    /** A button for an action, with a tooltip that explains it. */
    public Button button(String text, String explanation, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().add("parameter-action");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setTooltip(tooltip(explanation));
        button.setOnAction(event -> action.run());
        box.getChildren().add(button);
        return button;
    }

    /** Any other node (a row of buttons, a note) in the part. */
    public void addNode(Node node) {
        box.getChildren().add(node);
    }

    /** A part of this part, at this place in it. */
    public FormPart part() {
        VBox inner = new VBox();
        inner.getStyleClass().add("parameter-part");
        box.getChildren().add(inner);
        FormPart part = new FormPart(inner, sendToSimulation);
        parts.add(part);
        if (shown != null) {
            part.update(shown);
        }
        return part;
    }

    /** Removes every row, button and part; the edits in them are dropped. */
    public void clear() {
        assert FxThread.isCurrent();
        box.getChildren().clear();
        models.clear();
        parts.clear();
        validation = InvalidMark.newSupport();
    }

    /** Shows or hides the part; hidden, it takes no room. */
    public void setShown(boolean shownNow) {
        box.setVisible(shownNow);
        box.setManaged(shownNow);
    }

    /** Shows the simulation's values; fields the user is editing keep their text. Cheap when nothing changed. */
    public void update(Scenario current) {
        assert FxThread.isCurrent();
        if (current == shown) {
            return;
        }
        shown = current;
        for (FieldViewModel model : models) {
            model.showLive(current);
        }
        for (FormPart part : parts) {
            part.update(current);
        }
    }
}
