package dev.scalelab.ui.parameters;

import dev.scalelab.world.Parameter;
import javafx.css.PseudoClass;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * Binds one parameter's controls (a text field, a slider, a choice, a check box) to its
 * {@link ParameterViewModel}: the same behaviour in every panel. FX thread only.
 */
final class ParameterControls {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private ParameterControls() {
    }

    static void bindField(ParameterViewModel model, Label name, TextField field, Label unit, Label error) {
        name.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tooltip = tooltip(model.parameter());
        name.setTooltip(tooltip);
        field.setTooltip(tooltip);
        if (unit != null) {
            unit.setText(model.parameter().unit());
        }
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
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        model.errorProperty().addListener((obs, old, now) -> field.pseudoClassStateChanged(INVALID, !now.isEmpty()));
    }

    /** The slider follows the live value; dragging previews in the field and applies on release. */
    static void bindSlider(ParameterViewModel model, Slider slider, SliderScale scale) {
        slider.setMin(0);
        slider.setMax(1);
        slider.setTooltip(tooltip(model.parameter()));
        boolean[] followingModel = {false};
        Runnable follow = () -> {
            Object live = model.liveValueProperty().get();
            if (live == null) {
                return; // no scenario shown yet: the slider follows once one is
            }
            followingModel[0] = true;
            slider.setValue(scale.toPosition(((Number) live).doubleValue()));
            followingModel[0] = false;
        };
        follow.run();
        model.liveValueProperty().addListener((obs, old, now) -> follow.run());
        slider.valueProperty().addListener((obs, old, position) -> {
            if (followingModel[0]) {
                return;
            }
            model.textProperty().set(Parameter.format(scale.toValue(position.doubleValue())));
            if (!slider.isValueChanging()) {
                model.commit();
            }
        });
        slider.valueChangingProperty().addListener((obs, wasChanging, changing) -> {
            if (!changing) {
                model.commit();
            }
        });
    }

    static void bindChoice(ParameterViewModel model, Label name, ComboBox<String> choice) {
        name.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tooltip = tooltip(model.parameter());
        name.setTooltip(tooltip);
        choice.setTooltip(tooltip);
        choice.getItems().setAll(model.parameter().choices());
        choice.valueProperty().bindBidirectional(model.textProperty());
        // Also fires when the live value moves the selection; commit() then finds no edit and does nothing.
        choice.setOnAction(event -> model.commit());
    }

    public static Tooltip tooltip(Parameter parameter) {
        Tooltip tooltip = new Tooltip(parameter.description() + "\n" + capitalize(parameter.expectation()) + ".");
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(340);
        tooltip.setShowDelay(Duration.millis(300));
        return tooltip;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A check box for a true/false parameter; it applies at once. */
    static void bindCheck(ParameterViewModel model, CheckBox check) {
        check.setTooltip(tooltip(model.parameter()));
        boolean[] following = {false};
        Runnable follow = () -> {
            following[0] = true;
            check.setSelected(Boolean.TRUE.equals(model.liveValueProperty().get()));
            following[0] = false;
        };
        follow.run();
        model.liveValueProperty().addListener((obs, old, now) -> follow.run());
        check.selectedProperty().addListener((obs, old, selected) -> {
            if (!following[0]) {
                model.textProperty().set(String.valueOf(selected));
                model.commit();
            }
        });
    }
}
