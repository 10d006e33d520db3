package dev.scalelab.ui.scaling;

import java.util.Arrays;

/**
 * Places tiles of different sizes in rows (a shelf packing), in the given order, each row centered,
 * the whole block centered in the area, as large as they fit. A tile's area is proportional to its
 * instance's vCPUs, so an xlarge (8 vCPUs) covers eight times the area of a small (1): its side is
 * {@code unit × √vcpus}. The unit is capped, so that four instances do not become giant cards and a
 * small instance looks small however few there are.
 *
 * <p>Mutable and reused: {@link #fit} does nothing when nothing changed, so calling it every frame
 * is cheap and allocates nothing once the arrays are large enough.
 */
final class PoolLayout {
    private static final int SEARCH_STEPS = 24;

    private int count = -1;
    private int[] vcpus = new int[64];
    private double areaX;
    private double areaY;
    private double areaWidth = -1;
    private double areaHeight = -1;

    private double[] x = new double[64];
    private double[] y = new double[64];
    private double[] width = new double[64];
    private double[] height = new double[64];

    /**
     * @param vcpusOfTile   vCPUs of each tile, in drawing order; entries past {@code count} are ignored
     * @param aspect        tile width / tile height
     * @param maxUnitWidth  the width of a 1-vCPU tile at most
     * @return true when the positions changed
     */
    boolean fit(int count, int[] vcpusOfTile, double areaX, double areaY, double areaWidth, double areaHeight,
                double gap, double aspect, double maxUnitWidth) {
        if (count == this.count && areaX == this.areaX && areaY == this.areaY && areaWidth == this.areaWidth
                && areaHeight == this.areaHeight && Arrays.equals(vcpus, 0, count, vcpusOfTile, 0, count)) {
            return false;
        }
        ensureCapacity(count);
        this.count = count;
        System.arraycopy(vcpusOfTile, 0, vcpus, 0, count);
        this.areaX = areaX;
        this.areaY = areaY;
        this.areaWidth = areaWidth;
        this.areaHeight = areaHeight;
        if (count == 0 || areaWidth <= 0 || areaHeight <= 0) {
            return true;
        }
        // The largest unit whose packing fits; packing is monotone in the unit, so bisect.
        double low = 0;
        double high = maxUnitWidth / aspect;
        double unitHeight = high;
        if (packedHeight(high, gap, aspect) > areaHeight) {
            for (int i = 0; i < SEARCH_STEPS; i++) {
                double mid = (low + high) / 2;
                if (packedHeight(mid, gap, aspect) <= areaHeight) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            unitHeight = low;
        }
        place(unitHeight, gap, aspect);
        return true;
    }

    private static double side(int vcpus) {
        return Math.sqrt(Math.max(1, vcpus));
    }

    /** The height the rows take with this unit, or infinity when a tile is wider than the area. */
    private double packedHeight(double unit, double gap, double aspect) {
        double total = 0;
        double rowWidth = 0;
        double rowHeight = 0;
        for (int i = 0; i < count; i++) {
            double h = unit * side(vcpus[i]);
            double w = h * aspect;
            if (w > areaWidth) {
                return Double.POSITIVE_INFINITY;
            }
            if (rowWidth > 0 && rowWidth + gap + w > areaWidth) {
                total += rowHeight + gap;
                rowWidth = 0;
                rowHeight = 0;
            }
            rowWidth += (rowWidth > 0 ? gap : 0) + w;
            rowHeight = Math.max(rowHeight, h);
        }
        return total + rowHeight;
    }

    private void place(double unit, double gap, double aspect) {
        double blockHeight = packedHeight(unit, gap, aspect);
        double top = areaY + Math.max(0, (areaHeight - blockHeight) / 2);
        int rowStart = 0;
        double rowWidth = 0;
        double rowHeight = 0;
        for (int i = 0; i <= count; i++) {
            double h = i < count ? unit * side(vcpus[i]) : 0;
            double w = h * aspect;
            boolean rowEnds = i == count || (rowWidth > 0 && rowWidth + gap + w > areaWidth);
            if (rowEnds) {
                double left = areaX + (areaWidth - rowWidth) / 2;
                for (int j = rowStart; j < i; j++) {
                    x[j] = left;
                    y[j] = top;
                    left += width[j] + gap;
                }
                top += rowHeight + gap;
                rowStart = i;
                rowWidth = 0;
                rowHeight = 0;
            }
            if (i < count) {
                width[i] = w;
                height[i] = h;
                rowWidth += (rowWidth > 0 ? gap : 0) + w;
                rowHeight = Math.max(rowHeight, h);
            }
        }
    }

    private void ensureCapacity(int n) {
        if (n > x.length) {
            int size = Math.max(n, 2 * x.length);
            vcpus = Arrays.copyOf(vcpus, size);
            x = Arrays.copyOf(x, size);
            y = Arrays.copyOf(y, size);
            width = Arrays.copyOf(width, size);
            height = Arrays.copyOf(height, size);
        }
    }

    double x(int i) {
        return x[i];
    }

    double y(int i) {
        return y[i];
    }

    double width(int i) {
        return width[i];
    }

    double height(int i) {
        return height[i];
    }
}
