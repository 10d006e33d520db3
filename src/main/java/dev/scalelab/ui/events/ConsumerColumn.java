package dev.scalelab.ui.events;

import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.ui.Formats;
import dev.scalelab.ui.TextFit;
import dev.scalelab.ui.canvas.TileCards;
import dev.scalelab.world.EventsView.ConsumerView;
import dev.scalelab.world.EventsView.GroupView;
import dev.scalelab.ui.canvas.CanvasFont;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import static dev.scalelab.ui.events.PartitionLanes.FOOTER_HEIGHT;
import static dev.scalelab.ui.events.PartitionLanes.HEADER_HEIGHT;
import static dev.scalelab.ui.events.PartitionLanes.MARGIN;

/**
 * The drawn group's consumers, beside the lanes on a canvas of their own: their tiles
 * ({@link ConsumerTiles}) linked to the lanes of their partitions while the lanes are few (beyond,
 * the lanes' label colours say the owner), and under them, at the end of the lanes, the dead-letter
 * topic as a box (beside it the retry topic, or the skipped records when failures are only logged).
 * A tile pulses while its consumer processes, so this small canvas redraws a few times a second, and
 * the lanes only when their data does.
 *
 * <p>FX thread only.
 */
final class ConsumerColumn extends EventsCanvas {
    /** The room between the lanes and the tiles, where the links run. */
    static final double LINK_GAP = 30;
    static final long PULSE_REDRAW_NANOS = 80_000_000L;
    /** Links from consumers to their lanes while there are this few partitions; beyond, only colours. */
    private static final int MAX_LINKED_PARTITIONS = 32;

    private final Canvas canvas;
    private final PartitionLanes lanes;
    private final ConsumerTiles tiles = new ConsumerTiles(true);
    private final ToDoubleFunction<String> titleWidth = TextFit.measure(TITLE_FONT.font());
    /** The tile of each partition's owner in the group's consumer list, -1 for none; reused. */
    private int[] ownerTile = new int[0];
    private GroupView group;
    private int partitions;

    /** @param lanes the lanes beside, whose geometry the links follow */
    ConsumerColumn(PartitionLanes lanes) {
        this(new Canvas(), lanes);
    }

    private ConsumerColumn(Canvas canvas, PartitionLanes lanes) {
        super("consumer-column", canvas);
        this.canvas = canvas;
        this.lanes = lanes;
    }

    /** Takes in the group (null: none reads the topic) of a topic with {@code partitionCount} partitions. */
    void show(GroupView newGroup, int partitionCount) {
        group = newGroup;
        partitions = partitionCount;
        if (ownerTile.length < partitionCount) {
            ownerTile = new int[Math.max(partitionCount, 2 * ownerTile.length)];
        }
        Arrays.fill(ownerTile, 0, partitionCount, -1);
        List<ConsumerView> consumers = newGroup == null ? List.of() : newGroup.consumers();
        for (int i = 0; i < consumers.size(); i++) {
            for (int p : consumers.get(i).partitions()) {
                if (p >= 0 && p < partitionCount) {
                    ownerTile[p] = i;
                }
            }
        }
        invalidate();
    }

    /**
     * Redraws on new data or a new layout of the lanes ({@code lanesMoved}), and in steps of
     * {@link #PULSE_REDRAW_NANOS} while a tile pulses; call once per pulse.
     */
    void draw(long nowNanos, boolean lanesMoved) {
        boolean pulsing = group != null && ConsumerTiles.anyProcessing(group.consumers());
        if (redrawDue(nowNanos, lanesMoved, pulsing, PULSE_REDRAW_NANOS)) {
            // Laid out in 100 % units over the canvas divided by the font scale, drawn magnified by it.
            CanvasFont.paintMagnified(canvas, (g, w, h) -> paint(g, w, h, nowNanos));
        }
    }

    private void paint(GraphicsContext g, double width, double height, long nowNanos) {
        g.clearRect(0, 0, width, height);
        if (group == null || width < LINK_GAP + 60 || height < HEADER_HEIGHT + FOOTER_HEIGHT + 2 * MARGIN + 4) {
            return;
        }
        List<ConsumerView> consumers = group.consumers();
        double left = LINK_GAP;
        double right = width - MARGIN;
        double top = MARGIN + HEADER_HEIGHT;
        double bottom = height - MARGIN - FOOTER_HEIGHT;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(TITLE_FONT.font());
        g.setFill(tileColors.textFill.getValue());
        String counts = ready(consumers) + " / " + consumers.size() + " ready";
        g.fillText(TextFit.fit(titleWidth, right - left, "Consumers  " + counts, counts), left, MARGIN + HEADER_HEIGHT / 2 - 2);
        drawTopicBoxes(g, height - MARGIN - FOOTER_HEIGHT / 2, left, right);
        if (consumers.isEmpty()) {
            g.setFont(LABEL_FONT.font());
            g.setFill(tileColors.mutedTextFill.getValue());
            g.fillText("none: nothing is consumed", left, top + 14);
            return;
        }
        tiles.layout(consumers.size(), left, top, right - left, bottom - top);
        if (partitions <= MAX_LINKED_PARTITIONS && lanes.laneHeight() >= PartitionLanes.BLOCK_LANE) {
            g.setLineWidth(1.2);
            g.setGlobalAlpha(0.55);
            for (int p = 0; p < partitions; p++) {
                int tile = ownerTile[p];
                if (tile < 0 || tile >= consumers.size()) {
                    continue;
                }
                g.setStroke(EventPalettes.consumerColor(consumers.get(tile).colour()));
                g.strokeLine(0, lanes.laneY(p) + lanes.laneHeight() / 2, tiles.x(tile) - 2, tiles.y(tile) + tiles.height() / 2);
            }
            g.setGlobalAlpha(1);
        }
        tiles.draw(g, this, consumers, nowNanos);
    }

    /** The dead-letter topic, and beside it the retry topic or the skipped records, from {@code left} to {@code right}. */
    private void drawTopicBoxes(GraphicsContext g, double centerY, double left, double right) {
        boolean retryTopic = "retry-topic".equals(group.retryMode());
        boolean second = retryTopic || group.skipped() > 0;
        double h = FOOTER_HEIGHT - 10;
        double room = right - left;
        double w = second ? (room - 6) / 2 : Math.min(170, room);
        boolean dead = group.deadLettered() > 0;
        drawBox(g, right - w, centerY - h / 2, w, h, (second ? "dead " : "dead letters ") + Formats.compact(group.deadLettered()),
                dead ? poisonFill.getValue() : tileColors.cardFill.getValue(),
                dead ? tileColors.cardFill.getValue() : tileColors.mutedTextFill.getValue());
        if (second) {
            String text = retryTopic ? "retry " + Formats.compact(group.retryBacklog()) : "skipped " + Formats.compact(group.skipped());
            drawBox(g, right - 2 * w - 6, centerY - h / 2, w, h, text, tileColors.cardFill.getValue(), tileColors.textFill.getValue());
        }
    }

    private void drawBox(GraphicsContext g, double x, double y, double w, double h, String text, Color fill, Color textFill) {
        TileCards.draw(g, x, y, w, h, 6, fill, tileColors.cardBorder.getValue(), 1, null);
        g.setFont(LABEL_FONT.font());
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(textFill);
        g.fillText(text, x + w / 2, y + h / 2);
    }

    private static int ready(List<ConsumerView> consumers) {
        int ready = 0;
        for (ConsumerView c : consumers) {
            if (c.lifecycle() == Lifecycle.READY) {
                ready++;
            }
        }
        return ready;
    }
}
