package dev.scalelab.ui.events;

import dev.scalelab.ui.Formats;
import dev.scalelab.ui.canvas.TileCards;
import dev.scalelab.world.EventsView.QueueView;
import dev.scalelab.ui.canvas.CanvasFont;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * The work queues, one card each: the visible messages waiting as cells, the in-flight ones (received,
 * invisible until deleted or until the visibility timeout brings them back) beside them, the competing
 * consumers as tiles, and the counts that tell at-least-once delivery: redelivered, duplicate effects
 * and dead-lettered. Redrawn when a snapshot arrives and every pulse while a consumer pulses.
 *
 * <p>FX thread only.
 */
final class QueueBoard extends EventsCanvas {
    private static final double MARGIN = 10;
    private static final double CARD_GAP = 8;
    /** A card grows to this when the queues have the board to themselves (a scenario without topics). */
    private static final double MAX_CARD_HEIGHT = 360;
    private static final double CELL = 7;
    private static final double CELL_GAP = 2;

    private final Canvas canvas;
    private final ConsumerTiles tiles = new ConsumerTiles(false);
    private List<QueueView> queues = List.of();

    QueueBoard() {
        this(new Canvas());
    }

    private QueueBoard(Canvas canvas) {
        super("queue-board", canvas);
        this.canvas = canvas;
    }

    void show(List<QueueView> newQueues) {
        queues = newQueues;
        invalidate();
    }

    /** Redraws what changed; call once per pulse. */
    void draw(long nowNanos) {
        boolean pulsing = false;
        for (QueueView q : queues) {
            pulsing |= ConsumerTiles.anyProcessing(q.consumers());
        }
        if (redrawDue(nowNanos, false, pulsing, ConsumerColumn.PULSE_REDRAW_NANOS)) {
            // Laid out in 100 % units over the canvas divided by the font scale, drawn magnified by it.
            CanvasFont.paintMagnified(canvas, (g, w, h) -> paint(g, w, h, nowNanos));
        }
    }

    private void paint(GraphicsContext g, double width, double height, long nowNanos) {
        g.clearRect(0, 0, width, height);
        if (queues.isEmpty() || width < 300 || height < 60) {
            return;
        }
        g.setTextBaseline(VPos.CENTER);
        double cardHeight = Math.min(MAX_CARD_HEIGHT, (height - 2 * MARGIN - (queues.size() - 1) * CARD_GAP) / queues.size());
        double y = MARGIN;
        for (QueueView q : queues) {
            if (cardHeight < 50) {
                break; // the charts and the report carry the rest
            }
            drawQueue(g, q, MARGIN, y, width - 2 * MARGIN, cardHeight, nowNanos);
            y += cardHeight + CARD_GAP;
        }
    }

    private void drawQueue(GraphicsContext g, QueueView q, double x, double y, double w, double h, long nowNanos) {
        TileCards.draw(g, x, y, w, h, 8, tileColors.cardFill.getValue(), tileColors.cardBorder.getValue(), 1, null);
        double pad = 10;
        double titleY = y + 14;
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(TITLE_FONT.font());
        g.setFill(tileColors.textFill.getValue());
        g.fillText("queue " + q.name(), x + pad, titleY);
        g.setFont(SMALL_FONT.font());
        g.setFill(tileColors.mutedTextFill.getValue());
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("sent " + Formats.compact(q.sent()) + "  ·  deleted " + Formats.compact(q.deleted()) + "  ·  visibility "
                + Formats.millis(q.visibilityTimeoutSeconds()) + " s", x + w - pad, titleY);

        double bodyTop = y + 30;
        double bodyHeight = h - 30 - 24;
        double zoneWidth = (w - 2 * pad) * 0.3;
        double visibleX = x + pad;
        double inFlightX = visibleX + zoneWidth + 14;
        double tilesX = inFlightX + zoneWidth * 0.6 + 24;
        drawCells(g, "visible " + Formats.compact(q.visible()), q.visible(), visibleX, bodyTop, zoneWidth, bodyHeight,
                tileColors.queueFill.getValue());
        drawCells(g, "in flight " + Formats.compact(q.inFlight()), q.inFlight(), inFlightX, bodyTop, zoneWidth * 0.6, bodyHeight,
                tileColors.busyFill.getValue());
        tiles.layout(q.consumers().size(), tilesX, bodyTop, x + w - pad - tilesX, bodyHeight);
        tiles.draw(g, this, q.consumers(), nowNanos);

        // What at-least-once costs: redeliveries, their duplicate effects, and the messages that gave up.
        double lineY = y + h - 12;
        g.setFont(LABEL_FONT.font());
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(tileColors.mutedTextFill.getValue());
        String counts = "redelivered " + Formats.compact(q.redelivered()) + "   duplicates " + Formats.compact(q.duplicates());
        g.fillText(counts, x + pad, lineY);
        g.setFill(q.deadLettered() > 0 ? dangerFill.getValue() : tileColors.mutedTextFill.getValue());
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("dead-letter queue " + Formats.compact(q.deadLettered()), x + w - pad, lineY);
    }

    /** Up to a zone's worth of cells, one per message; a message count beyond the zone shows as "+N". */
    private void drawCells(GraphicsContext g, String label, long count, double x, double y, double w, double h,
                           Color fill) {
        g.setFont(SMALL_BOLD_FONT.font());
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(tileColors.textFill.getValue());
        g.fillText(label, x, y + 6);
        double top = y + 16;
        int perRow = Math.max(1, (int) ((w + CELL_GAP) / (CELL + CELL_GAP)));
        int rows = Math.max(0, (int) ((h - 16 + CELL_GAP) / (CELL + CELL_GAP)));
        long room = (long) perRow * rows;
        long shown = Math.min(count, room);
        if (count > room && room > 0) {
            shown = room - 1; // the last cell's place says how many more
        }
        g.setFill(fill);
        for (int i = 0; i < shown; i++) {
            g.fillRect(x + (i % perRow) * (CELL + CELL_GAP), top + (i / perRow) * (CELL + CELL_GAP), CELL, CELL);
        }
        if (count > shown && room > 0) {
            g.setFont(SMALL_FONT.font());
            g.setFill(tileColors.mutedTextFill.getValue());
            long i = shown;
            g.fillText("+" + Formats.compact(count - shown), x + (i % perRow) * (CELL + CELL_GAP), top + (i / perRow) * (CELL + CELL_GAP) + CELL / 2);
        }
    }
}
