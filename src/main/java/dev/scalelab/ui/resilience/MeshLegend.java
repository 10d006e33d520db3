package dev.scalelab.ui.resilience;

import dev.scalelab.ui.canvas.LegendRow;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import static dev.scalelab.ui.resilience.MeshTexts.SMALL_FONT;

/** Draws the legend of the {@link MeshView}: what a dot stands for, the dots' kinds and the window ring's colours. FX thread only. */
final class MeshLegend {
    private static final LegendRow ENTRIES = new LegendRow(SMALL_FONT,
            new String[] {"first attempt", "retry", "failed at the dependency", "rejected by the breaker",
            "window: success", "failure", "slow"},
            new double[] {14, 14, 14, 14, 14, 14, 14}, 14);

    private final MeshColors colors;
    private final MeshTexts texts;
    /** Made once: the legend is drawn every frame. */
    private final LegendRow.Swatches swatches = this::drawSwatch;

    MeshLegend(MeshColors colors, MeshTexts texts) {
        this.colors = colors;
        this.texts = texts;
    }

    /** The legend along the bottom, from the left at height {@code y}, as many entries as fit before {@code maxX}. */
    void draw(GraphicsContext g, double y, double maxX) {
        g.setFont(SMALL_FONT.font());
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(colors.mutedTextFill.getValue());
        g.fillText(texts.legendScale, MeshLayout.MARGIN, y);
        ENTRIES.draw(g, MeshLayout.MARGIN + texts.legendScaleWidth + 18, y, maxX, colors.mutedTextFill.getValue(), swatches);
    }

    /** A dot for the kinds of attempt, a ring for a rejection, a square for the window's colours. */
    private void drawSwatch(GraphicsContext g, int entry, double x, double y) {
        Color swatch = legendSwatch(entry);
        g.setFill(swatch);
        if (entry == 3) {
            g.setStroke(swatch);
            g.setLineWidth(1.8);
            g.strokeOval(x + 1, y - AttemptDotLayer.DOT_RADIUS, 2 * AttemptDotLayer.DOT_RADIUS, 2 * AttemptDotLayer.DOT_RADIUS);
        } else if (entry < 3) {
            g.fillOval(x, y - AttemptDotLayer.DOT_RADIUS - 1, 2 * AttemptDotLayer.DOT_RADIUS + 2, 2 * AttemptDotLayer.DOT_RADIUS + 2);
        } else {
            g.fillRect(x, y - 4, 10, 8);
        }
    }

    private Color legendSwatch(int entry) {
        switch (entry) {
            case 0: return colors.dotFill.getValue();
            case 1: return colors.retryFill.getValue();
            case 2:
            case 3: return colors.failFill.getValue();
            case 4: return colors.successFill.getValue();
            case 5: return colors.failFill.getValue();
            default: return colors.slowFill.getValue();
        }
    }
}
