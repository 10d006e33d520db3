package dev.scalelab.ui.resilience;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.PanelSource;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.FxmlPanel;
import dev.scalelab.ui.charts.RunCharts;
import dev.scalelab.ui.charts.RunRange;
import dev.scalelab.ui.charts.RunRangeBar;
import dev.scalelab.ui.charts.WholeRunPacer;
import dev.scalelab.world.Snapshot;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * The Resilience panel's controller: each downstream dependency with its mesh client's circuit
 * breaker, the retry storm or its containment as request dots ({@link MeshView}), the load,
 * amplification, failure-rate and breaker-state charts ({@link ResilienceCharts}), and the settings
 * and faults of each dependency ({@link ResilienceParameters}). A scenario without dependencies gets a
 * short explanation and a button that opens the retry-storm preset instead of empty charts. Its
 * layout is {@code fxml/ResiliencePanel.fxml}, its look {@code styles/resilience.css}; what it shows
 * and sends comes from its {@link ResilienceViewModel}.
 *
 * <p>FX thread only.
 */
public final class ResilienceView extends FxmlPanel implements RunCharts {
    /** The preset that shows what this panel is about. */
    static final String EXAMPLE_PRESET = "retry-storm";

    private final ResilienceViewModel viewModel;
    private final RunRange range = new RunRange();
    private final WholeRunPacer wholeRunPacer = new WholeRunPacer(range);
    private final RunRangeBar rangeBar = new RunRangeBar(range, ResilienceCharts.WINDOW_SECONDS);
    private final ResilienceCharts charts = new ResilienceCharts(range, this::runSeconds, rangeBar);
    private final ResilienceParameters form;
    @FXML private MeshView mesh;
    @FXML private Tooltip meshTooltip;
    @FXML private VBox emptyView;
    @FXML private StackPane chartHost;
    @FXML private Label emptyCharts;
    private Snapshot snapshot;

    /** The Resilience panel of {@code runner}'s simulation; {@code startPreset} starts a built-in scenario by name. FX thread only. */
    public ResilienceView(PanelSource runner, Consumer<String> startPreset) {
        super("Resilience");
        viewModel = new ResilienceViewModel(runner, startPreset);
        form = new ResilienceParameters(viewModel::setDependencyField, viewModel, viewModel::openPreset);
        loadLayout("ResiliencePanel");
        rangeBar.setId("resilienceRangeBar");
        rangeBar.onZoom(this::runSeconds);
        place(chartHost, form.node());
    }

    /**
     * For the drawn external API {@code id}, whose dependencies are the edges calling it through a
     * sidecar: should a live change take the last sidecar away, the empty panel says so, and offers no
     * preset (the window is on the canvas's run, not the main window's).
     */
    public ResilienceView drawnApi(String id) {
        Label title = new Label("No edge calls " + id + " through a sidecar now");
        title.getStyleClass().add("resilience-empty-title");
        Label text = new Label("A change took away the last sidecar (timeout, retries, circuit breaker, bulkhead) of the edges "
                + "calling " + id + ", so there is no client to show. Give an edge to " + id + " one in the inspector: it shows "
                + "here again from then on.");
        text.getStyleClass().add("resilience-empty-text");
        text.setWrapText(true);
        text.setMaxWidth(560);
        emptyView.getChildren().setAll(title, text);
        emptyCharts.setText("No sidecar calls " + id + " now: no load, breaker or retries to chart.");
        form.drawnApi(id);
        return this;
    }

    @FXML
    private void initialize() {
        Tooltip.install(mesh, meshTooltip);
        chartHost.getChildren().add(0, charts.view());
        setupBindings();
    }

    /** The panel's one place where what shows follows the view model. */
    private void setupBindings() {
        mesh.visibleProperty().bind(viewModel.emptyProperty().not());
        emptyView.visibleProperty().bind(viewModel.emptyProperty());
        charts.view().visibleProperty().bind(viewModel.emptyProperty().not());
        emptyCharts.visibleProperty().bind(viewModel.emptyProperty());
    }

    @FXML
    private void openExample() {
        viewModel.openPreset(EXAMPLE_PRESET);
    }

    /** Takes in a frame: the view model, the mesh's dots and the form follow it. FX thread only. */
    @Override
    public void update(Frame frame, long nowNanos) {
        assert FxThread.isCurrent();
        snapshot = frame.snapshot();
        viewModel.update(snapshot, nowNanos);
        mesh.show(snapshot, viewModel.tracks(), viewModel.attemptsPerDot(), viewModel.restarted());
        mesh.launch(nowNanos);
        form.update(snapshot);
    }

    /** Every pulse: the mesh redraws what moved, the charts take new points when due. FX thread only. */
    @Override
    public void animate(long nowNanos) {
        assert FxThread.isCurrent();
        mesh.draw(nowNanos);
        // Asked every pulse, not only on new frames, so a point held back by the rate limit still shows when paused.
        boolean backToLive = wholeRunPacer.leftWholeRun();
        if (snapshot != null && range.isWholeRun()) {
            if (wholeRunPacer.due(snapshot.history(), charts.view().getWidth(), nowNanos)) {
                double run = runSeconds();
                charts.show(snapshot, viewModel.tracks(), viewModel.structure(), range.from(run), range.to(run), false);
                rangeBar.describe(range.from(run), range.to(run), charts.secondsPerPoint());
            }
        } else if (snapshot != null && (viewModel.chartsDue(nowNanos) || backToLive)) {
            double[] window = ResilienceCharts.liveWindow(snapshot.history().seconds());
            charts.show(snapshot, viewModel.tracks(), viewModel.structure(), window[0], window[1], true);
        }
        charts.draw();
    }

    /** How far the run has gone, for zooming. */
    private double runSeconds() {
        return snapshot == null ? 0 : snapshot.history().seconds();
    }

    @Override
    public RunRange range() {
        return range;
    }

    /** A lesson's outline: {@code breaker:payments} is that dependency's circuit breaker. */
    @Override
    public javafx.geometry.Bounds highlightBounds(String element) {
        if (element.startsWith("breaker:")) {
            return dev.scalelab.ui.lesson.HighlightResolver.inScene(mesh, mesh.breakerBounds(element.substring("breaker:".length())));
        }
        return null;
    }
}
