package dev.scalelab.ui.database;

import dev.scalelab.engine.data.DatabaseView;
import dev.scalelab.engine.data.DatabaseView.NodeView;
import dev.scalelab.engine.data.DatabaseView.ShardView;
import dev.scalelab.ui.Formats;
import dev.scalelab.ui.canvas.CanvasShapes;
import dev.scalelab.world.Snapshot;
import javafx.geometry.VPos;
import dev.scalelab.ui.canvas.CanvasFont;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.Locale;

/**
 * The load on the database: one bar per shard for its queries in the last second (red when the
 * engine calls it hot), the read path from the client sessions to the nodes with a dot for each
 * read coming back (red for a stale one), and one bar per replica for how far it lags behind its
 * primary (a lag spike marked). FX thread only; a frame allocates nothing but the strings it prints.
 */
public final class LoadView extends DatabaseCanvas {
    private static final double MARGIN = 14;
    private static final double SECTION_TITLE_HEIGHT = 22;
    private static final double READ_PATH_HEIGHT = 64;
    private static final double NAME_WIDTH = 86;
    private static final double VALUE_WIDTH = 166;
    private static final double MAX_ROW_HEIGHT = 20;
    private static final double MIN_ROW_HEIGHT = 8;
    /** Below this a row per replica no longer fits: the compact table shows a row per shard. */
    private static final double DETAIL_ROW_HEIGHT = 14;
    /** Rows lower than this show bars without their texts. */
    private static final double TEXT_ROW_HEIGHT = 11;
    /** Lag bars span at least this much, so 3 ms of lag does not fill a bar. */
    private static final double MIN_LAG_SCALE_MS = 100;
    private static final long DOT_TRAVEL_NANOS = 650_000_000L;
    private static final long COUNTER_FLASH_NANOS = 400_000_000L;
    /** The overlay strip: from just above the read path's line to below its counters. */
    private static final double OVERLAY_ABOVE_LINE = 8;
    private static final double OVERLAY_HEIGHT = 42;
    /** The bars follow the frames ten times a second: smooth enough, and a tenth of the drawing. */
    private static final long BARS_REFRESH_NANOS = 100_000_000L;

    private final Canvas canvas = new Canvas();
    /**
     * The read path's dots and counters, drawn every pulse on a strip of their own over {@link #canvas},
     * so a pulse repaints that strip rather than the whole card.
     */
    private final Canvas overlay = new Canvas();
    private final ReadDots dots = new ReadDots();
    private final ReadDotPacer pacer = new ReadDotPacer();
    private final boolean[] newDotsStale = new boolean[ReadDotPacer.MAX_DOTS_PER_FRAME];
    private Snapshot.DataView data;
    private double staleReadsPerSecond = Double.NaN;
    private long staleFlashNanos;
    private boolean staleFlashed;
    private long lastShowNanos;
    private boolean barsDirty;
    private long barsDrawnNanos;
    private boolean overlayDirty;
    private boolean overlayShowsMotion;
    // Where the read path is, as the bars last placed it.
    private double pathLineY = Double.NaN;
    /** Each shard's load row as last drawn (id, top, height), for a lesson's outline; {@link #shardRows} of them. */
    private int[] shardRowIds = new int[8];
    private double[] shardRowTops = new double[8];
    private double shardRowHeight;
    private double shardRowWidth;
    private int shardRows;
    private double pathLeft;
    private double pathRight;

    public LoadView() {
        super("load-view");
        getChildren().addAll(canvas, overlay);
        overlay.setHeight(OVERLAY_HEIGHT);
        overlay.setManaged(false); // placed on the read path by drawBars, not stretched by the layout
    }

    /**
     * Takes in a new frame. {@code newReads} and {@code newStaleReads} happened since the previous
     * frame; the {@link ReadDotPacer} turns a few of them into dots on the read path.
     */
    void show(Snapshot.DataView newData, double staleLastSecond, long newReads, long newStaleReads, long nowNanos) {
        data = newData;
        staleReadsPerSecond = staleLastSecond;
        long spread = Math.min(100_000_000L, Math.max(0, nowNanos - lastShowNanos));
        lastShowNanos = nowNanos;
        int count = pacer.pace(newReads, newStaleReads, nowNanos, newDotsStale);
        for (int i = 0; i < count; i++) {
            // Spread over the time since the last frame, so dots do not leave in clumps.
            dots.add(nowNanos - spread * (count - 1 - i) / count, newDotsStale[i]);
        }
        if (newStaleReads > 0) {
            staleFlashNanos = nowNanos;
            staleFlashed = true;
        }
        barsDirty = true;
        overlayDirty = true;
    }

    /**
     * Draws the bars when a new frame came, at most {@link #BARS_REFRESH_NANOS} apart (a resize or a
     * style at once), and the read path every pulse while dots move.
     */
    void draw(long nowNanos) {
        dots.expire(nowNanos, DOT_TRAVEL_NANOS);
        if (data == null) {
            return;
        }
        if (dirty || barsDirty && nowNanos - barsDrawnNanos >= BARS_REFRESH_NANOS) {
            drawBars();
            dirty = false;
            barsDirty = false;
            barsDrawnNanos = nowNanos;
            overlayDirty = true;
        }
        boolean motion = dots.size() > 0 || flashing(nowNanos);
        // One more pass after the motion stops clears its last dots.
        if (overlayDirty || motion || overlayShowsMotion) {
            drawReadPathOverlay(overlay.getGraphicsContext2D(), nowNanos);
            overlayDirty = false;
            overlayShowsMotion = motion;
        }
    }

    /** The font scale of the last drawing: laid out in 100 % units and drawn magnified by it. */
    private double drawnScale = 1;

    private void drawBars() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        drawnScale = CanvasFont.paintMagnified(canvas, (gc, w, h) -> drawBars(gc, w, h));
    }

    private void drawBars(GraphicsContext g, double width, double height) {
        pathLineY = Double.NaN;
        shardRows = 0;
        if (width < 220 || height < 120) {
            return;
        }
        DatabaseView db = data.database();
        List<ShardView> shards = db.shards();
        int nodeRows = 0;
        for (ShardView s : shards) {
            for (NodeView n : s.nodes()) {
                nodeRows += n.primary() ? 0 : 1;
            }
        }
        double fixed = 2 * SECTION_TITLE_HEIGHT + READ_PATH_HEIGHT + 2 * MARGIN + 10;
        double rowHeight = Math.min(MAX_ROW_HEIGHT, (height - fixed) / (shards.size() + nodeRows));
        if (rowHeight >= DETAIL_ROW_HEIGHT) {
            double y = drawLoad(g, shards, MARGIN, width, rowHeight);
            y = drawReadPath(g, y + 6, width);
            drawLag(g, shards, y + 4, width, height, rowHeight);
        } else {
            // Too many shards and replicas for a row each: one row per shard, its load and its slowest replica.
            double compactRow = Math.max(MIN_ROW_HEIGHT, Math.min(MAX_ROW_HEIGHT,
                    (height - SECTION_TITLE_HEIGHT - READ_PATH_HEIGHT - 2 * MARGIN - 10) / shards.size()));
            double y = drawCompact(g, shards, MARGIN, width, compactRow);
            drawReadPath(g, y + 6, width);
        }
    }

    /** One row per shard: its queries in the last second, and its slowest replica's lag. */
    private double drawCompact(GraphicsContext g, List<ShardView> shards, double y, double width, double rowHeight) {
        double maxQueries = 1;
        double maxLag = 0;
        for (ShardView s : shards) {
            maxQueries = Math.max(maxQueries, s.queriesPerSecond());
            for (NodeView n : s.nodes()) {
                maxLag = Math.max(maxLag, n.lagMs());
            }
        }
        double scale = Scales.niceCeiling(Math.max(MIN_LAG_SCALE_MS, maxLag));
        sectionTitle(g, "Load and lag per shard", "q/s · slowest replica, 0 to " + Formats.count(scale) + " ms", y, width);
        y += SECTION_TITLE_HEIGHT;
        double nameWidth = 66;
        double available = width - 2 * MARGIN - nameWidth;
        double loadX = MARGIN + nameWidth;
        double loadWidth = available * 0.26;
        double lagX = loadX + loadWidth + 66;
        double lagWidth = available * 0.26;
        double barHeight = Math.min(10, rowHeight - 4);
        for (ShardView s : shards) {
            double mid = beginRow(g, s, y, rowHeight, width);
            g.fillRect(loadX, mid - barHeight / 2, loadWidth, barHeight);
            g.setFill(s.hot() ? dangerFill.getValue() : shardColor(s.shardId()));
            g.fillRect(loadX, mid - barHeight / 2, loadWidth * s.queriesPerSecond() / maxQueries, barHeight);
            NodeView slowest = null;
            for (NodeView n : s.nodes()) {
                if (!n.primary() && n.alive() && (slowest == null || n.lagMs() > slowest.lagMs())) {
                    slowest = n;
                }
            }
            if (slowest != null) {
                g.setFill(trackFill.getValue());
                g.fillRect(lagX, mid - barHeight / 2, lagWidth, barHeight);
                g.setFill(slowest.lagSpike() ? dangerFill.getValue() : accentFill.getValue());
                g.fillRect(lagX, mid - barHeight / 2, Math.min(1, slowest.lagMs() / scale) * lagWidth, barHeight);
            }
            if (rowHeight >= TEXT_ROW_HEIGHT) {
                g.setFont(SMALL_FONT.font());
                g.setTextAlign(TextAlignment.LEFT);
                g.setFill(s.hot() || !s.available() ? dangerFill.getValue() : textFill.getValue());
                g.fillText(!s.available() ? "no primary" : Formats.count(s.queriesPerSecond()) + " q/s",
                        loadX + loadWidth + 6, mid);
                g.setFill(slowest != null && slowest.lagSpike() ? dangerFill.getValue() : textFill.getValue());
                String lag = slowest == null ? "no live replica"
                        : slowest.name() + (slowest.lagMs() == 0 ? " caught up" : " " + Formats.millis(slowest.lagMs()) + " ms")
                        + (slowest.lagSpike() ? " spike" : "");
                g.fillText(lag, lagX + lagWidth + 6, mid);
            }
            g.setGlobalAlpha(1);
            y += rowHeight;
        }
        return y;
    }

    private boolean flashing(long nowNanos) {
        return staleFlashed && nowNanos - staleFlashNanos < COUNTER_FLASH_NANOS;
    }

    private double drawLoad(GraphicsContext g, List<ShardView> shards, double y, double width, double rowHeight) {
        sectionTitle(g, "Load per shard", "queries in the last second", y, width);
        y += SECTION_TITLE_HEIGHT;
        double max = 1;
        for (ShardView s : shards) {
            max = Math.max(max, s.queriesPerSecond());
        }
        double barX = MARGIN + NAME_WIDTH;
        double barW = width - 2 * MARGIN - NAME_WIDTH - VALUE_WIDTH;
        for (ShardView s : shards) {
            double mid = beginRow(g, s, y, rowHeight, width);
            double barH = Math.min(12, rowHeight - 4);
            g.fillRect(barX, mid - barH / 2, barW, barH);
            g.setFill(s.hot() ? dangerFill.getValue() : shardColor(s.shardId()));
            g.fillRect(barX, mid - barH / 2, barW * s.queriesPerSecond() / max, barH);
            if (rowHeight >= TEXT_ROW_HEIGHT) {
                g.setTextAlign(TextAlignment.LEFT);
                g.setFont(SMALL_FONT.font());
                String state = !s.available() ? "no primary" : s.hot() ? "HOT" : s.retiring() ? "retiring" : "";
                g.setFill(textFill.getValue());
                String value = Formats.count(s.queriesPerSecond()) + " q/s · " + MoveComparison.percent(s.loadShare());
                g.fillText(value, barX + barW + 8, mid);
                if (!state.isEmpty()) {
                    g.setFont(SMALL_BOLD_FONT.font());
                    g.setFill(s.hot() || !s.available() ? dangerFill.getValue() : mutedTextFill.getValue());
                    g.setTextAlign(TextAlignment.RIGHT);
                    g.fillText(state, width - MARGIN, mid);
                }
            }
            g.setGlobalAlpha(1);
            y += rowHeight;
        }
        return y;
    }

    /**
     * Starts a shard's row at {@code y}: remembers where it is (for hover and outlines), fades a
     * retiring shard, writes its name and takes the track colour; returns the row's middle.
     */
    private double beginRow(GraphicsContext g, ShardView s, double y, double rowHeight, double width) {
        recordShardRow(s.shardId(), y, rowHeight, width);
        double mid = y + rowHeight / 2;
        g.setGlobalAlpha(s.retiring() ? 0.55 : 1);
        shardName(g, s.shardId(), mid, rowHeight);
        g.setFill(trackFill.getValue());
        return mid;
    }

    private void recordShardRow(int shardId, double top, double rowHeight, double width) {
        if (shardRows == shardRowIds.length) {
            shardRowIds = java.util.Arrays.copyOf(shardRowIds, 2 * shardRows);
            shardRowTops = java.util.Arrays.copyOf(shardRowTops, 2 * shardRows);
        }
        shardRowIds[shardRows] = shardId;
        shardRowTops[shardRows] = top;
        shardRows++;
        shardRowHeight = rowHeight;
        shardRowWidth = width - 2 * MARGIN;
    }

    /** Shard {@code shardId}'s load row as last drawn, in this view's coordinates, or null when it has none. */
    public javafx.geometry.Bounds shardRowBounds(int shardId) {
        for (int i = 0; i < shardRows; i++) {
            if (shardRowIds[i] == shardId) {
                double s = drawnScale;
                return new javafx.geometry.BoundingBox(s * MARGIN, s * shardRowTops[i], s * shardRowWidth, s * shardRowHeight);
            }
        }
        return null;
    }

    private void shardName(GraphicsContext g, int shardId, double mid, double rowHeight) {
        g.setFill(shardColor(shardId));
        double swatch = Math.min(9, rowHeight - 4);
        g.fillRect(MARGIN, mid - swatch / 2, swatch, swatch);
        if (rowHeight >= TEXT_ROW_HEIGHT) {
            g.setFill(textFill.getValue());
            g.setFont(SMALL_FONT.font());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("shard " + shardId, MARGIN + 14, mid);
        }
    }

    private void sectionTitle(GraphicsContext g, String title, String detail, double y, double width) {
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(TITLE_FONT.font());
        g.setFill(textFill.getValue());
        g.fillText(title, MARGIN, y);
        g.setFont(SMALL_FONT.font());
        g.setFill(mutedTextFill.getValue());
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(detail, width - MARGIN, y + 2);
        g.setTextBaseline(VPos.CENTER);
    }

    /** Client sessions on the left, the nodes that serve reads on the right, and the line between. */
    private double drawReadPath(GraphicsContext g, double y, double width) {
        sectionTitle(g, "Read path", data.readPolicy() + " · " + data.consistency() + " · " + data.replication() + " replication",
                y, width);
        double lineY = y + SECTION_TITLE_HEIGHT + 10;
        double left = MARGIN + 62;
        double right = width - MARGIN - 62;
        g.setFont(SMALL_BOLD_FONT.font());
        g.setTextAlign(TextAlignment.CENTER);
        chip(g, "sessions", MARGIN, lineY, 58);
        chip(g, "nodes", width - MARGIN - 58, lineY, 58);
        g.setStroke(cardBorder.getValue());
        g.setLineWidth(2);
        g.strokeLine(left, lineY, right, lineY);
        // An arrowhead at the sessions' end: values travel back to the client.
        CanvasShapes.arrowHead(g, left, lineY, -1, 0, 8, 5, cardBorder.getValue());
        pathLineY = lineY;
        pathLeft = left;
        pathRight = right;
        overlay.relocate(0, drawnScale * (lineY - OVERLAY_ABOVE_LINE));
        overlay.setWidth(drawnScale * width);
        overlay.setHeight(drawnScale * OVERLAY_HEIGHT);
        return y + READ_PATH_HEIGHT;
    }

    /**
     * Reads coming back along the read path as dots, stale ones red, and below it the counters that
     * say whether the consistency level holds; the stale counter flashes when it grows.
     */
    private void drawReadPathOverlay(GraphicsContext g, long nowNanos) {
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        if (Double.isNaN(pathLineY)) {
            return;
        }
        CanvasFont.beginMagnified(g, drawnScale); // over the bars, at their scale
        try {
            drawReadPathOverlay(g, overlay.getWidth() / drawnScale, nowNanos);
        } finally {
            CanvasFont.endMagnified(g);
        }
    }

    private void drawReadPathOverlay(GraphicsContext g, double overlayWidth, long nowNanos) {
        double lineY = OVERLAY_ABOVE_LINE;
        for (int i = 0; i < dots.size(); i++) {
            long age = nowNanos - dots.startNanos(i);
            if (age < 0) {
                continue;
            }
            double t = age / (double) DOT_TRAVEL_NANOS;
            double x = pathRight - (pathRight - pathLeft - 10) * t;
            boolean stale = dots.stale(i);
            double r = stale ? 4 : 2.5;
            g.setGlobalAlpha(stale ? 1 : 0.55);
            g.setFill(stale ? dangerFill.getValue() : accentFill.getValue());
            g.fillOval(x - r, lineY - r, 2 * r, 2 * r);
        }
        g.setGlobalAlpha(1);

        DatabaseView.Counters c = data.database().counters();
        double textY = lineY + 22;
        boolean flash = flashing(nowNanos);
        overlayTexts.update(this, staleReadsPerSecond, c, overlayWidth);
        String stale = overlayTexts.stale;
        double staleWidth = overlayTexts.staleWidth;
        if (flash) {
            g.setGlobalAlpha(1 - (nowNanos - staleFlashNanos) / (double) COUNTER_FLASH_NANOS);
            g.setFill(dangerFill.getValue());
            g.fillRoundRect(MARGIN - 4, textY - 8, staleWidth + 8, 16, 6, 6);
            g.setGlobalAlpha(1);
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(SMALL_BOLD_FONT.font());
        g.setFill(flash ? cardFill.getValue() : c.staleReads() > 0 ? dangerFill.getValue() : textFill.getValue());
        g.fillText(stale, MARGIN, textY);
        g.setFont(SMALL_FONT.font());
        g.setFill(c.readYourWritesViolations() > 0 ? dangerFill.getValue() : mutedTextFill.getValue());
        g.fillText(overlayTexts.violations, MARGIN + staleWidth + 14, textY);
    }

    /**
     * The overlay's two lines of counters, formatted and measured again only when a figure or the
     * width changed: the overlay is drawn every frame while dots fly, and formatting and measuring
     * text each time was most of its cost.
     */
    private final OverlayTexts overlayTexts = new OverlayTexts();

    private static final class OverlayTexts {
        private double rate = -1;
        private long staleReads = -1;
        private long readYourWrites = -1;
        private long monotonic = -1;
        private double width = -1;
        private Object font;
        String stale;
        double staleWidth;
        String violations;

        void update(LoadView v, double ratePerSecond, DatabaseView.Counters c, double overlayWidth) {
            Object nowFont = SMALL_FONT.font();
            if (Double.compare(ratePerSecond, rate) == 0 && c.staleReads() == staleReads && c.readYourWritesViolations() == readYourWrites
                    && c.monotonicReadViolations() == monotonic && overlayWidth == width && nowFont == font) {
                return;
            }
            rate = ratePerSecond;
            staleReads = c.staleReads();
            readYourWrites = c.readYourWritesViolations();
            monotonic = c.monotonicReadViolations();
            width = overlayWidth;
            font = nowFont;
            stale = String.format(Locale.ROOT, "stale reads %s/s · %s in all",
                    Double.isNaN(ratePerSecond) ? "–" : Formats.count(ratePerSecond), Formats.count(staleReads));
            staleWidth = v.width(stale, SMALL_BOLD_FONT.font());
            violations = "read-your-writes violations " + Formats.count(readYourWrites) + " · monotonic " + Formats.count(monotonic);
            if (MARGIN + staleWidth + 14 + v.width(violations, SMALL_FONT.font()) > overlayWidth - MARGIN) {
                violations = "read-your-writes " + Formats.count(readYourWrites) + " · monotonic " + Formats.count(monotonic);
            }
        }
    }

    private void chip(GraphicsContext g, String text, double x, double midY, double w) {
        g.setFill(cardFill.getValue());
        g.fillRoundRect(x, midY - 10, w, 20, 8, 8);
        g.setStroke(cardBorder.getValue());
        g.setLineWidth(1);
        g.strokeRoundRect(x + 0.5, midY - 9.5, w - 1, 19, 8, 8);
        g.setFill(textFill.getValue());
        g.fillText(text, x + w / 2, midY);
    }

    private void drawLag(GraphicsContext g, List<ShardView> shards, double y, double width, double height, double rowHeight) {
        double maxLag = 0;
        for (ShardView s : shards) {
            for (NodeView n : s.nodes()) {
                maxLag = Math.max(maxLag, n.lagMs());
            }
        }
        double scale = Scales.niceCeiling(Math.max(MIN_LAG_SCALE_MS, maxLag));
        sectionTitle(g, "Replication lag per replica", "bar: 0 to " + Formats.count(scale) + " ms behind its primary", y, width);
        y += SECTION_TITLE_HEIGHT;
        double barX = MARGIN + NAME_WIDTH;
        double barW = width - 2 * MARGIN - NAME_WIDTH - VALUE_WIDTH;
        int hidden = 0;
        for (ShardView s : shards) {
            for (NodeView n : s.nodes()) {
                if (n.primary()) {
                    continue; // its lag is 0 by definition; a shard without one says so in the load rows
                }
                if (y + rowHeight > height - 2) {
                    hidden++;
                    continue;
                }
                double mid = y + rowHeight / 2;
                g.setTextBaseline(VPos.CENTER);
                g.setTextAlign(TextAlignment.LEFT);
                g.setFont(SMALL_FONT.font());
                g.setFill(shardColor(s.shardId()));
                double swatch = Math.min(9, rowHeight - 4);
                g.fillRect(MARGIN, mid - swatch / 2, swatch, swatch);
                if (rowHeight >= TEXT_ROW_HEIGHT) {
                    g.setFill(n.alive() ? textFill.getValue() : mutedTextFill.getValue());
                    g.fillText(n.name(), MARGIN + 14, mid);
                }
                double barH = Math.min(12, rowHeight - 4);
                String value;
                if (!n.alive()) {
                    value = "down";
                    g.setFill(mutedTextFill.getValue());
                } else {
                    g.setFill(trackFill.getValue());
                    g.fillRect(barX, mid - barH / 2, barW, barH);
                    g.setFill(n.lagSpike() ? dangerFill.getValue() : accentFill.getValue());
                    g.fillRect(barX, mid - barH / 2, Math.min(1, n.lagMs() / scale) * barW, barH);
                    long behind = Math.max(0, s.headLsn() - n.appliedLsn());
                    value = n.lagMs() == 0 ? "caught up" : Formats.millis(n.lagMs()) + " ms · " + Formats.count(behind)
                            + (behind == 1 ? " write" : " writes") + " behind";
                    g.setFill(textFill.getValue());
                }
                if (rowHeight >= TEXT_ROW_HEIGHT) {
                    g.fillText(value, barX + barW + 8, mid);
                }
                if (n.lagSpike() && rowHeight >= TEXT_ROW_HEIGHT) {
                    // A badge after the name: the injected fault, not the replica's usual lag.
                    double badgeX = MARGIN + 14 + width(n.name(), SMALL_FONT.font()) + 5;
                    g.setFill(dangerFill.getValue());
                    g.fillRoundRect(badgeX, mid - 6.5, 34, 13, 6, 6);
                    g.setFont(SMALL_BOLD_FONT.font());
                    g.setFill(cardFill.getValue());
                    g.setTextAlign(TextAlignment.CENTER);
                    g.fillText("spike", badgeX + 17, mid);
                }
                y += rowHeight;
            }
        }
        if (hidden > 0) {
            g.setFont(SMALL_FONT.font());
            g.setFill(mutedTextFill.getValue());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("+" + hidden + " more replicas", width - MARGIN, height - 8);
        }
    }

    /** Reads on their way back, as parallel arrays in a ring: animating them allocates nothing. */
    static final class ReadDots {
        static final int CAPACITY = 64;

        private final long[] startNanos = new long[CAPACITY];
        private final boolean[] stale = new boolean[CAPACITY];
        private int head;
        private int size;

        void add(long start, boolean isStale) {
            if (size == CAPACITY) {
                head = (head + 1) % CAPACITY;
                size--;
            }
            int slot = (head + size) % CAPACITY;
            startNanos[slot] = start;
            stale[slot] = isStale;
            size++;
        }

        void expire(long nowNanos, long lifetimeNanos) {
            while (size > 0 && nowNanos - startNanos[head] > lifetimeNanos) {
                head = (head + 1) % CAPACITY;
                size--;
            }
        }

        int size() {
            return size;
        }

        long startNanos(int i) {
            return startNanos[(head + i) % CAPACITY];
        }

        boolean stale(int i) {
            return stale[(head + i) % CAPACITY];
        }
    }
}
