package dev.scalelab.ui.caching;

import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * One headline figure of the Caching panel: its name above its value, with a tooltip that says what
 * it measures. Style class {@code figure} (name {@code figure-name}, value {@code figure-value}),
 * pseudo-class {@code :alarm} when the figure is a warning (a stampede). Declared in
 * {@code fxml/CachingPanel.fxml} with its {@code name} and {@code explanation}; the view binds its
 * {@link #valueProperty()}. FX thread only.
 */
public final class HeadlineFigure extends VBox {
    private static final PseudoClass ALARM = PseudoClass.getPseudoClass("alarm");
    private static final double TOOLTIP_WIDTH = 340;

    private final Label name = new Label();
    private final Label value = new Label();
    private final Tooltip explanation = new Tooltip();

    public HeadlineFigure() {
        getStyleClass().add("figure");
        name.getStyleClass().add("figure-name");
        value.getStyleClass().add("figure-value");
        getChildren().addAll(name, value);
        explanation.setWrapText(true);
        explanation.setMaxWidth(TOOLTIP_WIDTH);
        Tooltip.install(this, explanation);
    }

    public String getName() {
        return name.getText();
    }

    public void setName(String text) {
        name.setText(text);
    }

    /** What the figure measures, shown on hover. */
    public String getExplanation() {
        return explanation.getText();
    }

    public void setExplanation(String text) {
        explanation.setText(text);
    }

    /** The value as shown. */
    public StringProperty valueProperty() {
        return value.textProperty();
    }

    /** Marks the figure as a warning ({@code :alarm}). */
    public void setAlarm(boolean alarm) {
        pseudoClassStateChanged(ALARM, alarm);
    }
}
