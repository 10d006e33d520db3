package dev.scalelab.ui.resilience;

import dev.scalelab.world.Action;
import dev.scalelab.world.LogEntry;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Source;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The Resilience panel's parameter pane: a choice of dependency, then every breaker, retry, timeout
 * and bulkhead setting of that dependency's mesh client, fault buttons with their value and duration,
 * and the fault schedule. Rows look and behave as the other panes' ({@code ParameterForm}): Enter
 * or leaving a field applies it, Escape drops the edit, a refused value stays marked with the
 * reason, naming the field, under it. A value the simulation refuses after all (the scenario changed
 * meanwhile) is shown under the choice of dependency, from the world's "refused:" log line.
 *
 * <p>FX thread only.
 */
final class DependencyForm {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    private static final PseudoClass OVER = PseudoClass.getPseudoClass("over");

    private final BiConsumer<String, Object> setField;
    private final VBox list = new VBox();
    private final ScrollPane pane = new ScrollPane(list);
    private final VBox empty = new VBox();
    private final VBox content = new VBox();
    private final ComboBox<String> dependencyChoice = new ComboBox<>();
    private final Label refusal = new Label();
    private final VBox noBreaker = new VBox();
    private final List<DependencyFieldModel> models = new ArrayList<>();
    private final List<FaultModel> faults = new ArrayList<>();
    private final VBox scheduleLines = new VBox();
    private final VBox activeLines = new VBox();

    private Scenario shown;
    private List<String> names = List.of();
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
    DependencyForm(BiConsumer<String, Object> setField, FaultModel.Sink act, Consumer<String> openPreset) {
        this.setField = setField;
        pane.getStyleClass().addAll("parameter-pane", "resilience-pane");
        pane.setFitToWidth(true);
        pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        pane.setId("resilienceParameters");
        list.getStyleClass().add("parameter-list");
        Label heading = new Label("Resilience");
        heading.getStyleClass().add("pane-title");
        list.getChildren().addAll(heading, empty, content);

        Label none = new Label("This scenario calls no downstream services, so there are no circuit breakers, "
                + "retries or timeouts to set.");
        none.setWrapText(true);
        none.getStyleClass().add("resilience-note");
        Button open = actionButton("Open the retry-storm preset", "Start the retry-storm preset from t = 0: two copies of a "
                + "payments service go down for 30 s at 60 s, one behind a naive client, one behind a breaker.",
                () -> openPreset.accept(ResilienceView.EXAMPLE_PRESET));
        open.setId("openRetryStormParametersButton");
        empty.getChildren().addAll(none, open);
        empty.setSpacing(8);

        buildContent(act);
        bindVisible(empty, true);
        bindVisible(content, false);
    }

    private void bindVisible(Node node, boolean whenEmpty) {
        node.setVisible(whenEmpty);
        node.setManaged(whenEmpty);
    }

    private void showEmpty(boolean isEmpty) {
        empty.setVisible(isEmpty);
        empty.setManaged(isEmpty);
        content.setVisible(!isEmpty);
        content.setManaged(!isEmpty);
    }

    Node node() {
        return pane;
    }

    private void buildContent(FaultModel.Sink act) {
        content.getStyleClass().add("resilience-form");
        content.setSpacing(6);

        dependencyChoice.setId("dependencyChoice");
        dependencyChoice.getStyleClass().add("parameter-choice");
        dependencyChoice.setTooltip(tooltip("The downstream service whose mesh client the settings and fault buttons below apply to."));
        Label dependencyLabel = new Label("Dependency");
        dependencyLabel.getStyleClass().add("parameter-name");
        dependencyLabel.setMinWidth(Region.USE_PREF_SIZE);
        dependencyLabel.setTooltip(dependencyChoice.getTooltip());
        dependencyChoice.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> select(index.intValue()));
        content.getChildren().add(inputRow(dependencyLabel, dependencyChoice));

        refusal.setId("refusalLabel");
        refusal.getStyleClass().add("parameter-error");
        refusal.setWrapText(true);
        refusal.setVisible(false);
        refusal.setManaged(false);
        content.getChildren().add(refusal);

        section("Faults");
        addFault(new FaultModel(Action.ERROR_RATE, 0.5, act), "Error rate", "errorRate", "0–1");
        addFault(new FaultModel(Action.LATENCY, 500, act), "Latency", "latency", "ms");
        addFault(new FaultModel(Action.OUTAGE, 0, act), "Outage", "outage", null);

        section("Fault schedule");
        scheduleLines.setId("faultSchedule");
        scheduleLines.setSpacing(2);
        activeLines.setId("activeFaults");
        activeLines.setSpacing(2);
        Label activeTitle = new Label("Active now");
        activeTitle.getStyleClass().add("resilience-subtitle");
        content.getChildren().addAll(scheduleLines, activeTitle, activeLines);

        section("Circuit breaker");
        Label noBreakerText = new Label("No circuit breaker: every attempt is sent, retries included.");
        noBreakerText.setWrapText(true);
        noBreakerText.getStyleClass().add("resilience-note");
        Button add = actionButton("Add a circuit breaker", "Give this client Resilience4j's breaker with the defaults "
                + "(count window of 100 calls, minimum 20, 50 % failure rate, 10 s open); then set it below. "
                + "Choose the preset again to start without it.", this::addBreaker);
        add.setId("addBreakerButton");
        noBreaker.getChildren().addAll(noBreakerText, add);
        noBreaker.setSpacing(6);
        content.getChildren().add(noBreaker);
        for (DependencyField f : DependencyField.BREAKER) {
            addRow(f);
        }
        section("Retry");
        for (DependencyField f : DependencyField.RETRY) {
            addRow(f);
        }
        section("Timeout and bulkhead");
        for (DependencyField f : DependencyField.CALLS) {
            addRow(f);
        }
        Label rebuilt = new Label("A change rebuilds the client, as a redeployed sidecar: its breaker starts closed "
                + "with an empty window.");
        rebuilt.setWrapText(true);
        rebuilt.getStyleClass().add("resilience-note");
        content.getChildren().add(rebuilt);
    }

    private void section(String name) {
        Label label = new Label(name);
        label.getStyleClass().add("parameter-section");
        content.getChildren().add(label);
    }

    private static HBox inputRow(Label name, Node input) {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(name, gap, input);
        row.getStyleClass().add("parameter-input");
        return row;
    }

    private void addRow(DependencyField f) {
        DependencyFieldModel model = new DependencyFieldModel(f, setField);
        models.add(model);
        VBox row = new VBox();
        row.getStyleClass().add("parameter-row");
        Label name = new Label(f.label());
        name.getStyleClass().add("parameter-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tooltip = tooltip(f.description());
        name.setTooltip(tooltip);
        HBox input;
        switch (f.kind()) {
            case CHOICE: {
                ComboBox<String> choice = new ComboBox<>();
                choice.setId(f.id() + "Choice");
                choice.getStyleClass().add("parameter-choice");
                choice.setTooltip(tooltip);
                choice.getItems().setAll(f.choices());
                choice.valueProperty().bindBidirectional(model.textProperty());
                // Also fires when the live value moves the selection; commit() then finds no edit and does nothing.
                choice.setOnAction(event -> model.commit());
                input = inputRow(name, choice);
                row.getChildren().add(input);
                break;
            }
            case BOOLEAN: {
                CheckBox check = new CheckBox();
                check.setId(f.id() + "Check");
                check.setTooltip(tooltip);
                boolean[] following = {false};
                Runnable follow = () -> {
                    following[0] = true;
                    check.setSelected(Boolean.TRUE.equals(model.liveValueProperty().get()));
                    following[0] = false;
                };
                model.liveValueProperty().addListener((obs, old, now) -> follow.run());
                check.selectedProperty().addListener((obs, old, selected) -> {
                    if (!following[0]) {
                        model.textProperty().set(String.valueOf(selected));
                        model.commit();
                    }
                });
                input = inputRow(name, check);
                row.getChildren().add(input);
                break;
            }
            default: {
                TextField field = new TextField();
                field.setId(f.id() + "Field");
                field.getStyleClass().add("parameter-field");
                field.setTooltip(tooltip);
                Label unit = new Label();
                unit.getStyleClass().add("parameter-unit");
                unit.textProperty().bind(model.unitProperty());
                Label error = new Label();
                error.setId(f.id() + "Error");
                error.getStyleClass().add("parameter-error");
                error.setWrapText(true);
                bindField(model, field, error);
                input = inputRow(name, field);
                input.getChildren().add(unit);
                row.getChildren().addAll(input, error);
            }
        }
        row.disableProperty().bind(model.applicableProperty().not());
        content.getChildren().add(row);
    }

    /** The text field behaviour of every parameter pane: Enter or focus loss applies, Escape reverts. */
    private static void bindField(DependencyFieldModel model, TextField field, Label error) {
        field.textProperty().bindBidirectional(model.textProperty());
        field.setOnAction(event -> model.commit());
        field.focusedProperty().addListener((obs, wasFocused, focused) -> {
            if (!focused) {
                model.commit();
            }
        });
        field.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && model.isEdited()) {
                model.revert();
                event.consume();
            }
        });
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        model.errorProperty().addListener((obs, old, now) -> field.pseudoClassStateChanged(INVALID, !now.isEmpty()));
    }

    private void addFault(FaultModel model, String text, String id, String valueUnit) {
        faults.add(model);
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
        content.getChildren().add(box);
    }

    private static TextField smallField(String id, javafx.beans.property.StringProperty text, String explanation) {
        TextField field = new TextField();
        field.setId(id);
        field.getStyleClass().addAll("parameter-field", "fault-field");
        field.textProperty().bindBidirectional(text);
        field.setTooltip(tooltip(explanation));
        return field;
    }

    private static Button actionButton(String text, String explanation, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().add("parameter-action");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setTooltip(tooltip(explanation));
        button.setOnAction(event -> action.run());
        return button;
    }

    static Tooltip tooltip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(340);
        tooltip.setShowDelay(Duration.millis(300));
        return tooltip;
    }

    // ------------------------------------------------------------------ state

    private String selectedName() {
        int i = dependencyChoice.getSelectionModel().getSelectedIndex();
        return i >= 0 && i < names.size() ? names.get(i) : null;
    }

    private void select(int index) {
        if (index < 0 || shown == null || index >= shown.dependencies().size()) {
            return;
        }
        for (DependencyFieldModel m : models) {
            m.select(index, shown);
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
        String path = DependencyField.BREAKER_MODE.path(i);
        try {
            ScenarioFiles.withDependencyField(shown, path, "resilience4j");
        } catch (ScenarioException e) {
            showRefusal(e.getMessage());
            return;
        }
        setField.accept(path, "resilience4j");
    }

    /** Takes in a new frame. Cheap when the scenario is unchanged, as in most frames. */
    void update(Snapshot snapshot) {
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
            for (DependencyFieldModel m : models) {
                m.showLive(current);
            }
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
                scheduleLines.getChildren().add(muted("No faults on this scenario's timeline."));
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
                activeLines.getChildren().add(muted("None."));
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

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("resilience-note");
        return label;
    }
}
