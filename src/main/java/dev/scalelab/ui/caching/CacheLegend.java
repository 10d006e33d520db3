package dev.scalelab.ui.caching;

import dev.scalelab.ui.canvas.CanvasFont;

import dev.scalelab.ui.TextFit;
import java.util.function.Supplier;
import dev.scalelab.ui.canvas.LegendRow;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import static dev.scalelab.ui.caching.CacheLevelsView.SMALL_FONT;

/**
 * Draws the legend of the {@link CacheLevelsView}: the key-popularity ramp as a strip of its own
 * colours, the flashes' colours, the hottest key's ring and what "time saved" means. FX thread only.
 */
final class CacheLegend {
    /** Swatches 10 px with their gap; the last entry is a note, set a little apart, with none. */
    private static final LegendRow ENTRIES = new LegendRow(SMALL_FONT,
            new String[] {"hit", "miss", "evicted", "expired", "invalidated", "key 0 (hottest)",
            "time saved = hits × (store latency − level latency), since the start"},
            new double[] {16, 16, 16, 16, 16, 16, 8}, 16);
    /** Under a uniform distribution every key is as popular as the next: the colour then only tells keys apart. */
    private static final String[] RAMP_CAPTIONS = {"key popularity:", "key (all equally popular):"};
    private static final Supplier<double[]> RAMP_CAPTION_WIDTHS = CanvasFont.perScale(() -> TextFit.widths(RAMP_CAPTIONS, SMALL_FONT.font()));
    private static final double RAMP_WIDTH = 110;

    private final CacheColors colors;
    private final KeyColors keyColors;
    private Color[] rampColorsShown = new Color[4];
    /** The legend's ramp strip, one colour per pixel column; rebuilt when the ramp or the key count changes. */
    private final Color[] legendRamp = new Color[(int) RAMP_WIDTH];
    private int legendKeyCount = -1;
    /** Made once: the legend is drawn every frame. */
    private final LegendRow.Swatches swatches = this::drawSwatch;

    CacheLegend(CacheColors colors, KeyColors keyColors) {
        this.colors = colors;
        this.keyColors = keyColors;
    }

    /** Gives the key colours the theme's ramp and remakes the legend's strip when the ramp or the number of keys changed. */
    void refreshRamp(Snapshot snapshot) {
        Color hot = colors.keyHot.getValue();
        Color middle = colors.keyMiddle.getValue();
        Color cold = colors.keyCold.getValue();
        Color empty = colors.emptySlot.getValue();
        if (hot != rampColorsShown[0] || middle != rampColorsShown[1] || cold != rampColorsShown[2] || empty != rampColorsShown[3]) {
            keyColors.setColors(CacheColors.argb(hot), CacheColors.argb(middle), CacheColors.argb(cold), CacheColors.argb(empty));
            rampColorsShown = new Color[] {hot, middle, cold, empty};
            legendKeyCount = -1;
        }
        int keys = Math.max(1, snapshot.current().workload().keys().count());
        if (keys != legendKeyCount) {
            legendKeyCount = keys;
            for (int i = 0; i < legendRamp.length; i++) {
                int key = (int) Math.round(Math.expm1(i / (legendRamp.length - 1.0) * Math.log1p(keys - 1)));
                legendRamp[i] = CacheColors.color(keyColors.argb(key));
            }
        }
    }

    /** Draws the legend from {@code x} at height {@code y}, as many entries as fit before {@code maxX}. */
    void draw(GraphicsContext g, Snapshot snapshot, double x, double y, double maxX) {
        g.setFont(SMALL_FONT.font());
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(colors.mutedTextFill.getValue());
        int caption = snapshot.current().workload().keys().distribution() == Scenario.KeyDistribution.UNIFORM ? 1 : 0;
        g.fillText(RAMP_CAPTIONS[caption], x, y);
        x += RAMP_CAPTION_WIDTHS.get()[caption] + 6;
        // The ramp, hottest on the left, as a strip of its own colours.
        for (int i = 0; i < legendRamp.length; i++) {
            g.setFill(legendRamp[i]);
            g.fillRect(x + i, y - 5, 1, 10);
        }
        g.setFill(colors.mutedTextFill.getValue());
        g.fillText("0", x, y + 13);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(Integer.toString(legendKeyCount - 1), x + RAMP_WIDTH, y + 13);
        g.setTextAlign(TextAlignment.LEFT);
        x += RAMP_WIDTH + 22;
        ENTRIES.draw(g, x, y, maxX, colors.mutedTextFill.getValue(), swatches);
    }

    /** A square for the flashes that fill, an outline for the ones that stroke, the hottest key in its ring. */
    private void drawSwatch(GraphicsContext g, int entry, double x, double y) {
        switch (entry) {
            case 0, 1 -> {
                g.setFill(entry == 0 ? colors.hitFill.getValue() : colors.missFill.getValue());
                g.fillRect(x, y - 5, 10, 10);
            }
            case 5 -> {
                g.setFill(colors.keyHot.getValue());
                g.fillRect(x, y - 5, 10, 10);
                g.setStroke(colors.textFill.getValue());
                g.setLineWidth(2);
                g.strokeRect(x - 2, y - 7, 14, 14);
            }
            case 6 -> {
                // a note, not a swatch
            }
            default -> {
                g.setStroke(entry == 2 ? colors.evictStroke.getValue() : entry == 3 ? colors.expireStroke.getValue() : colors.invalidateStroke.getValue());
                g.setLineWidth(2);
                g.strokeRect(x + 1, y - 4, 8, 8);
            }
        }
    }
}
