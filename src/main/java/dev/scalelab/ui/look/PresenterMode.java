package dev.scalelab.ui.look;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * Presenter mode (F11 and the toolbar's toggle): full screen, a larger font scale, the side panes
 * collapsed to give the panel the room, high-contrast colours; leaving it restores what was before.
 * FX thread only.
 *
 * <p>Leaving full screen by other means (Esc, the window manager) leaves presenter mode too:
 * {@link #activeProperty} follows the stage.
 */
public final class PresenterMode {
    /** The font scale a projected room reads. */
    public static final double FONT_SCALE = 1.5;

    private final Stage stage;
    private final SidePanes panes;
    private final Appearance appearance = Appearance.get();
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    /** What presenter mode replaced, restored when it ends. */
    private Saved saved;
    private boolean switching;

    /**
     * @param stage the main window
     * @param panes the window's collapsible panes
     */
    public PresenterMode(Stage stage, SidePanes panes) {
        this.stage = stage;
        this.panes = panes;
        active.addListener((obs, was, now) -> {
            if (!switching) {
                apply(now);
            }
        });
        stage.fullScreenProperty().addListener((obs, was, now) -> {
            if (!now && active.get()) {
                active.set(false); // Esc or the window manager left full screen
            }
        });
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public void toggle() {
        active.set(!active.get());
    }

    private void apply(boolean on) {
        switching = true;
        try {
            if (on) {
                enter();
            } else {
                leave();
            }
        } finally {
            switching = false;
        }
    }

    private void enter() {
        saved = new Saved(appearance.themeProperty().get(), appearance.fontScaleProperty().get(),
                panes.navigationShownProperty().get(), panes.parametersShownProperty().get(), stage.isFullScreen());
        appearance.themeProperty().set(Theme.HIGH_CONTRAST);
        appearance.fontScaleProperty().set(Math.max(FONT_SCALE, saved.fontScale));
        panes.navigationShownProperty().set(false);
        panes.parametersShownProperty().set(false);
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.keyCombination("Esc"));
        stage.setFullScreen(true);
    }

    private void leave() {
        if (saved == null) {
            return;
        }
        Saved s = saved;
        saved = null;
        if (!s.fullScreen && stage.isFullScreen()) {
            stage.setFullScreen(false);
        }
        appearance.themeProperty().set(s.theme);
        appearance.fontScaleProperty().set(s.fontScale);
        panes.navigationShownProperty().set(s.navigationShown);
        panes.parametersShownProperty().set(s.parametersShown);
    }

    private record Saved(Theme theme, double fontScale, boolean navigationShown, boolean parametersShown,
                         boolean fullScreen) {
    }

    /** The main window's panes that can be hidden to give the panel room. */
    public interface SidePanes {
        BooleanProperty navigationShownProperty();

        BooleanProperty parametersShownProperty();

        /** The charts and the decision log under the panel. */
        BooleanProperty bottomShownProperty();
    }
}
