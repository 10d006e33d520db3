package dev.scalelab.ui.balancing;

import dev.scalelab.ui.canvas.CanvasFont;

import dev.scalelab.ui.TextFit;
import java.util.function.Supplier;
import dev.scalelab.ui.canvas.InstanceIndex;
import dev.scalelab.world.Snapshot;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The newest decisions as a strip of cells along the bottom of the board, coloured by instance,
 * rejections red, with its label and (wide, not compact) the board's legend above it. With an
 * instance selected the other instances' cells fade, so its rhythm stands out (every 8th for round
 * robin). FX thread only; allocates nothing.
 */
final class DecisionStrip {
    static final double HEIGHT = 12;
    static final double LABEL_HEIGHT = 16;
    /** The world keeps this many recent decisions; the strip's cells are sized for them. */
    private static final int RING_CELLS = 256;
    private static final double MIN_CELL = 2;
    private static final double DIMMED = 0.18;
    private static final String LEGEND = "ring: dashed = sampled, solid = picked  ·  faded = excluded  ·  amber edge = slow";
    private static final Supplier<Double> LEGEND_WIDTH = CanvasFont.perScale(() -> TextFit.width(LEGEND, BoardFonts.SMALL.font()));

    private String label;
    private double labelWidth;
    private boolean compact;

    void setCompact(boolean compactStrip) {
        compact = compactStrip;
        label = compact ? "Recent picks, newest right" : "Recent picks, newest right (colour = instance, red = rejected)";
        labelWidth = TextFit.width(label, BoardFonts.SMALL.font());
    }

    /**
     * Draws the strip at (x, y), {@code w} wide, the label above it. {@code selectedNumber} is the
     * selected instance's number, or -1.
     */
    void draw(GraphicsContext g, BalancerCanvas look, Snapshot.Dispatches dispatches, InstanceIndex tiles,
              int selectedNumber, double x, double y, double w) {
        g.setFont(BoardFonts.SMALL.font());
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(look.mutedTextFill());
        g.fillText(label, x, y - LABEL_HEIGHT / 2 - 1);
        if (!compact && w > labelWidth + LEGEND_WIDTH.get() + 20) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(LEGEND, x + w, y - LABEL_HEIGHT / 2 - 1);
        }
        g.setFill(look.queueTrack());
        g.fillRect(x, y, w, HEIGHT);
        int length = dispatches.instanceNumbers().length;
        int capacity = (int) Math.floor(w / MIN_CELL);
        int cells = Math.min(length, capacity);
        if (cells == 0) {
            return;
        }
        // Cells keep one width once the ring is full, so the strip does not stretch while a run starts.
        double cell = w / Math.min(capacity, Math.max(cells, RING_CELLS));
        for (int c = 0; c < cells; c++) {
            int i = length - cells + c;
            int tile = tiles.of(dispatches.instanceNumbers()[i]);
            byte outcome = dispatches.outcomes()[i];
            Color fill;
            if (outcome == Snapshot.Dispatches.REJECTED_NO_INSTANCE || outcome == Snapshot.Dispatches.REJECTED_QUEUE_FULL) {
                fill = look.rejectFill();
            } else if (tile < 0) {
                fill = look.mutedTextFill();
            } else {
                fill = look.instanceColor(tile);
            }
            boolean dim = selectedNumber >= 0 && dispatches.instanceNumbers()[i] != selectedNumber;
            g.setGlobalAlpha(dim ? DIMMED : 1);
            g.setFill(fill);
            g.fillRect(x + c * cell, y, Math.max(1, cell - (cell >= 4 ? 1 : 0)), HEIGHT);
        }
        g.setGlobalAlpha(1);
    }
}
