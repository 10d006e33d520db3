package dev.scalelab.ui.look;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Scene;

/**
 * The look of every window of the app: the theme and the font scale (100-200 %), which every panel,
 * chart axis and canvas label follows. One per app; FX thread only. Canvases read
 * {@link #fontScale()} when they draw and redraw when it changes.
 */
public final class Appearance {
    public static final double MIN_FONT_SCALE = 1.0;
    public static final double MAX_FONT_SCALE = 2.0;

    private Appearance() {
    }

    /** The app's one appearance. */
    public static Appearance get() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The font scale canvases draw with: 1.0 = the base font. */
    public static double fontScale() {
        throw new UnsupportedOperationException("not built yet");
    }

    public DoubleProperty fontScaleProperty() {
        throw new UnsupportedOperationException("not built yet");
    }

    public ObjectProperty<Theme> themeProperty() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Makes {@code scene} follow the theme and the font scale, now and when they change. */
    public void install(Scene scene) {
        throw new UnsupportedOperationException("not built yet");
    }
}
