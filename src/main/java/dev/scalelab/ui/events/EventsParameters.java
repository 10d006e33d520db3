package dev.scalelab.ui.events;

import dev.scalelab.runtime.PanelSource;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.parameters.FormPart;
import dev.scalelab.ui.parameters.ParameterForm;
import dev.scalelab.ui.parameters.SliderScale;
import dev.scalelab.world.Action;
import dev.scalelab.world.EventStreams;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.Snapshot;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import java.util.List;

import static dev.scalelab.ui.Tooltips.tooltip;
import static dev.scalelab.ui.controls.ActionButtons.actionButton;

/**
 * The Events panel's parameter pane: the first topic, producer, consumer group (with its retries and
 * lag autoscaler) and work queue, each row generated from its field's spec and shown only when the
 * scenario has that item; and three actions sent as timeline commands: a burst of N records to a
 * topic or queue, a crashed consumer of a group or queue, a poisoned record on a topic.
 *
 * <p>FX thread only.
 */
final class EventsParameters {
    static final String DEFAULT_BURST = "5000";

    static final List<Parameter> TOPIC = Parameter.list("events.topics[0].partitions", "events.topics[0].maxRecords",
            "events.topics[0].retentionSeconds");
    static final List<Parameter> PRODUCER = Parameter.list("events.producers[0].fraction",
            "events.producers[0].ratePerSecond");
    static final List<Parameter> GROUP = Parameter.list("events.groups[0].consumers", "events.groups[0].assignor",
            "events.groups[0].processingTime.meanMs", "events.groups[0].maxPollRecords", "events.groups[0].commit",
            "events.groups[0].idempotent", "events.groups[0].errorRate", "events.groups[0].retry.mode",
            "events.groups[0].retry.maxAttempts", "events.groups[0].retry.deadLetter");
    static final List<Parameter> QUEUE = Parameter.list("events.queues[0].consumers",
            "events.queues[0].processingTime.meanMs", "events.queues[0].visibilityTimeoutSeconds",
            "events.queues[0].maxReceiveCount");

    private final PanelSource runner;
    private final ParameterForm form;
    private final FormPart topicPart;
    private final FormPart producerPart;
    private final FormPart groupPart;
    private final FormPart autoscalerPart;
    private final FormPart queuePart;
    private final FormPart actionsPart;
    private final Label noEvents = new Label("This scenario has no event streams: nothing to set here.");

    private final TextField burstCount = new TextField(DEFAULT_BURST);
    private final ComboBox<String> burstTarget = choice("burstTarget", "The topic or work queue the burst goes to.");
    private final ComboBox<String> crashTarget = choice("crashTarget", "The group or work queue that loses a consumer: its "
            + "lowest-numbered ready one.");
    /** The poison action's row, shown only when the scenario has a topic. */
    private Node poisonRow;
    private final ComboBox<String> poisonTarget = choice("poisonTarget", "The topic whose next record is poison.");
    private final Label actionError = new Label();
    /** The names the parts were last built for; rebuilt only when one changes. */
    private String shownNames;

    EventsParameters(PanelSource runner) {
        this.runner = runner;
        form = new ParameterForm("Events", runner::set);
        // Rows read their live values as they are built, so the form needs a scenario first.
        form.update(runner.latest().snapshot().current());
        noEvents.getStyleClass().add("events-note");
        noEvents.setWrapText(true);
        noEvents.setId("eventsNoParameters");
        form.addNode(noEvents);
        topicPart = form.part();
        producerPart = form.part();
        groupPart = form.part();
        autoscalerPart = form.part();
        queuePart = form.part();
        actionsPart = form.part();
        buildActions();
    }

    Node node() {
        return form.node();
    }

    private void buildActions() {
        actionsPart.section("Actions");
        burstCount.setId("burstCountField");
        burstCount.getStyleClass().addAll("parameter-field", "events-burst-field");
        burstCount.setTooltip(tooltip("How many records the burst publishes at once."));
        burstCount.setPrefColumnCount(6);
        Button burst = actionButton("Burst of N", "publishBurstButton", Action.PUBLISH_BURST.description(), this::sendBurst);
        burstCount.setOnAction(e -> sendBurst());
        actionsPart.addNode(row(burst, burstCount, burstTarget));
        Button crash = actionButton("Crash a consumer", "crashConsumerButton", Action.CRASH_CONSUMER.description(),
                () -> send(Action.CRASH_CONSUMER, crashTarget.getValue(), null));
        actionsPart.addNode(row(crash, crashTarget));
        Button poison = actionButton("Poison a record", "poisonButton", Action.POISON.description()
                + " In-order retry then stops its partition behind it; a retry topic moves it aside and dead-letters it.",
                () -> send(Action.POISON, poisonTarget.getValue(), null));
        poisonRow = row(poison, poisonTarget);
        actionsPart.addNode(poisonRow);
        actionError.getStyleClass().add("parameter-error");
        actionError.setWrapText(true);
        actionError.setId("eventsActionError");
        actionError.managedProperty().bind(actionError.visibleProperty());
        actionError.setVisible(false);
        actionsPart.addNode(actionError);
    }

    private void sendBurst() {
        try {
            send(Action.PUBLISH_BURST, burstTarget.getValue(), EventTargets.burstCount(burstCount.getText()));
        } catch (ScenarioException e) {
            actionError.setText(e.getMessage());
            actionError.setVisible(true);
        }
    }

    private void send(Action action, String target, Double value) {
        if (target == null) {
            return; // nothing to aim at in this scenario
        }
        actionError.setVisible(false);
        runner.act(action, target, value, 0);
    }

    /** Follows the simulation's values, the items the scenario has and the actions' targets. */
    void update(Snapshot snapshot) {
        assert FxThread.isCurrent();
        Scenario current = snapshot.current();
        EventStreams.Events events = current.events();
        String names = EventTargets.signature(events);
        if (!names.equals(shownNames)) {
            shownNames = names;
            rebuild(events);
            setChoices(burstTarget, EventTargets.burstTargets(events));
            setChoices(crashTarget, EventTargets.crashTargets(events));
            setChoices(poisonTarget, EventTargets.topicNames(events));
            // Only a topic's records can be poisoned: a scenario of work queues alone has no such action.
            poisonRow.setVisible(!poisonTarget.getItems().isEmpty());
            poisonRow.setManaged(poisonRow.isVisible());
            noEvents.setVisible(events == null);
            noEvents.setManaged(noEvents.isVisible());
        }
        form.update(current);
    }

    private void rebuild(EventStreams.Events events) {
        boolean any = events != null;
        fill(topicPart, any && !events.topics().isEmpty() ? "Topic " + events.topics().get(0).name() : null, TOPIC);
        fill(producerPart, any && !events.producers().isEmpty() ? "Producer to " + events.producers().get(0).topic() : null,
                PRODUCER);
        boolean group = any && !events.groups().isEmpty();
        fill(groupPart, group ? "Group " + events.groups().get(0).name() : null, GROUP);
        // Only a group that scales on lag has these fields to show; without one, its consumers are set above.
        boolean scaled = group && events.groups().get(0).autoscaler() != null;
        autoscalerPart.clear();
        autoscalerPart.setShown(scaled);
        if (scaled) {
            autoscalerPart.section("Lag autoscaler");
            autoscalerPart.add("events.groups[0].autoscaler.lagThreshold", SliderScale.logarithmic(1, 100_000));
            autoscalerPart.addRange("Consumers", "events.groups[0].autoscaler.minReplicas",
                    "events.groups[0].autoscaler.maxReplicas",
                    SliderScale.linear(0, 64, 1));
            autoscalerPart.add("events.groups[0].autoscaler.allowIdleConsumers");
        }
        fill(queuePart, any && !events.queues().isEmpty() ? "Work queue " + events.queues().get(0).name() : null, QUEUE);
        actionsPart.setShown(any);
    }

    /** Fills {@code part} with a section and a row per parameter, or hides it when the scenario lacks its item ({@code title} null). */
    private static void fill(FormPart part, String title, List<Parameter> parameters) {
        part.clear();
        part.setShown(title != null);
        if (title == null) {
            return;
        }
        part.section(title);
        for (Parameter p : parameters) {
            part.add(p.path());
        }
    }

    private static void setChoices(ComboBox<String> choice, List<String> items) {
        String picked = choice.getValue();
        choice.getItems().setAll(items);
        choice.setValue(items.contains(picked) ? picked : items.isEmpty() ? null : items.get(0));
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(nodes);
        row.getStyleClass().add("events-action-row");
        return row;
    }

    private static ComboBox<String> choice(String id, String explanation) {
        ComboBox<String> choice = new ComboBox<>();
        choice.setId(id);
        choice.getStyleClass().add("events-target");
        choice.setTooltip(tooltip(explanation));
        return choice;
    }
}
