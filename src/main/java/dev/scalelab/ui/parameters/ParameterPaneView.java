package dev.scalelab.ui.parameters;

import dev.scalelab.world.Parameter;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
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
 * The view of {@code ParameterPane.fxml}: the live parameters on the right of the window. A text
 * field applies on Enter or when it loses focus, Escape drops the edit; a slider applies when it is
 * released. Refused text stays in the field, marked, with the reason under it.
 */
public final class ParameterPaneView {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final ParameterPaneViewModel viewModel;

    @FXML private Label rateLabel;
    @FXML private TextField rateField;
    @FXML private Label rateUnit;
    @FXML private Slider rateSlider;
    @FXML private Label rateError;

    @FXML private Label usersLabel;
    @FXML private TextField usersField;
    @FXML private Label usersUnit;
    @FXML private Label usersError;

    @FXML private Label readRatioLabel;
    @FXML private TextField readRatioField;
    @FXML private Slider readRatioSlider;
    @FXML private Label readRatioError;

    @FXML private Label instancesLabel;
    @FXML private TextField instancesField;
    @FXML private Label instancesUnit;
    @FXML private Slider instancesSlider;
    @FXML private Label instancesError;

    @FXML private Label workersLabel;
    @FXML private TextField workersField;
    @FXML private Label workersUnit;
    @FXML private Slider workersSlider;
    @FXML private Label workersError;

    @FXML private Label queueLabel;
    @FXML private TextField queueField;
    @FXML private Label queueUnit;
    @FXML private Label queueError;

    @FXML private Label serviceTimeLabel;
    @FXML private TextField serviceTimeField;
    @FXML private Label serviceTimeUnit;
    @FXML private Slider serviceTimeSlider;
    @FXML private Label serviceTimeError;

    @FXML private Label distributionLabel;
    @FXML private ComboBox<String> distributionChoice;

    @FXML private Label strategyLabel;
    @FXML private ComboBox<String> strategyChoice;

    public ParameterPaneView(ParameterPaneViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        ParameterViewModel rate = viewModel.parameter(Parameter.ARRIVAL_RATE);
        bindField(rate, rateLabel, rateField, rateUnit, rateError);
        bindSlider(rate, rateSlider, SliderScale.logarithmic(1, 100_000));
        disableWhenNotApplicable(rate, rateLabel, rateField, rateUnit, rateSlider);

        ParameterViewModel users = viewModel.parameter(Parameter.USERS);
        bindField(users, usersLabel, usersField, usersUnit, usersError);
        disableWhenNotApplicable(users, usersLabel, usersField, usersUnit);

        ParameterViewModel readRatio = viewModel.parameter(Parameter.READ_RATIO);
        bindField(readRatio, readRatioLabel, readRatioField, null, readRatioError);
        bindSlider(readRatio, readRatioSlider, SliderScale.linear(0, 1, 0.05));

        ParameterViewModel instances = viewModel.parameter(Parameter.INSTANCES);
        bindField(instances, instancesLabel, instancesField, instancesUnit, instancesError);
        bindSlider(instances, instancesSlider, SliderScale.linear(1, 100, 1));

        ParameterViewModel workers = viewModel.parameter(Parameter.WORKERS);
        bindField(workers, workersLabel, workersField, workersUnit, workersError);
        bindSlider(workers, workersSlider, SliderScale.linear(1, 64, 1));

        bindField(viewModel.parameter(Parameter.QUEUE_CAPACITY), queueLabel, queueField, queueUnit, queueError);

        ParameterViewModel serviceTime = viewModel.parameter(Parameter.SERVICE_TIME_MEAN);
        bindField(serviceTime, serviceTimeLabel, serviceTimeField, serviceTimeUnit, serviceTimeError);
        bindSlider(serviceTime, serviceTimeSlider, SliderScale.logarithmic(1, 10_000));

        bindChoice(viewModel.parameter(Parameter.SERVICE_TIME_DISTRIBUTION), distributionLabel, distributionChoice);
        bindChoice(viewModel.parameter(Parameter.BALANCER_STRATEGY), strategyLabel, strategyChoice);
    }

    private static void bindField(ParameterViewModel model, Label name, TextField field, Label unit, Label error) {
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
    private static void bindSlider(ParameterViewModel model, Slider slider, SliderScale scale) {
        slider.setMin(0);
        slider.setMax(1);
        slider.setTooltip(tooltip(model.parameter()));
        boolean[] followingModel = {false};
        Runnable follow = () -> {
            followingModel[0] = true;
            slider.setValue(scale.toPosition(((Number) model.liveValueProperty().get()).doubleValue()));
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

    private static void bindChoice(ParameterViewModel model, Label name, ComboBox<String> choice) {
        name.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tooltip = tooltip(model.parameter());
        name.setTooltip(tooltip);
        choice.setTooltip(tooltip);
        choice.getItems().setAll(model.parameter().choices());
        choice.valueProperty().bindBidirectional(model.textProperty());
        // Also fires when the live value moves the selection; commit() then finds no edit and does nothing.
        choice.setOnAction(event -> model.commit());
    }

    private static void disableWhenNotApplicable(ParameterViewModel model, Node... nodes) {
        for (Node node : nodes) {
            node.disableProperty().bind(model.applicableProperty().not());
        }
    }

    private static Tooltip tooltip(Parameter parameter) {
        Tooltip tooltip = new Tooltip(parameter.description() + "\n" + capitalize(parameter.expectation()) + ".");
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(340);
        tooltip.setShowDelay(Duration.millis(300));
        return tooltip;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
