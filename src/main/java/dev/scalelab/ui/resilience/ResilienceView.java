package dev.scalelab.ui.resilience;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.Panel;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Snapshot;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import static dev.scalelab.ui.Tooltips.tooltip;

/**
 * The Resilience panel: each downstream dependency with its mesh client's circuit breaker, the
 * retry storm or its containment as request dots ({@link MeshView}), the load, amplification,
 * failure-rate and breaker-state charts ({@link ResilienceCharts}), and the settings and faults of
 * each dependency ({@link ResilienceParameters}). A scenario without dependencies gets a short explanation
 * and a button that opens the retry-storm preset instead of empty charts. Its look is in
 * {@code styles/resilience.css}.
 *
 * <p>FX thread only.
 */
public final class ResilienceView implements Panel {
    /** The preset that shows what this panel is about. */
    static final String EXAMPLE_PRESET = "retry-storm";

    private final SimulationRunner runner;
    private final ResilienceViewModel viewModel = new ResilienceViewModel();
    private final MeshView mesh = new MeshView();
    private final ResilienceCharts charts = new ResilienceCharts();
    private final ResilienceParameters form;
    private final VBox emptyView = new VBox();
    private final Label emptyCharts = new Label("The charts follow each dependency's load, attempts per request, "
            + "failure rate and breaker state; this scenario has none.");
    private final StackPane view;
    private final StackPane chartHost;
    private Snapshot snapshot;
    /** A restart seen in a frame that the charts have not caught up with yet (they update a few times a second). */
    private boolean chartsRestart;

    public ResilienceView(SimulationRunner runner) {
        this.runner = runner;
        form = new ResilienceParameters(runner::setDependencyField, runner::act, this::openPreset);
        mesh.setId("meshView");
        Tooltip.install(mesh, tooltip("Each row is one downstream dependency: the service's mesh client "
                + "with its circuit breaker (the lit state, the countdown to half-open, the ring of recent outcomes around "
                + "the failure rate), then the dependency itself (workers, queue, faults). Dots are a sample of the attempts: "
                + "they bounce off an open breaker and flash red where the dependency fails them."));

        Label title = new Label("No downstream services in this scenario");
        title.getStyleClass().add("resilience-empty-title");
        Label text = new Label("This panel shows how a service's mesh clients protect it from failing dependencies: "
                + "circuit breakers, retries with back-off and jitter, retry budgets and timeouts. The retry-storm preset "
                + "takes two copies of a payments service down for 30 s: behind a naive client the load on the dead "
                + "service triples; behind a breaker with jittered back-off and a budget it nearly stops.");
        text.setWrapText(true);
        text.getStyleClass().add("resilience-empty-text");
        Button open = new Button("Open the retry-storm preset");
        open.setId("openRetryStormButton");
        open.setDefaultButton(false);
        open.setTooltip(tooltip("Start the retry-storm preset from t = 0, as choosing it in the Scenario list of the toolbar does."));
        open.setOnAction(event -> openPreset(EXAMPLE_PRESET));
        emptyView.getChildren().addAll(title, text, open);
        emptyView.setId("resilienceEmpty");
        emptyView.getStyleClass().add("resilience-empty");
        emptyView.setAlignment(Pos.CENTER);
        emptyView.setFillWidth(false);
        text.setMaxWidth(560);

        emptyCharts.setWrapText(true);
        emptyCharts.getStyleClass().add("resilience-empty-text");
        emptyCharts.setMaxWidth(520);

        view = new StackPane(mesh, emptyView);
        view.setId("resilience");
        view.getStyleClass().add("resilience");
        chartHost = new StackPane(charts.view(), emptyCharts);
        chartHost.getStyleClass().add("resilience-chart-host");
        String stylesheet = ResilienceView.class.getResource("/styles/resilience.css").toExternalForm();
        view.getStylesheets().add(stylesheet);
        chartHost.getStylesheets().add(stylesheet);
        ((javafx.scene.Parent) form.node()).getStylesheets().add(stylesheet);
        showEmpty(true);
        viewModel.emptyProperty().addListener((obs, was, empty) -> showEmpty(empty));
    }

    private void showEmpty(boolean empty) {
        mesh.setVisible(!empty);
        emptyView.setVisible(empty);
        charts.view().setVisible(!empty);
        emptyCharts.setVisible(empty);
    }

    /**
     * Starts a preset through the toolbar's scenario menu, so that the menu, the window title and the
     * status line say what runs, as when the user picks it there; without the main window (a bare
     * test scene) straight through the runner.
     */
    @SuppressWarnings("unchecked")
    private void openPreset(String name) {
        Scene scene = view.getScene();
        Node menu = scene == null ? null : scene.lookup("#presetChoice");
        if (menu instanceof ComboBox) {
            ((ComboBox<String>) menu).setValue(name);
        } else {
            runner.reset(Presets.load(name));
        }
    }

    @Override
    public String title() {
        return "Resilience";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public Node charts() {
        return chartHost;
    }

    @Override
    public Node parameters() {
        return form.node();
    }

    @Override
    public void update(Frame frame, long nowNanos) {
        snapshot = frame.snapshot();
        viewModel.update(snapshot, nowNanos);
        chartsRestart |= viewModel.restarted();
        mesh.show(snapshot, viewModel.tracks(), viewModel.attemptsPerDot(), viewModel.restarted());
        mesh.launch(nowNanos);
        form.update(snapshot);
    }

    @Override
    public void animate(long nowNanos) {
        mesh.draw(nowNanos);
        // Asked every pulse, not only on new frames, so a point held back by the rate limit still shows when paused.
        if (snapshot != null && viewModel.chartsDue(nowNanos)) {
            charts.show(viewModel.tracks(), viewModel.structure(), chartsRestart, snapshot.timeSeconds());
            chartsRestart = false;
        }
        charts.draw();
    }
}
