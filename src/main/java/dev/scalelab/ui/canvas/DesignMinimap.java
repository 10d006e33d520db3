package dev.scalelab.ui.canvas;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

import java.util.Map;

/**
 * A small map of the whole design in a corner of the canvas: every box, and the part the view shows
 * as a frame; a click or drag on it centres the view there. Shown only while part of the design is
 * outside the view. Drawn with the view, once per frame
 * when either changed. FX thread only.
 */
final class DesignMinimap {
    static final double WIDTH = 180;
    static final double HEIGHT = 112;
    private static final double PAD = 8;

    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
    private final DesignView view;
    /** The mapping drawn last: map = canvas units x scale + offset. */
    private double scale = 1;
    private double offsetX;
    private double offsetY;

    DesignMinimap(DesignView view) {
        this.view = view;
        canvas.setId("designMinimap");
        canvas.getStyleClass().add("design-minimap");
        canvas.setOnMousePressed(e -> centre(e.getX(), e.getY()));
        canvas.setOnMouseDragged(e -> centre(e.getX(), e.getY()));
    }

    Canvas node() {
        return canvas;
    }

    private void centre(double x, double y) {
        view.centerOn((x - offsetX) / scale, (y - offsetY) / scale);
    }

    void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        Map<String, double[]> at = DesignGeometry.positions(view.editor().topology());
        double[] b = DesignGeometry.bounds(at);
        double[] v = view.visibleArea();
        // Only a design larger than the view needs a map to find its way; one in full view would only be covered by it.
        boolean allShown = b[0] >= v[0] && b[1] >= v[1] && b[2] <= v[2] && b[3] <= v[3];
        canvas.setVisible(!allShown && !at.isEmpty());
        if (!canvas.isVisible()) {
            return;
        }
        double minX = Math.min(b[0], v[0]);
        double minY = Math.min(b[1], v[1]);
        double maxX = Math.max(b[2], v[2]);
        double maxY = Math.max(b[3], v[3]);
        scale = Math.min((WIDTH - 2 * PAD) / (maxX - minX), (HEIGHT - 2 * PAD) / (maxY - minY));
        offsetX = PAD - minX * scale + ((WIDTH - 2 * PAD) - (maxX - minX) * scale) / 2;
        offsetY = PAD - minY * scale + ((HEIGHT - 2 * PAD) - (maxY - minY) * scale) / 2;
        g.setFill(view.nodeFill.getValue());
        g.fillRoundRect(0, 0, WIDTH, HEIGHT, 8, 8);
        g.setStroke(view.nodeBorder.getValue());
        g.setLineWidth(1);
        g.strokeRoundRect(0.5, 0.5, WIDTH - 1, HEIGHT - 1, 8, 8);
        g.setFill(view.mutedTextFill.getValue());
        for (double[] p : at.values()) {
            g.fillRect(p[0] * scale + offsetX, p[1] * scale + offsetY, Math.max(2, DesignGeometry.W * scale),
                    Math.max(2, DesignGeometry.H * scale));
        }
        g.setStroke(view.selectStroke.getValue());
        g.setLineWidth(1.5);
        g.strokeRect(v[0] * scale + offsetX, v[1] * scale + offsetY, (v[2] - v[0]) * scale, (v[3] - v[1]) * scale);
    }
}
