package dev.scalelab.ui.resilience;

import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.parameters.FormPart;
import dev.scalelab.ui.parameters.ParameterForm;
import dev.scalelab.world.Action;
import dev.scalelab.world.LogEntry;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFields;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Source;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import static dev.scalelab.ui.Tooltips.tooltip;
import static dev.scalelab.ui.controls.ActionButtons.actionButton;

/**
 * The Resilience panel's parameter pane: a choice of dependency, fault buttons with their value and
 * duration, the fault schedule, then every breaker, retry, timeout and bulkhead setting of that
 * dependency's mesh client as rows of the same {@link ParameterForm} as every other pane, over the
 * paths {@code dependencies[i].…}. Fields the client does not use with its other settings are
 * disabled. A value the simulation refuses after all (the scenario changed meanwhile) is shown under
 * the choice of dependency, from the world's "refused:" log line.
 *
 * <p>FX thread only.
 */
final class ResilienceParameters {
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    private static final PseudoClass OVER = PseudoClass.getPseudoClass("over");

    /** A dependency client's settings in the pane's sections, as paths inside {@code dependencies[i]}. */
    static final List<String> BREAKER = List.of("breaker.mode", "breaker.slidingWindowType", "breaker.slidingWindowSize",
            "breaker.minimumNumberOfCalls", "breaker.failureRateThreshold", "breaker.slowCallRateThreshold",
            "breaker.slowCallDurationThresholdMs", "breaker.waitDurationInOpenStateMs",
            "breaker.permittedNumberOfCallsInHalfOpenState", "breaker.automaticTransition", "breaker.consecutiveFailures");
    static final List<String> RETRY = List.of("retry.maxAttempts", "retry.backoff", "retry.initialIntervalMs",
            "retry.multiplier", "retry.maxIntervalMs", "retry.jitter", "retry.budget", "retry.budgetPercent");
    static final List<String> CALLS = List.of("timeoutMs", "maxConcurrentCalls");

    private final BiConsumer<String, Object> setField;
    private final ParameterForm form;
    private final FormPart empty;
    private final FormPart content;
    private final FormPart settings;
    private final ComboBox<String> dependencyChoice = new ComboBox<>();
    private final Label none;
    private final Button open;
    private final Label refusal = new Label();
    private final VBox noBreaker = new VBox();
    private final VBox scheduleLines = new VBox();
    private final VBox activeLines = new VBox();

    private Scenario shown;
    private List<String> names = List.of();
    /** The dependency whose settings the rows show, and the list it was chosen from. */
    private int settingsIndex = -1;
    private List<String> settingsNames = List.of();
    private long seenLogCount = -1;
    private List<FaultSchedule.Line> shownSchedule = List.of();
    private List<String> shownActive = null;
    private long scheduleTenth = Long.MIN_VALUE;
    private Scenario scheduleScenario;

    /**
     * @param setField   receives a checked change of a dependency field: {@code runner::setDependencyField}
     * @param act        receives a checked fault: {@code runner::act}
     * @param openPreset starts a preset by name, for the button shown when the scenario has no dependencies
     */
    ResilienceParameters(BiConsumer<String, Object> setField, FaultModel.Sink act, Consumer<String> openPreset) {
        this.setField = setField;
        form = ParameterForm.ofPaths("Resilience", setField);
        form.node().getStyleClass().add("resilience-pane");
        form.node().setId("resilienceParameters");

        empty = form.part();
        none = note("This scenario calls no downstream services, so there are no circuit breakers, "
                + "retries or timeouts to set.");
        empty.addNode(none);
        open = empty.button("Open the retry-storm preset", "Start the retry-storm preset from t = 0: two copies of a "
                + "payments service go down for 30 s at 60 s, one behind a naive client, one behind a breaker.",
                () -> openPreset.accept(ResilienceView.EXAMPLE_PRESET));
        open.setId("openRetryStormParametersButton");

        content = form.part();
        buildContent(act);
        settings = content.part();
        buildNoBreakerNote();
        content.addNode(note("A change rebuilds the client, as a redeployed sidecar: its breaker starts closed "
                + "with an empty window."));
        showEmpty(true);
    }

    /** For the drawn external API {@code id}: the empty pane names the missing sidecars and offers no preset. */
    void drawnApi(String id) {
        none.setText("No edge calls " + id + " through a sidecar now, so there is no breaker, retry or timeout to set here.");
        open.setVisible(false);
        open.setManaged(false);
    }

    private void showEmpty(boolean isEmpty) {
        empty.setShown(isEmpty);
        content.setShown(!isEmpty);
    }

    /** The pane to show on the right of the window. */
    Node node() {
        return form.node();
    }

    private void buildContent(FaultModel.Sink act) {
        dependencyChoice.setId("dependencyChoice");
        dependencyChoice.getStyleClass().add("parameter-choice");
        dependencyChoice.setTooltip(tooltip("The downstream service whose mesh client the settings and fault buttons below apply to."));
        Label dependencyLabel = new Label("Dependency");
        dependencyLabel.getStyleClass().add("parameter-name");
        dependencyLabel.setMinWidth(Region.USE_PREF_SIZE);
        dependencyLabel.setTooltip(dependencyChoice.getTooltip());
        dependencyChoice.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> select(index.intValue()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox choiceRow = new HBox(dependencyLabel, gap, dependencyChoice);
        choiceRow.getStyleClass().add("parameter-input");
        content.addNode(choiceRow);

        refusal.setId("refusalLabel");
        refusal.getStyleClass().add("parameter-error");
        refusal.setWrapText(true);
        refusal.setVisible(false);
        refusal.setManaged(false);
        content.addNode(refusal);

        content.section("Faults");
        addFault(new FaultModel(Action.ERROR_RATE, 0.5, act), "Error rate", "errorRate", "0–1");
        addFault(new FaultModel(Action.LATENCY, 500, act), "Latency", "latency", "ms");
        addFault(new FaultModel(Action.OUTAGE, 0, act), "Outage", "outage", null);

        content.section("Fault schedule");
        scheduleLines.setId("faultSchedule");
        scheduleLines.setSpacing(2);
        activeLines.setId("activeFaults");
        activeLines.setSpacing(2);
        Label activeTitle = new Label("Active now");
        activeTitle.getStyleClass().add("resilience-subtitle");
        content.addNode(scheduleLines);
        content.addNode(activeTitle);
        content.addNode(activeLines);
    }

    /** The client settings of dependency {@code index}: the rows of the breaker, retry and calls sections. */
    private void showSettings(int index) {
        settings.clear();
        settings.section("Circuit breaker");
        settings.addNode(noBreaker);
        addRows(index, BREAKER);
        settings.section("Retry");
        addRows(index, RETRY);
        settings.section("Timeout and bulkhead");
        addRows(index, CALLS);
    }

    private void addRows(int index, List<String> fields) {
        for (String field : fields) {
            settings.add(path(index, field));
        }
    }

    static String path(int dependency, String field) {
        return "dependencies[" + dependency + "]." + field;
    }

    private void buildNoBreakerNote() {
        Label noBreakerText = note("No circuit breaker: every attempt is sent, retries included.");
        Button add = actionButton("Add a circuit breaker", "addBreakerButton", "Give this client Resilience4j's breaker with the defaults "
                + "(count window of 100 calls, minimum 20, 50 % failure rate, 10 s open); then set it below. "
                + "Choose the preset again to start without it.", this::addBreaker);
        noBreaker.getChildren().addAll(noBreakerText, add);
        noBreaker.setSpacing(6);
    }

    private void addFault(FaultModel model, String text, String id, String valueUnit) {
        Button button = new Button(text);
        button.setId(id + "Button");
        button.getStyleClass().addAll("parameter-action", "fault-button");
        button.setTooltip(tooltip(model.action().description() + " Applies to the dependency chosen above, at once."));
        button.setOnAction(event -> {
            String target = selectedName();
            if (target != null) {
                model.inject(target);
            }
        });
        HBox row = new HBox(button);
        row.getStyleClass().add("parameter-input");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        row.getChildren().add(gap);
        if (valueUnit != null) {
            TextField value = smallField(id + "ValueField", model.valueTextProperty(), "The fault's value: " + model.action().description());
            Label unit = new Label(valueUnit);
            unit.getStyleClass().add("fault-unit");
            row.getChildren().addAll(value, unit);
        }
        Label forLabel = new Label("for");
        forLabel.getStyleClass().add("fault-unit");
        TextField duration = smallField(id + "DurationField", model.durationTextProperty(),
                "How long the fault lasts, in virtual seconds.");
        Label seconds = new Label("s");
        seconds.getStyleClass().add("fault-unit");
        row.getChildren().addAll(forLabel, duration, seconds);
        Label error = new Label();
        error.setId(id + "Error");
        error.getStyleClass().add("parameter-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox box = new VBox(row, error);
        box.getStyleClass().add("parameter-row");
        content.addNode(box);
    }

    private static TextField smallField(String id, StringProperty text, String explanation) {
        TextField field = new TextField();
        field.setId(id);
        field.getStyleClass().addAll("parameter-field", "fault-field");
        field.textProperty().bindBidirectional(text);
        field.setTooltip(tooltip(explanation));
        return field;
    }

    private static Label note(String text) {
        Label note = new Label(text);
        note.setWrapText(true);
        note.getStyleClass().add("resilience-note");
        return note;
    }

    // ------------------------------------------------------------------ state

    private String selectedName() {
        int i = dependencyChoice.getSelectionModel().getSelectedIndex();
        return i >= 0 && i < names.size() ? names.get(i) : null;
    }

    /** Shows the settings of dependency {@code index}; an edit of the one shown before is dropped. */
    private void select(int index) {
        if (index < 0 || shown == null || index >= shown.dependencies().size()) {
            return;
        }
        if (index != settingsIndex || !names.equals(settingsNames)) {
            settingsIndex = index;
            settingsNames = names;
            showSettings(index);
        }
        showBreakerNote();
    }

    private void showBreakerNote() {
        int i = dependencyChoice.getSelectionModel().getSelectedIndex();
        boolean without = shown != null && i >= 0 && i < shown.dependencies().size() && shown.dependencies().get(i).breaker() == null;
        noBreaker.setVisible(without);
        noBreaker.setManaged(without);
    }

    private void addBreaker() {
        int i = dependencyChoice.getSelectionModel().getSelectedIndex();
        if (shown == null || i < 0) {
            return;
        }
        String path = path(i, "breaker.mode");
        try {
            ScenarioFields.with(shown, path, "resilience4j");
        } catch (ScenarioException e) {
            showRefusal(e.getMessage());
            return;
        }
        setField.accept(path, "resilience4j");
    }

    /** Takes in a new frame. Cheap when the scenario is unchanged, as in most frames. */
    void update(Snapshot snapshot) {
        assert FxThread.isCurrent();
        Scenario current = snapshot.current();
        showEmpty(current.dependencies().isEmpty());
        if (current != shown) {
            shown = current;
            List<String> newNames = new ArrayList<>();
            for (Scenario.Dependency d : current.dependencies()) {
                newNames.add(d.name());
            }
            if (!newNames.equals(names)) {
                names = newNames;
                dependencyChoice.getItems().setAll(names);
                dependencyChoice.getSelectionModel().select(0);
                select(0);
            }
            form.update(current);
            showBreakerNote();
        }
        showRefusals(snapshot);
        // The schedule's marks change at most with the virtual tenth of a second; not worth rebuilding every frame.
        long tenth = (long) Math.floor(snapshot.timeSeconds() * 10);
        if (tenth != scheduleTenth || current != scheduleScenario) {
            scheduleTenth = tenth;
            scheduleScenario = current;
            showSchedule(FaultSchedule.timeline(current, snapshot.timeSeconds()), FaultSchedule.active(snapshot.dependencies()));
        }
    }

    /** The world's "refused: dependencies[...]" lines since the last frame: a value it would not take after all. */
    private void showRefusals(Snapshot snapshot) {
        long count = snapshot.logCount();
        if (seenLogCount < 0 || count < seenLogCount) {
            seenLogCount = count; // the first frame or a restart: old lines are not this session's news
            return;
        }
        List<LogEntry> recent = snapshot.recentLog();
        int fresh = (int) Math.min(count - seenLogCount, recent.size());
        for (int k = recent.size() - fresh; k < recent.size(); k++) {
            LogEntry e = recent.get(k);
            if (e.message().startsWith("refused: dependencies[")) {
                showRefusal("The simulation refused the change: " + e.message().substring("refused: ".length()));
            } else if (e.source() == Source.USER && e.message().startsWith("dependencies[")) {
                showRefusal(""); // a later change went through
            }
        }
        seenLogCount = count;
    }

    private void showRefusal(String message) {
        refusal.setText(message);
        refusal.setVisible(!message.isEmpty());
        refusal.setManaged(!message.isEmpty());
    }

    private void showSchedule(List<FaultSchedule.Line> schedule, List<String> active) {
        if (!schedule.equals(shownSchedule)) {
            shownSchedule = schedule;
            scheduleLines.getChildren().clear();
            if (schedule.isEmpty()) {
                scheduleLines.getChildren().add(note("No faults on this scenario's timeline."));
            }
            for (FaultSchedule.Line line : schedule) {
                Label label = new Label(line.text() + (line.status() == FaultSchedule.Status.ACTIVE ? "  (on)"
                        : line.status() == FaultSchedule.Status.OVER ? "  (over)" : ""));
                label.getStyleClass().add("fault-line");
                label.pseudoClassStateChanged(ACTIVE, line.status() == FaultSchedule.Status.ACTIVE);
                label.pseudoClassStateChanged(OVER, line.status() == FaultSchedule.Status.OVER);
                label.setWrapText(true);
                label.setTooltip(tooltip("A fault on the scenario's timeline: it starts at the virtual time given and "
                        + "lasts the duration given."));
                scheduleLines.getChildren().add(label);
            }
        }
        if (!Objects.equals(active, shownActive)) {
            shownActive = active;
            activeLines.getChildren().clear();
            if (active.isEmpty()) {
                activeLines.getChildren().add(note("None."));
            }
            for (String line : active) {
                Label label = new Label(line);
                label.getStyleClass().add("fault-line");
                label.pseudoClassStateChanged(ACTIVE, true);
                label.setWrapText(true);
                activeLines.getChildren().add(label);
            }
        }
    }
}
