package dev.scalelab.ui.events;

import dev.scalelab.ui.canvas.CanvasFont;

import dev.scalelab.ui.canvas.CanvasRegion;
import dev.scalelab.ui.canvas.StyleableColors;
import dev.scalelab.ui.canvas.TileColors;
import javafx.beans.value.ObservableValue;
import javafx.css.StyleableProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.util.List;

/**
 * A drawing of the Events panel on canvas layers: the tile colours every pool drawing shares, and the
 * event streams' own ({@code -sl-…} in {@code styles/events.css}): the lag, poison records, the
 * committed offset, hatching and links. A new colour marks the drawing stale, as a resize does; the
 * subclass redraws at its next pulse, never inside layout.
 *
 * <p>FX thread only.
 */
abstract class EventsCanvas extends CanvasRegion {
    private static final StyleableColors<EventsCanvas> STYLE = new StyleableColors<>(Region.getClassCssMetaData());

    static final CanvasFont TITLE_FONT = CanvasFont.of("System", FontWeight.BOLD, 12.5);
    static final CanvasFont LABEL_FONT = CanvasFont.of("System", 11.5);
    static final CanvasFont SMALL_FONT = CanvasFont.of("System", 10);
    static final CanvasFont SMALL_BOLD_FONT = CanvasFont.of("System", FontWeight.BOLD, 10);
    static final double[] STARTING_DASHES = {4, 3};

    final TileColors tileColors = new TileColors(STYLE, this, v -> v.tileColors);
    final StyleableProperty<Color> trackFill = STYLE.color(this, "trackFill", v -> v.trackFill, Color.WHITESMOKE);
    final StyleableProperty<Color> lagFill = STYLE.color(this, "lagFill", v -> v.lagFill, Color.MISTYROSE);
    final StyleableProperty<Color> dangerFill = STYLE.color(this, "dangerFill", v -> v.dangerFill, Color.CRIMSON);
    final StyleableProperty<Color> poisonFill = STYLE.color(this, "poisonFill", v -> v.poisonFill, Color.web("#2b2f36"));
    final StyleableProperty<Color> committedStroke = STYLE.color(this, "committedStroke", v -> v.committedStroke,
            Color.web("#1d2733"));
    final StyleableProperty<Color> hatchStroke = STYLE.color(this, "hatchStroke", v -> v.hatchStroke, Color.GRAY);
    final StyleableProperty<Color> linkStroke = STYLE.color(this, "linkStroke", v -> v.linkStroke, Color.SILVER);

    private boolean stale = true;
    /** A new size or new colours: redrawn at the next pulse, whatever the pace of the data. */
    private boolean restyled = true;
    private long drawnNanos = Long.MIN_VALUE / 2;

    EventsCanvas(String styleClass, Canvas... layers) {
        super(styleClass, layers);
        for (StyleableProperty<Color> color : List.of(tileColors.textFill, tileColors.mutedTextFill, tileColors.cardFill,
                tileColors.cardBorder, tileColors.busyFill, tileColors.idleFill, tileColors.queueFill, trackFill, lagFill,
                dangerFill, poisonFill, committedStroke, hatchStroke, linkStroke)) {
            ((ObservableValue<?>) color).addListener((obs, old, now) -> restyled = true);
        }
    }

    @Override
    protected final void resized() {
        restyled = true;
    }

    @Override
    protected final StyleableColors<?> colors() {
        return STYLE;
    }

    /** Marks the drawing out of date: new data arrived. */
    final void invalidate() {
        stale = true;
    }

    /**
     * True, and the drawing counted as drawn at {@code nowNanos}, when it is to be redrawn now: at once
     * when {@code force}d or after a resize or new colours; when new data arrived or it is
     * {@code moving}, once {@code intervalNanos} have passed since it was last drawn. The software
     * renderer pays for every redraw of a large canvas, so a drawing whose data changes every frame
     * sets its own pace.
     */
    final boolean redrawDue(long nowNanos, boolean force, boolean moving, long intervalNanos) {
        if (force || restyled || (stale || moving) && nowNanos - drawnNanos >= intervalNanos) {
            restyled = false;
            stale = false;
            drawnNanos = nowNanos;
            return true;
        }
        return false;
    }

    /** True when the drawing waits for its next redraw; for tests. */
    final boolean isStale() {
        return stale;
    }
}
