package dev.scalelab.ui.caching;

import dev.scalelab.ui.canvas.CanvasFont;

import dev.scalelab.ui.Formats;
import dev.scalelab.ui.canvas.CanvasShapes;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Snapshot.CacheView;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import static dev.scalelab.ui.caching.CacheLevelsView.BIG_FONT;
import static dev.scalelab.ui.caching.CacheLevelsView.SMALL_FONT;
import static dev.scalelab.ui.caching.CacheLevelsView.TITLE_FONT;

/**
 * Draws the store's card in the {@link CacheLevelsView}: its loads per second (red, with a badge, in
 * a stampede), the duplicate loads and coalesced reads, and the last minute's loads with the
 * duplicates stacked on top. FX thread only.
 */
final class StoreCard {
    /** Seconds of load history the card shows; the store link's thickness is measured against their peak. */
    static final int SPARK_SECONDS = 60;
    private static final CanvasFont BADGE_FONT = CanvasFont.of("System", FontWeight.BOLD, 11);

    private final CacheColors colors;
    private final CachingViewModel model;
    private final double[] historyX = new double[SPARK_SECONDS];
    private final double[] historyTop = new double[SPARK_SECONDS];
    private final double[] historyMiddle = new double[SPARK_SECONDS];
    private final double[] polygonX = new double[2 * SPARK_SECONDS + 2];
    private final double[] polygonY = new double[2 * SPARK_SECONDS + 2];

    StoreCard(CacheColors colors, CachingViewModel model) {
        this.colors = colors;
        this.model = model;
    }

    /** Draws the store's card at {@code x}, {@code w} wide, from {@code cardTop} to {@code cardBottom}. */
    void draw(GraphicsContext g, Snapshot snapshot, double x, double w, double cardTop, double cardBottom) {
        CacheView cache = snapshot.cache();
        boolean stampede = model.stampedeProperty().get();
        CanvasShapes.card(g, x, cardTop, w, cardBottom - cardTop, colors.cardFill.getValue(),
                stampede ? colors.missFill.getValue() : colors.cardBorder.getValue(), stampede ? 2 : 1);
        double inner = x + CacheLevelsView.padding();
        double right = x + w - CacheLevelsView.padding();
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(TITLE_FONT.font());
        g.setFill(colors.textFill.getValue());
        g.fillText(model.storeTitle(), inner, cardTop + CanvasFont.px(16));
        g.setFont(SMALL_FONT.font());
        g.setFill(colors.mutedTextFill.getValue());
        double latency = CachingViewModel.storeLatencyMs(snapshot.current());
        g.fillText("≈ " + Formats.millis(latency) + " ms a load", inner, cardTop + CanvasFont.px(33));

        g.fillText("loads per second", inner, cardTop + CanvasFont.px(56));
        g.setFont(BIG_FONT.font());
        g.setFill(stampede ? colors.missFill.getValue() : colors.textFill.getValue());
        double loads = model.storeLoadsPerSecond();
        g.fillText(Double.isNaN(loads) ? "–" : Formats.count(loads), inner, cardTop + CanvasFont.px(77));
        if (stampede) {
            drawBadge(g, "STAMPEDE", right, cardTop + CanvasFont.px(77));
        }
        double y = cardTop + CanvasFont.px(104);
        storeLine(g, "duplicate loads", model.duplicateLoadsPerSecond(), colors.missFill.getValue(), inner, right, y);
        storeLine(g, "coalesced reads", model.coalescedReadsPerSecond(), colors.hitFill.getValue(), inner, right, y + CacheLevelsView.lineHeight());
        StatLine.draw(g, colors, "coalescing", cache.coalesce() ? "on" : "off", colors.textFill.getValue(), inner, right, y + 2 * CacheLevelsView.lineHeight());

        double historyTop = y + 3 * CacheLevelsView.lineHeight() + CanvasFont.px(14);
        drawLoadHistory(g, cache, inner, historyTop, right - inner, cardBottom - CacheLevelsView.padding() - CanvasFont.px(16) - historyTop);
    }

    private void storeLine(GraphicsContext g, String name, double perSecond, Color highlight, double x, double right, double y) {
        StatLine.draw(g, colors, name, Double.isNaN(perSecond) ? "–" : Formats.count(perSecond) + "/s",
                perSecond > 0 ? highlight : colors.textFill.getValue(), x, right, y);
    }

    private void drawBadge(GraphicsContext g, String text, double right, double y) {
        double w = CanvasFont.px(70);
        double h = CanvasFont.px(18);
        g.setFill(colors.missFill.getValue());
        g.fillRoundRect(right - w, y - h / 2, w, h, h / 2, h / 2);
        g.setFill(colors.cardFill.getValue());
        g.setFont(BADGE_FONT.font());
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(text, right - w / 2, y);
    }

    /**
     * Loads per second over the last minute, the duplicate loads of each second stacked in red on
     * top: a stampede is a red spike.
     */
    private void drawLoadHistory(GraphicsContext g, CacheView cache, double x, double y, double w, double h) {
        if (h < 30) {
            return;
        }
        double[] loads = cache.storeLoadsPerSecond();
        double[] duplicates = cache.duplicateLoadsPerSecond();
        int count = Math.min(SPARK_SECONDS, loads.length);
        double peak = Math.max(1, max(loads, SPARK_SECONDS));
        g.setStroke(colors.cardBorder.getValue());
        g.setLineWidth(1);
        g.strokeLine(x, y + h + 0.5, x + w, y + h + 0.5);
        if (count >= 2) {
            // Two stacked areas, one point per second: the loads that were needed in blue, the
            // duplicates on top of them in red.
            double step = w / (SPARK_SECONDS - 1);
            double bottom = y + h;
            int n = 0;
            for (int i = 0; i < count; i++) {
                int at = loads.length - count + i;
                double total = loads[at];
                double duplicate = at < duplicates.length ? Math.min(total, duplicates[at]) : 0;
                double px = x + w - (count - 1 - i) * step;
                historyX[n] = px;
                historyTop[n] = bottom - h * total / peak;
                historyMiddle[n] = bottom - h * (total - duplicate) / peak;
                n++;
            }
            // Needed loads: the middle line down to the axis.
            for (int i = 0; i < n; i++) {
                polygonX[i] = historyX[i];
                polygonY[i] = historyMiddle[i];
            }
            polygonX[n] = historyX[n - 1];
            polygonY[n] = bottom;
            polygonX[n + 1] = historyX[0];
            polygonY[n + 1] = bottom;
            g.setFill(colors.loadFill.getValue());
            g.fillPolygon(polygonX, polygonY, n + 2);
            // Duplicates: the top line forward, the middle line back.
            for (int i = 0; i < n; i++) {
                polygonX[i] = historyX[i];
                polygonY[i] = historyTop[i];
                polygonX[2 * n - 1 - i] = historyX[i];
                polygonY[2 * n - 1 - i] = historyMiddle[i];
            }
            g.setFill(colors.missFill.getValue());
            g.fillPolygon(polygonX, polygonY, 2 * n);
        }
        g.setFont(SMALL_FONT.font());
        g.setFill(colors.mutedTextFill.getValue());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("peak " + Formats.count(peak) + "/s", x, y - 8);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("last " + SPARK_SECONDS + " s", x + w, y + h + 10);
    }

    static double max(double[] values, int lastN) {
        double max = 0;
        for (int i = Math.max(0, values.length - lastN); i < values.length; i++) {
            if (values[i] > max) {
                max = values[i];
            }
        }
        return max;
    }
}
