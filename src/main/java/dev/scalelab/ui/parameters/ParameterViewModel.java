package dev.scalelab.ui.parameters;

import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.BiConsumer;

/**
 * One live parameter as the user edits it. The text shows the simulation's value until the user
 * types; {@link #commit()} validates what was typed with {@link Parameter#parse} and sends it to
 * the simulation, or keeps it with the problem in {@link #errorProperty()} and changes nothing.
 *
 * <p>FX thread only.
 */
public final class ParameterViewModel {
    private final Parameter parameter;
    private final BiConsumer<Parameter, Object> sendToSimulation;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<Object> liveValue = new ReadOnlyObjectWrapper<>(this, "liveValue");
    private final ReadOnlyBooleanWrapper applicable = new ReadOnlyBooleanWrapper(this, "applicable", true);
    /** The text this model last put into the field; any other text is the user's edit. */
    private String shownText = "";
    /** The scenario last shown, to check a value against the other fields before sending it. */
    private Scenario shownScenario;

    public ParameterViewModel(Parameter parameter, BiConsumer<Parameter, Object> sendToSimulation) {
        this.parameter = parameter;
        this.sendToSimulation = sendToSimulation;
    }

    public Parameter parameter() {
        return parameter;
    }

    /** Takes in the simulation's current scenario; the field follows it unless the user is editing. */
    public void showLive(Scenario current) {
        shownScenario = current;
        Object value = parameter.read(current);
        applicable.set(appliesTo(parameter, current));
        if (value.equals(liveValue.get())) {
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
        return !text.get().equals(shownText);
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
            value = parameter.parse(parameter.path(), text.get());
            if (shownScenario != null) {
                // Catches conflicts with other fields (a maxReplicas below minReplicas) before sending.
                parameter.applyTo(shownScenario, value);
            }
        } catch (ScenarioException e) {
            error.set(e.getMessage());
            return false;
        }
        sendToSimulation.accept(parameter, value);
        show(value);
        return true;
    }

    /** Drops the user's edit and shows the simulation's value again. */
    public void revert() {
        if (liveValue.get() != null) {
            show(liveValue.get());
        }
    }

    private void show(Object value) {
        shownText = format(value);
        text.set(shownText);
        error.set("");
    }

    static String format(Object value) {
        return value instanceof Double ? Parameter.format((Double) value) : String.valueOf(value);
    }

    /** An open workload has a rate and no users; a closed one has users and no rate. */
    static boolean appliesTo(Parameter parameter, Scenario scenario) {
        Scenario.ArrivalProcess process = scenario.workload().arrival().process();
        switch (parameter) {
            case ARRIVAL_RATE:
                return process == Scenario.ArrivalProcess.POISSON;
            case USERS:
                return process == Scenario.ArrivalProcess.CLOSED;
            default:
                return true;
        }
    }

    /** The field's text: the live value, or what the user is typing. */
    public StringProperty textProperty() {
        return text;
    }

    /** Why the last commit was refused, naming the field; empty when there is nothing wrong. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The simulation's value: a Double, Integer or String as {@link Parameter#read} gives it. */
    public ReadOnlyObjectProperty<Object> liveValueProperty() {
        return liveValue.getReadOnlyProperty();
    }

    /** False when the scenario ignores this parameter (the rate of a closed workload). */
    public ReadOnlyBooleanProperty applicableProperty() {
        return applicable.getReadOnlyProperty();
    }
}
