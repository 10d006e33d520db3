package dev.scalelab.ui.events;

import dev.scalelab.ui.Formats;
import dev.scalelab.ui.TextFit;
import dev.scalelab.ui.canvas.LegendRow;
import dev.scalelab.ui.canvas.TileCards;
import dev.scalelab.world.EventsView.GroupView;
import dev.scalelab.world.EventsView.PartitionView;
import dev.scalelab.world.EventsView.TopicView;
import dev.scalelab.ui.canvas.CanvasFont;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A topic's partitions as lanes, each a log drawn from its oldest shown record on the left to its log
 * end on the right ({@link LaneScale}): the newest records as blocks coloured by key, poison records
 * dark with a cross, the selected group's committed offset (a dark bar) and position (a thin line in
 * the owner's colour), and the lag, the records between the committed offset and the log end, on red
 * with its number. A stopped partition is hatched with its reason (rebalancing, retry n, no owner).
 * Each lane's label wears its owner's colour, fading to the new owner's after a rebalance
 * ({@link OwnerFades}). The group's consumers are drawn beside the lanes by {@link ConsumerColumn}, on
 * its own canvas, so that their pulse does not repaint the lanes. Lanes compress to a few pixels at 256
 * partitions, dropping labels, blocks and hatching as room runs out.
 *
 * <p>FX thread only.
 */
final class PartitionLanes extends EventsCanvas {
    static final double MARGIN = 10;
    static final double HEADER_HEIGHT = 22;
    static final double FOOTER_HEIGHT = 34;
    static final double MAX_LANE_HEIGHT = 40;
    private static final double LABEL_WIDTH = 40;
    /** Below this lane height there is no room for a label, blocks or hatching. */
    private static final double DETAILED_LANE = 11;
    static final double BLOCK_LANE = 6;
    private static final double HATCH_STEP = 7;
    private static final double CHAR_WIDTH = 5.8; // of the label font, for fitting short numbers
    static final long DATA_REDRAW_NANOS = 66_000_000L;
    private static final double POISON_WIDTH = 22;

    private static final LegendRow LEGEND = new LegendRow(SMALL_FONT,
            new String[] {"record (colour: key)", "unkeyed", "poison", "committed", "position", "lag", "stopped"},
            new double[] {14, 14, 14, 10, 10, 14, 14}, 12);

    private final Canvas lanesLayer;
    private final LaneScale scale = new LaneScale();
    private final OwnerFades owners = new OwnerFades();
    private final LegendRow.Swatches legendSwatches = this::drawLegendSwatch;
    private final ToDoubleFunction<String> titleWidth = TextFit.measure(TITLE_FONT.font());
    private final ToDoubleFunction<String> labelWidth = TextFit.measure(LABEL_FONT.font());

    private TopicView topic;
    private GroupView group;
    private double lanesLeft;
    private double lanesRight;
    private double lanesTop;
    private double laneHeight;
    private double laneGap;

    PartitionLanes() {
        this(new Canvas());
    }

    private PartitionLanes(Canvas lanesLayer) {
        super("partition-lanes", lanesLayer);
        this.lanesLayer = lanesLayer;
    }

    /** Takes in the topic to draw and the group whose offsets and consumers to draw over it (null: none reads it). */
    void show(TopicView newTopic, GroupView newGroup, long nowNanos) {
        boolean otherGroup = group == null || newGroup == null || !group.name().equals(newGroup.name())
                || topic == null || !topic.name().equals(newTopic.name());
        topic = newTopic;
        group = newGroup;
        int partitions = newTopic.partitions().size();
        if (otherGroup) {
            owners.clear();
        }
        owners.update(newGroup == null ? List.of() : newGroup.consumers(), partitions, nowNanos);
        invalidate();
    }

    /**
     * Redraws what changed; call once per pulse; true when it drew. New data redraws the lanes at most
     * every {@link #DATA_REDRAW_NANOS} (a lane moves a few pixels a second; the software renderer pays
     * for every full redraw), a fade every pulse.
     */
    boolean draw(long nowNanos) {
        if (topic == null) {
            return false;
        }
        boolean fading = owners.fading(nowNanos);
        boolean lanes = redrawDue(nowNanos, false, fading, fading ? 0 : DATA_REDRAW_NANOS);
        if (lanes) {
            // Laid out in 100 % units over the canvas divided by the font scale, drawn magnified by it.
            drawnScale = CanvasFont.paintMagnified(lanesLayer, (g, w, h) -> paintLanes(g, w, h, nowNanos));
        }
        return lanes;
    }

    // ------------------------------------------------------------------ layout

    private void layout(double width, double height) {
        int partitions = topic.partitions().size();
        lanesTop = MARGIN + HEADER_HEIGHT;
        double lanesBottom = height - MARGIN - FOOTER_HEIGHT;
        double perLane = Math.max(0.5, (lanesBottom - lanesTop) / Math.max(1, partitions));
        laneGap = perLane >= 14 ? Math.min(6, perLane * 0.2) : perLane >= 4 ? 1 : 0;
        laneHeight = Math.min(MAX_LANE_HEIGHT, perLane - laneGap);
        lanesLeft = MARGIN + (laneHeight >= DETAILED_LANE ? LABEL_WIDTH : 12);
        lanesRight = width - MARGIN;
        scale.fit(lanesLeft, lanesRight, reach());
    }

    /** How far behind its log end the group's slowest partition has something to show: its committed offset or a poison record. */
    private long reach() {
        long behind = 0;
        List<PartitionView> partitions = topic.partitions();
        for (int p = 0; p < partitions.size(); p++) {
            PartitionView part = partitions.get(p);
            if (group != null && p < group.committedOffsets().length) {
                behind = Math.max(behind, part.logEndOffset() - Math.min(group.committedOffsets()[p], group.positions()[p]));
            }
            for (long poison : part.poisonOffsets()) {
                behind = Math.max(behind, part.logEndOffset() - poison);
            }
        }
        return behind;
    }

    double laneY(int partition) {
        return lanesTop + partition * (laneHeight + laneGap);
    }

    /**
     * Partition {@code partition}'s lane as last laid out, in this view's coordinates, or null when the
     * topic has no such partition or nothing is drawn yet; a lesson outlines it.
     */
    javafx.geometry.Bounds laneBounds(int partition) {
        if (topic == null || partition < 0 || partition >= topic.partitions().size() || laneHeight <= 0
                || lanesRight <= lanesLeft) {
            return null;
        }
        double s = drawnScale;
        return new javafx.geometry.BoundingBox(s * lanesLeft, s * laneY(partition), s * (lanesRight - lanesLeft), s * laneHeight);
    }

    /** The font scale of the last drawing: the lanes are laid out in 100 % units and drawn magnified by it. */
    private double drawnScale = 1;

    // ------------------------------------------------------------------ lanes

    private void paintLanes(GraphicsContext g, double width, double height, long nowNanos) {
        g.clearRect(0, 0, width, height);
        if (width < 200 || height < HEADER_HEIGHT + FOOTER_HEIGHT + 2 * MARGIN + 4) {
            return; // too small to read; the region is being collapsed
        }
        layout(width, height);
        g.setTextBaseline(VPos.CENTER);
        drawHeader(g);
        List<PartitionView> partitions = topic.partitions();
        for (int p = 0; p < partitions.size(); p++) {
            drawLane(g, partitions.get(p), p, laneY(p), nowNanos);
        }
        double footerY = height - MARGIN - FOOTER_HEIGHT / 2;
        LEGEND.draw(g, MARGIN, footerY, lanesRight, tileColors.mutedTextFill.getValue(), legendSwatches);
    }

    private void drawHeader(GraphicsContext g) {
        double y = MARGIN + HEADER_HEIGHT / 2 - 2;
        int partitions = topic.partitions().size();
        double perSecond = EventsViewModel.last(topic.publishedPerSecond());
        String name = topic.name() + "  ·  " + partitions + (partitions == 1 ? " partition" : " partitions");
        String published = Formats.compact(topic.published()) + " published";
        String title = TextFit.fit(titleWidth, lanesRight - MARGIN - 110,
                name + "  ·  " + published + (Double.isNaN(perSecond) ? "" : ", " + Formats.count(perSecond) + " /s"),
                name + "  ·  " + published, name);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(TITLE_FONT.font());
        g.setFill(tileColors.textFill.getValue());
        g.fillText(title, MARGIN, y);
        // The group's state on the right, in what room the title leaves.
        double room = lanesRight - MARGIN - titleWidth.applyAsDouble(title) - 16;
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(LABEL_FONT.font());
        String lag = group == null ? "" : "lag " + Formats.count(group.totalLag());
        String state = group == null ? TextFit.fit(labelWidth, room, "no consumer group reads this topic", "no group", "")
                : TextFit.fit(labelWidth, room, (group.rebalancing() ? "rebalancing  ·  " : topic.full() ? "full  ·  " : "") + lag,
                        lag, "");
        g.setFill(group != null && (group.rebalancing() || topic.full()) ? dangerFill.getValue() : tileColors.mutedTextFill.getValue());
        g.fillText(state, lanesRight, y);
    }

    private void drawLane(GraphicsContext g, PartitionView part, int p, double y, long nowNanos) {
        double h = laneHeight;
        long end = part.logEndOffset();
        boolean detailed = h >= DETAILED_LANE;
        // The label, in the owner's colour.
        Color band = owners.color(p, nowNanos, trackFill.getValue());
        g.setFill(band);
        double labelLeft = MARGIN;
        double labelWidth = lanesLeft - MARGIN - 3;
        g.fillRect(labelLeft, y, labelWidth, h);
        if (detailed) {
            g.setFont(SMALL_BOLD_FONT.font());
            g.setTextAlign(TextAlignment.CENTER);
            g.setFill(owners.owner(p) < 0 ? tileColors.mutedTextFill.getValue() : Color.WHITE);
            g.fillText("P" + part.partition(), labelLeft + labelWidth / 2, y + h / 2);
        }
        // The log: what retention keeps, from its first offset within reach to the log end.
        double start = scale.x(part.logStartOffset(), end);
        g.setFill(trackFill.getValue());
        g.fillRect(start, y, lanesRight - start, h);
        long committed = group == null || p >= group.committedOffsets().length ? end : group.committedOffsets()[p];
        long position = group == null || p >= group.positions().length ? end : group.positions()[p];
        double committedX = scale.x(committed, end);
        if (committed < end) {
            // A thin lane has no blocks or underline: its whole gap is drawn in a stronger red instead.
            g.setFill(h >= BLOCK_LANE ? lagFill.getValue() : dangerFill.getValue());
            g.setGlobalAlpha(h >= BLOCK_LANE ? 1 : 0.4);
            g.fillRect(committedX, y, lanesRight - committedX, h);
            g.setGlobalAlpha(1);
        }
        if (h >= BLOCK_LANE && scale.blockWidth() >= 2) {
            drawBlocks(g, part, y, h);
        }

        if (committed < end && h >= BLOCK_LANE) {
            double underline = Math.min(3, h / 4);
            g.setFill(dangerFill.getValue());
            g.fillRect(committedX, y + h - underline, lanesRight - committedX, underline);
        }
        if (group != null && p < group.stopped().length && group.stopped()[p]) {
            drawStopped(g, p, y, h, detailed);
        }
        if (group != null) {
            Color ownerColor = EventPalettes.consumerColor(owners.owner(p));
            // On thin lanes the markers keep to their lane: stacked, taller ones would merge into one wall.
            double overhang = h >= BLOCK_LANE ? 2 : 0;
            g.setFill(ownerColor == null ? tileColors.mutedTextFill.getValue() : ownerColor);
            g.fillRect(scale.x(position, end) - 0.5, y - overhang / 2, 1.5, h + overhang);
            g.setFill(committedStroke.getValue());
            double barWidth = h >= BLOCK_LANE ? 3 : 1.5;
            g.fillRect(committedX - barWidth / 2, y - overhang, barWidth, h + 2 * overhang);
        }
        // Poison records go over the markers: the one a stalled partition waits on sits right at its committed offset.
        double poisonRight = drawPoison(g, part, y, h, committedX);
        if (group != null && detailed && committed < end) {
            drawLagNumber(g, end - committed, committedX, Math.max(committedX, poisonRight), y + h / 2);
        }
        if (scale.compressed() && detailed) {
            // Where the scale changes: the older records left of it are drawn smaller.
            g.setStroke(tileColors.cardFill.getValue());
            g.setLineWidth(2);
            double bx = scale.tailLeft();
            g.strokeLine(bx - 2, y + h + 1, bx + 2, y - 1);
        }
    }

    private void drawBlocks(GraphicsContext g, PartitionView part, double y, double h) {
        long[] keys = part.tailKeys();
        long end = part.logEndOffset();
        double w = scale.blockWidth();
        double inset = Math.max(1, Math.min(4, h / 5));
        double blockWidth = w >= 4 ? w - 1 : w;
        for (int i = 0; i < keys.length; i++) {
            long offset = end - keys.length + i;
            if (offset < part.logStartOffset()) {
                continue;
            }
            g.setFill(EventPalettes.keyColor(keys[i]));
            g.fillRect(scale.x(offset, end), y + inset, blockWidth, h - 2 * inset);
        }
    }

    /**
     * Poison records: dark blocks with a light cross, as wide as most of the lane is high wherever they
     * sit. Returns the right edge of one at the committed offset (where the lag's number must not go), or
     * {@code committedX} when there is none.
     */
    private double drawPoison(GraphicsContext g, PartitionView part, double y, double h, double committedX) {
        long end = part.logEndOffset();
        double rightOfCommitted = committedX;
        double w = Math.max(8, Math.min(POISON_WIDTH, h * 0.8));
        for (long offset : part.poisonOffsets()) {
            double x = Math.min(scale.x(offset, end), lanesRight - w);
            g.setFill(poisonFill.getValue());
            g.fillRect(x, y, w, h);
            if (h >= 5) {
                g.setStroke(tileColors.cardFill.getValue());
                g.setLineWidth(1.6);
                double pad = Math.min(3, w / 4);
                g.strokeLine(x + pad, y + pad, x + w - pad, y + h - pad);
                g.strokeLine(x + pad, y + h - pad, x + w - pad, y + pad);
            }
            if (x <= committedX + w && x + w > committedX) {
                rightOfCommitted = Math.max(rightOfCommitted, x + w);
            }
        }
        return rightOfCommitted;
    }

    /** Hatching over the lane, and why it stopped. Thin lanes get a veil instead: hundreds of hatch strokes would cost a frame. */
    private void drawStopped(GraphicsContext g, int p, double y, double h, boolean detailed) {
        if (h < BLOCK_LANE) {
            g.setGlobalAlpha(0.45);
            g.setFill(hatchStroke.getValue());
            g.fillRect(lanesLeft, y, lanesRight - lanesLeft, h);
            g.setGlobalAlpha(1);
            return;
        }
        g.setStroke(hatchStroke.getValue());
        g.setLineWidth(1);
        for (double x = lanesLeft; x + h <= lanesRight; x += HATCH_STEP) {
            g.strokeLine(x, y + h, x + h, y);
        }
        if (detailed) {
            String reason = stopReason(p);
            // At the log end, over the newest records, so the lag's number stays readable by the committed
            // offset; at the lane's start when the committed offset is itself near the log end.
            double w = reason.length() * CHAR_WIDTH + 10;
            double pillHeight = Math.min(h - 2, 15);
            double committedX = scale.x(group.committedOffsets()[p], topic.partitions().get(p).logEndOffset());
            double x = committedX > lanesRight - w - 70 ? lanesLeft + 4 : lanesRight - w - 4;
            TileCards.draw(g, x, y + (h - pillHeight) / 2, w, pillHeight, 6, tileColors.cardFill.getValue(),
                    hatchStroke.getValue(), 1, null);
            g.setFont(SMALL_BOLD_FONT.font());
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(tileColors.textFill.getValue());
            g.fillText(reason, x + 5, y + h / 2);
        }
    }

    /** Why a partition processes nothing: the group's rebalance, an in-order retry's back-off, or no owner. */
    String stopReason(int p) {
        if (group.rebalancing()) {
            return "rebalancing";
        }
        int attempts = p < group.retryAttempts().length ? group.retryAttempts()[p] : 0;
        if (attempts > 0) {
            return "retry " + attempts;
        }
        return owners.owner(p) < 0 ? "no owner" : "stopped";
    }

    /** The lag's number, left of the committed bar where there is room, else inside the red gap after {@code freeX}. */
    private void drawLagNumber(GraphicsContext g, long lag, double committedX, double freeX, double y) {
        String text = "lag " + Formats.compact(lag);
        double w = text.length() * CHAR_WIDTH;
        g.setFont(SMALL_BOLD_FONT.font());
        if (committedX - w - 6 >= lanesLeft + 4) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(dangerFill.getValue());
            g.fillText(text, committedX - 5, y);
        } else if (lanesRight - freeX > w + 10) {
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(tileColors.cardFill.getValue());
            g.setGlobalAlpha(0.85);
            g.fillRect(freeX + 4, y - 6, w + 4, 12);
            g.setGlobalAlpha(1);
            g.setFill(dangerFill.getValue());
            g.fillText(text, freeX + 6, y);
        }
    }

    private void drawLegendSwatch(GraphicsContext g, int entry, double x, double y) {
        switch (entry) {
            case 0 -> {
                g.setFill(EventPalettes.KEY_COLORS[0]);
                g.fillRect(x, y - 5, 4, 10);
                g.setFill(EventPalettes.KEY_COLORS[1]);
                g.fillRect(x + 5, y - 5, 4, 10);
            }
            case 1 -> {
                g.setFill(EventPalettes.UNKEYED);
                g.fillRect(x, y - 5, 9, 10);
            }
            case 2 -> {
                g.setFill(poisonFill.getValue());
                g.fillRect(x, y - 5, 9, 10);
            }
            case 3 -> {
                g.setFill(committedStroke.getValue());
                g.fillRect(x + 2, y - 6, 3, 12);
            }
            case 4 -> {
                g.setFill(tileColors.mutedTextFill.getValue());
                g.fillRect(x + 3, y - 6, 1.5, 12);
            }
            case 5 -> {
                g.setFill(lagFill.getValue());
                g.fillRect(x, y - 5, 10, 10);
                g.setFill(dangerFill.getValue());
                g.fillRect(x, y + 3, 10, 2);
            }
            default -> {
                g.setStroke(hatchStroke.getValue());
                g.setLineWidth(1);
                g.strokeLine(x, y + 5, x + 6, y - 5);
                g.strokeLine(x + 4, y + 5, x + 10, y - 5);
            }
        }
    }

    // ------------------------------------------------------------------ for tests

    LaneScale scale() {
        return scale;
    }

    double laneHeight() {
        return laneHeight;
    }

    OwnerFades owners() {
        return owners;
    }
}
