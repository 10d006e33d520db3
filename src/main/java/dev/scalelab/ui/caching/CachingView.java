package dev.scalelab.ui.caching;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.Panel;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Snapshot;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The Caching panel: the headline figures of the cache, its levels as grids of slots on the request
 * path to the store ({@link CacheLevelsView}), the hit-ratio and store-load charts
 * ({@link CachingCharts}) and its own parameter pane ({@link CachingParameters}). A scenario without
 * a cache gets a short explanation and a way to open one that has, instead of empty charts. Its look
 * is in {@code styles/caching.css}.
 *
 * <p>FX thread only.
 */
public final class CachingView implements Panel {
    /** The preset the panel offers when the scenario has no cache. */
    static final String STAMPEDE_PRESET = "cache-stampede";
    private static final PseudoClass ALARM = PseudoClass.getPseudoClass("alarm");

    private final CachingViewModel viewModel = new CachingViewModel();
    private final CacheLevelsView levels = new CacheLevelsView();
    private final CachingCharts charts = new CachingCharts();
    private final CachingParameters parameters;
    private final StackPane view;
    private final StackPane chartHost;
    private Snapshot snapshot;

    /**
     * @param startPreset starts a built-in scenario by name, as the window's scenario menu does
     */
    public CachingView(SimulationRunner runner, Consumer<String> startPreset) {
        this(runner::set, (action, target, value) -> runner.act(action, target, value, 0), startPreset);
    }

    CachingView(BiConsumer<Parameter, Object> set, CachingParameters.Commands commands, Consumer<String> startPreset) {
        Runnable openStampede = () -> startPreset.accept(STAMPEDE_PRESET);
        parameters = new CachingParameters(set, commands, openStampede);

        VBox duplicates = figure("Duplicate loads", viewModel.duplicateLoadsProperty(),
                "Loads of a key that was already loading, in the last virtual second: a stampede. Without coalescing every "
                        + "read that misses a key in flight loads it again.");
        viewModel.stampedeProperty().addListener((obs, was, now) -> duplicates.pseudoClassStateChanged(ALARM, now));
        HBox headline = new HBox(
                figure("Hit ratio", viewModel.hitRatioProperty(), "Share of reads in the last virtual second served by any cache level."),
                figure("Belady optimum", viewModel.optimumProperty(),
                        "The best hit ratio any single cache of the levels' total capacity could have had on the last 100,000 "
                                + "reads (Belady's MIN, which knows the future). Computed every 30 s of virtual time, starting that "
                                + "window with an empty cache: when the levels hold most of the keys, a warm cache can beat it."),
                figure("Store loads", viewModel.storeLoadsProperty(), "Loads the store served for the cache in the last virtual second."),
                duplicates,
                figure("Coalesced reads", viewModel.coalescedReadsProperty(),
                        "Reads in the last virtual second that joined a load already in flight instead of starting their own."),
                figure("Stale reads", viewModel.staleReadsProperty(),
                        "Reads since the start that got an older version than the store held (another instance's private copy, "
                                + "or write-around)."),
                figure("Coalescing", viewModel.coalescingProperty(),
                        "Single flight: whether concurrent misses of one key share one load. Switch it in the parameters."));
        headline.getStyleClass().add("caching-headline");
        levels.setModel(viewModel);
        levels.setId("cacheLevelsView");
        VBox.setVgrow(levels, Priority.ALWAYS);
        VBox content = new VBox(headline, levels);
        content.setId("cacheContent");
        content.visibleProperty().bind(viewModel.hasCacheProperty());

        Node empty = emptyState(openStampede);
        empty.visibleProperty().bind(viewModel.hasCacheProperty().not());
        view = new StackPane(content, empty);
        view.setId("caching");
        view.getStyleClass().add("caching");

        Label noCharts = new Label("No cache in this scenario: no hit ratios or store loads to chart.");
        noCharts.setId("noCacheChartsNote");
        noCharts.getStyleClass().add("caching-empty-note");
        noCharts.visibleProperty().bind(viewModel.hasCacheProperty().not());
        charts.view().visibleProperty().bind(viewModel.hasCacheProperty());
        chartHost = new StackPane(charts.view(), noCharts);
        chartHost.getStyleClass().add("caching-chart-host");

        String stylesheet = CachingView.class.getResource("/styles/caching.css").toExternalForm();
        view.getStylesheets().add(stylesheet);
        chartHost.getStylesheets().add(stylesheet);
        parameters.node().getStylesheets().add(stylesheet);
    }

    private static VBox figure(String name, ObservableStringValue value, String explanation) {
        Label valueLabel = new Label();
        valueLabel.textProperty().bind(value);
        valueLabel.getStyleClass().add("figure-value");
        Label nameLabel = new Label(name);
        nameLabel.getStyleClass().add("figure-name");
        VBox box = new VBox(nameLabel, valueLabel);
        box.getStyleClass().add("figure");
        box.setId(Character.toLowerCase(name.charAt(0)) + name.substring(1).replace(" ", "") + "Figure");
        Tooltip tooltip = new Tooltip(explanation);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(340);
        Tooltip.install(box, tooltip);
        return box;
    }

    private static Node emptyState(Runnable openStampede) {
        Label title = new Label("This scenario has no cache");
        title.getStyleClass().add("caching-empty-title");
        Label text = new Label("This panel shows a multi-level cache at work: each level's slots coloured by how popular "
                + "their key is, hits and misses as they happen, and the load that gets through to the store. "
                + "Open cache-stampede to watch a hot key expire with and without coalescing, or add a \"cache\" "
                + "section with levels to your scenario file.");
        text.getStyleClass().add("caching-empty-text");
        text.setWrapText(true);
        Button open = new Button("Open cache-stampede");
        open.setId("openCacheStampedeButton");
        open.getStyleClass().add("caching-empty-button");
        open.setDefaultButton(true);
        Tooltip tooltip = new Tooltip("Starts the cache-stampede scenario from t = 0: an L1 per instance and a shared L2 "
                + "in front of a slow store; a hot key expires at 60 s without coalescing, and again at 150 s with it.");
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(340);
        open.setTooltip(tooltip);
        open.setOnAction(event -> openStampede.run());
        VBox box = new VBox(title, text, open);
        box.setId("noCachePane");
        box.getStyleClass().add("caching-empty");
        box.setMaxSize(560, VBox.USE_PREF_SIZE);
        return box;
    }

    @Override
    public String title() {
        return "Caching";
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
        return parameters.node();
    }

    @Override
    public void update(Frame frame, long nowNanos) {
        snapshot = frame.snapshot();
        viewModel.update(snapshot);
        parameters.update(snapshot.current());
        levels.show(snapshot, nowNanos);
    }

    @Override
    public void animate(long nowNanos) {
        if (viewModel.publish(nowNanos)) {
            levels.invalidate(); // the cards print the new figures
        }
        levels.draw(nowNanos);
        // Asked every pulse, not only on new frames, so a sample held back by the rate limit still shows when paused.
        if (snapshot != null && snapshot.cache() != null) {
            Snapshot.Series series = snapshot.series();
            double newest = series.size() == 0 ? Double.NaN : series.timeSeconds()[series.size() - 1];
            if (viewModel.chartsDue(newest, nowNanos)) {
                charts.show(series, snapshot.cache());
            }
        }
    }
}
