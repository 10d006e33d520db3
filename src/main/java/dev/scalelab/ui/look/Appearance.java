package dev.scalelab.ui.look;

import javafx.application.Application;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.lang.ref.WeakReference;
import java.util.Locale;

/**
 * The look of every window of the app: the theme and the font scale (100-200 %), which every panel,
 * chart axis and canvas label follows. One per app; FX thread only. Canvases read
 * {@link #fontScale()} when they draw and redraw when it changes.
 *
 * <p>The font scale is the scene root's {@code -fx-font-size} ({@link #BASE_FONT_PX} × scale), set by
 * a small generated stylesheet; every size in the app's stylesheets is in {@code em}, so they all
 * follow. The theme is AtlantaFX's Primer (light or dark) as the user-agent stylesheet, plus the app's
 * own sheet for the theme ({@code styles/dark.css}, {@code styles/high-contrast.css}) after the others.
 */
public final class Appearance {
    public static final double MIN_FONT_SCALE = 1.0;
    public static final double MAX_FONT_SCALE = 2.0;
    /** The root font at 100 %: Primer's controls are drawn for 14 px. */
    public static final double BASE_FONT_PX = 14;

    private static Appearance instance;

    private final DoubleProperty fontScale = new SimpleDoubleProperty(this, "fontScale", MIN_FONT_SCALE) {
        @Override
        public void set(double value) {
            super.set(clampScale(value));
        }
    };
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT) {
        @Override
        public void set(Theme value) {
            super.set(value == null ? Theme.LIGHT : value);
        }
    };
    /** The scenes installed; weak, so a closed dialog's scene is not kept. */
    private final List<WeakReference<Scene>> scenes = new ArrayList<>();
    private String userAgentStylesheet;
    private List<String> managedSheets = List.of();

    private Appearance() {
        fontScale.addListener((obs, was, now) -> restyleAll());
        theme.addListener((obs, was, now) -> restyleAll());
    }

    /** The app's one appearance. */
    public static Appearance get() {
        if (instance == null) {
            instance = new Appearance();
        }
        return instance;
    }

    /**
     * The font scale canvases draw with: 1.0 = the base font. 1.0 while no appearance exists (a
     * canvas in a test), so reading it never installs a theme.
     */
    public static double fontScale() {
        return instance == null ? MIN_FONT_SCALE : instance.fontScale.get();
    }

    /** {@code px} at the current font scale: what a canvas draws a {@code px}-pixel text at. */
    public static double scaled(double px) {
        return px * fontScale();
    }

    public DoubleProperty fontScaleProperty() {
        return fontScale;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Sets the theme and font scale from saved settings. */
    public void apply(Settings settings) {
        theme.set(settings.theme());
        fontScale.set(settings.fontScale());
    }

    /** Makes {@code scene} follow the theme and the font scale, now and when they change. */
    public void install(Scene scene) {
        for (WeakReference<Scene> ref : scenes) {
            if (ref.get() == scene) {
                return;
            }
        }
        scenes.add(new WeakReference<>(scene));
        scene.rootProperty().addListener((obs, was, now) -> {
            if (was != null) {
                removeThemeClasses(was);
            }
            restyle(scene);
        });
        restyleAll();
    }

    /**
     * Back to a first start: light, 100 %, no scenes, and JavaFX's own user-agent stylesheet, so a
     * test that installed the appearance leaves the toolkit as it found it.
     */
    void reset() {
        theme.set(Theme.LIGHT);
        fontScale.set(MIN_FONT_SCALE);
        for (WeakReference<Scene> ref : scenes) {
            Scene scene = ref.get();
            if (scene != null) {
                scene.getStylesheets().removeAll(managedSheets);
            }
        }
        scenes.clear();
        userAgentStylesheet = null;
        Application.setUserAgentStylesheet(null);
    }

    private void restyleAll() {
        String wanted = theme.get().userAgentStylesheet();
        if (!wanted.equals(userAgentStylesheet)) {
            userAgentStylesheet = wanted;
            // The toolkit re-applies CSS to every showing window when this changes.
            Application.setUserAgentStylesheet(wanted);
        }
        List<String> oldSheets = managedSheets;
        managedSheets = sheets();
        for (Iterator<WeakReference<Scene>> it = scenes.iterator(); it.hasNext(); ) {
            Scene scene = it.next().get();
            if (scene == null) {
                it.remove();
            } else {
                scene.getStylesheets().removeAll(oldSheets);
                restyle(scene);
            }
        }
    }

    /** The theme's sheet and the font's, in the order they go after the scene's own sheets. */
    private List<String> sheets() {
        List<String> sheets = new ArrayList<>();
        String override = theme.get().overrideStylesheet();
        if (override != null) {
            URL url = Appearance.class.getResource(override);
            if (url != null) {
                sheets.add(url.toExternalForm());
            }
        }
        sheets.add(fontSheet(fontScale.get()));
        return List.copyOf(sheets);
    }

    private void restyle(Scene scene) {
        ObservableList<String> stylesheets = scene.getStylesheets();
        stylesheets.removeAll(managedSheets);
        stylesheets.addAll(managedSheets); // last, so they win over the app's and the panels' sheets
        Parent root = scene.getRoot();
        if (root != null) {
            removeThemeClasses(root);
            root.getStyleClass().add("theme-" + theme.get().id());
        }
    }

    private static void removeThemeClasses(Parent root) {
        for (Theme t : Theme.values()) {
            root.getStyleClass().remove("theme-" + t.id());
        }
    }

    /** A data-URI stylesheet setting the root font: a scene-level sheet, so no node's inline style is taken. */
    static String fontSheet(double scale) {
        String css = String.format(Locale.ROOT, ".root { -fx-font-size: %.2fpx; }", BASE_FONT_PX * scale);
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Within 100-200 %, in steps of 5 %: a slider's every position would otherwise make (and the
     * toolkit keep) a font stylesheet of its own.
     */
    static double clampScale(double value) {
        if (Double.isNaN(value)) {
            return MIN_FONT_SCALE;
        }
        double stepped = Math.round(value * 20) / 20.0;
        return Math.max(MIN_FONT_SCALE, Math.min(MAX_FONT_SCALE, stepped));
    }
}
