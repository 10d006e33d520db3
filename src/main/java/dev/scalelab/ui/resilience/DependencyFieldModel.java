package dev.scalelab.ui.resilience;

import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
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
 * One field of the selected dependency as the user edits it, with the same behaviour as the
 * parameter fields ({@code ParameterViewModel}): the text follows the simulation until the user
 * types; {@link #commit()} checks the typed value as the scenario file reader would
 * ({@link ScenarioFiles#withDependencyField}) and sends it, or keeps it with the reason, naming the
 * field, in {@link #errorProperty()}.
 *
 * <p>FX thread only.
 */
final class DependencyFieldModel {
    private final DependencyField field;
    /** Receives {@code (path, value)}, such as {@code runner::setDependencyField}. */
    private final BiConsumer<String, Object> sendToSimulation;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<Object> liveValue = new ReadOnlyObjectWrapper<>(this, "liveValue");
    private final ReadOnlyBooleanWrapper applicable = new ReadOnlyBooleanWrapper(this, "applicable", true);
    private final ReadOnlyStringWrapper unit = new ReadOnlyStringWrapper(this, "unit", "");

    private int dependency;
    /** The text this model last put into the field; any other text is the user's edit. */
    private String shownText = "";
    private Scenario shownScenario;
    /** False until the first scenario of the selected dependency is shown. */
    private boolean live;

    DependencyFieldModel(DependencyField field, BiConsumer<String, Object> sendToSimulation) {
        this.field = field;
        this.sendToSimulation = sendToSimulation;
    }

    String path() {
        return field.path(dependency);
    }

    /** Shows dependency {@code index} of {@code current}, dropping any edit of the one shown before. */
    void select(int index, Scenario current) {
        dependency = index;
        live = false;
        liveValue.set(null);
        shownText = "";
        text.set("");
        error.set("");
        showLive(current);
    }

    /** Takes in the simulation's scenario; the text follows it unless the user is editing. */
    void showLive(Scenario current) {
        shownScenario = current;
        if (dependency >= current.dependencies().size()) {
            return;
        }
        Scenario.Dependency d = current.dependencies().get(dependency);
        applicable.set(field.appliesTo(d));
        unit.set(field.unit(d));
        Object value = field.read(d);
        if (live && Objects.equals(value, liveValue.get())) {
            // Unchanged: in particular do not undo a value just sent that the simulation has not applied yet.
            return;
        }
        live = true;
        liveValue.set(value);
        if (!isEdited()) {
            show(value);
        }
    }

    boolean isEdited() {
        return !text.get().equals(shownText);
    }

    /**
     * Sends the typed value to the simulation. Returns false, leaving the simulation unchanged and the
     * reason in {@link #errorProperty()}, when the scenario would refuse it.
     */
    boolean commit() {
        if (!isEdited()) {
            error.set("");
            return true;
        }
        Object value;
        try {
            value = parse(path(), field.kind(), text.get());
            if (shownScenario != null) {
                ScenarioFiles.withDependencyField(shownScenario, path(), value);
            }
        } catch (ScenarioException e) {
            error.set(e.getMessage());
            return false;
        }
        sendToSimulation.accept(path(), value);
        shownText = format(value);
        text.set(shownText);
        error.set("");
        return true;
    }

    void revert() {
        show(liveValue.get());
    }

    private void show(Object value) {
        shownText = value == null ? "" : format(value);
        text.set(shownText);
        error.set("");
    }

    /**
     * The typed text as the value the scenario file would hold: whole numbers as Integer, other
     * numbers as Double (the reader then says "expected a whole number" where one is needed), choices
     * as String, true/false as Boolean.
     */
    static Object parse(String path, DependencyField.Kind kind, String typed) {
        String t = typed == null ? "" : typed.trim();
        switch (kind) {
            case CHOICE:
                return t;
            case BOOLEAN:
                if (t.equals("true") || t.equals("false")) {
                    return Boolean.valueOf(t);
                }
                throw new ScenarioException(path, "\"" + t + "\" is not true or false");
            default:
                if (t.isEmpty()) {
                    throw new ScenarioException(path, "is empty; a number");
                }
                double v;
                try {
                    v = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new ScenarioException(path, "\"" + t + "\" is not a number");
                }
                if (!Double.isFinite(v)) {
                    throw new ScenarioException(path, "\"" + t + "\" is not a finite number");
                }
                if (kind == DependencyField.Kind.INTEGER && v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE) {
                    return (int) v;
                }
                return v;
        }
    }

    static String format(Object value) {
        return value instanceof Double ? Parameter.format((Double) value) : String.valueOf(value);
    }

    StringProperty textProperty() {
        return text;
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The simulation's value (Integer, Double, String or Boolean), or null for a breaker field without a breaker. */
    ReadOnlyObjectProperty<Object> liveValueProperty() {
        return liveValue.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty applicableProperty() {
        return applicable.getReadOnlyProperty();
    }

    ReadOnlyStringProperty unitProperty() {
        return unit.getReadOnlyProperty();
    }
}
