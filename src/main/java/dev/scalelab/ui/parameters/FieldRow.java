package dev.scalelab.ui.parameters;

import dev.scalelab.world.FieldSpec;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.RangeSlider;
import org.controlsfx.control.ToggleSwitch;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

import static dev.scalelab.ui.Tooltips.tooltip;

/**
 * The controls of one field, generated from its {@link FieldSpec}: its name, a text field (with a
 * slider under it when the form gives a scale) and its unit for numbers, a choice for choices, a
 * switch for on/off, a tooltip from the description, and the reason for a refused value under the
 * row. A text field applies on Enter or when it loses focus, Escape drops the edit; a slider applies
 * when it is released; a choice or a switch at once. FX thread only.
 */
final class FieldRow {
    private FieldRow() {
    }

    /** A row for {@code model}; its controls get fx:ids {@code idBase + "Field"}, "Slider", "Choice", "Check", "Error". */
    static VBox of(FieldViewModel model, String label, String idBase, SliderScale scale, ValidationSupport validation) {
        Tooltip tooltip = explanation(model.spec());
        Label name = name(label, tooltip);
        VBox row = new VBox();
        row.getStyleClass().add("parameter-row");
        switch (model.spec().type()) {
            case CHOICE: {
                ComboBox<String> choice = new ComboBox<>();
                choice.setId(idBase + "Choice");
                choice.getStyleClass().add("parameter-choice");
                choice.setTooltip(tooltip);
                choice.getItems().setAll(model.spec().choices());
                choice.valueProperty().bindBidirectional(model.textProperty());
                // Also fires when the live value moves the selection; commit() then finds no edit and does nothing.
                choice.setOnAction(event -> model.commit());
                row.getChildren().add(input(name, choice));
                break;
            }
            case BOOLEAN:
                row.getChildren().add(input(name, toggle(model, idBase, tooltip)));
                break;
            default: {
                TextField field = field(model, idBase + "Field", tooltip, validation);
                row.getChildren().add(input(name, field, unit(model)));
                if (scale != null) {
                    row.getChildren().add(slider(model, idBase + "Slider", scale, tooltip));
                }
                row.getChildren().add(error(model, idBase + "Error"));
            }
        }
        row.disableProperty().bind(model.applicableProperty().not());
        // A lesson's "param:PATH" highlight finds the row by its path.
        row.getProperties().put(ParameterForm.PATH_PROPERTY, model.spec().path());
        return row;
    }

    /**
     * One row for a lower and an upper bound: two fields and a range slider whose thumbs move them.
     * Each bound is checked and sent on its own, so the one-line messages are the fields' own.
     */
    static VBox range(FieldViewModel low, FieldViewModel high, String label, String idBase, SliderScale scale,
                      ValidationSupport validation) {
        Tooltip tooltip = tooltip(low.spec().description() + "\n" + high.spec().description());
        Label to = new Label("to");
        to.getStyleClass().add("parameter-unit-inline");
        TextField lowField = field(low, idBase + "LowField", explanation(low.spec()), validation);
        TextField highField = field(high, idBase + "HighField", explanation(high.spec()), validation);
        lowField.getStyleClass().add("parameter-range-field");
        highField.getStyleClass().add("parameter-range-field");
        HBox input = input(name(label, tooltip), lowField, to, highField, unit(high));

        RangeSlider slider = new RangeSlider(0, 1, 0, 1);
        slider.setId(idBase + "Slider");
        slider.setTooltip(tooltip);
        followAndSend(low, slider.lowValueProperty(), slider.lowValueChangingProperty(), scale);
        followAndSend(high, slider.highValueProperty(), slider.highValueChangingProperty(), scale);

        VBox row = new VBox(input, slider, error(low, idBase + "LowError"), error(high, idBase + "HighError"));
        row.getStyleClass().add("parameter-row");
        row.getProperties().put(ParameterForm.PATH_PROPERTY, java.util.List.of(low.spec().path(), high.spec().path()));
        return row;
    }

    static Tooltip explanation(FieldSpec spec) {
        String expectation = spec.expectation();
        return tooltip(spec.description() + "\n" + Character.toUpperCase(expectation.charAt(0)) + expectation.substring(1) + ".");
    }

    private static Label name(String text, Tooltip tooltip) {
        Label name = new Label(text);
        name.getStyleClass().add("parameter-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        name.setTooltip(tooltip);
        return name;
    }

    private static HBox input(Label name, Node... controls) {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox input = new HBox(name, gap);
        input.getChildren().addAll(controls);
        input.getStyleClass().add("parameter-input");
        return input;
    }

    private static Label unit(FieldViewModel model) {
        Label unit = new Label();
        unit.getStyleClass().add("parameter-unit");
        unit.textProperty().bind(model.unitProperty());
        return unit;
    }

    private static TextField field(FieldViewModel model, String id, Tooltip tooltip, ValidationSupport validation) {
        TextField field = new TextField();
        field.setId(id);
        field.getStyleClass().add("parameter-field");
        field.setTooltip(tooltip);
        field.textProperty().bindBidirectional(model.textProperty());
        field.setOnAction(event -> model.commit());
        field.focusedProperty().addListener((obs, wasFocused, focused) -> {
            if (!focused) {
                model.commit();
            }
        });
        field.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && model.isEdited()) {
                model.revert();
                event.consume();
            }
        });
        // The field is marked while the last value typed into it stands refused.
        Validator<String> refused = (control, typed) ->
                ValidationResult.fromErrorIf(control, model.errorProperty().get(), !model.errorProperty().get().isEmpty());
        validation.registerValidator(field, false, refused);
        model.errorProperty().addListener((obs, old, now) -> validation.revalidate(field));
        return field;
    }

    private static Label error(FieldViewModel model, String id) {
        Label error = new Label();
        error.setId(id);
        error.getStyleClass().add("parameter-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private static Slider slider(FieldViewModel model, String id, SliderScale scale, Tooltip tooltip) {
        Slider slider = new Slider(0, 1, 0);
        slider.setId(id);
        slider.setTooltip(tooltip);
        followAndSend(model, slider.valueProperty(), slider.valueChangingProperty(), scale);
        return slider;
    }

    /**
     * A slider thumb follows the live value; dragging it previews the value in the field and sends
     * it on release, so a drag is one change on the timeline, not one per pixel.
     */
    private static void followAndSend(FieldViewModel model, DoubleProperty position, BooleanProperty changing,
                                      SliderScale scale) {
        boolean[] followingModel = {false};
        Runnable follow = () -> {
            Object live = model.liveValueProperty().get();
            if (live instanceof Number) {
                followingModel[0] = true;
                position.set(scale.toPosition(((Number) live).doubleValue()));
                followingModel[0] = false;
            }
        };
        follow.run();
        model.liveValueProperty().addListener((obs, old, now) -> follow.run());
        position.addListener((obs, old, now) -> {
            if (followingModel[0]) {
                return;
            }
            model.textProperty().set(FieldSpec.format(scale.toValue(now.doubleValue())));
            if (!changing.get()) {
                model.commit();
            }
        });
        changing.addListener((obs, wasChanging, isChanging) -> {
            if (!isChanging) {
                model.commit();
            }
        });
    }

    /** An on/off field: it applies when flipped, and follows the simulation otherwise. */
    private static ToggleSwitch toggle(FieldViewModel model, String idBase, Tooltip tooltip) {
        ToggleSwitch toggle = new ToggleSwitch();
        toggle.setId(idBase + "Check");
        toggle.getStyleClass().add("parameter-switch");
        toggle.setTooltip(tooltip);
        boolean[] following = {false};
        Runnable follow = () -> {
            following[0] = true;
            toggle.setSelected(Boolean.TRUE.equals(model.liveValueProperty().get()));
            following[0] = false;
        };
        follow.run();
        model.liveValueProperty().addListener((obs, old, now) -> follow.run());
        toggle.selectedProperty().addListener((obs, old, selected) -> {
            if (!following[0]) {
                model.textProperty().set(String.valueOf(selected));
                model.commit();
            }
        });
        return toggle;
    }
}
