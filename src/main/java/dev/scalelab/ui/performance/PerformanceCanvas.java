package dev.scalelab.ui.performance;

import dev.scalelab.ui.TextFit;
import dev.scalelab.world.Phase;
import dev.scalelab.world.PerformanceView;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * A region drawn on one canvas that follows its size, with the Performance panel's colours as CSS
 * properties ({@code -sl-…} in {@code styles/performance.css}, from the theme's looked-up colours),
 * so the heaps, the pools and the waterfall share one palette: a phase or a pause kind has the same
 * colour in every drawing and chart. A subclass draws in {@link #paint} when {@link #redraw()} finds
 * the drawing stale; a resize or a new style makes it stale, never a draw inside layout.
 *
 * <p>FX thread only.
 */
abstract class PerformanceCanvas extends Region {
    private static final StyleablePropertyFactory<PerformanceCanvas> STYLE = new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    static final Font TITLE_FONT = Font.font("System", FontWeight.BOLD, 12.5);
    static final Font LABEL_FONT = Font.font("System", 12);
    static final Font SMALL_FONT = Font.font("System", 10.5);
    static final Font SMALL_BOLD_FONT = Font.font("System", FontWeight.BOLD, 10.5);

    private static final Color[] DEFAULT_PHASE_COLORS = {Color.web("#e89a1e"), Color.web("#2f6fdf"), Color.web("#d1403f"),
            Color.web("#7b5cd6"), Color.web("#1b9eb3"), Color.web("#23945f"), Color.web("#8c6d31")};
    private static final Color[] DEFAULT_PAUSE_COLORS = {Color.web("#e89a1e"), Color.web("#7b5cd6"), Color.web("#d1403f"),
            Color.web("#c2549d")};

    /** CSS names: {@code -sl-phase-gc-pause-fill}, {@code -sl-pause-stall-fill}. */
    private static final String[] PHASE_NAMES = phaseNames();
    private static final String[] PAUSE_NAMES = {"young", "old", "full", "stall"};

    final StyleableProperty<Color> textFill = STYLE.createStyleableColorProperty(this, "textFill", "-sl-text-fill", v -> v.textFill, Color.BLACK);
    final StyleableProperty<Color> mutedTextFill = STYLE.createStyleableColorProperty(this, "mutedTextFill", "-sl-muted-text-fill", v -> v.mutedTextFill, Color.GRAY);
    final StyleableProperty<Color> cardFill = STYLE.createStyleableColorProperty(this, "cardFill", "-sl-card-fill", v -> v.cardFill, Color.WHITE);
    final StyleableProperty<Color> cardBorder = STYLE.createStyleableColorProperty(this, "cardBorder", "-sl-card-border", v -> v.cardBorder, Color.LIGHTGRAY);
    final StyleableProperty<Color> trackFill = STYLE.createStyleableColorProperty(this, "trackFill", "-sl-track-fill", v -> v.trackFill, Color.GAINSBORO);
    final StyleableProperty<Color> accentFill = STYLE.createStyleableColorProperty(this, "accentFill", "-sl-accent-fill", v -> v.accentFill, Color.STEELBLUE);
    final StyleableProperty<Color> dangerFill = STYLE.createStyleableColorProperty(this, "dangerFill", "-sl-danger-fill", v -> v.dangerFill, Color.CRIMSON);
    final StyleableProperty<Color> warningFill = STYLE.createStyleableColorProperty(this, "warningFill", "-sl-warning-fill", v -> v.warningFill, Color.ORANGE);
    final StyleableProperty<Color> successFill = STYLE.createStyleableColorProperty(this, "successFill", "-sl-success-fill", v -> v.successFill, Color.SEAGREEN);
    final StyleableProperty<Color> edenFill = STYLE.createStyleableColorProperty(this, "edenFill", "-sl-eden-fill", v -> v.edenFill, Color.web("#2f6fdf"));
    final StyleableProperty<Color> survivorFill = STYLE.createStyleableColorProperty(this, "survivorFill", "-sl-survivor-fill", v -> v.survivorFill, Color.web("#1b9eb3"));
    final StyleableProperty<Color> oldFill = STYLE.createStyleableColorProperty(this, "oldFill", "-sl-old-fill", v -> v.oldFill, Color.web("#4b5fa8"));
    /** One property per phase and per pause kind: a CSS list of paints does not take looked-up colours. */
    private final StyleableProperty<Color>[] phaseColors = colorProperties("phase", PHASE_NAMES, DEFAULT_PHASE_COLORS, true);
    private final StyleableProperty<Color>[] pauseColors = colorProperties("pause", PAUSE_NAMES, DEFAULT_PAUSE_COLORS, false);

    final Canvas canvas = new Canvas();
    private final Text measurer = new Text();
    private boolean stale = true;

    PerformanceCanvas(String styleClass) {
        getStyleClass().add(styleClass);
        getChildren().add(canvas);
        // A canvas never shrinks on its own: the region is as small as its parent wants, the canvas follows.
        setMinSize(0, 0);
        List<StyleableProperty<Color>> colors = new ArrayList<>(List.of(textFill, mutedTextFill, cardFill, cardBorder, trackFill,
                accentFill, dangerFill, warningFill, successFill, edenFill, survivorFill, oldFill));
        colors.addAll(List.of(phaseColors));
        colors.addAll(List.of(pauseColors));
        for (StyleableProperty<Color> color : colors) {
            ((ObservableValue<?>) color).addListener((obs, old, now) -> stale = true);
        }
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            stale = true; // drawn at the next pulse, not here
        }
    }

    /** Marks the drawing out of date: new data arrived. */
    final void invalidate() {
        stale = true;
    }

    /** Draws if anything changed since the last draw. FX thread only. */
    final void redraw() {
        if (!stale) {
            return;
        }
        stale = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            paint(g, canvas.getWidth(), canvas.getHeight());
        }
    }

    /** Draws everything on a cleared canvas of {@code width} × {@code height}. */
    abstract void paint(GraphicsContext g, double width, double height);

    /** True when the drawing waits for its next {@link #redraw()}; for tests. */
    final boolean isStale() {
        return stale;
    }

    /** The colour of a phase, the same in the waterfall and the charts. */
    final Color phaseColor(Phase phase) {
        return phaseColors[phase.ordinal()].getValue();
    }

    /** The colour of a pause kind ({@code PerformanceView.PAUSE_…}). */
    final Color pauseColor(byte kind) {
        return pauseColors[Math.max(PerformanceView.PAUSE_YOUNG, Math.min(kind, PerformanceView.PAUSE_ALLOCATION_STALL))].getValue();
    }

    /** The width of {@code text} in {@code font}; one Text node reused, cheap enough per frame. */
    final double width(String text, Font font) {
        measurer.setFont(font);
        measurer.setText(text);
        return measurer.getLayoutBounds().getWidth();
    }

    /** {@code text}, cut with an ellipsis to fit {@code maxWidth}. */
    final String fit(String text, Font font, double maxWidth) {
        return TextFit.cut(t -> width(t, font), maxWidth, text);
    }

    @SuppressWarnings("unchecked")
    private StyleableProperty<Color>[] colorProperties(String prefix, String[] names, Color[] defaults, boolean phase) {
        StyleableProperty<Color>[] properties = new StyleableProperty[names.length];
        for (int i = 0; i < names.length; i++) {
            int index = i;
            properties[i] = STYLE.createStyleableColorProperty(this, prefix + "-" + names[i], "-sl-" + prefix + "-" + names[i] + "-fill",
                    v -> phase ? v.phaseColors[index] : v.pauseColors[index], defaults[i]);
        }
        return properties;
    }

    private static String[] phaseNames() {
        String[] names = new String[Phase.COUNT];
        for (int i = 0; i < names.length; i++) {
            names[i] = kebab(Phase.of(i).id());
        }
        return names;
    }

    /** {@code gcPause} → {@code gc-pause}. */
    static String kebab(String id) {
        StringBuilder out = new StringBuilder();
        for (char c : id.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return STYLE.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
