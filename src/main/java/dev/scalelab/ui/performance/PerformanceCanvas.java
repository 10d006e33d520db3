package dev.scalelab.ui.performance;

import dev.scalelab.ui.canvas.CanvasFont;

import dev.scalelab.ui.TextFit;
import dev.scalelab.ui.canvas.CanvasRegion;
import dev.scalelab.ui.canvas.StyleableColors;
import dev.scalelab.world.Phase;
import dev.scalelab.world.PerformanceView;
import javafx.beans.value.ObservableValue;
import javafx.css.StyleableProperty;
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
abstract class PerformanceCanvas extends CanvasRegion {
    private static final StyleableColors<PerformanceCanvas> STYLE = new StyleableColors<>(Region.getClassCssMetaData());

    static final CanvasFont TITLE_FONT = CanvasFont.of("System", FontWeight.BOLD, 12.5);
    static final CanvasFont LABEL_FONT = CanvasFont.of("System", 12);
    static final CanvasFont SMALL_FONT = CanvasFont.of("System", 10.5);
    static final CanvasFont SMALL_BOLD_FONT = CanvasFont.of("System", FontWeight.BOLD, 10.5);

    private static final Color[] DEFAULT_PHASE_COLORS = {Color.web("#e89a1e"), Color.web("#2f6fdf"), Color.web("#d1403f"),
            Color.web("#7b5cd6"), Color.web("#1b9eb3"), Color.web("#23945f"), Color.web("#8c6d31"), Color.web("#d0609f")};
    private static final Color[] DEFAULT_PAUSE_COLORS = {Color.web("#e89a1e"), Color.web("#7b5cd6"), Color.web("#d1403f"),
            Color.web("#c2549d")};

    /** Property names, which CSS sets as {@code -sl-phase-gc-pause-fill} and {@code -sl-pause-stall-fill}. */
    private static final String[] PHASE_NAMES = phaseNames();
    private static final String[] PAUSE_NAMES = {"pauseYoungFill", "pauseOldFill", "pauseFullFill", "pauseStallFill"};

    final StyleableProperty<Color> textFill = STYLE.color(this, "textFill", v -> v.textFill, Color.BLACK);
    final StyleableProperty<Color> mutedTextFill = STYLE.color(this, "mutedTextFill", v -> v.mutedTextFill, Color.GRAY);
    final StyleableProperty<Color> cardFill = STYLE.color(this, "cardFill", v -> v.cardFill, Color.WHITE);
    final StyleableProperty<Color> cardBorder = STYLE.color(this, "cardBorder", v -> v.cardBorder, Color.LIGHTGRAY);
    final StyleableProperty<Color> trackFill = STYLE.color(this, "trackFill", v -> v.trackFill, Color.GAINSBORO);
    final StyleableProperty<Color> accentFill = STYLE.color(this, "accentFill", v -> v.accentFill, Color.STEELBLUE);
    final StyleableProperty<Color> dangerFill = STYLE.color(this, "dangerFill", v -> v.dangerFill, Color.CRIMSON);
    final StyleableProperty<Color> warningFill = STYLE.color(this, "warningFill", v -> v.warningFill, Color.ORANGE);
    final StyleableProperty<Color> successFill = STYLE.color(this, "successFill", v -> v.successFill, Color.SEAGREEN);
    final StyleableProperty<Color> edenFill = STYLE.color(this, "edenFill", v -> v.edenFill, Color.web("#2f6fdf"));
    final StyleableProperty<Color> survivorFill = STYLE.color(this, "survivorFill", v -> v.survivorFill, Color.web("#1b9eb3"));
    final StyleableProperty<Color> oldFill = STYLE.color(this, "oldFill", v -> v.oldFill, Color.web("#4b5fa8"));
    /** One property per phase and per pause kind: a CSS list of paints does not take looked-up colours. */
    private final StyleableProperty<Color>[] phaseColors = colorProperties(PHASE_NAMES, DEFAULT_PHASE_COLORS, true);
    private final StyleableProperty<Color>[] pauseColors = colorProperties(PAUSE_NAMES, DEFAULT_PAUSE_COLORS, false);

    final Canvas canvas;
    private final Text measurer = new Text();
    private boolean stale = true;

    PerformanceCanvas(String styleClass) {
        this(styleClass, new Canvas());
    }

    private PerformanceCanvas(String styleClass, Canvas canvas) {
        super(styleClass, canvas);
        this.canvas = canvas;
        List<StyleableProperty<Color>> colors = new ArrayList<>(List.of(textFill, mutedTextFill, cardFill, cardBorder, trackFill,
                accentFill, dangerFill, warningFill, successFill, edenFill, survivorFill, oldFill));
        colors.addAll(List.of(phaseColors));
        colors.addAll(List.of(pauseColors));
        for (StyleableProperty<Color> color : colors) {
            ((ObservableValue<?>) color).addListener((obs, old, now) -> stale = true);
        }
    }

    @Override
    protected final void resized() {
        stale = true; // drawn at the next pulse, not in layout
    }

    @Override
    protected final StyleableColors<?> colors() {
        return STYLE;
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
            // Laid out in 100 % units over the canvas divided by the font scale, drawn magnified by it.
            CanvasFont.paintMagnified(canvas, (gc, w, h) -> paint(gc, w, h));
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
    private StyleableProperty<Color>[] colorProperties(String[] names, Color[] defaults, boolean phase) {
        StyleableProperty<Color>[] properties = new StyleableProperty[names.length];
        for (int i = 0; i < names.length; i++) {
            int index = i;
            properties[i] = STYLE.color(this, names[i], v -> phase ? v.phaseColors[index] : v.pauseColors[index], defaults[i]);
        }
        return properties;
    }

    private static String[] phaseNames() {
        String[] names = new String[Phase.COUNT];
        for (int i = 0; i < names.length; i++) {
            String id = Phase.of(i).id();
            names[i] = "phase" + Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Fill";
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
}
