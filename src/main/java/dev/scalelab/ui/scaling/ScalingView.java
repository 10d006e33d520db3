package dev.scalelab.ui.scaling;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.PanelSource;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.FxmlPanel;
import dev.scalelab.ui.controls.FigureCard;
import dev.scalelab.ui.charts.ChartPacer;
import dev.scalelab.ui.charts.RunCharts;
import dev.scalelab.ui.charts.RunRange;
import dev.scalelab.ui.charts.WholeRunSwitch;
import dev.scalelab.ui.parameters.ParameterForm;
import dev.scalelab.ui.parameters.SliderScale;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static dev.scalelab.ui.Tooltips.tooltip;

/**
 * The Scaling panel: the autoscaler's state and its last decision explained step by step, the
 * animated pool ({@link ScalingPoolView}) whose tiles select an instance for the actions, the
 * charts of replicas, CPU, cost and p99 latency ({@link ScalingCharts}), and every scaling
 * parameter with the pool actions on the right. The center's layout is {@code fxml/ScalingPanel.fxml},
 * the look {@code styles/scaling.css}.
 *
 * <p>FX thread only.
 */
public final class ScalingView extends FxmlPanel implements RunCharts {
    private static final String KILL_EXPLANATION = "Crash the selected instance: its requests in flight fail, "
            + "and the pool replaces it with a new one that must provision and boot.";
    private static final String SLOW_EXPLANATION = "Gray failure: the selected instance stays up and passes its health "
            + "checks but serves at 25 % of its speed. Watch its queue, the p99 and what the autoscaler makes of it.";
    private static final String RESTORE_EXPLANATION = "Give the selected instance its full speed back.";

    private final ScalingViewModel viewModel;
    private final WholeRunSwitch wholeRun = new WholeRunSwitch("scalingRangeBar", ScalingCharts.WINDOW_SECONDS);
    private final ScalingCharts charts = new ScalingCharts(wholeRun.range(), wholeRun::runSeconds);
    private final ParameterForm form;
    @FXML private FigureCard autoscalerCard;
    @FXML private FigureCard replicasCard;
    @FXML private FigureCard sizeCard;
    @FXML private FigureCard costRateCard;
    @FXML private FigureCard costTotalCard;
    @FXML private FigureCard verticalCard;
    @FXML private VBox decisionBox;
    @FXML private Label decisionTitle;
    @FXML private TextFlow decisionText;
    @FXML private VBox verticalDecision;
    @FXML private Label verticalTitle;
    @FXML private TextFlow verticalText;
    @FXML private ScalingPoolView pool;
    private Snapshot snapshot;

    /** The panel of {@code runner}'s run (the main window's, or a drawn service's): it sends parameter changes and pool actions there. */
    public ScalingView(PanelSource runner) {
        this(runner.latest().snapshot().current(), runner::set, runner::act);
    }

    /**
     * @param initial      the scenario the parameter fields start from
     * @param setParameter receives each valid parameter change: {@code SimulationRunner::set}
     * @param act          receives the pool actions: {@code SimulationRunner::act}
     */
    ScalingView(Scenario initial, BiConsumer<Parameter, Object> setParameter, ScalingViewModel.ActionSink act) {
        super("Scaling");
        viewModel = new ScalingViewModel(act);
        loadLayout("ScalingPanel");
        form = new ParameterForm("Scaling", setParameter);
        form.update(initial); // before the rows: a slider starts from the live value
        buildForm();
        form.node().getStyleClass().add("scaling-parameters");
        place(wholeRun.above(charts.view()), form.node());
    }

    /** Called by the loader once the layout's nodes are injected: the panel's bindings, in one place. */
    @FXML
    private void initialize() {
        autoscalerCard.valueProperty().bind(viewModel.autoscalerProperty());
        replicasCard.valueProperty().bind(viewModel.replicasProperty());
        sizeCard.valueProperty().bind(viewModel.sizeProperty());
        costRateCard.valueProperty().bind(viewModel.costRateProperty());
        costTotalCard.valueProperty().bind(viewModel.costTotalProperty());
        verticalCard.valueProperty().bind(viewModel.verticalProperty());

        decisionTitle.textProperty().bind(viewModel.decisionTitleProperty());
        viewModel.decisionProperty().addListener((obs, old, d) -> showDecision(decisionText, d));
        verticalTitle.textProperty().bind(viewModel.verticalTitleProperty());
        viewModel.verticalDecisionProperty().addListener((obs, old, d) -> showDecision(verticalText, d));
        verticalDecision.visibleProperty().bind(viewModel.verticalShownProperty());
        verticalDecision.managedProperty().bind(verticalDecision.visibleProperty());
        Tooltip help = tooltip("");
        help.textProperty().bind(viewModel.decisionHelpProperty());
        help.setMaxWidth(460);
        Tooltip.install(decisionBox, help);

        pool.setOnSelect(viewModel::select);
        viewModel.selectedIdProperty().addListener((obs, old, id) -> pool.select(id));
    }

    /** The steps with arrows between them, the source first and the outcome in bold. */
    private static void showDecision(TextFlow flow, DecisionText d) {
        List<Node> parts = new ArrayList<>();
        if (!d.source().isEmpty()) {
            parts.add(text(d.source() + "  ", "decision-source"));
        }
        for (int i = 0; i < d.steps().size(); i++) {
            if (i > 0) {
                boolean arrow = d.joinBefore(i).equals(DecisionText.ARROW);
                parts.add(text(arrow ? "  →  " : ";  ", arrow ? "decision-arrow" : "decision-clause"));
            }
            boolean last = i == d.steps().size() - 1;
            String style = !last ? "decision-step" : d.keepsTheCount() ? "decision-outcome-kept" : "decision-outcome";
            parts.add(text(d.steps().get(i), style));
        }
        flow.getChildren().setAll(parts);
    }

    private static Text text(String content, String styleClass) {
        Text t = new Text(content);
        t.getStyleClass().add(styleClass);
        return t;
    }

    private void buildForm() {
        form.section("Horizontal autoscaler");
        form.add(Parameter.of("autoscaler.policy"));
        form.addRange("Replicas", Parameter.of("autoscaler.minReplicas"),
                Parameter.of("autoscaler.maxReplicas"), SliderScale.linear(1, 100, 1));
        form.add(Parameter.of("autoscaler.targetUtilization"), SliderScale.linear(1, 100, 1));
        form.add(Parameter.of("autoscaler.tolerance"), SliderScale.linear(0, 0.5, 0.01));
        form.add(Parameter.of("autoscaler.syncPeriodSeconds"));

        form.section("Pool actions");
        Label selected = new Label();
        selected.setId("selectedInstanceLabel");
        selected.getStyleClass().add("selected-instance");
        selected.setWrapText(true);
        selected.textProperty().bind(viewModel.selectionProperty().map(text -> "Selected: " + text));
        selected.setTooltip(tooltip("Click a tile in the pool to select its instance for kill, slow and remove; "
                + "click beside the tiles to clear the selection."));
        form.addNode(selected);
        form.addNode(buttonRow(
                button("Add instance", "addInstanceButton", viewModel::addInstance, null, null,
                        "Add one instance (spec.replicas + 1): it provisions and boots before it serves. "
                                + "An autoscaler may undo this at its next decision."),
                button("Remove instance", "removeInstanceButton", viewModel::removeInstance, null, null,
                        "Remove one instance (spec.replicas − 1): the selected one if any, else the pool's choice. "
                                + "It drains its requests first. An autoscaler may undo this at its next decision.")));
        form.addNode(buttonRow(
                button("Kill", "killInstanceButton", viewModel::killSelected, viewModel.canKillProperty(),
                        viewModel.whyNotProperty(), KILL_EXPLANATION),
                button("Slow to 25 %", "slowInstanceButton", viewModel::slowSelected, viewModel.canSlowProperty(),
                        orElse(viewModel.whyNotProperty(), "It already serves at 25 % speed."), SLOW_EXPLANATION),
                button("Restore", "restoreSpeedButton", viewModel::restoreSelected, viewModel.canRestoreProperty(),
                        orElse(viewModel.whyNotProperty(), "It already serves at full speed."), RESTORE_EXPLANATION)));
        form.add(Parameter.of("service.size"));

        form.section("HPA stabilization and behavior");
        form.add(Parameter.of("autoscaler.scaleUpStabilizationSeconds"));
        form.add(Parameter.of("autoscaler.scaleDownStabilizationSeconds"), SliderScale.linear(0, 600, 15));
        addRows(Parameter.of("autoscaler.scaleUpPods"), Parameter.of("autoscaler.scaleUpPercent"),
                Parameter.of("autoscaler.scaleUpPeriodSeconds"), Parameter.of("autoscaler.scaleUpSelectPolicy"));
        addRows(Parameter.of("autoscaler.scaleDownPods"), Parameter.of("autoscaler.scaleDownPercent"),
                Parameter.of("autoscaler.scaleDownPeriodSeconds"), Parameter.of("autoscaler.scaleDownSelectPolicy"));

        form.section("Target tracking");
        addRows(Parameter.of("autoscaler.metric"), Parameter.of("autoscaler.targetValue"));

        form.section("Vertical scaler");
        addRows(Parameter.of("verticalScaler.policy"), Parameter.of("verticalScaler.intervalSeconds"),
                Parameter.of("verticalScaler.upThreshold"), Parameter.of("verticalScaler.downThreshold"),
                Parameter.of("verticalScaler.targetPercentile"), Parameter.of("verticalScaler.marginFraction"));

        form.section("Instance lifecycle");
        form.add(Parameter.of("service.provisionSeconds"));
        form.add(Parameter.of("service.bootSeconds"), SliderScale.linear(0, 120, 5));
        form.add(Parameter.of("service.warmupSeconds"));
    }

    /** A row for each parameter, in order. */
    private void addRows(Parameter... parameters) {
        for (Parameter parameter : parameters) {
            form.add(parameter);
        }
    }

    private static HBox buttonRow(Node... buttons) {
        HBox row = new HBox(buttons);
        row.getStyleClass().add("action-row");
        return row;
    }

    /**
     * A button in a wrapper that carries its tooltip: a disabled control shows no tooltip of its own,
     * and a disabled button is exactly when the user needs to be told why.
     *
     * @param enabled null for always
     * @param whyNot  what the tooltip adds while the button is disabled
     */
    private static StackPane button(String text, String id, Runnable action, ObservableBooleanValue enabled,
                                    ObservableStringValue whyNot, String explanation) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("parameter-action");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setOnAction(event -> action.run());
        StackPane wrapper = new StackPane(button);
        wrapper.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(wrapper, Priority.ALWAYS);
        Tooltip tooltip = tooltip(explanation);
        if (enabled != null) {
            button.disableProperty().bind(Bindings.createBooleanBinding(() -> !enabled.get(), enabled));
            tooltip.textProperty().bind(Bindings.createStringBinding(
                    () -> enabled.get() ? explanation : explanation + "\n\n" + whyNot.get(), enabled, whyNot));
        }
        Tooltip.install(wrapper, tooltip);
        return wrapper;
    }

    /** {@code value}, or {@code otherwise} while it is empty. */
    private static ObservableStringValue orElse(ObservableStringValue value, String otherwise) {
        return Bindings.createStringBinding(() -> value.get().isEmpty() ? otherwise : value.get(), value);
    }

    @Override
    public void update(Frame frame, long nowNanos) {
        assert FxThread.isCurrent();
        snapshot = frame.snapshot();
        viewModel.update(snapshot);
        form.update(snapshot.current());
        pool.show(snapshot, ScalingViewModel.targetFraction(snapshot.current().autoscaler()));
    }

    @Override
    public void animate(long nowNanos) {
        assert FxThread.isCurrent();
        pool.draw(nowNanos);
        if (snapshot == null) {
            return;
        }
        WholeRunSwitch.Pulse chartsPulse = wholeRun.pulse(snapshot, nowNanos, charts);
        // Asked every pulse, not only on new frames, so a sample held back by the rate limit still shows when paused.
        if (chartsPulse == WholeRunSwitch.Pulse.LIVE_AFRESH || chartsPulse == WholeRunSwitch.Pulse.LIVE
                && viewModel.chartsDue(ChartPacer.newestSampleSeconds(snapshot.series()), nowNanos)) {
            charts.show(snapshot.series(), snapshot.current().service().serviceTime().meanMs(),
                    ScalingViewModel.workersPerReplica(snapshot), ScalingViewModel.targetFraction(snapshot.current().autoscaler()),
                    ScalingViewModel.actsOnCpu(snapshot.current().autoscaler()));
        }
    }

    @Override
    public RunRange range() {
        return wholeRun.range();
    }

    /** For tests: the pool view, to find a tile to click. */
    ScalingPoolView pool() {
        return pool;
    }

    /** For tests: the view model. */
    ScalingViewModel viewModel() {
        return viewModel;
    }

    /** A lesson's outline: {@code instance:i-3} is that instance's tile, {@code pool} the whole pool picture. */
    @Override
    public javafx.geometry.Bounds highlightBounds(String element) {
        return dev.scalelab.ui.lesson.HighlightResolver.ofPool(pool, pool::tileBounds, element);
    }
}
