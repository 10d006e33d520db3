package dev.scalelab.ui.database;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.Panel;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Snapshot;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Database panel: headline figures; the shard map with the keys (ring, range bar or boxes,
 * animated through a resharding); the lesson "mod N against consistent hashing" for one more shard;
 * load per shard, the read path and replication lag; charts of queries, stale reads and lag; and its
 * own parameter pane. A scenario without a database shows a note and a way to open one. Its look is
 * in {@code styles/database.css}.
 *
 * <p>FX thread only.
 */
public final class DatabasePanel implements Panel {
    private static final String RESHARDING = "resharding";
    private static final String REPLICA_LAG = "replica-lag";

    private final SimulationRunner runner;
    private final DatabaseViewModel viewModel = new DatabaseViewModel();
    private final ShardMapView map = new ShardMapView();
    private final LessonView lesson = new LessonView();
    private final LoadView load = new LoadView();
    private final DatabaseCharts charts = new DatabaseCharts(map::shardColor);
    private final DatabaseParameters parameters;
    private final StackPane view = new StackPane();
    private final StackPane chartHost = new StackPane();
    private final VBox content;
    private final VBox empty;
    private final Label noCharts = new Label("No database in this scenario: no charts.");
    private Snapshot snapshot;

    public DatabasePanel(SimulationRunner runner) {
        this.runner = runner;
        parameters = new DatabaseParameters(runner);

        HBox headline = new HBox(
                figure("Queries", viewModel.queriesProperty(), "Queries the database served in the last virtual second (reads and writes, all shards)."),
                figure("Shards", viewModel.shardsProperty(), "Shards in the routing table now (during a resharding, the target layout), and how many are hot."),
                figure("Stale reads", viewModel.staleReadsProperty(), "Reads in the last virtual second that returned an older version than the latest committed."),
                figure("Read-your-writes violations", viewModel.violationsProperty(),
                        "Reads since the start that returned a version older than the reading session's own last write of the key."),
                figure("Lost writes", viewModel.lostWritesProperty(),
                        "Committed writes a failover discarded because no replica had them (asynchronous replication); acked: the client had been told they succeeded."),
                figure("Keys moved", viewModel.keysMovedProperty(), "Keys resharding has moved to a new shard since the database was built."));
        headline.getStyleClass().add("database-headline");

        map.setId("shardMap");
        lesson.setId("reshardingLesson");
        load.setId("databaseLoad");
        explain(map, "Where the keys live. Each dot is a key, in the colour of the shard that holds it: on the ring of a "
                + "consistent-hash database, above the key-space bar of a range database, in its shard's box for mod, jump and "
                + "rendezvous. During a resharding, keys that will move wear a ring in their new shard's colour and jump to it "
                + "as the engine moves them.");
        explain(lesson, "If one shard were added now: the share of keys that would change shard under hash mod N and under "
                + "consistent hashing (and jump or rendezvous when in use), measured with the real routers, next to theory.");
        explain(load, "Queries per shard in the last second (red: hot, above twice the mean), the read path from client "
                + "sessions to the nodes with each stale read in red, and how far each replica lags behind its primary.");
        VBox side = new VBox(lesson, load);
        side.getStyleClass().add("database-side");
        VBox.setVgrow(load, Priority.ALWAYS);
        HBox body = new HBox(map, side);
        body.getStyleClass().add("database-body");
        HBox.setHgrow(map, Priority.ALWAYS);
        // The map takes what is left; the side column keeps room for its bars and texts.
        side.setMinWidth(420);
        side.setPrefWidth(480);
        side.setMaxWidth(520);
        map.setPrefWidth(600);
        VBox.setVgrow(body, Priority.ALWAYS);
        content = new VBox(headline, body);
        content.getStyleClass().add("database");

        empty = emptyState();
        view.setId("database");
        view.getStyleClass().add("database-view");
        String stylesheet = DatabasePanel.class.getResource("/styles/database.css").toExternalForm();
        view.getStylesheets().add(stylesheet);

        noCharts.getStyleClass().add("database-note");
        chartHost.getStylesheets().add(stylesheet);
        chartHost.getStyleClass().add("database-chart-host");
        showState(viewModel.hasDatabaseProperty().get()); // until the first frame says otherwise
        viewModel.hasDatabaseProperty().addListener((obs, had, has) -> showState(has));
        parameters.node().getStylesheets().add(stylesheet);
    }

    /** What a scenario without a database shows: why, and the two presets that have one. */
    private VBox emptyState() {
        Label title = new Label("This scenario has no database");
        title.getStyleClass().add("database-empty-title");
        Label text = new Label("Requests here never reach a sharded, replicated database, so there are no shards, keys, "
                + "replicas or stale reads to show. Open a preset that has one:");
        text.setWrapText(true);
        text.getStyleClass().add("database-empty-text");
        Button resharding = presetButton("Open the resharding preset", "openReshardingButton",
                "Starts the \"resharding\" preset from t = 0: a shard added to a hash-mod database at 60 s moves about 4 keys in 5; "
                        + "at 180 s it switches to consistent hashing, and a shard added at 240 s moves about 1/(N+1) of the keys.",
                RESHARDING);
        Button replicaLag = presetButton("Open the replica-lag preset", "openReplicaLagButton",
                "Starts the \"replica-lag\" preset from t = 0: reads from lagging replicas are stale under eventual consistency; "
                        + "at 120 s read-your-writes stops the violations; at 200 s a lag spike hits replica s0-r1.",
                REPLICA_LAG);
        resharding.getStyleClass().add("database-primary-button");
        HBox buttons = new HBox(resharding, replicaLag);
        buttons.getStyleClass().add("database-empty-buttons");
        VBox box = new VBox(title, text, buttons);
        box.getStyleClass().add("database-empty");
        box.setId("databaseEmpty");
        box.setMaxWidth(620);
        box.setMaxHeight(VBox.USE_PREF_SIZE);
        return box;
    }

    private Button presetButton(String text, String id, String explanation, String preset) {
        Button button = new Button(text);
        button.setId(id);
        Tooltip tooltip = new Tooltip(explanation);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(340);
        button.setTooltip(tooltip);
        button.setOnAction(event -> openPreset(preset));
        return button;
    }

    /**
     * Starts a preset through the window's scenario menu when there is one, so the menu, the title and
     * the status line follow as if the user had picked it there; else straight on the runner.
     */
    @SuppressWarnings("unchecked")
    private void openPreset(String name) {
        Node menu = view.getScene() == null ? null : view.getScene().lookup("#presetChoice");
        if (menu instanceof ComboBox) {
            ((ComboBox<String>) menu).setValue(name);
        } else {
            runner.reset(Presets.load(name));
        }
    }

    private static void explain(Node node, String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(380);
        Tooltip.install(node, tooltip);
    }

    private static VBox figure(String name, ObservableStringValue value, String explanation) {
        Label valueLabel = new Label();
        valueLabel.textProperty().bind(value);
        valueLabel.getStyleClass().add("figure-value");
        Label nameLabel = new Label(name);
        nameLabel.getStyleClass().add("figure-name");
        VBox box = new VBox(nameLabel, valueLabel);
        box.getStyleClass().add("figure");
        Tooltip tooltip = new Tooltip(explanation);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(340);
        Tooltip.install(box, tooltip);
        return box;
    }

    @Override
    public String title() {
        return "Database";
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
        chartHost.getChildren().setAll(hasDatabase ? charts.view() : noCharts);
    }

    @Override
    public void animate(long nowNanos) {
        if (snapshot == null || snapshot.data() == null) {
            return;
        }
        map.draw(nowNanos);
        lesson.draw();
        load.draw(nowNanos);
        // Asked every pulse, not only on new frames, so a sample held back by the rate limit still shows when paused.
        if (viewModel.chartsDue(DatabaseViewModel.newestSampleSeconds(snapshot.series()), nowNanos)) {
            charts.show(snapshot.series(), snapshot.data());
        }
    }
}
