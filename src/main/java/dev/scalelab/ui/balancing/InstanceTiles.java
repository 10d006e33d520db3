package dev.scalelab.ui.balancing;

import dev.scalelab.world.Snapshot.InstanceView;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import static dev.scalelab.ui.balancing.InstanceSlots.percent;
import static dev.scalelab.ui.balancing.InstanceSlots.sharePercent;

/**
 * Too many instances for readable rows: each a small tile with its swatch, id, what is wrong, and
 * its queue; larger tiles add requests in flight and the share of traffic. FX thread only.
 */
final class InstanceTiles {

    private InstanceTiles() {
    }

    static void drawTile(GraphicsContext g, BalancerCanvas look, TrafficShares shares, InstanceView in, Color colour,
                         String exclusion, boolean selected, double x, double y, double w, double h) {
        InstanceSlots.drawSlot(g, look, in, exclusion, selected, x, y, w, h);
        g.setGlobalAlpha(InstanceSlots.faded(in, exclusion) ? InstanceSlots.FADED : 1);
        if (in.speedFactor() < 1) {
            g.setFill(look.slowFill());
            g.fillRoundRect(x + 4, y + 1.5, w - 8, 3, 3, 3);
        }
        double p = h >= 40 ? 6 : 3;
        if (h >= 26) {
            double cy = y + p + 6;
            g.setFill(colour);
            g.fillRoundRect(x + p, cy - 4, 8, 8, 2, 2);
            g.setFont(BoardFonts.SMALL_ID.font());
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(look.textFill());
            g.fillText(in.id(), x + p + 11, cy);
            String remark = InstanceSlots.remark(in, exclusion);
            if (remark == null && in.speedFactor() < 1) {
                remark = percent(in.speedFactor());
            }
            if (remark != null && w >= 90) {
                g.setFont(BoardFonts.SMALL.font());
                g.setTextAlign(TextAlignment.RIGHT);
                g.setFill(remark.endsWith("%") && exclusion == null && in.errorRate() == 0
                        ? look.slowFill() : InstanceSlots.remarkFill(look, in, exclusion));
                g.fillText(remark, x + w - p, cy);
            }
        }
        if (h >= 40 && w >= 64) {
            g.setFont(BoardFonts.SMALL.font());
            g.setFill(look.mutedTextFill());
            if (w >= 110) {
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText("in flight " + (in.busy() + in.queued()), x + p, y + h / 2 + 3);
            }
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(sharePercent(shares.share(in)), x + w - p, y + h / 2 + 3);
        }
        InstanceSlots.drawQueueBar(g, look, in, x + p, y + h - p - 4, w - 2 * p, 4);
        g.setGlobalAlpha(1);
    }
}
