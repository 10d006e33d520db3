package dev.scalelab.ui.parameters;

import dev.scalelab.world.Parameter;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;

/**
 * The view of {@code ParameterPane.fxml}: the live parameters on the right of the window. A text
 * field applies on Enter or when it loses focus, Escape drops the edit; a slider applies when it is
 * released. Refused text stays in the field, marked, with the reason under it.
 */
public final class ParameterPaneView {
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
        ParameterControls.bindField(model, name, field, unit, error);
    }

    private static void bindSlider(ParameterViewModel model, Slider slider, SliderScale scale) {
        ParameterControls.bindSlider(model, slider, scale);
    }

    private static void bindChoice(ParameterViewModel model, Label name, ComboBox<String> choice) {
        ParameterControls.bindChoice(model, name, choice);
    }

    private static void disableWhenNotApplicable(ParameterViewModel model, Node... nodes) {
        for (Node node : nodes) {
            node.disableProperty().bind(model.applicableProperty().not());
        }
    }
}
