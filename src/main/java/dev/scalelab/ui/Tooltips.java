package dev.scalelab.ui;

import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/** The app's tooltips: wrapped at a readable width, shown after a short pause. FX thread only. */
public final class Tooltips {
    private static final double MAX_WIDTH = 340;
    private static final Duration SHOW_DELAY = Duration.millis(300);

    private Tooltips() {
    }

    public static Tooltip tooltip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(MAX_WIDTH);
        tooltip.setShowDelay(SHOW_DELAY);
        return tooltip;
    }
}
