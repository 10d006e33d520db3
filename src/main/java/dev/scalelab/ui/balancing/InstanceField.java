package dev.scalelab.ui.balancing;

import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.ScenarioException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One number of the selected instance that an {@link Action} sets (its weight, speed or error
 * rate), as the user edits it: the text shows the live value until the user types, and
 * {@link #parse()} checks what was typed against the action's range. Like the parameter fields,
 * a refused value names the field and changes nothing.
 *
 * <p>FX thread only.
 */
final class InstanceField {
    private final Action action;
    private final String name;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    /** The text this model last put into the field; any other text is the user's edit. */
    private String shownText = "";
    private Double live;

    InstanceField(Action action, String name) {
        this.action = action;
        this.name = name;
    }

    Action action() {
        return action;
    }

    /** Shows the selected instance's value (null: none selected); an edit in progress is kept. */
    void showLive(Double value) {
        if (value == null ? live == null : value.equals(live)) {
            return;
        }
        live = value;
        if (!isEdited()) {
            show(value);
        }
    }

    /** A new instance was selected: its value replaces whatever was typed for the previous one. */
    void showSelected(Double value) {
        live = value;
        show(value);
    }

    boolean isEdited() {
        return !text.get().equals(shownText);
    }

    /**
     * The typed value, or null with the reason in {@link #errorProperty()} when it is not a number
     * in the action's range. Unedited text parses to null with no error: there is nothing to send.
     */
    Double parse() {
        if (!isEdited()) {
            error.set("");
            return null;
        }
        String typed = text.get().trim();
        try {
            double value = Double.parseDouble(typed);
            action.checkValue(name, value);
            error.set("");
            return value;
        } catch (NumberFormatException e) {
            error.set(name + ": \"" + typed + "\" is not a number");
        } catch (ScenarioException e) {
            error.set(e.getMessage());
        }
        return null;
    }

    /** The value was sent: show it as the field's own text until the simulation reports it. */
    void sent(double value) {
        show(value);
    }

    /** Drops the user's edit. */
    void revert() {
        show(live);
    }

    void refuse(String reason) {
        error.set(reason);
    }

    private void show(Double value) {
        shownText = value == null ? "" : Parameter.format(value);
        text.set(shownText);
        error.set("");
    }

    StringProperty textProperty() {
        return text;
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
