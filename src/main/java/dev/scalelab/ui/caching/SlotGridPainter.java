package dev.scalelab.ui.caching;

import dev.scalelab.ui.canvas.CanvasFont;

import dev.scalelab.world.Snapshot.CacheLevelView;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.Arrays;

import static dev.scalelab.ui.caching.CacheLevelsView.SMALL_FONT;

/**
 * Draws a cache level's slots in the {@link CacheLevelsView}: each cell in the colour of its key's
 * popularity, with its flash (a hit, a fill after a miss, a removal's fading outline), the key's
 * number in large cells, and a ring around the hottest key.
 *
 * <p>A level's grid, its cells and their flashes, is written pixel by pixel into one
 * {@link WritableImage} and drawn as one image: thousands of slots cost one draw, not thousands of
 * shapes (the software renderer pays for each shape). Under W-TinyLFU the grid is split into its
 * window, probation and protected regions. FX thread only.
 */
final class SlotGridPainter {
    private static final String[] REGION_NAMES = {"window", "probation", "protected", "free"};
    private static final int FREE_GROUP = 3;
    static final double GROUP_LABEL_HEIGHT = 14;
    /** Cells at least this large carry their key's number. */
    private static final int LABELLED_CELL = 20;
    /** Cells are tiny in a large level; the hot key's ring is at least this big so it can be seen. */
    private static final double MIN_RING_SIZE = 6;
    private static final CanvasFont CELL_FONT = CanvasFont.of("System", 9.5);

    private final CacheColors colors;
    private final KeyColors keyColors;
    private final int[] groupSizes = new int[SlotGrid.MAX_GROUPS];

    SlotGridPainter(CacheColors colors, KeyColors keyColors) {
        this.colors = colors;
        this.keyColors = keyColors;
    }

    /**
     * Places the slots: in slot order, or under W-TinyLFU grouped by region (window, probation,
     * protected, then free slots), each slot keeping its place within its region.
     */
    void layout(CacheLevel level, CacheLevelView view, double x, double y, double width, double height) {
        int[] slotKeys = view.slotKeys();
        int n = slotKeys.length;
        level.slotCount = n;
        if (level.displayIndex.length < n) {
            level.displayIndex = new int[n];
            level.groupOf = new byte[n];
        }
        int groups;
        if ("w-tinylfu".equals(view.policy())) {
            groups = 4;
            Arrays.fill(groupSizes, 0);
            byte[] segments = view.slotSegments();
            for (int slot = 0; slot < n; slot++) {
                int group = slotKeys[slot] < 0 ? FREE_GROUP : Math.min(2, Math.max(0, segments[slot]));
                level.groupOf[slot] = (byte) group;
                level.displayIndex[slot] = groupSizes[group]++;
            }
        } else {
            groups = 1;
            groupSizes[0] = n;
            for (int slot = 0; slot < n; slot++) {
                level.groupOf[slot] = 0;
                level.displayIndex[slot] = slot;
            }
        }
        level.grid.fit(groupSizes, groups, x, y, width, height, GROUP_LABEL_HEIGHT);
    }

    /**
     * Writes the grid into the level's image, every cell at full size with its flash blended in, and
     * draws it 1:1: a few thousand cells and their flashes cost one image, not thousands of shapes
     * (the software renderer pays for each shape). Gaps stay transparent over the card.
     */
    void paint(GraphicsContext g, CacheLevel level, CacheLevelView view, long nowNanos) {
        SlotGrid grid = level.grid;
        int pitch = grid.pitch();
        int cell = grid.cell();
        int width = grid.columns() * pitch;
        int height = Math.max(1, grid.totalRows()) * pitch;
        if (level.image == null || level.image.getWidth() != width || level.image.getHeight() < height) {
            // A little taller than needed: W-TinyLFU's regions change size by a row now and then.
            level.image = new WritableImage(width, height + 4 * pitch);
            level.pixels = new int[width * (int) level.image.getHeight()];
        }
        int[] pixels = level.pixels;
        Arrays.fill(pixels, 0, width * height, 0);
        int hit = CacheColors.argb(colors.hitFill.getValue());
        int miss = CacheColors.argb(colors.missFill.getValue());
        int evict = CacheColors.argb(colors.evictStroke.getValue());
        int expire = CacheColors.argb(colors.expireStroke.getValue());
        int invalidate = CacheColors.argb(colors.invalidateStroke.getValue());
        int ring = cell >= 12 ? 2 : 1;
        int[] slotKeys = view.slotKeys();
        CellFlashes flashes = level.flashes;
        for (int slot = 0; slot < slotKeys.length; slot++) {
            int d = level.displayIndex[slot];
            int row = grid.groupFirstRow(level.groupOf[slot]) + d / grid.columns();
            int x0 = (d % grid.columns()) * pitch;
            int y0 = row * pitch;
            int base = keyColors.argb(slotKeys[slot]);
            double strength = flashes.strength(slot, nowNanos);
            byte kind = flashes.kind(slot);
            fillCell(pixels, width, x0, y0, cell, cell, base);
            if (strength <= 0) {
                continue;
            }
            if (CellFlashes.isRemoval(kind)) {
                // A fading outline where the key was; the cell shows what holds it now.
                int outline = blend(base, kind == CellFlashes.EVICT ? evict : kind == CellFlashes.EXPIRE ? expire : invalidate, strength);
                fillRing(pixels, width, x0, y0, cell, ring, outline);
            } else {
                // A hit or a fill after a miss: a square in the middle, so the key's colour stays around it.
                int mark = cell >= 8 ? (cell + 1) / 2 : cell;
                int inset = (cell - mark) / 2;
                fillCell(pixels, width, x0 + inset, y0 + inset, mark, mark,
                        blend(base, kind == CellFlashes.HIT ? hit : miss, Math.min(1, 1.6 * strength)));
            }
        }
        level.image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);

        g.setTextAlign(TextAlignment.LEFT);
        for (int group = 0; group < grid.groups(); group++) {
            int groupRows = grid.groupRows(group);
            if (groupRows == 0) {
                continue;
            }
            double top = grid.groupTop(group);
            if (grid.groups() > 1) {
                g.setFont(SMALL_FONT.font());
                g.setFill(colors.mutedTextFill.getValue());
                g.fillText(REGION_NAMES[group] + " · " + grid.groupSize(group), grid.left(), top - GROUP_LABEL_HEIGHT / 2);
            }
            int sourceY = grid.groupFirstRow(group) * pitch;
            g.drawImage(level.image, 0, sourceY, width, groupRows * pitch, grid.left(), top, width, groupRows * pitch);
        }
        drawCellLabels(g, level, view);
        drawHotKey(g, level);
    }

    private static void fillRing(int[] pixels, int stride, int x, int y, int size, int ring, int argb) {
        if (size <= 2 * ring) {
            fillCell(pixels, stride, x, y, size, size, argb);
            return;
        }
        fillCell(pixels, stride, x, y, size, ring, argb);
        fillCell(pixels, stride, x, y + size - ring, size, ring, argb);
        fillCell(pixels, stride, x, y + ring, ring, size - 2 * ring, argb);
        fillCell(pixels, stride, x + size - ring, y + ring, ring, size - 2 * ring, argb);
    }

    private static void fillCell(int[] pixels, int stride, int x, int y, int w, int h, int argb) {
        for (int row = y; row < y + h; row++) {
            int from = row * stride + x;
            Arrays.fill(pixels, from, from + w, argb);
        }
    }

    /** {@code base} moved toward {@code over} by {@code amount} (0 to 1), opaque. */
    static int blend(int base, int over, double amount) {
        double a = Math.max(0, Math.min(1, amount));
        int r = (int) Math.round(((base >> 16) & 0xff) * (1 - a) + ((over >> 16) & 0xff) * a);
        int gr = (int) Math.round(((base >> 8) & 0xff) * (1 - a) + ((over >> 8) & 0xff) * a);
        int b = (int) Math.round((base & 0xff) * (1 - a) + (over & 0xff) * a);
        return 0xff000000 | (r << 16) | (gr << 8) | b;
    }

    private void drawCellLabels(GraphicsContext g, CacheLevel level, CacheLevelView view) {
        SlotGrid grid = level.grid;
        if (grid.cell() < LABELLED_CELL) {
            return;
        }
        int[] slotKeys = view.slotKeys();
        double half = grid.cell() / 2.0;
        g.setFont(CELL_FONT.font());
        g.setTextAlign(TextAlignment.CENTER);
        Color light = colors.cardFill.getValue();
        Color dark = colors.textFill.getValue();
        for (int slot = 0; slot < slotKeys.length; slot++) {
            int key = slotKeys[slot];
            if (key < 0) {
                continue;
            }
            int group = level.groupOf[slot];
            int d = level.displayIndex[slot];
            g.setFill(keyColors.isDark(key) ? light : dark);
            g.fillText(Integer.toString(key), grid.cellX(d) + half, grid.cellY(group, d) + half);
        }
    }

    /** Key 0, the hottest key, the one whose expiry causes the stampede: a ring around its cell. */
    private void drawHotKey(GraphicsContext g, CacheLevel level) {
        int slot = level.index.slotOf(0);
        if (slot == KeySlotIndex.MISSING) {
            return;
        }
        SlotGrid grid = level.grid;
        int d = level.displayIndex[slot];
        double size = Math.max(grid.cell(), MIN_RING_SIZE);
        double x = grid.cellX(d) + (grid.cell() - size) / 2;
        double y = grid.cellY(level.groupOf[slot], d) + (grid.cell() - size) / 2;
        g.setLineWidth(2);
        g.setStroke(colors.textFill.getValue());
        g.strokeRect(x - 2, y - 2, size + 4, size + 4);
        g.setStroke(colors.cardFill.getValue());
        g.setLineWidth(1);
        g.strokeRect(x - 0.5, y - 0.5, size + 1, size + 1);
    }
}
