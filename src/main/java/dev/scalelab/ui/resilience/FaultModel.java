package dev.scalelab.ui.resilience;

import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.ScenarioException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One fault button of the pane (error rate, latency, outage) with its value and duration fields.
 * {@link #inject} checks both as the scenario reader checks a timeline fault and sends the fault
 * for the selected dependency, or leaves the reason, naming the field, in {@link #errorProperty()}.
 *
 * <p>FX thread only.
 */
final class FaultModel {
    /** Same bounds as a timeline fault's durationSeconds in a scenario file. */
    static final double MIN_DURATION_SECONDS = 0.001;
    static final double MAX_DURATION_SECONDS = 1e7;

    /** Where a checked fault goes: {@code runner::act}. */
    @FunctionalInterface
    interface Sink {
        void act(Action action, String target, Double value, double durationSeconds);
    }

    private final Action action;
    private final Sink sink;
    private final StringProperty valueText = new SimpleStringProperty(this, "valueText", "");
    private final StringProperty durationText = new SimpleStringProperty(this, "durationText", "30");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    FaultModel(Action action, double defaultValue, Sink sink) {
        this.action = action;
        this.sink = sink;
        if (action.takesValue()) {
            valueText.set(Parameter.format(defaultValue));
        }
    }

    Action action() {
        return action;
    }

    /** Sends the fault for {@code dependency}; false, with the reason in {@link #errorProperty()}, when a field is wrong. */
    boolean inject(String dependency) {
        Double value = null;
        double duration;
        try {
            if (action.takesValue()) {
                value = action.checkValue(action.id() + ".value", number(action.id() + ".value", valueText.get()));
            }
            String durationField = action.id() + ".durationSeconds";
            duration = number(durationField, durationText.get());
            if (!(duration >= MIN_DURATION_SECONDS && duration <= MAX_DURATION_SECONDS)) {
                throw new ScenarioException(durationField, Parameter.format(duration) + " is out of range; a number of seconds from "
                        + Parameter.format(MIN_DURATION_SECONDS) + " to " + Parameter.format(MAX_DURATION_SECONDS));
            }
        } catch (ScenarioException e) {
            error.set(e.getMessage());
            return false;
        }
        error.set("");
        sink.act(action, dependency, value, duration);
        return true;
    }

    private static double number(String field, String typed) {
        String t = typed == null ? "" : typed.trim();
        if (t.isEmpty()) {
            throw new ScenarioException(field, "is empty; a number");
        }
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ScenarioException(field, "\"" + t + "\" is not a number");
    }

    StringProperty valueTextProperty() {
        return valueText;
    }

    StringProperty durationTextProperty() {
        return durationText;
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
