package dev.scalelab.ui.balancing;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.PanelSource;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.FxmlPanel;
import dev.scalelab.ui.charts.ChartPacer;
import dev.scalelab.ui.charts.RunCharts;
import dev.scalelab.ui.charts.RunRange;
import dev.scalelab.ui.charts.RunRangeBar;
import dev.scalelab.ui.charts.WholeRunPacer;
import dev.scalelab.ui.parameters.ParameterForm;
import dev.scalelab.ui.parameters.SliderScale;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.function.Consumer;

import static dev.scalelab.ui.Tooltips.tooltip;
import static dev.scalelab.ui.controls.ActionButtons.actionButton;

/**
 * The Load balancing panel: the live view of the balancer and its instances with the decision
 * inspector, race mode (two worlds side by side, same workload and seed, two strategies), the
 * charts, and the balancer's parameters with actions on a selected instance; on the main window's run,
 * or on a drawn balancer of the canvas's run ({@link #drawnBalancer}, without race mode). Its look is in
 * {@code styles/balancing.css}.
 *
 * <p>FX thread only.
 */
public final class BalancingView extends FxmlPanel implements RunCharts {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final BalancingViewModel viewModel;
    private final SideView left;
    private final SideView right;
    @FXML private ToggleButton raceToggle;
    @FXML private ComboBox<Strategy> leftStrategyChoice;
    @FXML private ComboBox<Strategy> rightStrategyChoice;
    @FXML private Label raceStatus;
    @FXML private Label leftLabel;
    @FXML private Label rightLabel;
    @FXML private HBox sides;
    private final RunRange range = new RunRange();
    private final WholeRunPacer wholeRunPacer = new WholeRunPacer(range);
    private final RunRangeBar rangeBar = new RunRangeBar(range, BalancingCharts.WINDOW_SECONDS);
    private final BalancingCharts charts = new BalancingCharts(range, this::runSeconds);
    private final ParameterForm form;
    /** Paces chart updates as the Overview's: only for a new per-second point, at most four times a second. */
    private final ChartPacer chartPacing = new ChartPacer();
    private Frame frame;
    /** Whether the charts show a race now; switching mode redraws them at once, even paused. */
    private boolean raceCharted;

    public BalancingView(SimulationRunner runner) {
        this(BalancerCommands.of(runner), runner.latest().snapshot().current());
    }

    /**
     * The panel on a drawn balancer of the canvas's run ({@code source}): one world, its strategy menu
     * the box's, its race mode hidden (a race starts the main window's run over in two worlds, which a
     * drawing on the canvas does not have); the race bar says what it shows instead, {@code shown},
     * with {@code why} in its tooltip.
     */
    public static BalancingView drawnBalancer(PanelSource source, String shown, String why) {
        BalancingView view = new BalancingView(BalancerCommands.withoutRace(source), source.latest().snapshot().current());
        for (javafx.scene.Node n : new javafx.scene.Node[] {view.raceToggle, view.rightLabel, view.rightStrategyChoice}) {
            n.setVisible(false);
            n.setManaged(false);
        }
        view.leftLabel.setText("Strategy");
        view.raceStatus.setId("drawnBalancerScope");
        view.raceStatus.setText(shown);
        view.raceStatus.setTooltip(tooltip(why));
        return view;
    }

    /** @param initial the scenario the simulation starts with, shown in the parameter form until the first frame */
    BalancingView(BalancerCommands commands, Scenario initial) {
        super("Load balancing");
        viewModel = new BalancingViewModel(commands);
        left = new SideView("left", viewModel.left(), false);
        right = new SideView("right", viewModel.right(), true);
        loadLayout("BalancingPanel");
        form = parameterForm(initial);
        form.node().getStyleClass().add("balancing-parameters");
        rangeBar.setId("balancingRangeBar");
        rangeBar.onZoom(this::runSeconds);
        VBox chartBox = new VBox(rangeBar, charts.row());
        VBox.setVgrow(charts.row(), Priority.ALWAYS);
        chartBox.getStyleClass().add("run-charts");
        place(chartBox, form.node());
    }

    /** How far the run has gone, for zooming. */
    private double runSeconds() {
        return frame == null ? 0 : frame.snapshot().history().seconds();
    }

    @Override
    public RunRange range() {
        return range;
    }

    /** The points the charts hold now (tests). */
    int chartPoints() {
        return charts.pointsDrawn();
    }

    // ------------------------------------------------------------------ race bar

    /** Called by the loader once the layout's nodes are injected: the panel's bindings, in one place. */
    @FXML
    private void initialize() {
        left.canvas().setOnSelect(viewModel::select);
        right.canvas().setOnSelect(viewModel::select);
        sides.getChildren().setAll(left.node());
        viewModel.raceShownProperty().addListener((obs, was, shown) -> showRace(shown));
        viewModel.selectedProperty().addListener((obs, old, id) -> {
            left.canvas().setSelected(id);
            right.canvas().setSelected(id);
        });

        viewModel.raceModeProperty().addListener((obs, was, on) -> raceToggle.setSelected(on));
        followStrategy(leftStrategyChoice, viewModel.leftStrategyProperty(), viewModel::chooseLeftStrategy);
        followStrategy(rightStrategyChoice, viewModel.rightStrategyProperty(), viewModel::chooseRightStrategy);
        Runnable showStatus = () -> raceStatus.setText(!viewModel.raceModeProperty().get()
                ? "One world; race mode adds a second."
                : viewModel.raceShownProperty().get()
                ? "Racing: same workload and seed, in lockstep."
                : "Starting the race at t = 0…");
        viewModel.raceModeProperty().addListener((obs, was, on) -> showStatus.run());
        viewModel.raceShownProperty().addListener((obs, was, on) -> showStatus.run());
        showStatus.run();
    }

    /**
     * Starts the race against {@code right}, as choosing it and pressing Race does (the command
     * line's {@code --race}): the run starts over in two worlds once the runner sends its scenario.
     */
    public void startRace(Strategy right) {
        viewModel.chooseRightStrategy(right);
        viewModel.setRaceMode(true);
    }

    @FXML
    private void toggleRace() {
        viewModel.setRaceMode(raceToggle.isSelected());
    }

    /** Fills a strategy menu; it shows the live strategy and sends the user's choice, not its own echo. */
    private static void followStrategy(ComboBox<Strategy> choice, ReadOnlyObjectProperty<Strategy> live,
                                       Consumer<Strategy> choose) {
        choice.getItems().setAll(Strategy.values());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Strategy s) {
                return s == null ? "" : s.label();
            }

            @Override
            public Strategy fromString(String text) {
                throw new UnsupportedOperationException("the strategy menu is not editable");
            }
        });
        choice.setVisibleRowCount(Strategy.values().length);
        boolean[] following = {false};
        Runnable follow = () -> {
            following[0] = true;
            choice.setValue(live.get());
            following[0] = false;
        };
        follow.run();
        live.addListener((obs, old, now) -> follow.run());
        choice.setOnAction(event -> {
            if (!following[0]) {
                choose.accept(choice.getValue());
            }
        });
    }

    private void showRace(boolean shown) {
        left.setCompact(shown);
        if (shown) {
            sides.getChildren().setAll(left.node(), right.node());
        } else {
            sides.getChildren().setAll(left.node());
        }
    }

    // ------------------------------------------------------------------ parameters

    private ParameterForm parameterForm(Scenario initial) {
        ParameterForm f = new ParameterForm("Load balancing", viewModel::send);
        f.update(initial); // sliders start from a live value
        f.section("Strategy");
        f.add(Parameter.of("balancer.strategy"));
        f.add(Parameter.of("balancer.choices"), SliderScale.linear(1, 10, 1));
        f.add(Parameter.of("balancer.activeRequestBias"), SliderScale.linear(0, 3, 0.1));
        f.add(Parameter.of("balancer.ringVirtualNodes"));
        f.add(Parameter.of("balancer.slowStartSeconds"));

        f.section("Instance");
        f.addNode(instanceRows());

        f.section("Outlier ejection (passive)");
        f.add(Parameter.of("balancer.outlierConsecutiveErrors"));
        f.add(Parameter.of("balancer.outlierBaseEjectionSeconds"));
        f.add(Parameter.of("balancer.outlierMaxEjectionPercent"));
        f.section("Health checks (active)");
        f.add(Parameter.of("balancer.healthCheckIntervalSeconds"));
        f.add(Parameter.of("balancer.healthCheckUnhealthyThreshold"));
        f.add(Parameter.of("balancer.healthCheckHealthyThreshold"));
        f.section("Panic");
        f.add(Parameter.of("balancer.panicThresholdPercent"), SliderScale.linear(0, 100, 5));
        return f;
    }

    private VBox instanceRows() {
        ComboBox<String> instance = new ComboBox<>(viewModel.instanceIds());
        instance.setId("instanceChoice");
        instance.setPromptText("none");
        instance.setTooltip(tooltip("The instance the fields and buttons below act on. Clicking an instance in the live view selects it too."));
        instance.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty ? null : id);
            }
        });
        boolean[] following = {false};
        viewModel.selectedProperty().addListener((obs, old, id) -> {
            following[0] = true;
            instance.setValue(id);
            following[0] = false;
        });
        instance.setOnAction(event -> {
            if (!following[0]) {
                viewModel.select(instance.getValue());
            }
        });
        Label name = new Label("Instance");
        name.getStyleClass().add("parameter-name");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox choiceRow = new HBox(name, gap, instance);
        choiceRow.getStyleClass().add("parameter-input");

        Label summary = new Label();
        summary.setId("selectedInstanceSummary");
        summary.getStyleClass().add("instance-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.selectedSummaryProperty());

        VBox rows = new VBox(choiceRow, summary,
                fieldRow("instanceWeightField", "Weight", "", viewModel.weight(),
                        "The selected instance's balancing weight (0.001 to 1000). Weighted strategies (smooth weighted round robin, "
                                + "weighted random, least request, ring hash, Maglev) send it traffic in proportion."),
                fieldRow("instanceSpeedField", "Speed", "× normal", viewModel.speed(),
                        "The fraction of its normal speed the selected instance serves at (0.01 to 1): below 1 is a gray failure, "
                                + "up and passing health checks but slow. 1 restores it."),
                fieldRow("instanceErrorRateField", "Error rate", "of requests", viewModel.errorRate(),
                        "The fraction of its requests the selected instance answers with an error (0 to 1), such as 0.5. 0 restores it. "
                                + "Outlier ejection or failing health checks take it out of rotation."));
        rows.getStyleClass().add("instance-rows");
        Button slow = actionButton("Make instance slow (25% speed)", "makeSlowButton",
                "Gray failure: the selected instance keeps passing health checks but serves at a quarter of its speed. "
                        + "Round robin keeps feeding it; load-aware strategies route around it. Applies to both sides of a race.",
                viewModel::makeSelectedSlow);
        Button errors = actionButton("Return errors (50% of requests)", "returnErrorsButton",
                "The selected instance answers half of its requests with an error. With outlier ejection or health checks on, "
                        + "the balancer takes it out of rotation (faded in the live view). Applies to both sides of a race.",
                viewModel::selectedReturnsErrors);
        Button restore = actionButton("Restore (full speed, no errors)", "restoreInstanceButton",
                "Sets the selected instance's speed back to 1 and its error rate to 0.", viewModel::restoreSelected);
        Button kill = actionButton("Kill instance", "killInstanceButton",
                "Crash the selected instance: its requests in flight fail, and the pool replaces it with a new one that boots first. "
                        + "Applies to both sides of a race.", viewModel::killSelected);
        for (Button b : new Button[] {slow, errors, restore, kill}) {
            b.disableProperty().bind(viewModel.selectedProperty().isNull());
        }
        rows.getChildren().addAll(slow, errors, restore, kill);
        return rows;
    }

    private VBox fieldRow(String id, String label, String unitText, InstanceField model, String explanation) {
        Label name = new Label(label);
        name.getStyleClass().add("parameter-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        TextField field = new TextField();
        field.setId(id);
        field.getStyleClass().add("parameter-field");
        field.textProperty().bindBidirectional(model.textProperty());
        field.disableProperty().bind(viewModel.selectedProperty().isNull());
        Tooltip tip = tooltip(explanation);
        name.setTooltip(tip);
        field.setTooltip(tip);
        field.setOnAction(event -> viewModel.commit(model));
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                viewModel.commit(model);
            }
        });
        field.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && model.isEdited()) {
                model.revert();
                event.consume();
            }
        });
        Label unit = new Label(unitText);
        unit.getStyleClass().add("parameter-unit");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox input = new HBox(name, gap, field, unit);
        input.getStyleClass().add("parameter-input");
        Label error = new Label();
        error.setId(id.replace("Field", "Error"));
        error.getStyleClass().add("parameter-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        model.errorProperty().addListener((obs, old, now) -> field.pseudoClassStateChanged(INVALID, !now.isEmpty()));
        VBox row = new VBox(input, error);
        row.getStyleClass().add("parameter-row");
        return row;
    }

    // ------------------------------------------------------------------ Panel

    @Override
    public void update(Frame newFrame, long nowNanos) {
        assert FxThread.isCurrent();
        frame = newFrame;
        viewModel.update(frame, nowNanos);
        Snapshot snapshot = frame.snapshot();
        form.update(snapshot.current());
        String selected = viewModel.selectedProperty().get();
        boolean paused = frame.status().paused();
        left.canvas().show(snapshot, viewModel.left().shownPick(), selected, paused);
        left.canvas().launch(snapshot.dispatches(), viewModel.left().firstNewDispatch(snapshot.dispatches()), nowNanos);
        Snapshot race = frame.race();
        if (race != null) {
            right.canvas().show(race, viewModel.right().shownPick(), selected, paused);
            right.canvas().launch(race.dispatches(), viewModel.right().firstNewDispatch(race.dispatches()), nowNanos);
        }
    }

    @Override
    public void animate(long nowNanos) {
        assert FxThread.isCurrent();
        viewModel.poll(nowNanos);
        boolean leftRedrawn = left.canvas().draw(nowNanos, true);
        if (viewModel.raceShownProperty().get()) {
            // The two boards take turns, so that no pulse redraws both.
            right.canvas().draw(nowNanos, !leftRedrawn);
        }
        // Asked every pulse, not only on new frames, so a sample held back by the rate limit still shows when paused.
        if (frame == null) {
            return;
        }
        boolean backToLive = wholeRunPacer.leftWholeRun();
        boolean live = !range.isWholeRun();
        boolean due = live ? chartPacing.due(ChartPacer.newestSampleSeconds(frame.snapshot().series()), nowNanos) || backToLive
                : wholeRunPacer.due(frame.snapshot().history(), charts.latencyChart().getXAxis().getWidth(), nowNanos);
        Snapshot race = frame.race();
        boolean raceShown = race != null && viewModel.raceShownProperty().get();
        if (due || raceShown != raceCharted) {
            raceCharted = raceShown;
            double run = runSeconds();
            double[] window = live ? BalancingCharts.liveWindow(ChartPacer.newestSampleSeconds(frame.snapshot().series()))
                    : new double[] {range.from(run), range.to(run)};
            if (Double.isNaN(window[0])) {
                window = BalancingCharts.liveWindow(0);
            }
            if (raceShown) {
                charts.showRace(frame.snapshot(), race, frame.snapshot().current().balancer().strategy().label(),
                        race.current().balancer().strategy().label(), focusInstance(frame.snapshot()), window[0], window[1], live);
            } else {
                charts.show(frame.snapshot(), window[0], window[1], live);
            }
            rangeBar.describe(window[0], window[1], charts.secondsPerPoint());
        }
    }

    /** The instance whose share the race chart follows: the selected one, else the slowest, else the first. */
    private String focusInstance(Snapshot snapshot) {
        String selected = viewModel.selectedProperty().get();
        Snapshot.InstanceView slowest = null;
        for (Snapshot.InstanceView in : snapshot.instances()) {
            if (in.id().equals(selected)) {
                return selected;
            }
            if (slowest == null || in.speedFactor() < slowest.speedFactor()) {
                slowest = in;
            }
        }
        return slowest == null ? "" : slowest.id();
    }

    /** The view model, for tests in this package. */
    BalancingViewModel viewModel() {
        return viewModel;
    }

    /**
     * A lesson's outline: {@code instance:i-3} is that instance's row (or tile) in the left (or only)
     * world, {@code pool} the whole of that picture.
     */
    @Override
    public javafx.geometry.Bounds highlightBounds(String element) {
        if (element.equals("pool")) {
            return dev.scalelab.ui.lesson.HighlightResolver.ofNode(left.canvas());
        }
        if (element.startsWith("instance:")) {
            BalancerCanvas canvas = left.canvas();
            return dev.scalelab.ui.lesson.HighlightResolver.inScene(canvas, canvas.tileBounds(element.substring("instance:".length())));
        }
        return null;
    }
}
