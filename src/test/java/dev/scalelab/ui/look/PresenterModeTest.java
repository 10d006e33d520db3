package dev.scalelab.ui.look;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresenterModeTest {
    private final Appearance appearance = Appearance.get();
    private final Panes panes = new Panes();
    private Stage stage;
    private PresenterMode presenter;

    @BeforeEach
    void show() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        onFx(() -> {
            stage.setScene(new Scene(new StackPane(), 400, 300));
            appearance.install(stage.getScene());
            appearance.themeProperty().set(Theme.DARK);
            appearance.fontScaleProperty().set(1.2);
            panes.parameters.set(false); // the user had hidden the parameters already
            stage.show();
            presenter = new PresenterMode(stage, panes);
            return null;
        });
    }

    @AfterEach
    void reset() throws Exception {
        onFx(() -> {
            stage.setFullScreen(false);
            appearance.reset();
            return null;
        });
    }

    @Test
    void togglingOnAndOffRestoresEverything() throws Exception {
        onFx(() -> {
            presenter.toggle();
            return null;
        });
        assertTrue(onFx(() -> presenter.activeProperty().get()));
        assertTrue(onFx(() -> stage.isFullScreen()));
        assertEquals("", onFx(() -> stage.getFullScreenExitHint()));
        assertEquals(Theme.HIGH_CONTRAST, appearance.themeProperty().get());
        assertEquals(PresenterMode.FONT_SCALE, Appearance.fontScale());
        assertFalse(panes.navigation.get());
        assertFalse(panes.parameters.get());
        assertTrue(panes.bottom.get(), "the charts and the log stay");

        onFx(() -> {
            presenter.toggle();
            return null;
        });
        assertFalse(onFx(() -> stage.isFullScreen()));
        assertEquals(Theme.DARK, appearance.themeProperty().get());
        assertEquals(1.2, Appearance.fontScale());
        assertTrue(panes.navigation.get());
        assertFalse(panes.parameters.get(), "hidden before, hidden after");
    }

    @Test
    void leavingFullScreenOtherwiseEndsPresenterMode() throws Exception {
        onFx(() -> {
            presenter.toggle();
            stage.setFullScreen(false); // Esc, or the window manager
            return null;
        });
        assertFalse(onFx(() -> presenter.activeProperty().get()));
        assertEquals(Theme.DARK, appearance.themeProperty().get());
        assertEquals(1.2, Appearance.fontScale());
        assertTrue(panes.navigation.get());
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        T value = WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    private static final class Panes implements PresenterMode.SidePanes {
        final BooleanProperty navigation = new SimpleBooleanProperty(true);
        final BooleanProperty parameters = new SimpleBooleanProperty(true);
        final BooleanProperty bottom = new SimpleBooleanProperty(true);

        @Override
        public BooleanProperty navigationShownProperty() {
            return navigation;
        }

        @Override
        public BooleanProperty parametersShownProperty() {
            return parameters;
        }

        @Override
        public BooleanProperty bottomShownProperty() {
            return bottom;
        }
    }
}
