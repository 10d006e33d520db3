package dev.scalelab.ui.canvas;

import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.Optional;

/**
 * Asks for a fault's value and duration before it goes to the run: the fields start at a value that
 * shows the fault clearly, and a value out of the action's range is refused in the dialog, naming the
 * field and the range, so nothing reaches the run half-checked. FX thread only.
 */
final class FaultDialog {
    private FaultDialog() {
    }

    /**
     * @param value   the value field's start, or NaN when the action takes none
     * @param seconds the duration field's start, or 0 when the action has none
     * @return the command, or empty when the user cancels
     */
    static Optional<Scenario.TimelineEntry> ask(Window owner, Action a, String target, double value, double seconds) {
        Dialog<Scenario.TimelineEntry> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(a.id() + " " + target);
        d.setHeaderText(a.description());
        TextField valueField = new TextField(Double.isNaN(value) ? "" : Parameter.format(value));
        valueField.setId("faultValue");
        TextField secondsField = new TextField(seconds > 0 ? Parameter.format(seconds) : "");
        secondsField.setId("faultSeconds");
        Label error = new Label();
        error.setId("faultError");
        error.getStyleClass().add("fault-error");
        error.setWrapText(true);
        error.setMaxWidth(360);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        int row = 0;
        if (!Double.isNaN(value)) {
            grid.addRow(row++, new Label(valueLabel(a)), valueField);
        }
        if (seconds > 0) {
            grid.addRow(row++, new Label("For (s)"), secondsField);
        }
        grid.add(error, 0, row, 2, 1);
        d.getDialogPane().setContent(grid);
        if (owner != null && owner.getScene() != null) {
            d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Scenario.TimelineEntry[] made = new Scenario.TimelineEntry[1];
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Apply now");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                Double v = Double.isNaN(value) ? null : a.checkValue(valueLabel(a), number(valueLabel(a), valueField.getText()));
                double s = seconds > 0 ? duration(secondsField.getText()) : 0;
                made[0] = Scenario.TimelineEntry.action(0, a, target, v, s);
            } catch (ScenarioException x) {
                error.setText(x.getMessage());
                e.consume();
            }
        });
        d.setResultConverter(b -> b == ButtonType.OK ? made[0] : null);
        return d.showAndWait();
    }

    /** The value field's label: what the action's value means, with its unit. */
    static String valueLabel(Action a) {
        return switch (a) {
            case LATENCY, LAG_SPIKE -> "Added latency (ms)";
            case ERROR_RATE, ERROR_INSTANCE -> "Share failing (0–1)";
            case SLOW_INSTANCE -> "Speed (0.01–1)";
            case LEAK_CONNECTIONS -> "Share of queries leaking (0–1)";
            case PUBLISH_BURST -> "Messages";
            default -> "Value";
        };
    }

    static Double number(String field, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new ScenarioException(field, text.isBlank() ? "empty: a number is needed" : "\"" + text.trim() + "\" is not a number");
        }
    }

    static double duration(String text) {
        double s = number("For (s)", text);
        if (!(s > 0 && s <= 86_400)) {
            throw new ScenarioException("For (s)", Parameter.format(s) + " is out of range; a duration from above 0 to 86400 s");
        }
        return s;
    }
}
