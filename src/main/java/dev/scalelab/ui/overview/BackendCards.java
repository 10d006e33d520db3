package dev.scalelab.ui.overview;

import dev.scalelab.ui.Formats;
import dev.scalelab.ui.TextFit;
import dev.scalelab.world.Snapshot;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.function.ToDoubleFunction;

import static dev.scalelab.ui.overview.PoolView.BACKEND_WIDTH;
import static dev.scalelab.ui.overview.PoolView.CARD_HEIGHT;
import static dev.scalelab.ui.overview.PoolView.SMALL_FONT;
import static dev.scalelab.ui.overview.PoolView.TITLE_FONT;

/**
 * What the Overview's instances call, in the column on the right of the pool: a card for the cache,
 * the database and each dependency, each with its live state in a few words, linked from the pool.
 * Drawn in the pool view's colours. FX thread only.
 */
final class BackendCards {
    private static final double CARD_GAP = 10;

    private final PoolView pool;
    private final ToDoubleFunction<String> smallWidth = TextFit.measure(SMALL_FONT.font());

    BackendCards(PoolView pool) {
        this.pool = pool;
    }

    /**
     * Cards for the cache, the database and each dependency, stacked in the column on the right and
     * linked from the pool, each with its live state in a few words.
     */
    void draw(GraphicsContext g, Snapshot snapshot, int count, double poolEdge, double x, double top, double bottom) {
        double cardHeight = Math.min(CARD_HEIGHT, (bottom - top - (count - 1) * CARD_GAP) / count);
        if (cardHeight < 40) {
            return; // too many to draw legibly; the panels show them
        }
        double total = count * cardHeight + (count - 1) * CARD_GAP;
        double y = (top + bottom - total) / 2;
        double busX = (poolEdge + x) / 2;
        g.setStroke(pool.linkStroke.getValue());
        g.setLineWidth(2);
        g.strokeLine(poolEdge + 4, (top + bottom) / 2, busX, (top + bottom) / 2);
        g.strokeLine(busX, y + cardHeight / 2, busX, y + total - cardHeight / 2);
        if (snapshot.cache() != null) {
            pool.drawLink(g, busX, x, y + cardHeight / 2);
            drawCacheCard(g, snapshot.cache(), x, y, cardHeight);
            pool.part(x, y, PoolView.BACKEND_WIDTH, cardHeight, "Caching");
            y += cardHeight + CARD_GAP;
        }
        if (snapshot.data() != null) {
            pool.drawLink(g, busX, x, y + cardHeight / 2);
            drawDatabaseCard(g, snapshot.data(), x, y, cardHeight);
            pool.part(x, y, PoolView.BACKEND_WIDTH, cardHeight, "Database");
            y += cardHeight + CARD_GAP;
        }
        for (Snapshot.DependencyView d : snapshot.dependencies()) {
            pool.drawLink(g, busX, x, y + cardHeight / 2);
            drawDependencyCard(g, d, x, y, cardHeight);
            pool.part(x, y, PoolView.BACKEND_WIDTH, cardHeight, "Resilience");
            y += cardHeight + CARD_GAP;
        }
    }

    private void drawCacheCard(GraphicsContext g, Snapshot.CacheView cache, double x, double y, double h) {
        pool.drawCard(g, x, y, BACKEND_WIDTH, h);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(pool.tileColors.textFill.getValue());
        g.setFont(TITLE_FONT.font());
        g.fillText("Cache  " + percent(cache.hitRatio()) + " hits", x + 10, y + 14);
        g.setFont(SMALL_FONT.font());
        double lineY = y + 32;
        for (Snapshot.CacheLevelView level : cache.levels()) {
            if (lineY > y + h - 8) {
                break;
            }
            // A bar of the level's hit ratio: how much each level takes off the next.
            double barX = x + 36;
            double barWidth = BACKEND_WIDTH - 46 - 40;
            g.setFill(pool.tileColors.mutedTextFill.getValue());
            g.fillText(level.name(), x + 10, lineY);
            g.setFill(pool.queueTrack.getValue());
            g.fillRect(barX, lineY - 4, barWidth, 8);
            g.setFill(pool.tileColors.busyFill.getValue());
            g.fillRect(barX, lineY - 4, barWidth * clamp01(level.hitRatio()), 8);
            g.setFill(pool.tileColors.mutedTextFill.getValue());
            g.fillText(percent(level.hitRatio()), barX + barWidth + 4, lineY);
            lineY += 15;
        }
        double[] loads = cache.storeLoadsPerSecond();
        if (lineY <= y + h - 6 && loads.length > 0) {
            g.setFill(cache.duplicateLoads() > 0 && !cache.coalesce() ? pool.rejectFill.getValue() : pool.tileColors.mutedTextFill.getValue());
            g.fillText(Math.round(loads[loads.length - 1]) + " store loads/s" + (cache.coalesce() ? ", coalesced" : ""), x + 10, lineY);
        }
    }

    private void drawDatabaseCard(GraphicsContext g, Snapshot.DataView data, double x, double y, double h) {
        pool.drawCard(g, x, y, BACKEND_WIDTH, h);
        var db = data.database();
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(pool.tileColors.textFill.getValue());
        g.setFont(TITLE_FONT.font());
        g.fillText("Database  " + db.shards().size() + " shards", x + 10, y + 14);
        // One bar per shard, its height its share of the load; red when hot.
        int n = db.shards().size();
        double barsTop = y + 26;
        double barsHeight = Math.max(10, h - 26 - 22);
        double slot = (BACKEND_WIDTH - 20) / Math.max(1, n);
        for (int i = 0; i < n; i++) {
            var shard = db.shards().get(i);
            double share = clamp01(shard.loadShare() * n / 2); // a fair share fills half the bar
            g.setFill(pool.queueTrack.getValue());
            g.fillRect(x + 10 + i * slot + 1, barsTop, Math.max(2, slot - 2), barsHeight);
            g.setFill(shard.hot() ? pool.rejectFill.getValue() : shard.available() ? pool.tileColors.busyFill.getValue() : pool.tileColors.mutedTextFill.getValue());
            double fill = barsHeight * share;
            g.fillRect(x + 10 + i * slot + 1, barsTop + barsHeight - fill, Math.max(2, slot - 2), fill);
        }
        g.setFont(SMALL_FONT.font());
        g.setFill(pool.tileColors.mutedTextFill.getValue());
        var migration = db.migration();
        String stale = Formats.compact(db.counters().staleReads()) + " stale reads";
        String line = migration.active()
                ? TextFit.fit(smallWidth, BACKEND_WIDTH - 20,
                        "resharding " + percent(migration.progress()) + " of " + Formats.compact(migration.keysToMove()) + " keys",
                        "resharding " + percent(migration.progress()))
                : TextFit.fit(smallWidth, BACKEND_WIDTH - 20, data.consistency() + ", " + stale, stale);
        g.fillText(line, x + 10, y + h - 10);
    }

    private void drawDependencyCard(GraphicsContext g, Snapshot.DependencyView d, double x, double y, double h) {
        pool.drawCard(g, x, y, BACKEND_WIDTH, h);
        var state = d.breaker().state();
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(pool.tileColors.textFill.getValue());
        g.setFont(TITLE_FONT.font());
        g.fillText(d.name(), x + 10, y + 14);
        // The breaker's state as a coloured lamp: closed normal, open red, half-open the queue colour.
        Color lamp = switch (state) {
            case OPEN, FORCED_OPEN -> pool.rejectFill.getValue();
            case HALF_OPEN -> pool.tileColors.queueFill.getValue();
            case CLOSED -> pool.tileColors.busyFill.getValue();
            default -> pool.tileColors.idleFill.getValue();
        };
        g.setFill(lamp);
        g.fillOval(x + 10, y + 26, 10, 10);
        g.setFont(SMALL_FONT.font());
        g.setFill(pool.tileColors.mutedTextFill.getValue());
        g.fillText("breaker " + state.name().toLowerCase().replace('_', '-'), x + 26, y + 31);
        if (h >= 58) {
            double amplification = d.stats().amplification();
            g.fillText((Double.isNaN(amplification) ? "–" : String.format(java.util.Locale.ROOT, "%.2f", amplification))
                    + " attempts/request", x + 10, y + 48);
        }
        if (h >= 72 && !d.activeFaults().isEmpty()) {
            g.setFill(pool.rejectFill.getValue());
            String fault = d.activeFaults().get(0);
            g.fillText(TextFit.fit(smallWidth, BACKEND_WIDTH - 20, fault, TextFit.withoutParentheses(fault)), x + 10, y + 64);
        }
    }

    private static double clamp01(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : Math.round(fraction * 100) + "%";
    }
}
