package dev.scalelab.ui.resilience;

import dev.scalelab.ui.canvas.CanvasShapes;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import static dev.scalelab.ui.resilience.MeshTexts.BIG_FONT;
import static dev.scalelab.ui.resilience.MeshTexts.BOLD_FONT;
import static dev.scalelab.ui.resilience.MeshTexts.SMALL_FONT;

/** Draws a dependency's card in the {@link MeshView}: its load, amplification, fault, queue and workers. FX thread only. */
final class DependencyCard {
    private final MeshColors colors;
    private final MeshTexts texts;
    private final MeshLayout layout;

    DependencyCard(MeshColors colors, MeshTexts texts, MeshLayout layout) {
        this.colors = colors;
        this.texts = texts;
        this.layout = layout;
    }

    /**
     * The dependency: what it is offered and the amplification at the top; its fault as a red badge
     * at the bottom; its queue above that; its workers in between while there is room for them.
     */
    void draw(GraphicsContext g, int i, Snapshot.DependencyView v, Scenario.Dependency d) {
        boolean compact = layout.cardHeight < MeshLayout.LOW_CARD;
        double x = layout.dependencyX;
        double y = layout.cardTop(i);
        double w = layout.dependencyWidth;
        double h = layout.cardHeight;
        boolean faulty = !texts.faults[i].isEmpty();
        CanvasShapes.card(g, x, y, w, h, colors.cardFill.getValue(), faulty ? colors.failFill.getValue() : colors.cardBorder.getValue(),
                faulty ? 2 : 1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(colors.textFill.getValue());
        g.setFont(BOLD_FONT.font());
        g.fillText(texts.headers[i], x + 10, y + 15);
        g.setFont(BIG_FONT.font());
        g.setFill(texts.amplified[i] ? colors.failFill.getValue() : colors.textFill.getValue());
        g.fillText(texts.amplifications[i], x + 10, y + 38);
        g.setFont(SMALL_FONT.font());
        g.setFill(colors.mutedTextFill.getValue());
        g.fillText("attempts per request", x + 16 + texts.amplificationWidths[i], y + 40);
        g.setFill(colors.textFill.getValue());
        g.fillText(texts.loads[i], x + 10, y + 59);
        double bottom = y + h - 8;
        if (faulty) {
            // The fault badge: what is injected and until when.
            double badgeH = 18;
            bottom -= badgeH + 4;
            g.setFill(colors.faultFill.getValue());
            g.fillRoundRect(x + 8, bottom + 4, w - 16, badgeH, badgeH, badgeH);
            g.setFill(colors.failFill.getValue());
            g.setFont(SMALL_FONT.font());
            g.fillText(texts.faults[i], x + 16, bottom + 4 + badgeH / 2);
        }
        if (compact) {
            return;
        }
        double barY = bottom - 6;
        g.setFill(colors.idleFill.getValue());
        g.fillRect(x + 10, barY, w - 20, 6);
        double fraction = d.queueCapacity() > 0 ? Math.min(1, v.queueLength() / (double) d.queueCapacity()) : 0;
        if (fraction > 0) {
            g.setFill(fraction >= 1 ? colors.failFill.getValue() : colors.queueFill.getValue());
            g.fillRect(x + 10, barY, Math.max(2, (w - 20) * fraction), 6);
        }
        g.setFill(colors.mutedTextFill.getValue());
        double gridTop = y + 86;
        double gridBottom = barY - 20;
        if (gridBottom - gridTop >= 8) {
            g.fillText(texts.queues[i], x + 10, barY - 9);
            g.fillText(texts.workers[i], x + 10, y + 76);
            drawWorkers(g, v, x + 10, gridTop, w - 20, gridBottom - gridTop);
        } else {
            // No room for the cells: the texts.workers and the queue share the line above the bar.
            g.fillText(texts.workersAndQueues[i], x + 10, barY - 9);
        }
    }

    private void drawWorkers(GraphicsContext g, Snapshot.DependencyView v, double x, double y, double w, double h) {
        int servers = v.servers();
        if (h < 4 || w < 4 || servers <= 0) {
            return;
        }
        double gapPx = 2;
        double cell = 0;
        for (double c = 14; c >= 3; c -= 1) {
            int perRow = (int) ((w + gapPx) / (c + gapPx));
            int rows = (int) ((h + gapPx) / (c + gapPx));
            if ((long) perRow * rows >= servers) {
                cell = c;
                break;
            }
        }
        if (cell == 0) {
            g.setFill(colors.idleFill.getValue());
            g.fillRect(x, y, w, Math.min(h, 10));
            g.setFill(colors.busyFill.getValue());
            g.fillRect(x, y, w * Math.min(1, v.busyWorkers() / (double) servers), Math.min(h, 10));
            return;
        }
        int perRow = (int) ((w + gapPx) / (cell + gapPx));
        for (int k = 0; k < servers; k++) {
            g.setFill(k < v.busyWorkers() ? colors.busyFill.getValue() : colors.idleFill.getValue());
            g.fillRect(x + (k % perRow) * (cell + gapPx), y + (k / perRow) * (cell + gapPx), cell, cell);
        }
    }
}
