package dev.scalelab.ui.resilience;

/**
 * Where the parts of the {@link MeshView} go: the service on the left, then per dependency a row with
 * its breaker card and its dependency card on one wire, the legend along the bottom. The columns share
 * the width the service leaves; the rows share the height. Recomputed only when the size or the
 * number of rows changes. FX thread only.
 */
final class MeshLayout {
    static final double MARGIN = 14;
    /** Below this size the picture would not be legible: the region is being collapsed, nothing is drawn. */
    static final double MIN_WIDTH = 560;
    static final double MIN_HEIGHT = 200;
    static final double SERVICE_WIDTH = 104;
    static final double SERVICE_HEIGHT = 96;
    static final double LEGEND_HEIGHT = 22;
    static final double ROW_HEADER = 24;
    static final double ROW_FOOTER = 22;
    private static final double MAX_CARD_HEIGHT = 196;
    private static final double MAX_BREAKER_WIDTH = 500;
    /** The state machine is drawn as a triangle from this height of its area, as a row below it. */
    static final double TRIANGLE_HEIGHT = 120;
    static final double BREAKER_TITLE = 26;
    static final double BREAKER_FOOTER = 24;
    /** Narrowest state machines that stay legible, as a triangle and as a row. */
    private static final double MIN_TRIANGLE_WIDTH = 230;
    private static final double MIN_ROW_WIDTH = 3 * 74 + 2 * 40;
    private static final double MAX_RING_RADIUS = 60;
    /** A ring smaller than this is not drawn: the rate is in the caption. */
    private static final double MIN_RING_RADIUS = 18;
    /** Cards lower than this show one lit pill and the rate instead of the machine, and no worker cells. */
    static final double LOW_CARD = 96;

    private double width = -1;
    private double height = -1;
    private int rows = -1;
    double rowHeight;
    double cardHeight;
    double breakerX;
    double breakerWidth;
    double dependencyX;
    double dependencyWidth;
    double ringRadius;
    /** Too narrow for the state machine: a breaker is drawn as its lit state beside the ring. */
    boolean compact;

    /** Lays out {@code n} rows in a picture of this size; false when nothing changed since the last call. */
    boolean layout(double newWidth, double newHeight, int n) {
        if (newWidth == width && newHeight == height && n == rows) {
            return false;
        }
        width = newWidth;
        height = newHeight;
        rows = n;
        double available = width - 2 * MARGIN - SERVICE_WIDTH;
        dependencyWidth = clamp(available * 0.27, 170, 270);
        double gapToBreaker = clamp(available * 0.09, 30, 120);
        double gapToDependency = clamp(available * 0.11, 36, 150);
        breakerWidth = available - dependencyWidth - gapToBreaker - gapToDependency;
        if (breakerWidth > MAX_BREAKER_WIDTH) {
            double extra = breakerWidth - MAX_BREAKER_WIDTH;
            breakerWidth = MAX_BREAKER_WIDTH;
            gapToBreaker += extra * 0.4;
            gapToDependency += extra * 0.6;
        }
        breakerX = MARGIN + SERVICE_WIDTH + gapToBreaker;
        dependencyX = breakerX + breakerWidth + gapToDependency;
        rowHeight = (height - 2 * MARGIN - LEGEND_HEIGHT) / Math.max(1, n);
        cardHeight = Math.min(MAX_CARD_HEIGHT, rowHeight - ROW_HEADER - ROW_FOOTER - 6);
        double middleHeight = cardHeight - BREAKER_TITLE - BREAKER_FOOTER;
        // The state machine needs this much width in the layout its height allows; the ring takes the rest.
        double machineWidth = middleHeight >= TRIANGLE_HEIGHT ? MIN_TRIANGLE_WIDTH : MIN_ROW_WIDTH;
        compact = breakerWidth - 24 < machineWidth;
        double besideRing = compact ? 130 : machineWidth + 30;
        ringRadius = clamp(Math.min((middleHeight - 4) / 2, (breakerWidth - 24 - besideRing) / 2), 0, MAX_RING_RADIUS);
        if (ringRadius < MIN_RING_RADIUS) {
            ringRadius = 0;
        }
        return true;
    }

    /** True once a layout exists. */
    boolean laidOut() {
        return width > 0;
    }

    double width() {
        return width;
    }

    static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    double rowTop(int i) {
        return MARGIN + i * rowHeight;
    }

    double cardTop(int i) {
        double areaTop = rowTop(i) + ROW_HEADER;
        double area = rowHeight - ROW_HEADER - ROW_FOOTER;
        return areaTop + Math.max(0, (area - cardHeight) / 2);
    }

    /** The wire's height in row i: through the middle of its cards. */
    double wireY(int i) {
        return cardTop(i) + cardHeight / 2;
    }

    /** The middle of the service card, level with the middle of the rows. */
    double serviceY() {
        return (MARGIN + height - MARGIN - LEGEND_HEIGHT) / 2;
    }
}
