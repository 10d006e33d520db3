package dev.scalelab.ui.database;

import dev.scalelab.engine.data.ShardRouter.Strategy;
import dev.scalelab.ui.Formats;
import javafx.geometry.VPos;
import dev.scalelab.ui.canvas.CanvasFont;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * The lesson "hash mod N against consistent hashing", side by side: for adding one shard to the
 * current N, one strip per scheme of the sampled keys, the ones that would move coloured by their
 * new shard and the ones that stay grey, with the share measured and the share theory predicts.
 * Drawn again only when the comparison or the size changes. FX thread only.
 */
public final class LessonView extends DatabaseCanvas {
    private static final double MARGIN = 14;
    private static final double TITLE_HEIGHT = 38;
    private static final double ROW_HEIGHT = 52;
    private static final double NOTE_HEIGHT = 20;
    private static final double STRIP_HEIGHT = 16;
    private static final int STRIP_ROWS = 4;
    /** Cells per strip: four rows of a hundred, a quarter percent each. */
    static final int CELLS = 400;

    private final Canvas canvas = new Canvas();
    private MoveComparison comparison;
    private Strategy strategy;

    public LessonView() {
        super("lesson-view");
        getChildren().add(canvas);
        // Always tall enough for its rows: the load view below takes what is left.
        setMinHeight(USE_COMPUTED_SIZE);
        setPrefHeight(USE_COMPUTED_SIZE);
    }

    /** Shows a new comparison; {@code inUse} is the database's strategy (range strategies get a note, not a row). */
    void show(MoveComparison newComparison, Strategy inUse) {
        if (newComparison != comparison || inUse != strategy) {
            comparison = newComparison;
            strategy = inUse;
            dirty = true;
            requestLayout();
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        int rows = comparison == null ? 2 : comparison.rows().size();
        // In 100 % units, drawn magnified by the font scale.
        return dev.scalelab.ui.look.Appearance.fontScale() * (TITLE_HEIGHT + rows * ROW_HEIGHT + NOTE_HEIGHT + 8);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    void draw() {
        if (!dirty || comparison == null) {
            return;
        }
        dirty = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        // Laid out in 100 % units over the canvas divided by the font scale, drawn magnified by it.
        double scale = CanvasFont.beginMagnified(g);
        try {
            draw(g, canvas.getWidth() / scale);
        } finally {
            CanvasFont.endMagnified(g);
        }
    }

    private void draw(GraphicsContext g, double width) {
        if (width < 160) {
            return;
        }
        int n = comparison.shards();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(textFill.getValue());
        g.setFont(TITLE_FONT.font());
        g.fillText("Add one shard: " + n + " → " + (n + 1), MARGIN, 10);
        g.setFont(SMALL_FONT.font());
        g.setFill(mutedTextFill.getValue());
        int measured = comparison.rows().get(0).measured();
        g.fillText(fit("share of " + (measured < MoveComparison.MAX_MEASURED_KEYS ? "all " : "") + Formats.count(measured)
                + " keys that would move; colour = the shard they move to", SMALL_FONT.font(), width - 2 * MARGIN), MARGIN, 26);
        double y = TITLE_HEIGHT + 4;
        for (MoveComparison.Row row : comparison.rows()) {
            drawRow(g, row, y, width - 2 * MARGIN);
            y += ROW_HEIGHT;
        }
        g.setFont(SMALL_FONT.font());
        g.setFill(mutedTextFill.getValue());
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        String note = strategy == Strategy.RANGE || strategy == Strategy.HASHED_RANGE
                ? "In use, ranges: a new shard takes part of the hottest range; only that part moves."
                : "A ring's shares vary around theory, less with more virtual nodes (about 1/√V).";
        g.fillText(fit(note, SMALL_FONT.font(), width - 2 * MARGIN), MARGIN, y + 2);
    }

    private void drawRow(GraphicsContext g, MoveComparison.Row row, double y, double width) {
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(BOLD_LABEL_FONT.font());
        g.setFill(textFill.getValue());
        g.fillText(row.label(), MARGIN, y);
        double after = MARGIN + width(row.label(), BOLD_LABEL_FONT.font()) + 8;
        if (row.inUse()) {
            g.setFill(accentFill.getValue());
            g.fillRoundRect(after, y + 1, 44, 14, 7, 7);
            g.setFill(cardFill.getValue());
            g.setFont(SMALL_BOLD_FONT.font());
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("in use", after + 22, y + 2);
            g.setTextAlign(TextAlignment.LEFT);
        }
        String measured = MoveComparison.percent(row.movedFraction()) + " move";
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(BOLD_LABEL_FONT.font());
        g.setFill(textFill.getValue());
        g.fillText(measured, MARGIN + width, y);
        g.setFont(SMALL_FONT.font());
        g.setFill(mutedTextFill.getValue());
        g.fillText(row.theory(), MARGIN + width - width(measured, BOLD_LABEL_FONT.font()) - 10, y + 1.5);

        // Column by column, four keys a column: moved keys first, so the strip reads as a bar.
        int[] cells = row.cells();
        int columns = (cells.length + STRIP_ROWS - 1) / STRIP_ROWS;
        double cellW = width / Math.max(1, columns);
        double cellH = STRIP_HEIGHT / STRIP_ROWS;
        double top = y + 20;
        g.setFill(trackFill.getValue());
        g.fillRect(MARGIN, top, width, STRIP_HEIGHT);
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] < 0) {
                break; // the rest stay
            }
            g.setFill(shardColor(cells[c]));
            g.fillRect(MARGIN + (c / STRIP_ROWS) * cellW, top + (c % STRIP_ROWS) * cellH, cellW + 0.3, cellH + 0.3);
        }
    }
}
