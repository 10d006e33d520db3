package dev.scalelab.ui.database;

import dev.scalelab.engine.data.DatabaseView;
import dev.scalelab.engine.data.DatabaseView.MigrationView;
import dev.scalelab.engine.data.DatabaseView.ShardView;
import dev.scalelab.engine.data.RingPoint;
import dev.scalelab.engine.data.ShardRouter;
import dev.scalelab.ui.Formats;
import dev.scalelab.ui.canvas.LegendRow;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.Locale;

import static dev.scalelab.ui.database.DatabaseCanvas.BOLD_LABEL_FONT;
import static dev.scalelab.ui.database.DatabaseCanvas.LABEL_FONT;
import static dev.scalelab.ui.database.DatabaseCanvas.SMALL_BOLD_FONT;
import static dev.scalelab.ui.database.DatabaseCanvas.SMALL_FONT;
import static dev.scalelab.ui.database.DatabaseCanvas.TITLE_FONT;
import static dev.scalelab.ui.database.ShardMapView.BAR_HEIGHT;
import static dev.scalelab.ui.database.ShardMapView.BOX_PADDING;
import static dev.scalelab.ui.database.ShardMapView.BOX_TITLE_HEIGHT;
import static dev.scalelab.ui.database.ShardMapView.DOT_RADIUS;
import static dev.scalelab.ui.database.ShardMapView.HEADER_HEIGHT;
import static dev.scalelab.ui.database.ShardMapView.HOT_KEY_RADIUS;
import static dev.scalelab.ui.database.ShardMapView.MARGIN;
import static dev.scalelab.ui.database.ShardMapView.MAX_LABELLED_HOT_KEYS;
import static dev.scalelab.ui.database.ShardMapView.RING_WIDTH;

/**
 * The words over the shard map: the strategy and its rule in one line, the resharding strip, the
 * key counts (inside the ring, under the range bar, in the boxes), the hot keys and the legend. Drawn
 * on the map's key canvas, in the map's colours and geometry. FX thread only.
 */
final class ShardMapTexts {
    private final ShardMapView map;
    private String ruleText = "";
    private double ruleWidth;
    private String ruleFitted = "";

    ShardMapTexts(ShardMapView map) {
        this.map = map;
    }

    void drawHeader(GraphicsContext g) {
        ShardRouter router = map.data().router();
        int shards = router.shardCount();
        int sampled = map.placement().sample().size();
        int keyCount = map.placement().sample().keyCount();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(map.textFill.getValue());
        g.setFont(TITLE_FONT.font());
        String title = router.strategy().label() + " · " + shards + (shards == 1 ? " shard" : " shards") + " · "
                + Formats.count(keyCount) + " keys"
                + (sampled < keyCount ? " (" + sampled + " drawn)" : "");
        g.fillText(title, MARGIN, MARGIN);
        g.setFont(LABEL_FONT.font());
        g.setFill(map.mutedTextFill.getValue());
        g.fillText(fittedRule(rule(router, shards)), MARGIN, MARGIN + 20);
    }

    /** The rule, cut to the width; measured again only when the rule or the width changes. */
    private String fittedRule(String rule) {
        if (!rule.equals(ruleText) || map.mapWidth() != ruleWidth) {
            ruleText = rule;
            ruleWidth = map.mapWidth();
            ruleFitted = map.fit(rule, LABEL_FONT.font(), ruleWidth - 2 * MARGIN);
        }
        return ruleFitted;
    }

    /** How the strategy in use maps a key to a shard, in one line. */
    private String rule(ShardRouter router, int shards) {
        switch (router.strategy()) {
            case MOD:
                return "shard = CRC32(key) mod " + shards + ": a new N remaps almost every key";
            case CONSISTENT_HASH:
                return "a key belongs to the next of " + Formats.count(map.ringPointCount())
                        + " ring points clockwise (" + map.virtualNodes() + " per shard)";
            case JUMP:
                return "the key's hash jumps to one of " + shards + " buckets; only the last bucket can go";
            case RENDEZVOUS:
                return "every shard scores hash(shard, key); the highest score owns the key";
            case RANGE:
                return "each shard owns a range of keys; a new shard splits the hottest range";
            default:
                return "each shard owns a range of key hashes; a new shard splits the hottest";
        }
    }

    void drawMigrationStrip(GraphicsContext g, MigrationView m) {
        double y = MARGIN + HEADER_HEIGHT + 4;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double mid = y + 9;
        if (m.active()) {
            double barW = 160;
            g.setFill(map.trackFill.getValue());
            g.fillRoundRect(MARGIN, mid - 6, barW, 12, 6, 6);
            g.setFill(map.warningFill.getValue());
            g.fillRoundRect(MARGIN, mid - 6, Math.max(6, barW * m.progress()), 12, 6, 6);
            g.setFill(map.textFill.getValue());
            g.setFont(BOLD_LABEL_FONT.font());
            String moved = String.format(Locale.ROOT, "%s: %s%% moved", capitalize(m.description()),
                    Math.round(m.progress() * 100));
            g.fillText(moved, MARGIN + barW + 10, mid);
            g.setFont(LABEL_FONT.font());
            g.setFill(map.mutedTextFill.getValue());
            double detailX = MARGIN + barW + 18 + map.width(moved, BOLD_LABEL_FONT.font());
            String detail = String.format(Locale.ROOT, "%s / %s keys · %s of all keys move",
                    Formats.count(m.keysMoved()), Formats.count(m.keysToMove()), MoveComparison.percent(m.fractionOfKeys()));
            if (detailX + map.width(detail, LABEL_FONT.font()) > map.mapWidth() - MARGIN) {
                detail = String.format(Locale.ROOT, "%s / %s keys", Formats.count(m.keysMoved()), Formats.count(m.keysToMove()));
            }
            g.fillText(detail, detailX, mid);
        } else if (!m.description().isEmpty()) {
            g.setFont(LABEL_FONT.font());
            g.setFill(map.mutedTextFill.getValue());
            g.fillText(String.format(Locale.ROOT, "Last resharding: %s moved %s keys (%s of all) in %s s",
                    m.description(), Formats.count(m.keysMoved()), MoveComparison.percent(m.fractionOfKeys()),
                    Formats.millis(m.finishedAtSeconds() - m.startedAtSeconds())), MARGIN, mid);
        } else {
            g.setFont(LABEL_FONT.font());
            g.setFill(map.mutedTextFill.getValue());
            g.fillText("No resharding yet: \"Add shard\" on the right moves keys live, and the dots follow them.", MARGIN, mid);
        }
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    void drawRingCenter(GraphicsContext g) {
        double cx = map.ringCenterX();
        double cy = map.ringCenterY();
        double inner = map.ringRadius() - RING_WIDTH / 2 - map.ringBand() - 10;
        if (inner < 40) {
            return;
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        List<ShardView> shards = map.data().database().shards();
        double lineHeight = Math.min(17, 2 * inner * 0.8 / Math.max(1, shards.size() + 1));
        if (lineHeight < 10) {
            return; // too many shards to list inside the ring; the load view lists them
        }
        double y = cy - lineHeight * shards.size() / 2;
        g.setFont(SMALL_BOLD_FONT.font());
        g.setFill(map.mutedTextFill.getValue());
        g.fillText("keys held", cx, y - lineHeight * 0.5);
        g.setFont(lineHeight >= 14 ? LABEL_FONT.font() : SMALL_FONT.font());
        for (ShardView s : shards) {
            y += lineHeight;
            g.setFill(map.shardColor(s.shardId()));
            g.fillRect(cx - 62, y - 4, 8, 8);
            g.setFill(s.hot() || !s.available() ? map.dangerFill.getValue() : map.textFill.getValue());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("shard " + s.shardId() + (s.available() ? "" : " ✕"), cx - 50, y);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(Formats.count(s.keysOwned()), cx + 62, y);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    void drawRangeCounts(GraphicsContext g) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        List<RingPoint> bounds = map.data().router().ringPoints();
        double y = map.barTop() + BAR_HEIGHT + 18;
        for (int i = 0; i < bounds.size(); i++) {
            double from = bounds.get(i).position();
            double to = i + 1 < bounds.size() ? bounds.get(i + 1).position() : 1;
            double w = (to - from) * map.barWidth();
            ShardView s = shard(bounds.get(i).shardId());
            if (s == null) {
                continue;
            }
            String text = Formats.count(s.keysOwned()) + " keys";
            if (w > map.width(text, SMALL_FONT.font()) + 6) {
                g.setFont(SMALL_FONT.font());
                g.setFill(s.hot() ? map.dangerFill.getValue() : map.mutedTextFill.getValue());
                g.fillText(s.hot() ? "hot · " + text : text, map.barLeft() + (from + to) / 2 * map.barWidth(), y);
            }
        }
    }

    private ShardView shard(int id) {
        for (ShardView s : map.data().database().shards()) {
            if (s.shardId() == id) {
                return s;
            }
        }
        return null;
    }

    void drawBoxCounts(GraphicsContext g) {
        List<ShardView> shards = map.data().database().shards();
        g.setTextBaseline(VPos.CENTER);
        g.setFont(SMALL_FONT.font());
        for (int i = 0; i < shards.size(); i++) {
            ShardView s = shards.get(i);
            double x = map.grid().boxX(i);
            double y = map.grid().boxY(i);
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(s.hot() || !s.available() ? map.dangerFill.getValue() : map.mutedTextFill.getValue());
            String state = !s.available() ? " · no primary" : s.retiring() ? " · retiring" : s.hot() ? " · hot" : "";
            g.fillText(Formats.count(s.keysOwned()) + " keys" + state, x + BOX_PADDING, y + 28);
        }
    }

    void drawHotKeys(GraphicsContext g, ShardMapView.Layout layout) {
        List<DatabaseView.HotKey> hot = map.data().database().hotKeys();
        g.setFont(SMALL_BOLD_FONT.font());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int h = 0; h < hot.size() && h < MAX_LABELLED_HOT_KEYS; h++) {
            DatabaseView.HotKey key = hot.get(h);
            double x;
            double y;
            if (layout == ShardMapView.Layout.BOXES) {
                int box = map.boxOf(key.shardId());
                if (box < 0) {
                    continue;
                }
                x = map.grid().boxX(box) + map.grid().boxWidth() - 16;
                y = map.grid().boxY(box) + BOX_TITLE_HEIGHT + 10 + h * 16;
            } else if (layout == ShardMapView.Layout.RING) {
                double a = 2 * Math.PI * map.data().router().position(key.key());
                double r = map.ringRadius() - RING_WIDTH / 2 - 6 - map.ringBand() / 2;
                x = map.ringCenterX() + r * Math.sin(a);
                y = map.ringCenterY() - r * Math.cos(a);
            } else {
                x = map.barLeft() + map.data().router().position(key.key()) * map.barWidth();
                y = map.barTop() - 10 - map.barBand() / 2 + h * 14;
            }
            g.setFill(map.shardColor(key.shardId()));
            g.fillOval(x - HOT_KEY_RADIUS, y - HOT_KEY_RADIUS, 2 * HOT_KEY_RADIUS, 2 * HOT_KEY_RADIUS);
            g.setStroke(map.dangerFill.getValue());
            g.setLineWidth(2);
            g.strokeOval(x - HOT_KEY_RADIUS - 1, y - HOT_KEY_RADIUS - 1, 2 * HOT_KEY_RADIUS + 2, 2 * HOT_KEY_RADIUS + 2);
            String label = "hot key " + key.key() + " · " + MoveComparison.percent(key.share());
            double labelX = x + HOT_KEY_RADIUS + 4;
            if (labelX + map.width(label, SMALL_BOLD_FONT.font()) > map.mapWidth() - 4) {
                labelX = x - HOT_KEY_RADIUS - 4 - map.width(label, SMALL_BOLD_FONT.font());
            }
            g.setFill(map.cardFill.getValue());
            g.fillRect(labelX - 2, y - 7, map.width(label, SMALL_BOLD_FONT.font()) + 4, 14);
            g.setFill(map.dangerFill.getValue());
            g.fillText(label, labelX, y);
        }
    }

    private static final LegendRow LEGEND = new LegendRow(SMALL_FONT,
            new String[] {"key, in its shard's colour", "will move (outline: its new shard)", "hot key"},
            new double[] {14, 14, 14}, 18);
    /** Made once: the legend is drawn every frame. */
    private final LegendRow.Swatches legendSwatches = this::drawLegendSwatch;

    void drawLegend(GraphicsContext g) {
        g.setTextBaseline(VPos.CENTER);
        LEGEND.draw(g, MARGIN, map.mapHeight() - MARGIN - 6, map.mapWidth() - MARGIN, map.mutedTextFill.getValue(),
                legendSwatches);
    }

    /** A key dot; one that will move with a ring in the warning colour; a hot key larger, ringed red. */
    private void drawLegendSwatch(GraphicsContext g, int entry, double x, double y) {
        double cx = x + 4;
        g.setLineWidth(entry == 2 ? 2 : 1.4);
        g.setFill(map.accentFill.getValue());
        double r = entry == 2 ? HOT_KEY_RADIUS - 1 : DOT_RADIUS;
        g.fillOval(cx - r, y - r, 2 * r, 2 * r);
        if (entry == 1) {
            g.setStroke(map.warningFill.getValue());
            g.strokeOval(cx - r - 2, y - r - 2, 2 * r + 4, 2 * r + 4);
        } else if (entry == 2) {
            g.setStroke(map.dangerFill.getValue());
            g.strokeOval(cx - r - 1, y - r - 1, 2 * r + 2, 2 * r + 2);
        }
    }
}
