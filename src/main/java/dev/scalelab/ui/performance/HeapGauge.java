package dev.scalelab.ui.performance;

import dev.scalelab.ui.Formats;
import dev.scalelab.world.PerformanceView;
import dev.scalelab.world.PerformanceView.HeapView;
import javafx.css.PseudoClass;
import javafx.scene.canvas.GraphicsContext;
import javafx.geometry.VPos;
import javafx.scene.text.TextAlignment;

/**
 * One instance's heap: a gauge of eden, survivors and old space side by side in proportion to
 * their sizes, each filled to its occupancy (eden saw-tooths as requests allocate and young
 * collections empty it), the initiating-occupancy line where old space starts a concurrent cycle,
 * and under it the pause strip: the last {@link PerformanceView#PAUSE_WINDOW_SECONDS} with each
 * pause a mark in its kind's colour, now at the right edge. While the instance is paused the gauge
 * wears the {@code :paused} pseudo-class (a red frame in {@code styles/performance.css}) and names
 * the pause. Small tiles (a fleet of 50) drop the texts and keep the bars.
 *
 * <p>FX thread only.
 */
final class HeapGauge extends PerformanceCanvas {
    static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");
    /** Below this height the tile has no room for its text line. */
    private static final double TEXT_MIN_HEIGHT = 44;
    private static final double PAD = 6;

    private HeapView heap;
    private double nowSeconds;
    /** Old-space occupancy that starts a collection, in MB of old space; NaN when the collector has none to draw. */
    private double initiatingOldMb = Double.NaN;

    HeapGauge() {
        super("heap-gauge");
        setPrefSize(220, 74);
    }

    /** Takes in the instance's heap at virtual time {@code nowSeconds}. */
    void show(HeapView heap, double nowSeconds, double initiatingOldMb) {
        this.heap = heap;
        this.nowSeconds = nowSeconds;
        this.initiatingOldMb = initiatingOldMb;
        pseudoClassStateChanged(PAUSED, heap.pauseKind() >= 0);
        invalidate();
    }

    HeapView heap() {
        return heap;
    }

    /** The name of a pause kind as the tiles and the legend write it. */
    static String pauseName(byte kind) {
        return switch (kind) {
            case PerformanceView.PAUSE_YOUNG -> "young";
            case PerformanceView.PAUSE_OLD -> "old";
            case PerformanceView.PAUSE_FULL -> "full";
            case PerformanceView.PAUSE_ALLOCATION_STALL -> "allocation stall";
            default -> "";
        };
    }

    @Override
    void paint(GraphicsContext g, double width, double height) {
        if (heap == null) {
            return;
        }
        boolean paused = heap.pauseKind() >= 0;
        g.setFill(paused ? dangerFill.getValue().deriveColor(0, 1, 1, 0.08) : cardFill.getValue());
        g.fillRoundRect(0.5, 0.5, width - 1, height - 1, 8, 8);
        g.setStroke(paused ? dangerFill.getValue() : cardBorder.getValue());
        g.setLineWidth(paused ? 2 : 1);
        g.strokeRoundRect(paused ? 1 : 0.5, paused ? 1 : 0.5, width - (paused ? 2 : 1), height - (paused ? 2 : 1), 8, 8);
        g.setLineWidth(1);

        double pad = height < TEXT_MIN_HEIGHT ? 3 : PAD;
        double x = pad;
        double w = width - 2 * pad;
        double y = pad;
        if (height >= TEXT_MIN_HEIGHT) {
            drawTitle(g, x, y, w, paused);
            y += 16;
        }
        double rest = height - y - pad;
        double gaugeHeight = Math.max(4, Math.round(rest * 0.55));
        drawGauge(g, x, y, w, gaugeHeight);
        double stripY = y + gaugeHeight + Math.max(2, Math.round(rest * 0.1));
        drawPauseStrip(g, x, stripY, w, height - pad - stripY);
    }

    private void drawTitle(GraphicsContext g, double x, double y, double w, boolean paused) {
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(SMALL_BOLD_FONT.font());
        g.setFill(textFill.getValue());
        g.fillText(heap.instanceId(), x, y);
        double idWidth = width(heap.instanceId(), SMALL_BOLD_FONT.font()) + 8;
        String right;
        if (paused) {
            g.setFill(dangerFill.getValue());
            g.setFont(SMALL_BOLD_FONT.font());
            right = "paused · " + pauseName(heap.pauseKind());
        } else {
            g.setFill(mutedTextFill.getValue());
            g.setFont(SMALL_FONT.font());
            right = "old " + Formats.count(heap.oldUsedMb()) + " of " + Formats.count(heap.oldMb()) + " MB";
        }
        String text = fit(right, paused ? SMALL_BOLD_FONT.font() : SMALL_FONT.font(), w - idWidth);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(text, x + w, y);
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** Eden, survivors and old space in proportion to their sizes, a 1 px gap between them. */
    private void drawGauge(GraphicsContext g, double x, double y, double w, double h) {
        double total = heap.edenMb() + heap.survivorMb() + heap.oldMb();
        if (!(total > 0)) {
            return;
        }
        double scale = (w - 2) / total;
        double edenW = heap.edenMb() * scale;
        double survivorW = heap.survivorMb() * scale;
        double oldX = x + edenW + survivorW + 2;
        segment(g, x, y, edenW, h, heap.edenUsedMb() / heap.edenMb(), 0);
        segment(g, x + edenW + 1, y, survivorW, h, heap.survivorUsedMb() / heap.survivorMb(), 1);
        segment(g, oldX, y, heap.oldMb() * scale, h, heap.oldUsedMb() / heap.oldMb(), 2);
        if (initiatingOldMb > 0 && initiatingOldMb < heap.oldMb()) {
            double lineX = Math.round(oldX + initiatingOldMb * scale) + 0.5;
            g.setStroke(textFill.getValue());
            g.setLineDashes(2, 2);
            g.strokeLine(lineX, y - 2, lineX, y + h + 2);
            g.setLineDashes((double[]) null);
        }
    }

    /** One part of the heap: its size as a track, its occupancy filled in the part's colour (0 eden, 1 survivors, 2 old). */
    private void segment(GraphicsContext g, double x, double y, double w, double h, double fraction, int part) {
        if (w <= 0) {
            return;
        }
        g.setFill(trackFill.getValue());
        g.fillRect(x, y, w, h);
        double f = Double.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
        g.setFill(switch (part) {
            case 0 -> edenFill.getValue();
            case 1 -> survivorFill.getValue();
            default -> oldFill.getValue();
        });
        g.fillRect(x, y, w * f, h);
    }

    /** The last 30 s, now at the right: each pause a mark at its start, at least 2 px wide. */
    private void drawPauseStrip(GraphicsContext g, double x, double y, double w, double h) {
        if (h < 2) {
            return;
        }
        g.setFill(trackFill.getValue().deriveColor(0, 1, 1, 0.6));
        g.fillRect(x, y, w, h);
        double window = PerformanceView.PAUSE_WINDOW_SECONDS;
        double from = nowSeconds - window;
        double[] starts = heap.recentPauseStartSeconds();
        double[] lengths = heap.recentPauseMs();
        byte[] kinds = heap.recentPauseKinds();
        for (int i = 0; i < starts.length; i++) {
            double px = x + (starts[i] - from) / window * w;
            double pw = Math.max(2, lengths[i] / 1000 / window * w);
            if (px + pw < x || px > x + w) {
                continue;
            }
            g.setFill(pauseColor(kinds[i]));
            double left = Math.max(x, px);
            g.fillRect(left, y, Math.min(x + w, px + pw) - left, h);
        }
    }
}
