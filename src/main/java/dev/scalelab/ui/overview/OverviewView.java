package dev.scalelab.ui.overview;

import dev.scalelab.runtime.Frame;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.FxmlPanel;
import dev.scalelab.ui.controls.FigureCard;
import dev.scalelab.ui.charts.ChartPacer;
import dev.scalelab.ui.charts.RunCharts;
import dev.scalelab.ui.charts.RunRange;
import dev.scalelab.ui.charts.RunRangeBar;
import dev.scalelab.ui.charts.TimeLineChart;
import dev.scalelab.ui.charts.WholeRunPacer;
import dev.scalelab.world.Snapshot;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;


/**
 * The Overview panel: the headline figures of the last virtual second, the API gateway's card
 * ({@link GatewayCard}, for a scenario with one), the animated pool ({@link PoolView}) and the
 * throughput and latency charts. The layout is {@code fxml/OverviewPanel.fxml},
 * the look {@code styles/overview.css}; this controller binds the figures to the
 * {@link OverviewViewModel} and hands each frame to the pool and the charts.
 *
 * <p>FX thread only.
 */
public final class OverviewView extends FxmlPanel implements RunCharts {
    private final OverviewViewModel viewModel = new OverviewViewModel();
    @FXML private FlowPane headline;
    @FXML private FigureCard offeredFigure;
    @FXML private FigureCard completedFigure;
    @FXML private FigureCard rejectedFigure;
    @FXML private FigureCard p50Figure;
    @FXML private FigureCard p99Figure;
    @FXML private FigureCard utilizationFigure;
    @FXML private FigureCard instancesFigure;
    @FXML private GatewayCard gatewayCard;
    @FXML private PoolView pool;
    @FXML private HBox chartPane;
    @FXML private TimeLineChart throughputChart;
    @FXML private TimeLineChart latencyChart;
    private OverviewCharts charts;
    private Snapshot snapshot;
    private final RunRange range = new RunRange();
    private final WholeRunPacer wholeRunPacer = new WholeRunPacer(range);
    private final RunRangeBar rangeBar = new RunRangeBar(range, OverviewCharts.WINDOW_SECONDS);

    /**
     * @param openPanel  shows the panel of a part double-clicked in the diagram ("Caching" for the cache card)
     * @param drawSystem opens the design canvas on this system, drawn as boxes; null offers no way there
     */
    public OverviewView(java.util.function.Consumer<String> openPanel, Runnable drawSystem) {
        super("Overview");
        loadLayout("OverviewPanel");
        pool.setOnOpenPanel(openPanel);
        if (drawSystem != null) {
            // The system's shape is the canvas's to change: the Overview's one step there.
            Button draw = new Button("Draw this system…");
            draw.setId("drawSystemButton");
            draw.setOnAction(e -> drawSystem.run());
            draw.setTooltip(dev.scalelab.ui.Tooltips.tooltip("Opens this system on the design canvas, drawn as boxes with its settings as "
                    + "they are now (as Run ▸ Draw this system…): add a CDN, a queue or a second service, and run it there."));
            headline.getChildren().add(draw);
        }
        rangeBar.setId("overviewRangeBar");
        rangeBar.onZoom(this::runSeconds);
        VBox box = new VBox(rangeBar, chartPane);
        VBox.setVgrow(chartPane, Priority.ALWAYS);
        box.getStyleClass().add("run-charts");
        place(box, null);
    }

    /** How far the run has gone, for zooming. */
    private double runSeconds() {
        return snapshot == null ? 0 : snapshot.history().seconds();
    }

    /** Called by the loader once the layout's nodes are injected: the panel's bindings, in one place. */
    @FXML
    private void initialize() {
        offeredFigure.valueProperty().bind(viewModel.offeredProperty());
        completedFigure.valueProperty().bind(viewModel.completedProperty());
        rejectedFigure.valueProperty().bind(viewModel.rejectedProperty());
        p50Figure.valueProperty().bind(viewModel.p50Property());
        p99Figure.valueProperty().bind(viewModel.p99Property());
        utilizationFigure.valueProperty().bind(viewModel.utilizationProperty());
        instancesFigure.valueProperty().bind(viewModel.instancesProperty());
        charts = new OverviewCharts(throughputChart, latencyChart, range, this::runSeconds);
    }

    @Override
    public void update(Frame frame, long nowNanos) {
        assert FxThread.isCurrent();
        snapshot = frame.snapshot();
        viewModel.update(snapshot);
        gatewayCard.show(snapshot.gateway());
        pool.show(snapshot);
        pool.launch(snapshot.dispatches(), viewModel.firstNewDispatch(snapshot.dispatches()), nowNanos);
    }

    @Override
    public void animate(long nowNanos) {
        assert FxThread.isCurrent();
        pool.draw(nowNanos);
        if (snapshot == null) {
            return;
        }
        if (wholeRunPacer.leftWholeRun()) {
            charts.backToLive();
            viewModel.chartsRedrawn();
        }
        if (wholeRunPacer.due(snapshot.history(), throughputChart.timeAxis().getWidth(), nowNanos)) {
            double run = runSeconds();
            double from = range.from(run);
            double to = range.to(run);
            rangeBar.describe(from, to, charts.showWholeRun(snapshot.history(), from, to));
        }
        // Asked every pulse, not only on new frames, so a sample held back by the rate limit still shows when paused.
        if (!range.isWholeRun() && viewModel.chartsDue(ChartPacer.newestSampleSeconds(snapshot.series()), nowNanos)) {
            charts.show(snapshot.series());
        }
    }

    @Override
    public RunRange range() {
        return range;
    }

    /** The points the charts hold now (tests: bounded by their width in the whole run). */
    public int chartPoints() {
        return charts.pointsDrawn();
    }

    /** A lesson's outline: {@code instance:i-3} is that instance's tile, {@code pool} the whole pool picture. */
    @Override
    public javafx.geometry.Bounds highlightBounds(String element) {
        return dev.scalelab.ui.lesson.HighlightResolver.ofPool(pool, pool::tileBounds, element);
    }
}
