package dev.scalelab.ui.resilience;

import dev.scalelab.ui.canvas.CanvasFont;
import java.util.function.Supplier;

import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.TextFit;
import dev.scalelab.ui.canvas.CanvasRegion;
import dev.scalelab.ui.canvas.StyleableColors;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The breaker state timeline: a band per dependency, coloured by its breaker's state over the same
 * window of virtual time as the other charts, with the dependency's name on the left and a time axis
 * below. A client without a breaker shows a grey band. Redrawn only when told something changed.
 *
 * <p>FX thread only.
 */
final class StateTimelineView extends CanvasRegion {
    private static final StyleableColors<StateTimelineView> CSS = new StyleableColors<>(Region.getClassCssMetaData());

    private static final CanvasFont TITLE_FONT = CanvasFont.of("System", FontWeight.BOLD, 12);
    private static final CanvasFont LABEL_FONT = CanvasFont.of("System", 11);
    private static final CanvasFont TICK_FONT = CanvasFont.of("System", 10.5);
    private static final double PADDING = 8;
    private static final double TITLE_HEIGHT = 22;
    private static final double AXIS_HEIGHT = 30;
    private static final double MAX_BAND_HEIGHT = 24;
    private static final String[] LEGEND = {"closed", "open", "half-open", "no breaker"};

    private final StyleableProperty<Color> textFill = CSS.color(this, "textFill", v -> v.textFill, Color.BLACK);
    private final StyleableProperty<Color> mutedTextFill = CSS.color(this, "mutedTextFill", v -> v.mutedTextFill, Color.GRAY);
    private final StyleableProperty<Color> gridStroke = CSS.color(this, "gridStroke", v -> v.gridStroke, Color.GAINSBORO);
    private final StyleableProperty<Color> closedFill = CSS.color(this, "closedFill", v -> v.closedFill, Color.SEAGREEN);
    private final StyleableProperty<Color> openFill = CSS.color(this, "openFill", v -> v.openFill, Color.CRIMSON);
    private final StyleableProperty<Color> halfOpenFill = CSS.color(this, "halfOpenFill", v -> v.halfOpenFill, Color.ORANGE);
    private final StyleableProperty<Color> disabledFill = CSS.color(this, "disabledFill", v -> v.disabledFill, Color.GAINSBORO);

    private static final Supplier<double[]> LEGEND_WIDTHS = CanvasFont.perScale(() -> TextFit.widths(LEGEND, LABEL_FONT.font()));

    private final Canvas canvas;
    private final ToDoubleFunction<String> labelWidths = TextFit.measure(LABEL_FONT.font());
    private final ToDoubleFunction<String> tickWidths = TextFit.measure(TICK_FONT.font());
    private List<DependencyTrack> tracks = List.of();
    private List<String> trackNames = List.of();
    private double windowStart;
    private double windowEnd = 1;
    private double tickSeconds = 30;
    private double nowSeconds;
    private double labelWidth;
    private String[] labels = new String[0];
    private double labelsFittedTo = -1;
    private boolean dirty = true;
    /** The spans drawn in the whole run, per track, from the run's history; null in the live window. */
    private List<StateSpans> wholeRun;

    StateTimelineView() {
        this(new Canvas());
    }

    private StateTimelineView(Canvas canvas) {
        super("state-timeline", canvas);
        this.canvas = canvas;
    }

    @Override
    protected void resized() {
        dirty = true;
    }

    /** Shows the tracks' states over [windowStart, windowEnd] of virtual time, up to {@code now}. */
    void show(List<DependencyTrack> newTracks, double start, double end, double tick, double now) {
        show(newTracks, null, start, end, tick, now);
    }

    /** As {@link #show(List, double, double, double, double)}, with each track's spans from {@code wholeRun} (the run's history) when not null. */
    void show(List<DependencyTrack> newTracks, List<StateSpans> wholeRun, double start, double end, double tick, double now) {
        this.wholeRun = wholeRun;
        // The view model keeps one list and changes its content: compare the names, not the list.
        List<String> names = newTracks.stream().map(DependencyTrack::name).toList();
        if (!names.equals(trackNames)) {
            trackNames = names;
            labelWidth = 0;
            for (DependencyTrack t : newTracks) {
                labelWidth = Math.max(labelWidth, labelWidths.applyAsDouble(t.name()));
            }
            labelsFittedTo = -1;
        }
        tracks = newTracks;
        windowStart = start;
        windowEnd = end;
        tickSeconds = tick;
        nowSeconds = now;
        dirty = true;
    }

    /** Redraws if anything changed since the last call. FX thread only. */
    void draw() {
        assert FxThread.isCurrent();
        if (!dirty) {
            return;
        }
        dirty = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.clearRect(0, 0, width, height);
        if (width < 120 || height < TITLE_HEIGHT + AXIS_HEIGHT + 8) {
            return;
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(TITLE_FONT.font());
        g.setFill(textFill.getValue());
        g.fillText("Breaker state", width / 2, PADDING + 7);

        double labelSpace = Math.min(labelWidth, width * 0.35);
        double plotLeft = PADDING + labelSpace + 10;
        if (labelsFittedTo != labelSpace) {
            fitLabels(labelSpace);
        }
        double plotRight = width - PADDING - 6;
        double top = PADDING + TITLE_HEIGHT;
        double bottom = height - AXIS_HEIGHT;
        int n = Math.max(1, tracks.size());
        double bandHeight = Math.min(MAX_BAND_HEIGHT, (bottom - top) / n - 6);
        double span = Math.max(1e-9, windowEnd - windowStart);

        // Grid lines at the ticks, the same as the line charts' time axis.
        g.setStroke(gridStroke.getValue());
        g.setLineWidth(1);
        g.setFont(TICK_FONT.font());
        g.setFill(mutedTextFill.getValue());
        // Every grid line; a label only where it clears the last one (as a chart's axis hides crowded labels).
        double labelledUntil = Double.NEGATIVE_INFINITY;
        for (double t = Math.ceil(windowStart / tickSeconds) * tickSeconds; t <= windowEnd + 1e-9; t += tickSeconds) {
            double x = plotLeft + (t - windowStart) / span * (plotRight - plotLeft);
            g.strokeLine(x + 0.5, top, x + 0.5, bottom);
            String label = Long.toString(Math.round(t));
            double half = tickWidths.applyAsDouble(label) / 2;
            if (x - half >= labelledUntil + 4) {
                g.fillText(label, x, bottom + 9);
                labelledUntil = x + half;
            }
        }

        for (int i = 0; i < tracks.size(); i++) {
            double rowY = top + i * (bottom - top) / n + ((bottom - top) / n - bandHeight) / 2;
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFont(LABEL_FONT.font());
            g.setFill(textFill.getValue());
            g.fillText(labels[i], plotLeft - 8, rowY + bandHeight / 2);
            StateSpans spans = wholeRun != null && i < wholeRun.size() ? wholeRun.get(i) : tracks.get(i).states();
            for (int k = 0; k < spans.size(); k++) {
                double from = Math.max(windowStart, spans.startSeconds(k));
                double to = Math.min(nowSeconds, k + 1 < spans.size() ? spans.startSeconds(k + 1) : nowSeconds);
                if (to <= from) {
                    continue;
                }
                double x0 = plotLeft + (from - windowStart) / span * (plotRight - plotLeft);
                double x1 = plotLeft + (to - windowStart) / span * (plotRight - plotLeft);
                g.setFill(stateFill(spans.state(k)));
                // At least a pixel: a half-open state of a few ms must still show.
                g.fillRect(x0, rowY, Math.max(1, x1 - x0), bandHeight);
            }
        }
        drawLegend(g, height - 9, PADDING, width - PADDING);
    }

    /** The dependencies' names, shortened with an ellipsis where the chart is too narrow for them. */
    private void fitLabels(double space) {
        labels = new String[tracks.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = TextFit.cut(labelWidths, space, tracks.get(i).name());
        }
        labelsFittedTo = space;
    }

    private void drawLegend(GraphicsContext g, double y, double x, double maxX) {
        g.setFont(LABEL_FONT.font());
        g.setTextAlign(TextAlignment.LEFT);
        double total = 0;
        for (double w : LEGEND_WIDTHS.get()) {
            total += w + 24;
        }
        double at = Math.max(x, (x + maxX - total) / 2); // centred under the plot, as the charts' titles are
        for (int k = 0; k < LEGEND.length && at + 14 + LEGEND_WIDTHS.get()[k] <= maxX; k++) {
            g.setFill(k == 0 ? closedFill.getValue() : k == 1 ? openFill.getValue() : k == 2 ? halfOpenFill.getValue() : disabledFill.getValue());
            g.fillRect(at, y - 4, 10, 8);
            at += 14;
            g.setFill(mutedTextFill.getValue());
            g.fillText(LEGEND[k], at, y);
            at += LEGEND_WIDTHS.get()[k] + 10;
        }
    }

    private Color stateFill(BreakerState state) {
        switch (state) {
            case CLOSED: return closedFill.getValue();
            case OPEN:
            case FORCED_OPEN: return openFill.getValue();
            case HALF_OPEN: return halfOpenFill.getValue();
            default: return disabledFill.getValue();
        }
    }

    @Override
    protected StyleableColors<?> colors() {
        return CSS;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.cssMetaData();
    }
}
