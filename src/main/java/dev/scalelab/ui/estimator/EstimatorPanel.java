package dev.scalelab.ui.estimator;

import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.runtime.Frame;
import dev.scalelab.world.Scenario;
import dev.scalelab.ui.FxmlPanel;
import dev.scalelab.ui.Formats;
import dev.scalelab.ui.estimator.EstimateForm.Figure;
import dev.scalelab.ui.estimator.EstimateForm.Input;
import dev.scalelab.ui.estimator.EstimateForm.Outcome;
import dev.scalelab.ui.estimator.EstimatorViewModel.Check;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

import static dev.scalelab.ui.Tooltips.tooltip;

/**
 * The Estimator panel: the capacity estimates of a system-design interview (a service pool with
 * Erlang C's waits, a cache by Che's approximation, shards, read replicas, a connection pool by
 * Little's law), each a card with its form, its figures beside it and its arithmetic under them,
 * worked out as the candidate types ({@link EstimatorViewModel}); the pool and the cache can take
 * the live run's numbers. The chart area holds "check it": the pool estimate run in the simulator,
 * apart from the live run, beside the estimate. The layout is {@code fxml/EstimatorPanel.fxml}, the
 * look {@code styles/estimator.css}.
 *
 * <p>FX thread only.
 */
public final class EstimatorPanel extends FxmlPanel {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private final EstimatorViewModel viewModel;
    private Scenario live;
    @FXML private VBox sections;
    @FXML private VBox checkPane;
    @FXML private Button checkButton;
    @FXML private Label checkLabel;
    @FXML private GridPane checkGrid;

    public EstimatorPanel() {
        this(new EstimatorViewModel());
    }

    EstimatorPanel(EstimatorViewModel viewModel) {
        super("Estimator");
        this.viewModel = viewModel;
        loadLayout("EstimatorPanel");
        place(checkPane, null);
    }

    /** Called by the loader once the layout's nodes are injected: the panel's bindings, in one place. */
    @FXML
    private void initialize() {
        for (EstimateForm form : viewModel.forms()) {
            VBox card = card(form);
            if (form == viewModel.pool()) {
                takeButton(card, form, "Rate, service time, workers and size as the live run has them now.", viewModel::takePool);
            } else if (form == viewModel.cache()) {
                takeButton(card, form, "Keys and Zipf alpha as the live run's workload has them.", viewModel::takeCache);
            }
            sections.getChildren().add(card);
        }
        checkButton.disableProperty().bind(viewModel.checkingProperty().or(Bindings.createBooleanBinding(
                () -> viewModel.pool().outcomeProperty().get().problem() != null, viewModel.pool().outcomeProperty())));
        checkLabel.textProperty().bind(viewModel.checkTextProperty());
        viewModel.checkProperty().addListener((obs, old, check) -> showCheck(check));
        showCheck(null);
    }

    private VBox card(EstimateForm form) {
        GridPane fields = new GridPane();
        fields.getStyleClass().add("estimator-form");
        int row = 0;
        for (Input in : form.inputs()) {
            Label name = label(in.label(), "estimator-name");
            name.setMinWidth(Region.USE_PREF_SIZE); // the figures beside give way first
            Control field = field(form, in);
            field.setId("estimator-" + form.id() + "-" + in.id());
            field.setTooltip(tooltip(in.explanation()));
            fields.addRow(row++, name, field, label(in.unit(), "estimator-unit"));
            Label problem = label("", "estimator-problem");
            problem.setWrapText(true);
            problem.setMaxWidth(260);
            problem.textProperty().bind(form.problem(in.id()));
            problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
            problem.managedProperty().bind(problem.visibleProperty());
            problem.setId(field.getId() + "-problem");
            fields.add(problem, 0, row++, 3, 1);
        }

        GridPane figures = new GridPane();
        figures.getStyleClass().add("estimator-figures");
        VBox arithmetic = new VBox();
        arithmetic.getStyleClass().add("estimator-arithmetic");
        Label problem = label("", "estimator-outcome-problem");
        problem.setWrapText(true);
        VBox results = new VBox(figures, problem, arithmetic);
        results.getStyleClass().add("estimator-results");
        results.setId("estimator-" + form.id() + "-results");
        HBox.setHgrow(results, Priority.ALWAYS);
        Runnable show = () -> showOutcome(form.outcomeProperty().get(), figures, problem, arithmetic);
        form.outcomeProperty().addListener((obs, old, now) -> show.run());
        show.run();

        HBox body = new HBox(fields, results);
        body.getStyleClass().add("estimator-body");
        VBox card = new VBox(label(form.title(), "estimator-card-title"), body);
        card.getStyleClass().add("estimator-card");
        card.setId("estimator-" + form.id());
        return card;
    }

    /** A text field bound to the input's text; a size is a choice of the sizes. */
    private static Control field(EstimateForm form, Input in) {
        if (in.kind() == EstimateForm.Kind.SIZE) {
            ComboBox<String> choice = new ComboBox<>();
            for (InstanceSize size : InstanceSize.values()) {
                choice.getItems().add(size.id());
            }
            choice.valueProperty().bindBidirectional(form.text(in.id()));
            choice.getStyleClass().add("estimator-choice");
            return choice;
        }
        TextField field = new TextField();
        field.getStyleClass().add("estimator-field");
        field.setPrefColumnCount(6);
        field.textProperty().bindBidirectional(form.text(in.id()));
        form.problem(in.id()).addListener((obs, old, problem) -> field.pseudoClassStateChanged(INVALID, !problem.isEmpty()));
        return field;
    }

    /** A "From the live run" button beside the card's title, filling the form from the newest frame's scenario. */
    private void takeButton(VBox card, EstimateForm form, String explanation, Consumer<Scenario> take) {
        Button button = new Button("From the live run");
        button.setId("estimator-" + form.id() + "-take");
        button.getStyleClass().add("estimator-take");
        button.setTooltip(tooltip(explanation));
        button.setOnAction(event -> {
            if (live != null) {
                take.accept(live);
            }
        });
        Node title = card.getChildren().remove(0);
        HBox head = new HBox(title, button);
        head.getStyleClass().add("estimator-card-head");
        card.getChildren().add(0, head);
    }

    private static void showOutcome(Outcome outcome, GridPane figures, Label problem, VBox arithmetic) {
        figures.getChildren().clear();
        arithmetic.getChildren().clear();
        problem.setText(outcome.problem() == null ? "" : outcome.problem());
        problem.setVisible(outcome.problem() != null);
        problem.setManaged(outcome.problem() != null);
        int row = 0;
        for (Figure f : outcome.figures()) {
            figures.addRow(row++, label(f.name(), "estimator-figure-name"), label(f.value(), "estimator-figure-value"));
        }
        for (String line : outcome.arithmetic()) {
            Label step = label(line, "estimator-step");
            step.setWrapText(true);
            arithmetic.getChildren().add(step);
        }
        arithmetic.setVisible(!outcome.arithmetic().isEmpty()); // no bare rule beside a problem
        arithmetic.setManaged(arithmetic.isVisible());
    }

    private void showCheck(Check check) {
        checkGrid.getChildren().clear();
        checkGrid.setVisible(check != null);
        if (check == null) {
            return;
        }
        ColumnConstraints what = new ColumnConstraints();
        what.setMinWidth(120);
        checkGrid.getColumnConstraints().setAll(what, new ColumnConstraints(), new ColumnConstraints());
        checkGrid.addRow(0, label("", "estimator-table-head"), label("Estimate", "estimator-table-head"),
                label("Simulated", "estimator-table-head"));
        checkGrid.addRow(1, label("Utilisation", "estimator-figure-name"),
                label(EstimateForm.percent(check.estimatedUtilization()), "estimator-number"),
                label(EstimateForm.percent(check.simulatedUtilization()), "estimator-number"));
        checkGrid.addRow(2, label("Mean wait", "estimator-figure-name"),
                label(Formats.millis(check.estimatedMeanWaitMs()) + " ms", "estimator-number"),
                label(Formats.millis(check.simulatedMeanWaitMs()) + " ms", "estimator-number"));
        checkGrid.addRow(3, label("p99 response", "estimator-figure-name"),
                label(Formats.millis(check.estimatedP99Ms()) + " ms", "estimator-number"),
                label(Formats.millis(check.simulatedP99Ms()) + " ms", "estimator-number"));
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        return label;
    }

    @FXML
    private void checkPool() {
        viewModel.checkPool();
    }

    /** The estimates do not follow the live run; its scenario is kept for "From the live run". */
    @Override
    public void update(Frame frame, long nowNanos) {
        live = frame.snapshot().current();
    }

    @Override
    public void animate(long nowNanos) {
    }

    EstimatorViewModel viewModel() {
        return viewModel;
    }
}
