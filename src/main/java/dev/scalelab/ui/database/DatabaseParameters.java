package dev.scalelab.ui.database;

import dev.scalelab.engine.data.DatabaseView;
import dev.scalelab.engine.data.DatabaseView.MigrationView;
import dev.scalelab.runtime.PanelSource;
import dev.scalelab.ui.parameters.ParameterForm;
import dev.scalelab.ui.parameters.SliderScale;
import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.Snapshot;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

import static dev.scalelab.ui.Tooltips.tooltip;

/**
 * The Database panel's right-hand pane: its live parameters (sharding, resharding, replication and
 * reads) and its actions (add or remove a shard, kill a primary, a lag spike), each aimed with a
 * choice filled from the database's view. A scenario without a database gets a note instead.
 *
 * <p>FX thread only.
 */
final class DatabaseParameters {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    /** The preset's own spike: long enough to see the stale reads it causes, short enough to see them stop. */
    private static final String DEFAULT_SPIKE_MS = "3000";
    private static final String DEFAULT_SPIKE_SECONDS = "20";

    private final PanelSource runner;
    private final ParameterForm form;
    private final StackPane node = new StackPane();
    private final VBox noDatabase = new VBox();

    private final Button addShard;
    private final Button removeShard = actionButton("Remove shard", "removeShardButton", Action.REMOVE_SHARD.description()
            + " The choice beside it names the shard; jump hash can only drop its last bucket.");
    private final ComboBox<String> removeTarget = choice("removeShardTarget", "Which shard to remove.");
    private final Label reshardingNote = new Label();
    private final Button killPrimary = actionButton("Kill primary", "killPrimaryButton", Action.KILL_PRIMARY.description());
    private final ComboBox<String> killTarget = choice("killPrimaryTarget", "The shard whose primary dies.");
    private final Button lagSpike = actionButton("Lag spike", "lagSpikeButton", Action.LAG_SPIKE.description()
            + " Under eventual consistency the replica then serves stale reads; read-your-writes steers a session's reads away from it.");
    private final ComboBox<String> spikeNode = choice("lagSpikeNode", "The replica that falls behind, such as s0-r1 (shard 0, replica 1).");
    private final TextField spikeMs = field("lagSpikeMsField", DEFAULT_SPIKE_MS, "Extra replication lag in ms, from 0 to 3,600,000.");
    private final TextField spikeSeconds = field("lagSpikeSecondsField", DEFAULT_SPIKE_SECONDS, "How long the spike lasts, in virtual seconds.");
    private final Label spikeError = new Label();
    /** The targets last listed; the lists are built again only when a shard or node changes. */
    private long shownTargets = Long.MIN_VALUE;

    DatabaseParameters(PanelSource runner) {
        this.runner = runner;
        form = new ParameterForm("Database", runner::set);
        // A slider reads its parameter's live value as it is built, so the form needs a scenario first.
        form.update(runner.latest().snapshot().current());

        form.section("Sharding");
        form.add(Parameter.of("database.sharding.strategy"));
        form.add(Parameter.of("database.sharding.virtualNodes"), SliderScale.logarithmic(1, 1000));
        addShard = form.button("Add shard", Action.ADD_SHARD.description()
                + " Watch the map: under hash mod N almost every key moves; on a ring about 1/(N+1) do, all to the new shard.",
                () -> runner.act(Action.ADD_SHARD, null, null, 0));
        addShard.setId("addShardButton");
        removeTarget.getItems().setAll(ActionTargets.LAST_SHARD);
        removeTarget.setValue(ActionTargets.LAST_SHARD);
        removeShard.setOnAction(e -> runner.act(Action.REMOVE_SHARD, ActionTargets.shardTarget(removeTarget.getValue()), null, 0));
        form.addNode(row(removeShard, removeTarget));
        reshardingNote.getStyleClass().add("database-note");
        reshardingNote.setWrapText(true);
        reshardingNote.setId("reshardingNote");
        reshardingNote.managedProperty().bind(reshardingNote.visibleProperty());
        reshardingNote.setVisible(false);
        form.addNode(reshardingNote);

        form.section("Resharding");
        form.add(Parameter.of("database.migrationKeysPerSecond"), SliderScale.logarithmic(10, 100_000));
        form.add(Parameter.of("database.migrationReads"));

        form.section("Replication and reads");
        form.add(Parameter.of("database.replication"));
        form.add(Parameter.of("database.readPolicy"));
        form.add(Parameter.of("database.consistency"));

        form.section("Faults");
        killPrimary.setOnAction(e -> {
            String target = ActionTargets.shardTarget(killTarget.getValue());
            if (target != null) {
                runner.act(Action.KILL_PRIMARY, target, null, 0);
            }
        });
        form.addNode(row(killPrimary, killTarget));
        Label msUnit = unit("ms for");
        Label secondsUnit = unit("s");
        HBox spikeRow = new HBox(spikeNode, spikeMs, msUnit, spikeSeconds, secondsUnit);
        spikeRow.getStyleClass().add("database-action-row");
        spikeError.getStyleClass().add("parameter-error");
        spikeError.setWrapText(true);
        spikeError.setId("lagSpikeError");
        spikeError.managedProperty().bind(spikeError.visibleProperty());
        spikeError.setVisible(false);
        lagSpike.setMaxWidth(Double.MAX_VALUE);
        lagSpike.setOnAction(e -> sendLagSpike());
        spikeMs.setOnAction(e -> sendLagSpike());
        spikeSeconds.setOnAction(e -> sendLagSpike());
        form.addNode(spikeRow);
        form.addNode(lagSpike);
        form.addNode(spikeError);

        Label title = new Label("Database");
        title.getStyleClass().add("pane-title");
        Label note = new Label("This scenario has no database, so there is nothing to set here. "
                + "To work with one, press \"Open the resharding preset\" or \"Open the replica-lag preset\" in the panel, "
                + "or choose either in the Scenario list at the left of the toolbar.");
        note.setWrapText(true);
        note.getStyleClass().add("database-note");
        noDatabase.getChildren().addAll(title, note);
        noDatabase.getStyleClass().add("database-no-parameters");
        noDatabase.setId("databaseNoParameters");
        node.getChildren().setAll(form.node());
        node.getStyleClass().add("database-parameters");
    }

    StackPane node() {
        return node;
    }

    /** Follows a new snapshot: the live values, the action targets, whether a resharding is running. */
    void update(Snapshot snapshot) {
        Snapshot.DataView data = snapshot.data();
        Node shown = data == null ? noDatabase : form.node();
        if (node.getChildren().get(0) != shown) {
            node.getChildren().setAll(shown);
        }
        if (data == null) {
            return;
        }
        form.update(snapshot.current());
        DatabaseView db = data.database();
        long targets = ActionTargets.signature(db, data.router());
        if (targets != shownTargets) {
            shownTargets = targets;
            follow(removeTarget, ActionTargets.removableShards(db, data.router()));
            follow(killTarget, ActionTargets.shardsWithPrimary(db));
            follow(spikeNode, ActionTargets.liveReplicas(db));
        }
        MigrationView m = db.migration();
        // The engine runs one resharding at a time (as a Vitess workflow per keyspace).
        addShard.setDisable(m.active());
        removeShard.setDisable(m.active() || data.router().shardCount() < 2);
        reshardingNote.setVisible(m.active());
        if (m.active()) {
            reshardingNote.setText(String.format(Locale.ROOT, "Resharding (%s) is %d%% done; one runs at a time.",
                    m.description(), Math.round(m.progress() * 100)));
        }
        killPrimary.setDisable(killTarget.getItems().isEmpty());
        lagSpike.setDisable(spikeNode.getItems().isEmpty());
    }

    private void sendLagSpike() {
        String nodeName = spikeNode.getValue();
        try {
            double extraMs = ActionTargets.lagSpikeMs(spikeMs.getText());
            double seconds = ActionTargets.lagSpikeSeconds(spikeSeconds.getText());
            if (nodeName == null) {
                throw new ScenarioException("lag spike", "choose a replica");
            }
            runner.act(Action.LAG_SPIKE, nodeName, extraMs, seconds);
            showSpikeError("");
        } catch (ScenarioException e) {
            showSpikeError(e.getMessage());
        }
    }

    private void showSpikeError(String message) {
        spikeError.setText(message);
        spikeError.setVisible(!message.isEmpty());
        spikeMs.pseudoClassStateChanged(INVALID, message.contains("lag spike:"));
        spikeSeconds.pseudoClassStateChanged(INVALID, message.contains("duration"));
    }

    /** Sets a choice's items when they changed, keeping the user's pick while it is still there. */
    private static void follow(ComboBox<String> choice, List<String> items) {
        if (choice.getItems().equals(items)) {
            return;
        }
        String picked = choice.getValue();
        choice.getItems().setAll(items);
        choice.setValue(items.contains(picked) ? picked : items.isEmpty() ? null : items.get(0));
    }

    private static HBox row(Button button, ComboBox<String> target) {
        HBox.setHgrow(button, Priority.ALWAYS);
        button.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(button, target);
        row.getStyleClass().add("database-action-row");
        return row;
    }

    private static Button actionButton(String text, String id, String explanation) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("parameter-action");
        button.setTooltip(tooltip(explanation));
        return button;
    }

    private static ComboBox<String> choice(String id, String explanation) {
        ComboBox<String> choice = new ComboBox<>();
        choice.setId(id);
        choice.getStyleClass().add("database-target");
        choice.setTooltip(tooltip(explanation));
        return choice;
    }

    private static TextField field(String id, String text, String explanation) {
        TextField field = new TextField(text);
        field.setId(id);
        field.getStyleClass().addAll("parameter-field", "database-spike-field");
        field.setTooltip(tooltip(explanation));
        return field;
    }

    private static Label unit(String text) {
        Label unit = new Label(text);
        unit.getStyleClass().add("database-unit");
        return unit;
    }

}
