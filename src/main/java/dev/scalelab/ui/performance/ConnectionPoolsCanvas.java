package dev.scalelab.ui.performance;

import dev.scalelab.ui.Formats;
import dev.scalelab.world.PerformanceView.ConnectionPoolView;
import dev.scalelab.world.PerformanceView.ConnectionsView;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.Locale;

/**
 * The connection pools and the database behind them. One row per instance: its pool as
 * {@code maximumPoolSize} slots (in use, idle, not open; a leaked connection in red), and beside it
 * the requests waiting for a connection as a queue of dots. Under the rows the database's side: its
 * open connections against {@code maxConnections} (a limit line, red past it, as PostgreSQL refuses
 * the next one) and its running queries against its cores (past the cores, queries contend). A
 * fleet too large for a row each gets one row for all.
 *
 * <p>FX thread only.
 */
final class ConnectionPoolsCanvas extends PerformanceCanvas {
    private static final double LABEL_WIDTH = 46;
    private static final double QUEUE_WIDTH = 86;
    private static final double MAX_PITCH = 14;
    private static final double MIN_PITCH = 3;
    private static final double MIN_ROW = 6;
    private static final double MAX_ROW = 18;
    private static final double LINE = 16;
    /** The title, two bars with their labels, and the counters' two lines. */
    private static final double DATABASE_HEIGHT = 5 * LINE + 2 * 12 + 4;
    /** Rows lower than this label every other instance, so that the names do not overlap. */
    private static final double LABEL_ROW = 13;

    private ConnectionsView connections;

    ConnectionPoolsCanvas() {
        super("connection-pools-canvas");
        setPrefSize(380, 220);
    }

    void show(ConnectionsView connections) {
        this.connections = connections;
        invalidate();
    }

    /** True when every instance gets a row of its own at this height; for tests. */
    boolean drawsRowPerInstance(double height) {
        return rowHeight(height) >= MIN_ROW;
    }

    @Override
    void paint(GraphicsContext g, double width, double height) {
        if (connections == null) {
            return;
        }
        ConnectionsView c = connections;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(SMALL_FONT.font());
        g.setFill(mutedTextFill.getValue());
        g.fillText(fit(String.format(Locale.ROOT, "maximumPoolSize %d · minimumIdle %d · timeout %s ms", c.maximumPoolSize(),
                c.minimumIdle(), Formats.count(c.connectionTimeoutMs())), SMALL_FONT.font(), width - 8), 4, LINE / 2);

        boolean perInstance = drawsRowPerInstance(height);
        int rows = perInstance ? c.instances().size() : 1;
        double rowH = perInstance ? rowHeight(height) : MAX_ROW;
        double top = LINE + 4;
        for (int r = 0; r < rows; r++) {
            ConnectionPoolView p = perInstance ? c.instances().get(r) : fleet(c);
            int poolSize = perInstance ? c.maximumPoolSize() : c.maximumPoolSize() * c.instances().size();
            boolean labelled = rowH >= LABEL_ROW || r % 2 == 0;
            String label = !labelled ? "" : perInstance ? p.instanceId() : "all " + c.instances().size();
            drawRow(g, p, poolSize, label, top + r * rowH, rowH, width);
        }
        drawDatabase(g, c, height - DATABASE_HEIGHT, width);
    }

    private void drawRow(GraphicsContext g, ConnectionPoolView p, int poolSize, String label, double y, double rowH, double width) {
        g.setFont(SMALL_FONT.font());
        g.setFill(textFill.getValue());
        g.fillText(fit(label, SMALL_FONT.font(), LABEL_WIDTH - 6), 4, y + rowH / 2);
        double slotsWidth = width - LABEL_WIDTH - QUEUE_WIDTH - 8;
        double pitch = Math.min(MAX_PITCH, Math.floor(slotsWidth / Math.max(1, poolSize)));
        double h = Math.max(3, rowH - 4);
        double cy = y + (rowH - h) / 2;
        double x = LABEL_WIDTH;
        double end;
        if (pitch >= MIN_PITCH) {
            int healthy = p.active() - p.leaked();
            for (int i = 0; i < poolSize; i++) {
                Color fill = i < p.leaked() ? dangerFill.getValue()
                        : i < p.leaked() + healthy ? accentFill.getValue()
                        : i < p.active() + p.idle() ? successFill.getValue() : trackFill.getValue();
                g.setFill(fill);
                g.fillRect(x + i * pitch, cy, pitch - 1, h);
            }
            end = x + poolSize * pitch;
        } else {
            double unit = slotsWidth / Math.max(1, poolSize);
            g.setFill(trackFill.getValue());
            g.fillRect(x, cy, slotsWidth, h);
            g.setFill(dangerFill.getValue());
            g.fillRect(x, cy, p.leaked() * unit, h);
            g.setFill(accentFill.getValue());
            g.fillRect(x + p.leaked() * unit, cy, (p.active() - p.leaked()) * unit, h);
            g.setFill(successFill.getValue());
            g.fillRect(x + p.active() * unit, cy, p.idle() * unit, h);
            end = x + slotsWidth;
        }
        drawQueue(g, p.pending(), end + 6, y + rowH / 2, Math.min(rowH - 4, 7), width - end - 8);
    }

    /** The waiting requests as dots, the first next to the pool; what does not fit is counted. */
    private void drawQueue(GraphicsContext g, int pending, double x, double cy, double dot, double room) {
        if (pending <= 0) {
            return;
        }
        double d = Math.max(3, dot);
        String more = "+" + Formats.compact(pending);
        int fits = (int) Math.floor((room - width(more, SMALL_FONT.font()) - 4) / (d + 2));
        int drawn = pending <= Math.floor(room / (d + 2)) ? pending : Math.max(0, fits);
        g.setFill(warningFill.getValue());
        for (int i = 0; i < drawn; i++) {
            g.fillOval(x + i * (d + 2), cy - d / 2, d, d);
        }
        if (drawn < pending) {
            g.setFill(warningFill.getValue());
            g.setFont(SMALL_BOLD_FONT.font());
            g.fillText("+" + Formats.compact(pending - drawn), x + drawn * (d + 2) + 2, cy);
        }
    }

    private void drawDatabase(GraphicsContext g, ConnectionsView c, double y, double width) {
        g.setFont(SMALL_BOLD_FONT.font());
        g.setFill(textFill.getValue());
        g.fillText("Database", 4, y + LINE / 2);
        double barX = 4;
        double barW = width - 8;
        y += LINE;
        String open = "open connections " + c.databaseOpen() + " of max " + c.maxConnections();
        boolean over = c.databaseOpen() > c.maxConnections();
        bar(g, open, barX, y, barW, c.databaseOpen(), c.maxConnections(), over ? dangerFill.getValue() : accentFill.getValue(),
                dangerFill.getValue());
        y += LINE + 12;
        if (c.databaseCores() > 0) {
            String queries = "running queries " + c.activeQueries() + " on " + c.databaseCores() + " cores"
                    + (c.activeQueries() > c.databaseCores() ? " · contending" : "");
            bar(g, queries, barX, y, barW, c.activeQueries(), c.databaseCores(), accentFill.getValue(), warningFill.getValue());
        } else {
            g.setFont(SMALL_FONT.font());
            g.setFill(mutedTextFill.getValue());
            g.fillText(fit("running queries " + c.activeQueries() + " · cores not modelled (database.cores 0)", SMALL_FONT.font(), barW),
                    barX, y + LINE / 2);
        }
        y += LINE + 12;
        g.setFont(SMALL_FONT.font());
        g.setFill(textFill.getValue());
        g.fillText(fit(String.format(Locale.ROOT, "acquired %s · timeouts %s · refused %s · leaked %s",
                Formats.compact(c.acquired()), Formats.count(c.timeouts()), Formats.count(c.refused()), Formats.count(c.leaked())),
                SMALL_FONT.font(), width - 8), 4, y + LINE / 2);
        g.fillText(fit(String.format(Locale.ROOT, "wait for a connection: p50 %s ms, p99 %s ms · most waiting at once %d",
                Formats.millis(c.waitMsP50()), Formats.millis(c.waitMsP99()), c.maxPending()), SMALL_FONT.font(), width - 8),
                4, y + LINE + LINE / 2);
    }

    /**
     * A label over a bar of {@code value} against {@code limit}: the scale leaves room past the limit,
     * the part past it takes {@code overFill}, and a line marks the limit.
     */
    private void bar(GraphicsContext g, String label, double x, double y, double w, int value, int limit, Color fill, Color overFill) {
        g.setFont(SMALL_FONT.font());
        g.setFill(value > limit ? overFill : mutedTextFill.getValue());
        g.fillText(fit(label, SMALL_FONT.font(), w), x, y + LINE / 2);
        double scale = Math.max(limit * 1.25, value);
        double unit = w / Math.max(1, scale);
        double by = y + LINE;
        g.setFill(trackFill.getValue());
        g.fillRect(x, by, w, 9);
        g.setFill(fill);
        g.fillRect(x, by, Math.min(value, limit) * unit, 9);
        if (value > limit) {
            g.setFill(overFill);
            g.fillRect(x + limit * unit, by, (value - limit) * unit, 9);
        }
        double lineX = Math.round(x + limit * unit) + 0.5;
        g.setStroke(textFill.getValue());
        g.strokeLine(lineX, by - 3, lineX, by + 12);
    }

    private static ConnectionPoolView fleet(ConnectionsView c) {
        int total = 0;
        int active = 0;
        int idle = 0;
        int pending = 0;
        int leaked = 0;
        for (ConnectionPoolView p : c.instances()) {
            total += p.total();
            active += p.active();
            idle += p.idle();
            pending += p.pending();
            leaked += p.leaked();
        }
        return new ConnectionPoolView("all", total, active, idle, pending, leaked);
    }

    private double rowHeight(double height) {
        int n = connections == null ? 0 : connections.instances().size();
        double room = height - LINE - 4 - DATABASE_HEIGHT - 6;
        return n == 0 ? MAX_ROW : Math.min(MAX_ROW, Math.floor(room / n));
    }
}
