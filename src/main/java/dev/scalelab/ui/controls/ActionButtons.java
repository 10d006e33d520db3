package dev.scalelab.ui.controls;

import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import static dev.scalelab.ui.Tooltips.tooltip;

/** The action buttons of the panels' parameter panes. FX thread only. */
public final class ActionButtons {
    private ActionButtons() {
    }

    /**
     * A button that runs {@code action}, as wide as its column or its share of a row, with a tooltip
     * that explains what it does; {@code id} is how the robot tests find it.
     */
    public static Button actionButton(String text, String id, String explanation, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("parameter-action");
        button.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(button, Priority.ALWAYS);
        button.setTooltip(tooltip(explanation));
        button.setOnAction(event -> action.run());
        return button;
    }
}
