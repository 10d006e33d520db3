package dev.scalelab.ui.canvas;

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

/**
 * The selected box's figures over the run, above the inspector while the design runs: for each
 * figure of its kind a line of its name, its highest so far and its latest value, and under it a
 * trend line from the first second seen to now, scaled from 0 to that highest. A second without a value (NaN, as a p99 before any answer) is a gap in the line. Redrawn
 * only when the box or its points changed. FX thread only.
 */
final class NodeTrendsView extends CanvasRegion {
    private static final StyleableColors<NodeTrendsView> CSS = new StyleableColors<>(Region.getClassCssMetaData());
    static final double ROW_HEIGHT = 46;
    static final double TITLE_HEIGHT = 26;
    private static final double PAD = 10;
    private static final double LINE_HEIGHT = 24;

    final StyleableProperty<Color> textFill = CSS.color(this, "textFill", v -> v.textFill, Color.BLACK);
    final StyleableProperty<Color> mutedTextFill = CSS.color(this, "mutedTextFill", v -> v.mutedTextFill, Color.DIMGRAY);
    final StyleableProperty<Color> lineStroke = CSS.color(this, "lineStroke", v -> v.lineStroke, Color.DODGERBLUE);
    final StyleableProperty<Color> bandFill = CSS.color(this, "bandFill", v -> v.bandFill, Color.WHITESMOKE);

    private final Canvas canvas;
    private final NodeTrends trends;
    private String nodeId;
    private boolean dirty = true;

    NodeTrendsView(NodeTrends trends) {
        this(new Canvas(), trends);
    }

    private NodeTrendsView(Canvas canvas, NodeTrends trends) {
        super("node-trends", canvas);
        this.canvas = canvas;
        this.trends = trends;
        setId("nodeTrends");
    }

    /** Shows box {@code id}'s trends, or nothing (hidden) for null. */
    void show(String id) {
        if (!java.util.Objects.equals(id, nodeId)) {
            nodeId = id;
            dirty = true;
        }
        NodeTrends.Track t = id == null ? null : trends.track(id);
        boolean visible = t != null && t.size() > 0;
        setVisible(visible);
        setManaged(visible);
        double height = t == null ? 0 : TITLE_HEIGHT + t.figures.size() * ROW_HEIGHT + PAD;
        if (getPrefHeight() != height) {
            setPrefHeight(height);
            setMinHeight(height);
        }
    }

    /** An insight's start on this box's lines: the node, the second and a word for it; null for none. */
    private String markNode;
    private double markSeconds;
    private String markLabel;

    /**
     * Marks second {@code seconds} on box {@code id}'s lines with {@code label}: where a chosen insight
     * began, so its link leads to the moment as well as to the box. Null clears it.
     */
    void mark(String id, double seconds, String label) {
        markNode = id;
        markSeconds = seconds;
        markLabel = label;
        dirty = true;
    }

    /** The points changed: redraw at the next {@link #paintIfNeeded}. */
    void pointsChanged() {
        dirty = true;
    }

    @Override
    protected void resized() {
        dirty = true;
    }

    @Override
    protected StyleableColors<?> colors() {
        return CSS;
    }

    void paintIfNeeded() {
        if (!dirty || !isVisible()) {
            return;
        }
        dirty = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        g.clearRect(0, 0, w, canvas.getHeight());
        NodeTrends.Track t = nodeId == null ? null : trends.track(nodeId);
        if (t == null || t.size() == 0 || w < 80) {
            return;
        }
        Font base = Font.getDefault();
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(textFill.getValue());
        g.setFont(Font.font(base.getFamily(), FontWeight.BOLD, base.getSize()));
        g.fillText(nodeId + " over the run", PAD, TITLE_HEIGHT / 2);
        g.setFont(Font.font(base.getFamily(), base.getSize() * 0.9));
        g.setFill(mutedTextFill.getValue());
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(span(t), w - PAD, TITLE_HEIGHT / 2);
        List<NodeTrends.Figure> figures = t.figures;
        for (int f = 0; f < figures.size(); f++) {
            row(g, t, figures.get(f), TITLE_HEIGHT + f * ROW_HEIGHT, w, base);
        }
        if (nodeId.equals(markNode) && t.size() > 1) {
            double first = t.second(0);
            double spanSeconds = Math.max(1, t.second(t.size() - 1) - first);
            double at = Math.max(first, markSeconds);
            double x = PAD + (w - 2 * PAD) * (at - first) / spanSeconds;
            g.setStroke(textFill.getValue());
            g.setLineWidth(1);
            g.setLineDashes(3, 3);
            g.strokeLine(x, TITLE_HEIGHT + 18, x, TITLE_HEIGHT + figures.size() * ROW_HEIGHT - ROW_HEIGHT + 18 + LINE_HEIGHT);
            g.setLineDashes((double[]) null);
            g.setFont(Font.font(base.getFamily(), base.getSize() * 0.85));
            g.setFill(textFill.getValue());
            g.setTextAlign(x > w / 2 ? TextAlignment.RIGHT : TextAlignment.LEFT);
            g.fillText(markLabel + " since " + clock(markSeconds), x + (x > w / 2 ? -4 : 4), TITLE_HEIGHT + 18 + LINE_HEIGHT / 2);
        }
    }

    /** The mark's label on box {@code id}'s lines, or null: what a test reads. */
    String markOn(String id) {
        return id != null && id.equals(markNode) ? markLabel + " since " + clock(markSeconds) : null;
    }

    private static String span(NodeTrends.Track t) {
        return clock(t.second(0) - 1) + "–" + clock(t.second(t.size() - 1));
    }

    private static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", s % 60);
    }

    private void row(GraphicsContext g, NodeTrends.Track t, NodeTrends.Figure f, double top, double w, Font base) {
        int n = t.size();
        double latest = t.value(f, n - 1);
        double low = 0;
        double high = 0;
        for (int i = 0; i < n; i++) {
            double v = t.value(f, i);
            if (Double.isFinite(v)) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        g.setFont(base);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(mutedTextFill.getValue());
        g.fillText(f.label + (high > 0 ? "  ·  highest " + format(high, f) : ""), PAD, top + 9);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(textFill.getValue());
        g.fillText(format(latest, f), w - PAD, top + 9);

        double bandTop = top + 18;
        double bandLeft = PAD;
        double bandWidth = w - 2 * PAD;
        g.setFill(bandFill.getValue());
        g.fillRect(bandLeft, bandTop, bandWidth, LINE_HEIGHT);
        if (n < 2) {
            return;
        }
        if (high <= low) {
            high = low + 1; // a figure that never moved: a flat line along the bottom
        }
        double first = t.second(0);
        double spanSeconds = Math.max(1, t.second(n - 1) - first);
        g.setStroke(lineStroke.getValue());
        g.setLineWidth(1.5);
        g.beginPath();
        boolean drawing = false;
        for (int i = 0; i < n; i++) {
            double v = t.value(f, i);
            if (!Double.isFinite(v)) {
                drawing = false;
                continue;
            }
            double x = bandLeft + bandWidth * (t.second(i) - first) / spanSeconds;
            double y = bandTop + LINE_HEIGHT - 1 - (LINE_HEIGHT - 2) * (v - low) / (high - low);
            if (drawing) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                drawing = true;
            }
        }
        g.stroke();
    }

    /** A figure's value as the canvas words it: rates and counts whole, ρ to two places, NaN as a dash. */
    static String format(double v, NodeTrends.Figure f) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return switch (f) {
            case UTILISATION -> String.format(java.util.Locale.ROOT, "%.2f", v);
            case P99 -> (v < 10 ? String.format(java.util.Locale.ROOT, "%.1f", v) : String.format(java.util.Locale.ROOT, "%,.0f", v)) + f.unit;
            case HIT_RATIO -> String.format(java.util.Locale.ROOT, "%.0f", v) + f.unit;
            default -> String.format(java.util.Locale.ROOT, "%,.0f", v) + f.unit;
        };
    }
}
