package dev.scalelab.ui.events;

import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.ui.Formats;
import dev.scalelab.ui.canvas.TileCards;
import dev.scalelab.ui.canvas.TileGrid;
import dev.scalelab.world.EventsView.ConsumerView;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * A group's or a queue's consumers as tiles in their colours, laid out by {@link TileGrid}. The
 * lifecycle reads as the service pool's tiles read it: provisioning and booting faint with a dashed
 * border, draining fainter, failed with a red border. A consumer processing a record now pulses.
 * Large tiles carry the id, the state or the count processed, and what the consumer owns; small ones
 * only the colour. FX thread only; drawing allocates only the short strings it prints.
 */
final class ConsumerTiles {
    static final double GAP = 5;
    private static final double ASPECT = 3.6;
    private static final double MAX_TILE_WIDTH = 176;
    private static final long PULSE_PERIOD_NANOS = 700_000_000L;
    private static final double ID_CHAR_WIDTH = 6.6;
    private static final double SMALL_CHAR_WIDTH = 5.6;

    private final TileGrid grid = new TileGrid();
    private final boolean countsProcessed;
    private final StringBuilder owned = new StringBuilder();

    /** @param countsProcessed whether a ready tile says how many records its consumer processed (a group's do; a queue's say busy or idle) */
    ConsumerTiles(boolean countsProcessed) {
        this.countsProcessed = countsProcessed;
    }

    /** Places {@code count} tiles in the box (x, y, w, h). */
    void layout(int count, double x, double y, double w, double h) {
        grid.fit(count, x, y, w, h, GAP, ASPECT, MAX_TILE_WIDTH);
    }

    double x(int i) {
        return grid.tileX(i);
    }

    double y(int i) {
        return grid.tileY(i);
    }

    double height() {
        return grid.tileHeight();
    }

    /** True when some ready consumer processes now: its tile pulses, so the drawing moves every frame. */
    static boolean anyProcessing(List<ConsumerView> consumers) {
        for (ConsumerView c : consumers) {
            if (c.processing() >= 0 && c.lifecycle() == Lifecycle.READY) {
                return true;
            }
        }
        return false;
    }

    void draw(GraphicsContext g, EventsCanvas colors, List<ConsumerView> consumers, long nowNanos) {
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < consumers.size(); i++) {
            drawTile(g, colors, consumers.get(i), grid.tileX(i), grid.tileY(i), grid.tileWidth(), grid.tileHeight(), nowNanos);
        }
        g.setGlobalAlpha(1);
    }

    private void drawTile(GraphicsContext g, EventsCanvas colors, ConsumerView c, double x, double y, double w, double h,
                          long nowNanos) {
        if (w < 3 || h < 3) {
            return;
        }
        Lifecycle state = c.lifecycle();
        boolean starting = state == Lifecycle.PROVISIONING || state == Lifecycle.BOOTING;
        boolean failed = state == Lifecycle.FAILED;
        Color own = EventPalettes.consumerColor(c.colour());
        g.setGlobalAlpha(starting ? 0.6 : state == Lifecycle.DRAINING ? 0.45 : state == Lifecycle.TERMINATED ? 0.3 : 1);
        TileCards.draw(g, x, y, w, h, 6, colors.tileColors.cardFill.getValue(),
                failed ? colors.dangerFill.getValue() : own, 2, starting ? EventsCanvas.STARTING_DASHES : null);
        double strip = Math.min(6, w / 4);
        g.setFill(own);
        g.fillRect(x + 2, y + 2, strip, h - 4);
        if (h >= 20 && w >= 70) {
            double left = x + strip + 6;
            double right = x + w - 6;
            double firstLine = h >= 40 ? y + h * 0.32 : y + h / 2;
            g.setFont(EventsCanvas.LABEL_FONT.font());
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(colors.tileColors.textFill.getValue());
            g.fillText(c.id(), left, firstLine);
            g.setFont(EventsCanvas.SMALL_FONT.font());
            String remark = state != Lifecycle.READY ? state.id()
                    : countsProcessed ? Formats.compact(c.processed()) + " done" : c.processing() >= 0 ? "busy" : "idle";
            // The remark shares the first line when both fit (by the fonts' widths per character), else the second.
            boolean besideId = c.id().length() * ID_CHAR_WIDTH + remark.length() * SMALL_CHAR_WIDTH + 22 <= right - left;
            g.setFill(failed ? colors.dangerFill.getValue() : colors.tileColors.mutedTextFill.getValue());
            if (besideId) {
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(remark, right - 10, firstLine);
            }
            if (h >= 40) {
                g.setTextAlign(TextAlignment.LEFT);
                if (besideId) {
                    g.setFill(colors.tileColors.mutedTextFill.getValue());
                }
                String second = besideId || state == Lifecycle.READY && c.partitions().length > 0 ? ownedText(c, right - left) : remark;
                if (countsProcessed || !besideId) {
                    g.fillText(second, left, y + h * 0.72);
                }
            }
        }
        if (c.processing() >= 0 && state == Lifecycle.READY) {
            // The pulse: a dot that swells and fades once per period while the consumer works.
            double phase = (nowNanos % PULSE_PERIOD_NANOS) / (double) PULSE_PERIOD_NANOS;
            double radius = Math.min(h / 5, 4) * (0.7 + 0.5 * Math.sin(phase * 2 * Math.PI));
            g.setFill(own);
            g.fillOval(x + w - 8 - radius, y + Math.min(h / 2, 10) - radius, 2 * radius, 2 * radius);
        }
        g.setGlobalAlpha(1);
    }

    /** "P0 P3 P5", or "12 partitions" when the list would not fit; "idle" for a member without one. */
    private String ownedText(ConsumerView c, double maxWidth) {
        int[] partitions = c.partitions();
        if (partitions.length == 0) {
            return c.processing() >= 0 ? "busy" : "idle";
        }
        owned.setLength(0);
        int fits = (int) (maxWidth / 5.6); // about the width of a character in the small font
        for (int p : partitions) {
            if (owned.length() > 0) {
                owned.append(' ');
            }
            owned.append('P').append(p);
            if (owned.length() > fits) {
                return partitions.length + " partitions";
            }
        }
        return owned.toString();
    }
}
