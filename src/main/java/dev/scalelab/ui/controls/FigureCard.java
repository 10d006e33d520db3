package dev.scalelab.ui.controls;

import dev.scalelab.ui.Tooltips;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A headline figure of a panel: its name small and muted above its live value, and what it means in
 * a tooltip. Declared in a panel's FXML ({@code <FigureCard name="Latency p99" explanation="…"/>});
 * the panel binds {@link #valueProperty()} to its view model. The look is the panel stylesheet's
 * {@code .figure}, {@code .figure-name} and {@code .figure-value}.
 */
public final class FigureCard extends VBox {
    private final Label nameLabel = new Label();
    private final Label valueLabel = new Label();
    private String explanation;

    public FigureCard() {
        getStyleClass().add("figure");
        nameLabel.getStyleClass().add("figure-name");
        valueLabel.getStyleClass().add("figure-value");
        getChildren().addAll(nameLabel, valueLabel);
    }

    public String getName() {
        return nameLabel.getText();
    }

    public void setName(String name) {
        nameLabel.setText(name);
    }

    /** The value's text, bound by the panel to its view model. */
    public StringProperty valueProperty() {
        return valueLabel.textProperty();
    }

    /** The id of the value's label, for tests and tools that read one figure. */
    public String getValueId() {
        return valueLabel.getId();
    }

    public void setValueId(String id) {
        valueLabel.setId(id);
    }

    public boolean isWholeValue() {
        return valueLabel.getMinWidth() == Region.USE_PREF_SIZE;
    }

    /** True: the value is never cut short, so a wrapping row of cards wraps instead. */
    public void setWholeValue(boolean whole) {
        valueLabel.setMinWidth(whole ? Region.USE_PREF_SIZE : Region.USE_COMPUTED_SIZE);
    }

    public String getExplanation() {
        return explanation;
    }

    /** What the figure means and where it comes from, shown as the card's tooltip. */
    public void setExplanation(String text) {
        explanation = text;
        Tooltip.install(this, Tooltips.tooltip(text));
    }
}
