package dev.scalelab.ui.caching;

import dev.scalelab.ui.TextFit;
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
    private static final String[] LEGEND = {"hit", "miss", "evicted", "expired", "invalidated", "key 0 (hottest)",
            "time saved = hits × (store latency − level latency), since the start"};
    private static final double[] LEGEND_WIDTHS = TextFit.widths(LEGEND, SMALL_FONT);
    /** Under a uniform distribution every key is as popular as the next: the colour then only tells keys apart. */
    private static final String[] RAMP_CAPTIONS = {"key popularity:", "key (all equally popular):"};
    private static final double[] RAMP_CAPTION_WIDTHS = TextFit.widths(RAMP_CAPTIONS, SMALL_FONT);
    private static final double RAMP_WIDTH = 110;

    private final CacheColors colors;
    private final KeyColors keyColors;
    private Color[] rampColorsShown = new Color[4];
    /** The legend's ramp strip, one colour per pixel column; rebuilt when the ramp or the key count changes. */
    private final Color[] legendRamp = new Color[(int) RAMP_WIDTH];
    private int legendKeyCount = -1;

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
        g.setFont(SMALL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(colors.mutedTextFill.getValue());
        int caption = snapshot.current().workload().keys().distribution() == Scenario.KeyDistribution.UNIFORM ? 1 : 0;
        g.fillText(RAMP_CAPTIONS[caption], x, y);
        x += RAMP_CAPTION_WIDTHS[caption] + 6;
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
        for (int i = 0; i < LEGEND.length && x + 24 + LEGEND_WIDTHS[i] <= maxX; i++) {
            switch (i) {
                case 0:
                case 1:
                    g.setFill(i == 0 ? colors.hitFill.getValue() : colors.missFill.getValue());
                    g.fillRect(x, y - 5, 10, 10);
                    break;
                case 5:
                    g.setFill(colors.keyHot.getValue());
                    g.fillRect(x, y - 5, 10, 10);
                    g.setStroke(colors.textFill.getValue());
                    g.setLineWidth(2);
                    g.strokeRect(x - 2, y - 7, 14, 14);
                    break;
                case 6:
                    x += 8; // a note, not a swatch
                    break;
                default:
                    g.setStroke(i == 2 ? colors.evictStroke.getValue() : i == 3 ? colors.expireStroke.getValue() : colors.invalidateStroke.getValue());
                    g.setLineWidth(2);
                    g.strokeRect(x + 1, y - 4, 8, 8);
            }
            x += i == 6 ? 0 : 16;
            g.setFill(colors.mutedTextFill.getValue());
            g.fillText(LEGEND[i], x, y);
            x += LEGEND_WIDTHS[i] + 16;
        }
    }
}
