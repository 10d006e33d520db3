package dev.scalelab.ui.canvas;

import dev.scalelab.ui.TextFit;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A canvas legend: one row of entries, each a swatch the view draws followed by its text, left to
 * right until the next entry would pass the right edge (a narrow view shows the first entries whole
 * rather than all of them cut). The texts are measured once per font scale, since the legend is
 * drawn every frame. FX thread only; drawing allocates nothing while the scale stays.
 */
public final class LegendRow {
    /** Draws entry {@code entry}'s swatch with its left edge at {@code x}, centred on {@code y}. */
    public interface Swatches {
        void draw(GraphicsContext g, int entry, double x, double y);
    }

    private final String[] texts;
    private double[] textWidths;
    private double measuredForScale = Double.NaN;
    private final double[] swatchWidths;
    private final CanvasFont font;
    private final double entryGap;

    /**
     * @param swatchWidths per entry, the room its swatch takes before the text (0: a text without a swatch)
     * @param entryGap     the space after one entry's text and before the next swatch
     */
    public LegendRow(CanvasFont font, String[] texts, double[] swatchWidths, double entryGap) {
        if (swatchWidths.length != texts.length) {
            throw new IllegalArgumentException(texts.length + " texts but " + swatchWidths.length + " swatch widths");
        }
        this.font = font;
        this.texts = texts.clone();
        this.swatchWidths = swatchWidths.clone();
        this.entryGap = entryGap;
    }

    /** Draws the entries that fit between {@code x} and {@code maxX}, centred on {@code y} (a centred text baseline). */
    public void draw(GraphicsContext g, double x, double y, double maxX, Paint textFill, Swatches swatches) {
        Font now = font.font();
        if (now.getSize() != measuredForScale) {
            textWidths = TextFit.widths(texts, now);
            measuredForScale = now.getSize();
        }
        g.setFont(now);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < texts.length && x + swatchWidths[i] + textWidths[i] <= maxX; i++) {
            if (swatchWidths[i] > 0) {
                swatches.draw(g, i, x, y);
            }
            x += swatchWidths[i];
            g.setFill(textFill);
            g.fillText(texts[i], x, y);
            x += textWidths[i] + entryGap;
        }
    }
}
