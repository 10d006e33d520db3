package dev.scalelab.ui.look;

import dev.scalelab.ui.canvas.CanvasFont;
import dev.scalelab.ui.canvas.CanvasRegion;
import dev.scalelab.ui.canvas.StyleableColors;
import dev.scalelab.ui.overview.PoolView;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The theme and the font scale reach the app's stylesheets, the controls and the canvas views. */
class AppearanceTest {
    private final Appearance appearance = Appearance.get();
    private Scene scene;
    private PoolView pool;
    private Label label;
    private CountingCanvas counting;

    @BeforeEach
    void showScene() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        onFx(() -> {
            pool = new PoolView();
            label = new Label("Arrival rate");
            counting = new CountingCanvas();
            VBox root = new VBox(label, pool, counting);
            scene = new Scene(root, 400, 300);
            scene.getStylesheets().add(AppearanceTest.class.getResource("/styles/app.css").toExternalForm());
            appearance.install(scene);
            stage.setScene(scene);
            stage.show();
            return null;
        });
    }

    @AfterEach
    void resetAppearance() throws Exception {
        onFx(() -> {
            appearance.reset();
            return null;
        });
    }

    @Test
    void aCanvasViewsColoursFollowTheTheme() throws Exception {
        assertEquals(Color.web("#ffffff"), colour("-sl-card-fill"), "light: the cards are Primer Light's background");
        assertEquals(Color.web("#24292f"), colour("-sl-text-fill"));

        onFx(() -> {
            appearance.themeProperty().set(Theme.DARK);
            return null;
        });
        assertEquals(Color.web("#0d1117"), colour("-sl-card-fill"), "dark: Primer Dark's background, looked up");
        assertEquals(Color.web("#c9d1d9"), colour("-sl-text-fill"));
        assertEquals(Color.web("#30363d"), colour("-sl-idle-fill"), "dark.css's own idle colour");

        onFx(() -> {
            appearance.themeProperty().set(Theme.HIGH_CONTRAST);
            return null;
        });
        assertEquals(Color.BLACK, colour("-sl-text-fill"));
        assertEquals(Color.BLACK, colour("-sl-card-border"));
        assertTrue(onFx(() -> scene.getRoot().getStyleClass().contains("theme-high-contrast")));

        onFx(() -> {
            appearance.themeProperty().set(Theme.LIGHT);
            return null;
        });
        assertEquals(Color.web("#24292f"), colour("-sl-text-fill"), "back to light");
        assertEquals(1, onFx(() -> scene.getStylesheets().stream().filter(s -> s.startsWith("data:")).count()),
                "one font sheet, however often the theme changes");
    }

    @Test
    void theFontScaleSizesLabelsAndCanvasFonts() throws Exception {
        CanvasFont small = CanvasFont.of("System", 10.5);
        assertEquals(14, fontSize(), 0.01, "the base font");
        assertEquals(10.5, onFx(() -> small.font().getSize()), 0.01);
        int redrawsBefore = onFx(() -> counting.resizes);

        onFx(() -> {
            appearance.fontScaleProperty().set(1.5);
            return null;
        });
        assertEquals(21, fontSize(), 0.01);
        assertEquals(1.5, Appearance.fontScale());
        assertEquals(15.75, onFx(() -> small.font().getSize()), 0.01, "a canvas draws at the scale");
        assertTrue(onFx(() -> counting.resizes) > redrawsBefore, "a canvas view redraws when the scale changes");

        onFx(() -> {
            appearance.fontScaleProperty().set(1.23);
            return null;
        });
        assertEquals(1.25, Appearance.fontScale(), "in steps of 5 %");

        onFx(() -> {
            appearance.fontScaleProperty().set(5);
            return null;
        });
        assertEquals(Appearance.MAX_FONT_SCALE, Appearance.fontScale(), "clamped to 200 %");
        assertEquals(28, fontSize(), 0.01);
    }

    @Test
    void installingASceneTwiceAddsItsSheetsOnce() throws Exception {
        onFx(() -> {
            appearance.themeProperty().set(Theme.DARK);
            appearance.install(scene);
            return null;
        });
        assertEquals(1, onFx(() -> scene.getStylesheets().stream().filter(s -> s.endsWith("dark.css")).count()));
    }

    private double fontSize() throws Exception {
        return onFx(() -> {
            scene.getRoot().applyCss();
            return label.getFont().getSize();
        });
    }

    @SuppressWarnings("unchecked")
    private Color colour(String property) throws Exception {
        return onFx(() -> {
            scene.getRoot().applyCss();
            for (CssMetaData<? extends Styleable, ?> meta : pool.getCssMetaData()) {
                if (meta.getProperty().equals(property)) {
                    return (Color) ((CssMetaData<PoolView, ?>) meta).getStyleableProperty(pool).getValue();
                }
            }
            throw new AssertionError(property + " is not a colour of the pool view");
        });
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
    }

    /** A canvas view that counts the times it was told to lay out and draw again. */
    private static final class CountingCanvas extends CanvasRegion {
        private static final StyleableColors<CountingCanvas> COLORS = new StyleableColors<>(Region.getClassCssMetaData());
        int resizes;

        CountingCanvas() {
            super("counting-canvas", new Canvas());
        }

        @Override
        protected void resized() {
            resizes++;
        }

        @Override
        protected StyleableColors<?> colors() {
            return COLORS;
        }
    }
}
