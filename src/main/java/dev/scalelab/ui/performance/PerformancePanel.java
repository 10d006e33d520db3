package dev.scalelab.ui.performance;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.FxmlPanel;
import dev.scalelab.ui.Panel;
import dev.scalelab.ui.controls.FigureCard;
import dev.scalelab.ui.charts.WholeRunSwitch;
import dev.scalelab.world.PerformanceView;
import dev.scalelab.world.PerformanceView.RuntimeView;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * The Performance panel: headline figures over three views of the simulated system — the heaps
 * (eden, survivors, old space and the pauses of the last 30 s per instance), the object pools and
 * the connection pools with the database behind them; the slowest recent requests as waterfalls;
 * and the monitor's metrics. Its charts follow latency, pauses, allocation and connection waits,
 * and the latency broken down by phase. A scenario without a heap model or connection pools shows a
 * note and a preset to open in their place; the profile parts work on every scenario. When the
 * panel hosts another panel as "This app", both sit in tabs and that panel is updated alongside.
 * The layout is {@code fxml/PerformancePanel.fxml}, the look {@code styles/performance.css}.
 *
 * <p>FX thread only.
 */
public final class PerformancePanel extends FxmlPanel implements dev.scalelab.ui.charts.RunCharts {
    static final String GC_PAUSES = "gc-pauses";
    static final String POOL_EXHAUSTION = "pool-exhaustion";
    private static final double HEAP_CARD_WIDTH = 520;
    private static final double NOTE_CARD_WIDTH = 260;
    private static final double SIDE_MAX_WIDTH = 460;

    private final Consumer<String> startPreset;
    private final Panel thisApp;
    private final PerformanceViewModel viewModel = new PerformanceViewModel();
    private final PerformanceParameters parameters;
    private final WholeRunSwitch wholeRun = new WholeRunSwitch("performanceRangeBar", PerformanceCharts.WINDOW_SECONDS);
    private final PerformanceCharts charts = new PerformanceCharts(wholeRun.range(), wholeRun::runSeconds);
    @FXML private VBox system;
    @FXML private FigureCard p99Card;
    @FXML private FigureCard gcPauseCard;
    @FXML private FigureCard collectionsCard;
    @FXML private FigureCard poolHitCard;
    @FXML private FigureCard connectionWaitCard;
    @FXML private FigureCard timeoutsCard;
    @FXML private VBox heapCard;
    @FXML private VBox sideColumn;
    @FXML private FlowPane heapLegend;
    @FXML private StackPane heapHost;
    @FXML private StackPane objectPoolHost;
    @FXML private StackPane connectionHost;
    private final HeapGrid heaps = new HeapGrid();
    private final ObjectPoolCanvas objectPool = new ObjectPoolCanvas();
    private final ConnectionPoolsCanvas connectionPools = new ConnectionPoolsCanvas();
    @FXML private VBox noRuntime;
    @FXML private Label noObjectPool;
    @FXML private VBox noConnections;
    @FXML private SlowTracesView traces;
    @FXML private MonitorTable monitor;
    @FXML private Tab tracesTab;
    @FXML private Tab monitorTab;
    private Snapshot snapshot;

    /**
     * @param startPreset starts a built-in scenario by name, as the window's scenario menu does
     * @param thisApp     the panel of the app's own performance, shown in a second tab; null for none
     */
    public PerformancePanel(SimulationRunner runner, Consumer<String> startPreset, Panel thisApp) {
        super("Performance");
        this.startPreset = startPreset;
        this.thisApp = thisApp;
        parameters = new PerformanceParameters(runner);
        heaps.setId("perfHeaps");
        objectPool.setId("perfObjectPool");
        connectionPools.setId("perfConnectionPools");
        StackPane view = loadLayout("PerformancePanel");
        if (thisApp == null) {
            view.getChildren().setAll(system);
        } else {
            Tab simulated = new Tab("Simulated system", system);
            simulated.setId("perfSimulatedTab");
            Tab app = new Tab("This app", thisApp.view());
            app.setId("perfThisAppTab");
            TabPane tabs = new TabPane(simulated, app);
            tabs.setId("perfTabs");
            tabs.getStyleClass().add("performance-tabs");
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            view.getChildren().setAll(tabs);
        }
        showParts();
        // A list off screen is not kept up to date (a table relaid out four times a second costs frames); it catches up when shown.
        tracesTab.selectedProperty().addListener((obs, was, selected) -> showLists(selected, false));
        monitorTab.selectedProperty().addListener((obs, was, selected) -> showLists(false, selected));
        viewModel.hasRuntimeProperty().addListener((obs, had, has) -> showParts());
        viewModel.hasObjectPoolProperty().addListener((obs, had, has) -> showParts());
        viewModel.hasConnectionsProperty().addListener((obs, had, has) -> showParts());
        place(wholeRun.above(charts.view()), parameters.node());
    }

    /** Called by the loader once the layout's nodes are injected: the panel's bindings, in one place. */
    @FXML
    private void initialize() {
        p99Card.valueProperty().bind(viewModel.p99Property());
        gcPauseCard.valueProperty().bind(viewModel.gcPauseProperty());
        collectionsCard.valueProperty().bind(viewModel.collectionsProperty());
        poolHitCard.valueProperty().bind(viewModel.poolHitRatioProperty());
        connectionWaitCard.valueProperty().bind(viewModel.connectionWaitProperty());
        timeoutsCard.valueProperty().bind(viewModel.timeoutsAndRefusalsProperty());
    }

    @FXML
    private void openGcPauses() {
        startPreset.accept(GC_PAUSES);
    }

    @FXML
    private void openPoolExhaustion() {
        startPreset.accept(POOL_EXHAUSTION);
    }

    /**
     * Each drawing, or the note that the scenario lacks its part (never an empty drawing). Without
     * heaps their card narrows to its note and the pools take the width.
     */
    private void showParts() {
        boolean runtime = viewModel.hasRuntimeProperty().get();
        heapHost.getChildren().setAll(runtime ? heaps : noRuntime);
        HBox.setHgrow(heapCard, runtime ? Priority.ALWAYS : Priority.NEVER);
        HBox.setHgrow(sideColumn, runtime ? Priority.NEVER : Priority.ALWAYS);
        heapCard.setPrefWidth(runtime ? HEAP_CARD_WIDTH : NOTE_CARD_WIDTH);
        heapCard.setMaxWidth(runtime ? Double.MAX_VALUE : NOTE_CARD_WIDTH);
        sideColumn.setMaxWidth(runtime ? SIDE_MAX_WIDTH : Double.MAX_VALUE);
        heapLegend.setVisible(runtime);
        heapLegend.setManaged(runtime);
        objectPoolHost.getChildren().setAll(viewModel.hasObjectPoolProperty().get() ? objectPool : noObjectPool);
        connectionHost.getChildren().setAll(viewModel.hasConnectionsProperty().get() ? connectionPools : noConnections);
    }

    @Override
    public void update(Frame frame, long nowNanos) {
        assert FxThread.isCurrent();
        snapshot = frame.snapshot();
        viewModel.update(snapshot);
        parameters.update(snapshot);
        if (thisApp != null) {
            thisApp.update(frame, nowNanos);
        }
        PerformanceView performance = snapshot.performance();
        if (performance == null) {
            return;
        }
        RuntimeView runtime = performance.runtime();
        if (runtime != null) {
            heaps.show(runtime.instances(), snapshot.timeSeconds(), initiatingOldMb(snapshot.current()));
            if (runtime.objectPool() != null) {
                objectPool.show(runtime.objectPool(), runtime.instances());
            }
        }
        if (performance.connections() != null) {
            connectionPools.show(performance.connections());
        }
        if ((tracesTab.isSelected() || monitorTab.isSelected()) && viewModel.listsDue(snapshot.timeSeconds(), nowNanos)) {
            showLists(tracesTab.isSelected(), monitorTab.isSelected());
        }
    }

    private void showLists(boolean showTraces, boolean showMetrics) {
        PerformanceView performance = snapshot == null ? null : snapshot.performance();
        if (performance == null) {
            return;
        }
        if (showTraces) {
            traces.show(performance.profile().slowTraces());
        }
        if (showMetrics) {
            monitor.show(performance.profile().metrics());
        }
    }

    private static double initiatingOldMb(Scenario current) {
        return PerformanceViewModel.initiatingOldMb(current.service().runtime());
    }

    @Override
    public void animate(long nowNanos) {
        assert FxThread.isCurrent();
        if (thisApp != null) {
            thisApp.animate(nowNanos);
        }
        if (snapshot == null || snapshot.performance() == null) {
            return;
        }
        heaps.draw();
        objectPool.redraw();
        connectionPools.redraw();
        traces.draw();
        // Asked every pulse, not only on new frames, so a sample held back by the rate limit still shows when paused.
        charts.showPublish(snapshot.events() != null);
        WholeRunSwitch.Pulse pulse = wholeRun.pulse(snapshot, nowNanos, charts);
        if (pulse == WholeRunSwitch.Pulse.LIVE_AFRESH || pulse == WholeRunSwitch.Pulse.LIVE && viewModel.chartsDue(snapshot.series(), nowNanos)) {
            charts.show(snapshot.series(), snapshot.performance());
        }
    }

    /** The simulated system's charts' range; the "This app" view is measured live, not simulated, and has none. */
    @Override
    public dev.scalelab.ui.charts.RunRange range() {
        return wholeRun.range();
    }

    PerformanceCharts performanceCharts() {
        return charts;
    }

    HeapGrid heaps() {
        return heaps;
    }

    @Override
    public void dispose() {
        if (thisApp != null) {
            thisApp.dispose();
        }
    }

    /**
     * A lesson's outline: {@code pool} (or {@code pool:connections}) is the connection pools' card,
     * {@code pool:objects} the object pool's, {@code heap} the heaps' card (on the "Heaps and pools" tab).
     */
    @Override
    public javafx.geometry.Bounds highlightBounds(String element) {
        switch (element) {
            case "pool":
            case "pool:connections":
                return dev.scalelab.ui.lesson.HighlightResolver.ofNode(connectionHost.getParent());
            case "pool:objects":
                return dev.scalelab.ui.lesson.HighlightResolver.ofNode(objectPoolHost.getParent());
            case "heap":
                return dev.scalelab.ui.lesson.HighlightResolver.ofNode(heapCard);
            default:
                return null;
        }
    }
}
