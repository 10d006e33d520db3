package dev.scalelab.ui.overview;

import dev.scalelab.runtime.Frame;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.FxmlPanel;
import dev.scalelab.ui.controls.FigureCard;
import dev.scalelab.ui.charts.ChartPacer;
import dev.scalelab.ui.charts.TimeLineChart;
import dev.scalelab.world.Snapshot;
import javafx.fxml.FXML;
import javafx.scene.layout.HBox;


/**
 * The Overview panel: the headline figures of the last virtual second, the API gateway's card
 * ({@link GatewayCard}, for a scenario with one), the animated pool ({@link PoolView}) and the
 * throughput and latency charts. The layout is {@code fxml/OverviewPanel.fxml},
 * the look {@code styles/overview.css}; this controller binds the figures to the
 * {@link OverviewViewModel} and hands each frame to the pool and the charts.
 *
 * <p>FX thread only.
 */
public final class OverviewView extends FxmlPanel {
    private final OverviewViewModel viewModel = new OverviewViewModel();
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

    public OverviewView() {
        super("Overview");
        loadLayout("OverviewPanel");
        place(chartPane, null);
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
        charts = new OverviewCharts(throughputChart, latencyChart);
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
        // Asked every pulse, not only on new frames, so a sample held back by the rate limit still shows when paused.
        if (snapshot != null && viewModel.chartsDue(ChartPacer.newestSampleSeconds(snapshot.series()), nowNanos)) {
            charts.show(snapshot.series());
        }
    }

    /** A lesson's outline: {@code instance:i-3} is that instance's tile, {@code pool} the whole pool picture. */
    @Override
    public javafx.geometry.Bounds highlightBounds(String element) {
        return dev.scalelab.ui.lesson.HighlightResolver.ofPool(pool, pool::tileBounds, element);
    }
}
