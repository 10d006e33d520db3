package dev.scalelab.ui.caching;

/**
 * Lays out a level's slots as square cells in a rectangle, as large as they fit (up to
 * {@link #MAX_PITCH} px), on whole pixels so that cells stay crisp. The slots may come in groups
 * (W-TinyLFU's window, probation and protected regions), each starting on a new row under a label
 * line; all groups share the column count. Mutable and reused: the per-frame draw allocates nothing.
 */
final class SlotGrid {
    /** Cell plus gap, in px, for a level of a handful of slots; larger cells would only look empty. */
    static final int MAX_PITCH = 40;
    static final int MAX_GROUPS = 4;

    private final int[] groupSizes = new int[MAX_GROUPS];
    private final int[] groupFirstRow = new int[MAX_GROUPS];
    private final double[] groupTop = new double[MAX_GROUPS];
    private int groups;
    private int columns = 1;
    private int pitch = 1;
    private int totalRows;
    private double left;
    private double labelHeight;

    /**
     * Fits {@code sizes[0, groupCount)} slots into the area. When there are several groups, each gets
     * {@code labelHeightPx} above it for its name.
     */
    void fit(int[] sizes, int groupCount, double x, double y, double width, double height, double labelHeightPx) {
        groups = Math.min(groupCount, MAX_GROUPS);
        System.arraycopy(sizes, 0, groupSizes, 0, groups);
        labelHeight = groups > 1 ? labelHeightPx : 0;
        int labelled = 0;
        for (int g = 0; g < groups; g++) {
            labelled += groupSizes[g] > 0 ? 1 : 0;
        }
        double labels = labelled * labelHeight;
        pitch = 1;
        columns = Math.max(1, (int) width);
        for (int p = MAX_PITCH; p >= 1; p--) {
            int c = Math.max(1, (int) (width / p));
            if (rowsFor(c) * p + labels <= height) {
                pitch = p;
                columns = c;
                break;
            }
        }
        // Square-ish rather than one long row: no more columns than the largest group needs.
        int largest = 0;
        for (int g = 0; g < groups; g++) {
            largest = Math.max(largest, groupSizes[g]);
        }
        columns = Math.max(1, Math.min(columns, largest));
        totalRows = 0;
        double top = y;
        for (int g = 0; g < groups; g++) {
            groupFirstRow[g] = totalRows;
            top += groupSizes[g] > 0 ? labelHeight : 0; // an empty region takes no room
            groupTop[g] = top;
            int rows = rowsOf(groupSizes[g], columns);
            totalRows += rows;
            top += rows * pitch;
        }
        left = x + Math.floor((width - columns * pitch) / 2);
    }

    private int rowsFor(int c) {
        int rows = 0;
        for (int g = 0; g < groups; g++) {
            rows += rowsOf(groupSizes[g], c);
        }
        return rows;
    }

    private static int rowsOf(int size, int columns) {
        return (size + columns - 1) / columns;
    }

    int columns() {
        return columns;
    }

    /** Rows of the whole grid: the height of the image that holds one pixel per slot. */
    int totalRows() {
        return totalRows;
    }

    int groups() {
        return groups;
    }

    int groupSize(int group) {
        return groupSizes[group];
    }

    int groupRows(int group) {
        return rowsOf(groupSizes[group], columns);
    }

    /** The image row where a group starts. */
    int groupFirstRow(int group) {
        return groupFirstRow[group];
    }

    /** The y of a group's first row of cells (below its label). */
    double groupTop(int group) {
        return groupTop[group];
    }

    double labelHeight() {
        return labelHeight;
    }

    /** Cell plus gap, in px. */
    int pitch() {
        return pitch;
    }

    /** The filled part of a cell: a gap of 1 px from 5 px, 2 px from 16 px, none below. */
    int cell() {
        return pitch - gap();
    }

    int gap() {
        return pitch >= 16 ? 2 : pitch >= 5 ? 1 : 0;
    }

    double left() {
        return left;
    }

    double width() {
        return columns * pitch;
    }

    double bottom() {
        return groups == 0 ? 0 : groupTop[groups - 1] + groupRows(groups - 1) * pitch;
    }

    /** The x of the cell at position {@code index} of {@code group}. */
    double cellX(int index) {
        return left + (index % columns) * pitch;
    }

    double cellY(int group, int index) {
        return groupTop[group] + (index / columns) * pitch;
    }
}
