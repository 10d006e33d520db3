package dev.scalelab.ui.performance;

import dev.scalelab.ui.Formats;
import dev.scalelab.world.PerformanceView.HeapView;
import dev.scalelab.world.PerformanceView.ObjectPoolView;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.Locale;

/**
 * The object pools, one row per instance: the objects idle in the pool and those borrowed by
 * requests, as slots when the pool is small enough to draw one cell per object, else as a bar.
 * Borrowed objects past the pool's capacity are drawn in the warning colour: they are dropped when
 * put back (the pattern notes' pool never blocks; a full pool lets the collector have them). A
 * fleet too large for a row each gets one row for all. Under the rows: the hit ratio and the drops.
 *
 * <p>FX thread only.
 */
final class ObjectPoolCanvas extends PerformanceCanvas {
    /** Smallest cell pitch of the slot drawing, in px; below it the row becomes a bar. */
    private static final double MIN_PITCH = 5;
    private static final double MAX_PITCH = 12;
    private static final double MIN_ROW = 7;
    private static final double MAX_ROW = 16;
    private static final double LABEL_WIDTH = 46;
    private static final double LINE = 16;
    private static final double ROWS_TOP = LINE + 4;

    private ObjectPoolView pool;
    private List<HeapView> instances = List.of();

    ObjectPoolCanvas() {
        super("object-pool-canvas");
        setPrefSize(380, 150);
    }

    void show(ObjectPoolView pool, List<HeapView> instances) {
        this.pool = pool;
        this.instances = instances;
        invalidate();
    }

    /** How the rows are drawn at this size: true for a cell per object, false for bars or the fleet's row. */
    boolean drawsSlots(double width, double height) {
        return rowHeight(rowsBottom(height) - ROWS_TOP) >= MIN_ROW && slotPitch(width - LABEL_WIDTH - 8, widestRow()) >= MIN_PITCH;
    }

    private static double rowsBottom(double height) {
        return height - 2 * LINE - 4;
    }

    @Override
    void paint(GraphicsContext g, double width, double height) {
        if (pool == null) {
            return;
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(SMALL_FONT.font());
        g.setFill(mutedTextFill.getValue());
        g.fillText(fit(String.format(Locale.ROOT, "capacity %s per instance · %d × %s KB per request",
                Formats.count(pool.capacity()), pool.objectsPerRequest(), Formats.millis(pool.objectKb())), SMALL_FONT.font(), width - 8),
                4, LINE / 2);

        if (pool.capacity() == 0) {
            // Nothing to draw per instance: every get allocates and every put drops.
            g.setFont(LABEL_FONT.font());
            g.setFill(textFill.getValue());
            g.fillText(fit("Capacity 0: every get allocates.", LABEL_FONT.font(), width - 8),
                    4, ROWS_TOP + MAX_ROW / 2);
            drawCounters(g, width, height);
            return;
        }
        double top = ROWS_TOP;
        double bottom = rowsBottom(height);
        double rowsWidth = width - LABEL_WIDTH - 8;
        boolean fleetRow = rowHeight(bottom - top) < MIN_ROW;
        int rows = fleetRow ? 1 : instances.size();
        double rowH = fleetRow ? MAX_ROW : rowHeight(bottom - top);
        int widest = fleetRow ? 0 : widestRow();
        double pitch = fleetRow ? 0 : slotPitch(rowsWidth, widest);
        boolean slots = !fleetRow && pitch >= MIN_PITCH;
        for (int r = 0; r < rows; r++) {
            double y = top + r * rowH;
            int idle = fleetRow ? instances.stream().mapToInt(HeapView::poolIdle).sum() : instances.get(r).poolIdle();
            int borrowed = fleetRow ? instances.stream().mapToInt(HeapView::poolBorrowed).sum() : instances.get(r).poolBorrowed();
            int capacity = fleetRow ? pool.capacity() * instances.size() : pool.capacity();
            g.setFont(SMALL_FONT.font());
            g.setFill(textFill.getValue());
            g.fillText(fit(fleetRow ? "all " + instances.size() : instances.get(r).instanceId(), SMALL_FONT.font(), LABEL_WIDTH - 6),
                    4, y + rowH / 2);
            double x = LABEL_WIDTH;
            double cellH = Math.max(3, rowH - 3);
            if (slots) {
                drawSlots(g, x, y + (rowH - cellH) / 2, pitch, cellH, idle, borrowed, capacity);
            } else {
                int scale = fleetRow ? Math.max(capacity, idle + borrowed) : widestRow();
                drawBar(g, x, y + (rowH - cellH) / 2, rowsWidth, cellH, idle, borrowed, capacity, scale);
            }
        }
        drawLegend(g, 4, height - 1.5 * LINE - 2, width - 8);
        drawCounters(g, width, height);
    }

    private void drawCounters(GraphicsContext g, double width, double height) {
        g.setFont(SMALL_FONT.font());
        g.setFill(textFill.getValue());
        g.fillText(fit(String.format(Locale.ROOT, "%s hits of %s gets · %s dropped · %s MB saved",
                percent(pool.hitRatio()), Formats.compact(pool.gets()), Formats.compact(pool.drops()),
                Formats.count(pool.bytesSavedMb())), SMALL_FONT.font(), width - 8), 4, height - LINE / 2 - 2);
    }

    private void drawSlots(GraphicsContext g, double x, double y, double pitch, double h, int idle, int borrowed, int capacity) {
        int cells = Math.max(capacity, idle + borrowed);
        double cell = Math.max(2, pitch - 1);
        for (int i = 0; i < cells; i++) {
            g.setFill(cellColor(i, idle, borrowed, capacity));
            g.fillRect(x + i * pitch, y, cell, h);
        }
    }

    private void drawBar(GraphicsContext g, double x, double y, double w, double h, int idle, int borrowed, int capacity, int scale) {
        double unit = w / Math.max(1, scale);
        g.setFill(trackFill.getValue());
        g.fillRect(x, y, capacity * unit, h);
        g.setFill(successFill.getValue());
        g.fillRect(x, y, idle * unit, h);
        double inPool = Math.min(borrowed, Math.max(0, capacity - idle));
        g.setFill(accentFill.getValue());
        g.fillRect(x + idle * unit, y, inPool * unit, h);
        g.setFill(warningFill.getValue());
        g.fillRect(x + (idle + inPool) * unit, y, (borrowed - inPool) * unit, h);
        double capacityX = Math.round(x + capacity * unit) + 0.5;
        g.setStroke(textFill.getValue());
        g.strokeLine(capacityX, y - 1, capacityX, y + h + 1);
    }

    private Color cellColor(int i, int idle, int borrowed, int capacity) {
        if (i < idle) {
            return successFill.getValue();
        }
        if (i < idle + borrowed) {
            return i < capacity ? accentFill.getValue() : warningFill.getValue();
        }
        return trackFill.getValue();
    }

    private void drawLegend(GraphicsContext g, double x, double y, double maxWidth) {
        String[] texts = {"idle in the pool", "borrowed", "past capacity: dropped on return"};
        Color[] colors = {successFill.getValue(), accentFill.getValue(), warningFill.getValue()};
        g.setFont(SMALL_FONT.font());
        for (int i = 0; i < texts.length; i++) {
            double w = 12 + width(texts[i], SMALL_FONT.font());
            if (x + w > maxWidth) {
                break;
            }
            g.setFill(colors[i]);
            g.fillRect(x, y - 4, 8, 8);
            g.setFill(mutedTextFill.getValue());
            g.fillText(texts[i], x + 12, y);
            x += w + 12;
        }
    }

    private int widestRow() {
        int widest = pool == null ? 0 : pool.capacity();
        for (HeapView h : instances) {
            widest = Math.max(widest, h.poolIdle() + h.poolBorrowed());
        }
        return Math.max(1, widest);
    }

    private static double slotPitch(double width, int cells) {
        return Math.min(MAX_PITCH, Math.floor(width / cells));
    }

    private double rowHeight(double height) {
        return instances.isEmpty() ? MAX_ROW : Math.min(MAX_ROW, Math.floor(height / instances.size()));
    }

    static String percent(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.1f%%", ratio * 100) : "–";
    }
}
