package dev.scalelab.ui.balancing;

import dev.scalelab.ui.canvas.TileCards;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Snapshot.InstanceView;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import java.util.Locale;

/**
 * What a row and a tile of the balancer's board have in common: the card behind them, the queue bar,
 * the few words on what is wrong with an instance, and the ring of the decision the inspector shows.
 * FX thread only; allocates nothing.
 */
final class InstanceSlots {
    /** An excluded or not yet ready instance is drawn this faint. */
    static final double FADED = 0.45;
    static final double[] DASHES = {5, 4};
    /** {@link #drawPickMark}'s marks: sampled by the shown decision, or picked by it. */
    static final byte SAMPLED = 1;
    static final byte PICKED = 2;

    private InstanceSlots() {
    }

    /** Excluded by the balancer (ejected, unhealthy) or not ready: drawn faint. */
    static boolean faded(InstanceView in, String exclusion) {
        return exclusion != null || in.state() != Snapshot.InstanceState.READY;
    }

    /** The card behind a row or tile: selected ones tinted, excluded and failed ones with a dashed red border. */
    static void drawSlot(GraphicsContext g, BalancerCanvas look, InstanceView in, String exclusion, boolean selected,
                         double x, double y, double w, double h) {
        g.setGlobalAlpha(faded(in, exclusion) ? FADED : 1);
        Color fill = selected ? look.selectedFill() : look.cardFill();
        if (exclusion != null || in.state() == Snapshot.InstanceState.FAILED) {
            TileCards.draw(g, x, y, w, h, 7, fill, look.rejectFill(), 2, DASHES);
        } else {
            TileCards.draw(g, x, y, w, h, 7, fill, selected ? look.selectedStroke() : look.cardBorder(), selected ? 2 : 1, null);
        }
        g.setGlobalAlpha(1);
    }

    /** The queue against its capacity; red when full. */
    static void drawQueueBar(GraphicsContext g, BalancerCanvas look, InstanceView in, double x, double y, double w, double h) {
        g.setFill(look.queueTrack());
        g.fillRect(x, y, w, h);
        double fraction = in.queueCapacity() > 0 ? Math.min(1, in.queued() / (double) in.queueCapacity()) : 0;
        if (fraction > 0) {
            boolean full = in.queued() >= in.queueCapacity();
            g.setFill(full ? look.rejectFill() : look.queueFill());
            g.fillRect(x, y, Math.max(2, w * fraction), h);
        }
    }

    /** The instances of the decision the inspector shows: dashed if sampled, solid if picked. */
    static void drawPickMark(GraphicsContext g, BalancerCanvas look, byte mark, double x, double y, double w, double h) {
        if (mark == 0) {
            return;
        }
        g.setStroke(look.pickStroke());
        g.setLineWidth(mark == PICKED ? 2.5 : 1.5);
        if (mark == SAMPLED) {
            g.setLineDashes(DASHES);
        }
        g.strokeRoundRect(x - 2.5, y - 2.5, w + 5, h + 5, 9, 9);
        g.setLineDashes((double[]) null);
    }

    /** What is wrong with an instance, most serious first, or null for a healthy one at full speed. */
    static String remark(InstanceView in, String exclusion) {
        switch (in.state()) {
            case PROVISIONING: return "pending";
            case BOOTING: return "booting";
            case DRAINING: return "draining";
            case FAILED: return "failed";
            default:
                if (exclusion != null) {
                    return exclusion;
                }
                if (in.errorRate() > 0) {
                    return "errors " + percent(in.errorRate());
                }
                return in.warmingUp() ? "warming up" : null;
        }
    }

    /** The colour of {@link #remark}: red for what loses requests, muted for what passes. */
    static Color remarkFill(BalancerCanvas look, InstanceView in, String exclusion) {
        switch (in.state()) {
            case PROVISIONING:
            case BOOTING:
            case DRAINING:
                return look.mutedTextFill();
            case FAILED:
                return look.rejectFill();
            default:
                return exclusion != null || in.errorRate() > 0 ? look.rejectFill() : look.mutedTextFill();
        }
    }

    /** A speed or an error rate: 20%, 100%. */
    static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    /** A share of traffic with one decimal, enough to tell 12.5% (an eighth) from 3.1%. */
    static String sharePercent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
