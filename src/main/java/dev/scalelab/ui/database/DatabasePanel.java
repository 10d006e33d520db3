package dev.scalelab.ui.database;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.PanelSource;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.FxmlPanel;
import dev.scalelab.ui.controls.FigureCard;
import dev.scalelab.ui.charts.ChartPacer;
import dev.scalelab.ui.charts.RunCharts;
import dev.scalelab.ui.charts.RunRange;
import dev.scalelab.ui.charts.RunRangeBar;
import dev.scalelab.ui.charts.WholeRunPacer;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Snapshot;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;


/**
 * The Database panel: headline figures; the shard map with the keys (ring, range bar or boxes,
 * animated through a resharding); the lesson "mod N against consistent hashing" for one more shard;
 * load per shard, the read path and replication lag; charts of queries, stale reads and lag; and its
 * own parameter pane. A scenario without a database shows a note and a way to open one. The layout
 * is {@code fxml/DatabasePanel.fxml}, the look {@code styles/database.css}.
 *
 * <p>FX thread only.
 */
public final class DatabasePanel extends FxmlPanel implements RunCharts {
    private static final String RESHARDING = "resharding";
    private static final String REPLICA_LAG = "replica-lag";

    /** Starts a preset when the window has no scenario menu to choose it in. */
    private final java.util.function.Consumer<String> startPreset;
    private final DatabaseViewModel viewModel = new DatabaseViewModel();
    private final DatabaseParameters parameters;
    private final StackPane view;
    @FXML private VBox content;
    @FXML private VBox empty;
    @FXML private FigureCard queriesCard;
    @FXML private FigureCard shardsCard;
    @FXML private FigureCard staleReadsCard;
    @FXML private FigureCard violationsCard;
    @FXML private FigureCard lostWritesCard;
    @FXML private FigureCard keysMovedCard;
    @FXML private ShardMapView map;
    @FXML private LessonView lesson;
    @FXML private LoadView load;
    @FXML private StackPane chartHost;
    @FXML private Label noCharts;
    private DatabaseCharts charts;
    private VBox chartBox;
    private final RunRange range = new RunRange();
    private final WholeRunPacer wholeRunPacer = new WholeRunPacer(range);
    private final RunRangeBar rangeBar = new RunRangeBar(range, DatabaseCharts.WINDOW_SECONDS);
    private Snapshot snapshot;

    public DatabasePanel(SimulationRunner runner) {
        this(runner, name -> runner.reset(Presets.load(name)));
    }

    /**
     * The panel of {@code runner}'s run (the main window's, or a drawn database's); {@code startPreset}
     * starts a built-in scenario by name where the window has no scenario menu (a drawn database always
     * has its database, so its panel never offers one).
     */
    public DatabasePanel(PanelSource runner, java.util.function.Consumer<String> startPreset) {
        super("Database");
        this.startPreset = startPreset;
        parameters = new DatabaseParameters(runner);
        view = loadLayout("DatabasePanel");
        // After the load, which gives the view: the drawings or the note go into it.
        showState(viewModel.hasDatabaseProperty().get()); // until the first frame says otherwise
        viewModel.hasDatabaseProperty().addListener((obs, had, has) -> showState(has));
        rangeBar.setId("databaseRangeBar");
        rangeBar.onZoom(this::runSeconds);
        place(chartHost, parameters.node());
    }

    /** How far the run has gone, for zooming. */
    private double runSeconds() {
        return snapshot == null ? 0 : snapshot.history().seconds();
    }

    @Override
    public RunRange range() {
        return range;
    }

    /** The charts (tests). */
    DatabaseCharts databaseCharts() {
        return charts;
    }

    /** Called by the loader once the layout's nodes are injected: the panel's bindings, in one place. */
    @FXML
    private void initialize() {
        queriesCard.valueProperty().bind(viewModel.queriesProperty());
        shardsCard.valueProperty().bind(viewModel.shardsProperty());
        staleReadsCard.valueProperty().bind(viewModel.staleReadsProperty());
        violationsCard.valueProperty().bind(viewModel.violationsProperty());
        lostWritesCard.valueProperty().bind(viewModel.lostWritesProperty());
        keysMovedCard.valueProperty().bind(viewModel.keysMovedProperty());
        explain(map, "Where the keys live. Each dot is a key, in the colour of the shard that holds it: on the ring of a "
                + "consistent-hash database, above the key-space bar of a range database, in its shard's box for mod, jump and "
                + "rendezvous. During a resharding, keys that will move wear a ring in their new shard's colour and jump to it "
                + "as the engine moves them.");
        explain(lesson, "If one shard were added now: the share of keys that would change shard under hash mod N and under "
                + "consistent hashing (and jump or rendezvous when in use), measured with the real routers, next to theory.");
        explain(load, "Queries per shard in the last second (red: hot, above twice the mean), the read path from client "
                + "sessions to the nodes with each stale read in red, and how far each replica lags behind its primary.");
        charts = new DatabaseCharts(map::shardColor, range, this::runSeconds);
        chartBox = new VBox(rangeBar, charts.view());
        VBox.setVgrow(charts.view(), Priority.ALWAYS);
        chartBox.getStyleClass().add("run-charts");
    }

    @FXML
    private void openResharding() {
        openPreset(RESHARDING);
    }

    @FXML
    private void openReplicaLag() {
        openPreset(REPLICA_LAG);
    }

    /**
     * Starts a preset through the window's scenario menu when there is one, so the menu, the title and
     * the status line follow as if the user had picked it there; else as the panel was told to start one.
     */
    @SuppressWarnings("unchecked")
    private void openPreset(String name) {
        Node menu = view.getScene() == null ? null : view.getScene().lookup("#presetChoice");
        if (menu instanceof ComboBox) {
            ((ComboBox<String>) menu).setValue(name);
        } else {
            startPreset.accept(name);
        }
    }

    private static void explain(Node node, String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(380);
        Tooltip.install(node, tooltip);
    }

    @Override
    public void update(Frame frame, long nowNanos) {
        assert FxThread.isCurrent();
        snapshot = frame.snapshot();
        viewModel.update(snapshot);
        parameters.update(snapshot);
        Snapshot.DataView data = snapshot.data();
        if (data == null) {
            return;
        }
        int keyCount = snapshot.current().workload().keys().count();
        int virtualNodes = snapshot.current().database().virtualNodes();
        map.show(data, keyCount, virtualNodes, snapshot.timeSeconds(), nowNanos);
        lesson.show(viewModel.comparison(data.router(), virtualNodes, keyCount), data.router().strategy());
        load.show(data, DatabaseViewModel.last(data.staleReadsPerSecond()), viewModel.newReads(), viewModel.newStaleReads(), nowNanos);
    }

    /** The drawings and charts, or the note that there is no database (never empty charts). */
    private void showState(boolean hasDatabase) {
        view.getChildren().setAll(hasDatabase ? content : empty);
        chartHost.getChildren().setAll(hasDatabase ? chartBox : noCharts);
    }

    @Override
    public void animate(long nowNanos) {
        assert FxThread.isCurrent();
        if (snapshot == null || snapshot.data() == null) {
            return;
        }
        map.draw(nowNanos);
        lesson.draw();
        load.draw(nowNanos);
        // Asked every pulse, not only on new frames, so a sample held back by the rate limit still shows when paused.
        boolean backToLive = wholeRunPacer.leftWholeRun();
        if (range.isWholeRun()) {
            if (wholeRunPacer.due(snapshot.history(), charts.view().getWidth(), nowNanos)) {
                double run = runSeconds();
                charts.show(snapshot, range.from(run), range.to(run), false);
                rangeBar.describe(range.from(run), range.to(run), charts.secondsPerPoint());
            }
        } else if (viewModel.chartsDue(ChartPacer.newestSampleSeconds(snapshot.series()), nowNanos) || backToLive) {
            double[] window = DatabaseCharts.liveWindow(ChartPacer.newestSampleSeconds(snapshot.series()));
            charts.show(snapshot, window[0], window[1], true);
        }
    }

    /** A lesson's outline: {@code shard:2} is that shard's row in the load picture. */
    @Override
    public javafx.geometry.Bounds highlightBounds(String element) {
        if (element.startsWith("shard:")) {
            try {
                int shard = Integer.parseInt(element.substring("shard:".length()).trim());
                return dev.scalelab.ui.lesson.HighlightResolver.inScene(load, load.shardRowBounds(shard));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
