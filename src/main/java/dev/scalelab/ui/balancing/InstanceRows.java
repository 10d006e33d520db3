package dev.scalelab.ui.balancing;

import dev.scalelab.world.Parameter;
import dev.scalelab.world.Snapshot.InstanceView;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import static dev.scalelab.ui.balancing.InstanceSlots.percent;
import static dev.scalelab.ui.balancing.InstanceSlots.sharePercent;

/**
 * The instances as rows under column headings: swatch and id, state (or why the balancer excludes
 * it), speed, weight, requests in flight, share of traffic so far against the fair share, and queue
 * against capacity. The columns line up from row to row for comparison; compact rows (a side of the
 * race) fold speed and weight into the state. FX thread only; allocates only the strings it prints.
 */
final class InstanceRows {
    private static final double ROW_PADDING = 12;
    private static final double COLUMN_GAP = 16;
    private static final double MAX_BAR_COLUMN = 320;
    /** A bar column (bar and its number) narrower than this would not read. */
    private static final double MIN_BAR_COLUMN = 70;
    private static final int COL_ID = 0;
    private static final int COL_STATE = 1;
    private static final int COL_SPEED = 2;
    private static final int COL_WEIGHT = 3;
    private static final int COL_IN_FLIGHT = 4;
    private static final int COL_SHARE = 5;
    private static final int COL_QUEUE = 6;
    /** Widths of the columns before the two bars; 0 hides a column (compact rows fold speed into the state). */
    private static final double[] FULL_COLUMN_WIDTHS = {74, 100, 62, 62, 72};
    private static final double[] COMPACT_COLUMN_WIDTHS = {50, 68, 0, 0, 46};
    private static final String[] FULL_HEADINGS = {"instance", "state", "speed", "weight", "in flight",
            "share of traffic  ( | = fair share)", "queue / capacity"};
    private static final String[] COMPACT_HEADINGS = {"instance", "state", null, null, "in flight", "share", "queue"};
    /** Room after a bar for its number: "12.5%", "200 / 200". */
    private static final double TEXT_WIDTH = 50;
    private static final double SMALL_TEXT_WIDTH = 36;
    private static final double QUEUE_TEXT_WIDTH = 72;

    private final double[] columnX = new double[7];
    private final double[] columnWidth = new double[7];
    private boolean compact;

    /** Column positions inside a row of {@code width}: fixed columns, then the two bars share the rest. */
    void layOut(double width, boolean compactRows) {
        compact = compactRows;
        double[] fixed = compact ? COMPACT_COLUMN_WIDTHS : FULL_COLUMN_WIDTHS;
        double rowPadding = compact ? 8 : ROW_PADDING;
        double columnGap = compact ? 10 : COLUMN_GAP;
        // Too narrow for bars of MIN_BAR_COLUMN: the state goes first (slow and excluded rows stay marked), then in flight.
        boolean dropState = (width - sum(fixed) - 2 * rowPadding - columnGap) / 2 < MIN_BAR_COLUMN;
        boolean dropInFlight = dropState && (width - sum(fixed) + fixed[COL_STATE] - 2 * rowPadding - columnGap) / 2 < MIN_BAR_COLUMN;
        double x = rowPadding;
        for (int c = 0; c < COL_SHARE; c++) {
            boolean dropped = (c == COL_STATE && dropState) || (c == COL_IN_FLIGHT && dropInFlight);
            columnX[c] = x;
            columnWidth[c] = dropped ? 0 : fixed[c];
            x += columnWidth[c];
        }
        double bar = Math.max(MIN_BAR_COLUMN / 2, Math.min(MAX_BAR_COLUMN, (width - x - rowPadding - columnGap) / 2));
        columnX[COL_SHARE] = x;
        columnWidth[COL_SHARE] = bar;
        columnX[COL_QUEUE] = x + bar + columnGap;
        columnWidth[COL_QUEUE] = bar;
    }

    private static double sum(double[] widths) {
        double total = 0;
        for (double w : widths) {
            total += w;
        }
        return total;
    }

    /** The headings of the columns shown, centred on {@code y}, rows starting at {@code x}. */
    void drawHeadings(GraphicsContext g, BalancerCanvas look, double x, double y) {
        g.setFont(BoardFonts.SMALL.font());
        g.setFill(look.mutedTextFill());
        g.setTextAlign(TextAlignment.LEFT);
        String[] headings = compact ? COMPACT_HEADINGS : FULL_HEADINGS;
        for (int c = 0; c < headings.length; c++) {
            if (headings[c] != null && columnWidth[c] > 0) {
                g.fillText(headings[c], x + columnX[c], y);
            }
        }
    }

    /**
     * One instance as a row. An excluded or not-ready instance is faded with a dashed red border; a
     * slow one has an amber edge.
     */
    void drawRow(GraphicsContext g, BalancerCanvas look, TrafficShares shares, InstanceView in, Color colour,
                 String exclusion, boolean selected, double x, double y, double w, double h) {
        InstanceSlots.drawSlot(g, look, in, exclusion, selected, x, y, w, h);
        g.setGlobalAlpha(InstanceSlots.faded(in, exclusion) ? InstanceSlots.FADED : 1);
        if (in.speedFactor() < 1) {
            g.setFill(look.slowFill());
            g.fillRoundRect(x + 1.5, y + 3, 4, h - 6, 3, 3);
        }
        double cy = y + h / 2;
        double swatch = Math.min(11, h - 8);
        g.setFill(colour);
        g.fillRoundRect(x + columnX[COL_ID], cy - swatch / 2, swatch, swatch, 3, 3);
        Font font = compact ? BoardFonts.SMALL.font() : BoardFonts.LABEL.font();
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(compact ? BoardFonts.SMALL_ID.font() : BoardFonts.ID.font());
        g.setFill(look.textFill());
        g.fillText(in.id(), x + columnX[COL_ID] + swatch + 5, cy);

        g.setFont(font);
        if (columnWidth[COL_STATE] > 0) {
            drawState(g, look, in, exclusion, x + columnX[COL_STATE], cy);
        }
        if (columnWidth[COL_SPEED] > 0) {
            g.setFill(in.speedFactor() < 1 ? look.slowFill() : look.mutedTextFill());
            g.setFont(in.speedFactor() < 1 ? BoardFonts.ID.font() : font);
            g.fillText(percent(in.speedFactor()), x + columnX[COL_SPEED], cy);
            g.setFont(font);
        }
        if (columnWidth[COL_WEIGHT] > 0) {
            g.setFill(in.weight() != 1 ? look.textFill() : look.mutedTextFill());
            g.fillText(Parameter.format(in.weight()), x + columnX[COL_WEIGHT], cy);
        }
        if (columnWidth[COL_IN_FLIGHT] > 0) {
            g.setFill(look.textFill());
            g.fillText(Integer.toString(in.busy() + in.queued()), x + columnX[COL_IN_FLIGHT], cy);
        }

        double barHeight = Math.min(compact ? 7 : 9, h - 10);
        double textWidth = compact ? SMALL_TEXT_WIDTH : TEXT_WIDTH;
        double shareBar = columnWidth[COL_SHARE] - textWidth;
        drawShareBar(g, look, shares, in, x + columnX[COL_SHARE], cy - barHeight / 2, shareBar, barHeight);
        g.setFill(look.textFill());
        g.fillText(sharePercent(shares.share(in)), x + columnX[COL_SHARE] + shareBar + 6, cy);
        double queueTextWidth = compact ? SMALL_TEXT_WIDTH : QUEUE_TEXT_WIDTH;
        double queueBar = columnWidth[COL_QUEUE] - queueTextWidth;
        InstanceSlots.drawQueueBar(g, look, in, x + columnX[COL_QUEUE], cy - barHeight / 2, queueBar, barHeight);
        g.setFill(in.queueCapacity() > 0 && in.queued() >= in.queueCapacity() ? look.rejectFill() : look.textFill());
        g.fillText(compact ? Integer.toString(in.queued()) : in.queued() + " / " + in.queueCapacity(),
                x + columnX[COL_QUEUE] + queueBar + 6, cy);
        g.setGlobalAlpha(1);
    }

    /** The state column: what is wrong, or (compact rows have no speed and weight columns) a slow speed or a weight. */
    private void drawState(GraphicsContext g, BalancerCanvas look, InstanceView in, String exclusion, double x, double cy) {
        String remark = InstanceSlots.remark(in, exclusion);
        if (remark == null && compact && in.speedFactor() < 1) {
            remark = "speed " + percent(in.speedFactor());
            g.setFill(look.slowFill());
        } else if (remark == null && compact && in.weight() != 1) {
            remark = "weight " + Parameter.format(in.weight());
            g.setFill(look.textFill());
        } else {
            g.setFill(remark == null ? look.mutedTextFill() : InstanceSlots.remarkFill(look, in, exclusion));
        }
        g.fillText(remark == null ? "ready" : remark, x, cy);
    }

    /** The share of traffic so far; the tick marks the fair share among the ready instances. */
    private static void drawShareBar(GraphicsContext g, BalancerCanvas look, TrafficShares shares, InstanceView in,
                                     double x, double y, double w, double h) {
        g.setFill(look.queueTrack());
        g.fillRect(x, y, w, h);
        double fraction = shares.barFraction(in);
        if (fraction > 0) {
            g.setFill(look.shareFill());
            g.fillRect(x, y, Math.max(1.5, w * fraction), h);
        }
        double fair = shares.fairShareFraction();
        if (!Double.isNaN(fair)) {
            double tick = x + w * fair;
            g.setFill(look.textFill());
            g.fillRect(tick - 0.75, y - 3, 1.5, h + 6);
        }
    }
}
