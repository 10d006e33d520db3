package dev.scalelab.ui.look;

import javafx.beans.property.BooleanProperty;
import javafx.stage.Stage;

/**
 * Presenter mode (F11 and the toolbar's toggle): full screen, a larger font scale, the side panes
 * collapsed to give the panel the room, high-contrast colours; leaving it restores what was before.
 * FX thread only.
 */
public final class PresenterMode {

    /**
     * @param stage the main window
     * @param panes the window's collapsible panes
     */
    public PresenterMode(Stage stage, SidePanes panes) {
        throw new UnsupportedOperationException("not built yet");
    }

    public BooleanProperty activeProperty() {
        throw new UnsupportedOperationException("not built yet");
    }

    public void toggle() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The main window's panes that can be hidden to give the panel room. */
    public interface SidePanes {
        BooleanProperty navigationShownProperty();

        BooleanProperty parametersShownProperty();

        /** The charts and the decision log under the panel. */
        BooleanProperty bottomShownProperty();
    }
}
