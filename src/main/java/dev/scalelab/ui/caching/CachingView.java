package dev.scalelab.ui.caching;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.PanelSource;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.FxmlPanel;
import dev.scalelab.ui.charts.WholeRunSwitch;
import dev.scalelab.world.Snapshot;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * The Caching panel's controller: the headline figures of the cache ({@link HeadlineFigure}), its
 * levels as grids of slots on the request path to the store ({@link CacheLevelsView}), the
 * hit-ratio and store-load charts ({@link CachingCharts}) and its own parameter pane
 * ({@link CachingParameters}). A scenario without a cache gets a short explanation and a way to open
 * one that has, instead of empty charts. Its layout is {@code fxml/CachingPanel.fxml}, its look
 * {@code styles/caching.css}; what it shows and sends comes from its {@link CachingViewModel}.
 *
 * <p>FX thread only.
 */
public final class CachingView extends FxmlPanel implements dev.scalelab.ui.charts.RunCharts {
    /** The preset the panel offers when the scenario has no cache. */
    static final String STAMPEDE_PRESET = "cache-stampede";

    private final CachingViewModel viewModel;
    private final WholeRunSwitch wholeRun = new WholeRunSwitch("cachingRangeBar", CachingCharts.WINDOW_SECONDS);
    private final CachingCharts charts = new CachingCharts(wholeRun.range(), wholeRun::runSeconds);
    private final VBox chartBox = wholeRun.above(charts.view());
    private final CachingParameters parameters;
    @FXML private VBox content;
    @FXML private VBox empty;
    @FXML private HeadlineFigure hitRatio;
    @FXML private HeadlineFigure optimum;
    @FXML private HeadlineFigure storeLoads;
    @FXML private HeadlineFigure duplicateLoads;
    @FXML private HeadlineFigure coalescedReads;
    @FXML private HeadlineFigure staleReads;
    @FXML private HeadlineFigure coalescing;
    @FXML private CacheLevelsView levels;
    @FXML private StackPane chartHost;
    @FXML private Label noCharts;
    private Snapshot snapshot;

    /**
     * The Caching panel of {@code runner}'s run (the main window's, or a drawn cache box's);
     * {@code startPreset} starts a built-in scenario by name. FX thread only.
     */
    public CachingView(PanelSource runner, Consumer<String> startPreset) {
        super("Caching");
        viewModel = new CachingViewModel(runner, startPreset);
        parameters = new CachingParameters(viewModel::set, viewModel, this::openStampede);
        loadLayout("CachingPanel");
        place(chartHost, parameters.node());
    }

    /**
     * A drawn cache box's Caching panel: no Belady bound is computed for its reads, and its keys are
     * its clients' traffic, so neither is offered. Call before its first frame.
     */
    public CachingView drawnBox() {
        optimum.setVisible(false);
        optimum.setManaged(false);
        charts.withoutBelady();
        parameters.withoutKeys();
        return this;
    }

    /**
     * A drawn CDN's Caching panel: a drawn box's, whose one level is the CDN's edge, whose store is its
     * origin, and which has no write policy or coalescing switch to offer (it caches reads; its misses of
     * one object always share one fetch). Call before its first frame.
     */
    public CachingView drawnCdn() {
        drawnBox();
        viewModel.nameStore("Origin", "the clients");
        storeLoads.setName("Origin loads");
        storeLoads.setExplanation("Fetches from the CDN's origin in the last virtual second: its misses.");
        charts.loadsFromOrigin();
        coalescing.setExplanation("Single flight: concurrent misses of one object share one fetch from the origin. A CDN always does.");
        parameters.asCdn();
        return this;
    }

    @FXML
    private void initialize() {
        levels.setModel(viewModel);
        chartHost.getChildren().add(0, chartBox);
        setupBindings();
    }

    /** The panel's one place where what shows follows the view model. */
    private void setupBindings() {
        hitRatio.valueProperty().bind(viewModel.hitRatioProperty());
        optimum.valueProperty().bind(viewModel.optimumProperty());
        storeLoads.valueProperty().bind(viewModel.storeLoadsProperty());
        duplicateLoads.valueProperty().bind(viewModel.duplicateLoadsProperty());
        coalescedReads.valueProperty().bind(viewModel.coalescedReadsProperty());
        staleReads.valueProperty().bind(viewModel.staleReadsProperty());
        coalescing.valueProperty().bind(viewModel.coalescingProperty());
        viewModel.stampedeProperty().addListener((obs, was, now) -> duplicateLoads.setAlarm(now));
        content.visibleProperty().bind(viewModel.hasCacheProperty());
        empty.visibleProperty().bind(viewModel.hasCacheProperty().not());
        chartBox.visibleProperty().bind(viewModel.hasCacheProperty());
        charts.view().visibleProperty().bind(viewModel.hasCacheProperty());
        noCharts.visibleProperty().bind(viewModel.hasCacheProperty().not());
    }

    @FXML
    private void openStampede() {
        viewModel.openPreset(STAMPEDE_PRESET);
    }

    /** Takes in a frame: the view model, the parameters and the levels follow it. FX thread only. */
    @Override
    public void update(Frame frame, long nowNanos) {
        assert FxThread.isCurrent();
        snapshot = frame.snapshot();
        viewModel.update(snapshot);
        parameters.update(snapshot.current());
        levels.show(snapshot, nowNanos);
    }

    /** Every pulse: new figures when due, the levels' animation, the charts' new points. FX thread only. */
    @Override
    public void animate(long nowNanos) {
        assert FxThread.isCurrent();
        if (viewModel.publish(nowNanos)) {
            levels.invalidate(); // the cards print the new figures
        }
        levels.draw(nowNanos);
        // Asked every pulse, not only on new frames, so a sample held back by the rate limit still shows when paused.
        if (snapshot != null && snapshot.cache() != null) {
            Snapshot.Series series = snapshot.series();
            double newest = series.size() == 0 ? Double.NaN : series.timeSeconds()[series.size() - 1];
            WholeRunSwitch.Pulse pulse = wholeRun.pulse(snapshot, nowNanos, charts);
            if (pulse == WholeRunSwitch.Pulse.LIVE_AFRESH || pulse == WholeRunSwitch.Pulse.LIVE && viewModel.chartsDue(newest, nowNanos)) {
                charts.show(series, snapshot.cache());
            }
        }
    }

    @Override
    public dev.scalelab.ui.charts.RunRange range() {
        return wholeRun.range();
    }

    /** The charts (tests). */
    CachingCharts cachingCharts() {
        return charts;
    }

    /** A lesson's outline: {@code cache:L2} is that level's card. */
    @Override
    public javafx.geometry.Bounds highlightBounds(String element) {
        if (element.startsWith("cache:")) {
            return dev.scalelab.ui.lesson.HighlightResolver.inScene(levels, levels.levelBounds(element.substring("cache:".length())));
        }
        return null;
    }
}
