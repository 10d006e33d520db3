package dev.scalelab.ui.overview;

import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.ui.Formats;
import dev.scalelab.ui.canvas.CanvasShapes;
import dev.scalelab.world.EventsView;
import dev.scalelab.world.EventsView.ConsumerView;
import dev.scalelab.world.EventsView.GroupView;
import dev.scalelab.world.EventsView.QueueView;
import dev.scalelab.world.EventsView.TopicView;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import java.util.List;

import static dev.scalelab.ui.overview.PoolView.SMALL_FONT;
import static dev.scalelab.ui.overview.PoolView.TITLE_FONT;

/**
 * The Overview's asynchronous path, in a row under the instances: what the service publishes to, each
 * topic with the consumer groups that read it, then the work queues, each card with its live state
 * (published per second, consumers ready of all, lag), the lag in red while it grows. Drawn only for a
 * scenario with event streams, in the pool view's colours. FX thread only.
 */
final class AsyncPathCards {
    /** The row's height, and the room it leaves above it for the instances. */
    static final double HEIGHT = 74;
    static final double GAP = 14;
    private static final double CARD_WIDTH = 170;
    private static final double CARD_GAP = 34;

    private final PoolView pool;

    AsyncPathCards(PoolView pool) {
        this.pool = pool;
    }

    /**
     * Draws the row from {@code x} to {@code right}, its top at {@code top}, fed from the service whose
     * tiles end at {@code serviceBottom}, at {@code serviceX}.
     */
    void draw(GraphicsContext g, EventsView events, double serviceX, double serviceBottom, double x, double right, double top) {
        double middle = top + HEIGHT / 2;
        // From the instances down to the first card: the requests publish on their way out.
        double cardX = x;
        double entryX = cardX + CARD_WIDTH / 2;
        double busY = top - 10;
        g.setStroke(pool.linkStroke.getValue());
        g.setLineWidth(2);
        g.strokeLine(serviceX, serviceBottom + 2, serviceX, busY);
        g.strokeLine(serviceX, busY, entryX, busY);
        g.strokeLine(entryX, busY, entryX, top - 6);
        CanvasShapes.arrowHead(g, entryX, top - 1, 0, 1, 7, 4.5, pool.linkStroke.getValue());
        int drawn = 0;
        int total = events.topics().size() + events.groups().size() + events.queues().size();
        for (TopicView topic : events.topics()) {
            if (cardX + CARD_WIDTH > right) {
                break;
            }
            drawTopic(g, topic, cardX, top);
            drawn++;
            double topicX = cardX;
            cardX += CARD_WIDTH + CARD_GAP;
            boolean first = true;
            for (GroupView group : events.groups()) {
                if (!group.topic().equals(topic.name()) || cardX + CARD_WIDTH > right) {
                    continue;
                }
                if (first) {
                    pool.drawLink(g, topicX + CARD_WIDTH, cardX, middle);
                } else {
                    fanOut(g, topicX + CARD_WIDTH / 2, cardX + CARD_WIDTH / 2, top + HEIGHT);
                }
                first = false;
                drawGroup(g, group, cardX, top);
                drawn++;
                cardX += CARD_WIDTH + CARD_GAP;
            }
        }
        for (QueueView queue : events.queues()) {
            if (cardX + CARD_WIDTH > right) {
                break;
            }
            drawQueue(g, queue, cardX, top);
            drawn++;
            cardX += CARD_WIDTH + CARD_GAP;
        }
        if (drawn < total) {
            g.setFont(SMALL_FONT.font());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(pool.tileColors.mutedTextFill.getValue());
            g.fillText("+" + (total - drawn) + " more in the Events panel", right, top - 6);
        }
    }

    /** Another group of the same topic: fed from the topic under the row, not through the group beside it (fan-out). */
    private void fanOut(GraphicsContext g, double fromX, double toX, double bottom) {
        double busY = bottom + 7;
        g.setStroke(pool.linkStroke.getValue());
        g.setLineWidth(2);
        g.strokeLine(fromX, bottom + 1, fromX, busY);
        g.strokeLine(fromX, busY, toX, busY);
        g.strokeLine(toX, busY, toX, bottom + 6);
        CanvasShapes.arrowHead(g, toX, bottom + 1, 0, -1, 6, 4, pool.linkStroke.getValue());
    }

    private void drawTopic(GraphicsContext g, TopicView topic, double x, double y) {
        pool.drawCard(g, x, y, CARD_WIDTH, HEIGHT);
        pool.part(x, y, CARD_WIDTH, HEIGHT, "Events");
        title(g, "Topic " + topic.name(), x, y);
        double perSecond = last(topic.publishedPerSecond());
        line(g, topic.partitions().size() + " partitions · " + (Double.isNaN(perSecond) ? "–" : Formats.count(perSecond))
                + " /s", x, y + 38, false);
        line(g, topic.full() ? "full: publishes wait" : "backlog " + Formats.count(topic.backlog()), x, y + 56, topic.full());
    }

    private void drawGroup(GraphicsContext g, GroupView group, double x, double y) {
        pool.drawCard(g, x, y, CARD_WIDTH, HEIGHT);
        pool.part(x, y, CARD_WIDTH, HEIGHT, "Events");
        title(g, "Group " + group.name(), x, y);
        line(g, consumers(group.consumers()) + (group.rebalancing() ? " · rebalancing" : ""), x, y + 38, group.rebalancing());
        boolean growing = growing(group.totalLagSeries());
        line(g, "lag " + Formats.count(group.totalLag()) + (growing ? " ▲" : ""), x, y + 56, growing);
    }

    private void drawQueue(GraphicsContext g, QueueView queue, double x, double y) {
        pool.drawCard(g, x, y, CARD_WIDTH, HEIGHT);
        pool.part(x, y, CARD_WIDTH, HEIGHT, "Events");
        title(g, "Queue " + queue.name(), x, y);
        line(g, consumers(queue.consumers()), x, y + 38, false);
        boolean growing = growing(queue.visibleSeries());
        line(g, "waiting " + Formats.count(queue.visible()) + ", in flight " + Formats.count(queue.inFlight())
                + (growing ? " ▲" : ""), x, y + 56, growing);
    }

    private void title(GraphicsContext g, String text, double x, double y) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(TITLE_FONT.font());
        g.setFill(pool.tileColors.textFill.getValue());
        g.fillText(text, x + 10, y + 16);
    }

    private void line(GraphicsContext g, String text, double x, double y, boolean alarm) {
        g.setFont(SMALL_FONT.font());
        g.setFill(alarm ? pool.rejectFill.getValue() : pool.tileColors.mutedTextFill.getValue());
        g.fillText(text, x + 10, y);
    }

    /** "3 / 4 consumers ready". */
    private static String consumers(List<ConsumerView> all) {
        int ready = 0;
        for (ConsumerView c : all) {
            if (c.lifecycle() == Lifecycle.READY) {
                ready++;
            }
        }
        return ready + " / " + all.size() + " consumers ready";
    }

    /** True when the last whole second ended with more than the one before. */
    static boolean growing(double[] perSecond) {
        int n = perSecond == null ? 0 : perSecond.length;
        return n >= 2 && perSecond[n - 1] > perSecond[n - 2];
    }

    private static double last(double[] perSecond) {
        return perSecond == null || perSecond.length == 0 ? Double.NaN : perSecond[perSecond.length - 1];
    }
}
