package dev.scalelab.ui.performance;

import dev.scalelab.ui.canvas.TileGrid;
import dev.scalelab.world.PerformanceView.HeapView;
import javafx.scene.Node;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * The instances' heaps as a grid of {@link HeapGauge}s, in pool order, as large as they fit: one
 * instance gets a wide gauge, fifty get small tiles whose red frames still say at a glance which are
 * paused. Gauges come and go with the instances; each is a node so that its {@code :paused} state
 * is CSS.
 *
 * <p>FX thread only.
 */
final class HeapGrid extends Region {
    private static final double GAP = 8;
    /** Tile width / height: room for the text line, the gauge and the pause strip. */
    private static final double ASPECT = 3.2;
    private static final double MAX_TILE_WIDTH = 360;
    /** How wide a tile may grow to fill its column. */
    private static final double MAX_FILL_WIDTH = 520;

    private final TileGrid grid = new TileGrid();

    HeapGrid() {
        getStyleClass().add("heap-grid");
        setMinSize(0, 0);
        setPrefSize(520, 320);
    }

    /** Shows {@code heaps} at virtual time {@code nowSeconds}; {@code initiatingOldMb} NaN draws no initiating line. */
    void show(List<HeapView> heaps, double nowSeconds, double initiatingOldMb) {
        List<Node> gauges = getChildren();
        if (gauges.size() != heaps.size()) {
            while (gauges.size() > heaps.size()) {
                gauges.remove(gauges.size() - 1);
            }
            while (gauges.size() < heaps.size()) {
                gauges.add(new HeapGauge());
            }
            requestLayout();
        }
        for (int i = 0; i < heaps.size(); i++) {
            ((HeapGauge) gauges.get(i)).show(heaps.get(i), nowSeconds, initiatingOldMb);
        }
    }

    /** Draws the gauges whose heaps changed. */
    void draw() {
        for (Node gauge : getChildren()) {
            ((HeapGauge) gauge).redraw();
        }
    }

    /** The gauge of instance {@code index} in pool order; for tests. */
    HeapGauge gauge(int index) {
        return (HeapGauge) getChildren().get(index);
    }

    /**
     * The grid's columns and rows come from {@link TileGrid}; the tiles then widen to fill their
     * columns (a gauge reads better long than tall), and the grid sits at the top.
     */
    @Override
    protected void layoutChildren() {
        List<Node> gauges = getChildren();
        double width = getWidth();
        grid.fit(gauges.size(), 0, 0, width, getHeight(), GAP, ASPECT, MAX_TILE_WIDTH);
        int columns = Math.max(1, grid.columns());
        double tileWidth = Math.floor(Math.min(MAX_FILL_WIDTH, (width - GAP * (columns - 1)) / columns));
        double tileHeight = Math.floor(grid.tileHeight());
        double left = Math.floor((width - (columns * tileWidth + (columns - 1) * GAP)) / 2);
        for (int i = 0; i < gauges.size(); i++) {
            gauges.get(i).resizeRelocate(left + (i % columns) * (tileWidth + GAP), (i / columns) * (tileHeight + GAP),
                    tileWidth, tileHeight);
        }
    }
}
