package dev.scalelab.ui.parameters;

import dev.scalelab.world.FieldSpec;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFields;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * One settable field of the scenario as the user edits it. The text shows the simulation's value
 * until the user types; {@link #commit()} checks what was typed with the field's
 * {@link FieldSpec#parse} and against the other fields, and sends it to the simulation, or keeps it
 * with the problem, naming the field, in {@link #errorProperty()} and changes nothing.
 *
 * <p>FX thread only.
 */
public final class FieldViewModel {
    private final String path;
    private final FieldSpec spec;
    private final BiConsumer<String, Object> sendToSimulation;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<Object> liveValue = new ReadOnlyObjectWrapper<>(this, "liveValue");
    private final ReadOnlyBooleanWrapper applicable = new ReadOnlyBooleanWrapper(this, "applicable", true);
    private final ReadOnlyStringWrapper unit = new ReadOnlyStringWrapper(this, "unit", "");
    /** The text this model last put into the field; any other text is the user's edit. */
    private String shownText = "";
    /** The scenario last shown, to check a value against the other fields before sending it. */
    private Scenario shownScenario;

    /**
     * @param path             any settable field: {@code service.instances}, {@code dependencies[1].retry.maxAttempts}
     * @param sendToSimulation receives each checked change as {@code (path, value)}
     */
    public FieldViewModel(String path, BiConsumer<String, Object> sendToSimulation) {
        this.path = path;
        this.spec = ScenarioFields.spec(path);
        this.sendToSimulation = sendToSimulation;
        unit.set(spec.unit());
    }

    public String path() {
        return path;
    }

    public FieldSpec spec() {
        return spec;
    }

    /** Takes in the simulation's current scenario; the field follows it unless the user is editing. */
    public void showLive(Scenario current) {
        shownScenario = current;
        applicable.set(FieldRules.appliesTo(path, current));
        unit.set(FieldRules.unit(spec, current));
        Object value = ScenarioFields.read(current, path);
        if (Objects.equals(value, liveValue.get())) {
            // Unchanged: in particular do not undo a value just sent that the simulation has not applied yet.
            return;
        }
        liveValue.set(value);
        if (!isEdited()) {
            show(value);
        }
    }

    /** True when the field holds text the user typed and has not committed. */
    public boolean isEdited() {
        return !Objects.equals(text.get(), shownText);
    }

    /**
     * Sends the typed value to the simulation. Returns false, leaving the simulation unchanged and
     * the reason in {@link #errorProperty()}, when the text is not a valid value.
     */
    public boolean commit() {
        if (!isEdited()) {
            error.set("");
            return true;
        }
        Object value;
        try {
            value = spec.parse(path, text.get());
            if (shownScenario != null) {
                // Catches conflicts with other fields (a maxReplicas below minReplicas) before sending.
                ScenarioFields.with(shownScenario, path, value);
            }
        } catch (ScenarioException e) {
            error.set(e.getMessage());
            return false;
        }
        sendToSimulation.accept(path, value);
        show(value);
        return true;
    }

    /** Drops the user's edit and shows the simulation's value again. */
    public void revert() {
        show(liveValue.get());
    }

    private void show(Object value) {
        shownText = format(value);
        text.set(shownText);
        error.set("");
    }

    /** A value as a person would type it: 400 rather than 400.0; nothing for no value. */
    static String format(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Double ? FieldSpec.format((Double) value) : String.valueOf(value);
    }

    /** The field's text: the live value, or what the user is typing. */
    public StringProperty textProperty() {
        return text;
    }

    /** Why the last commit was refused, naming the field; empty when there is nothing wrong. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The simulation's value: Integer, Double, String or Boolean; null for a breaker field without a breaker. */
    public ReadOnlyObjectProperty<Object> liveValueProperty() {
        return liveValue.getReadOnlyProperty();
    }

    /** False when the scenario ignores this field (the rate of a closed workload, the window of a consecutive breaker). */
    public ReadOnlyBooleanProperty applicableProperty() {
        return applicable.getReadOnlyProperty();
    }

    /** The unit beside the value; a time-based breaker window's size is in s, a count-based one's in calls. */
    public ReadOnlyStringProperty unitProperty() {
        return unit.getReadOnlyProperty();
    }
}
