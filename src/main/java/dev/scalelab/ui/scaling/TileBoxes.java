package dev.scalelab.ui.scaling;

import java.util.Arrays;

/**
 * Where each tile and each ghost of the Scaling pool is drawn this pulse: the box its slide puts it
 * in, shrunk about its centre while it grows in or fades out, and, while anything moves, shrunk
 * where two would cross ({@link TileSeparation}). Boxes {@code 0 .. tiles-1} are the tiles in
 * {@link TileMotion}'s order, then its ghosts. Scratch arrays, reused from pulse to pulse.
 */
final class TileBoxes {
    private double[] x = new double[64];
    private double[] y = new double[64];
    private double[] w = new double[64];
    private double[] h = new double[64];
    private double[] scale = new double[64];
    private int tiles;

    /** Lays out every tile and ghost of {@code motion} at {@code nowNanos}. */
    void place(TileMotion<?> motion, long nowNanos) {
        tiles = motion.count();
        int boxes = tiles + motion.ghostCount();
        ensure(boxes);
        for (int i = 0; i < tiles; i++) {
            // A new tile grows from 60 % of its size about its center while it fades in.
            set(i, motion.x(i, nowNanos), motion.y(i, nowNanos), motion.width(i, nowNanos), motion.height(i, nowNanos),
                    0.6 + 0.4 * motion.appeared(i, nowNanos));
        }
        for (int k = 0; k < motion.ghostCount(); k++) {
            // A ghost shrinks a little as it fades, so that it reads as leaving rather than as a stuck tile.
            set(tiles + k, motion.ghostX(k), motion.ghostY(k), motion.ghostWidth(k), motion.ghostHeight(k),
                    0.85 + 0.15 * Math.max(0, motion.ghostOpacity(k, nowNanos)));
        }
        if (motion.animating(nowNanos)) {
            TileSeparation.scales(x, y, w, h, tiles, boxes, scale);
            for (int b = 0; b < boxes; b++) {
                set(b, x[b], y[b], w[b], h[b], scale[b]);
            }
        }
    }

    /** The box of tile {@code i}; ghost {@code k} is box {@code tiles + k}. */
    double x(int b) {
        return x[b];
    }

    double y(int b) {
        return y[b];
    }

    double width(int b) {
        return w[b];
    }

    double height(int b) {
        return h[b];
    }

    /** The box of ghost {@code k}. */
    int ghost(int k) {
        return tiles + k;
    }

    /** Box {@code b}: the box at (bx, by) of size bw × bh, shrunk by {@code s} about its centre. */
    private void set(int b, double bx, double by, double bw, double bh, double s) {
        x[b] = bx + bw * (1 - s) / 2;
        y[b] = by + bh * (1 - s) / 2;
        w[b] = bw * s;
        h[b] = bh * s;
    }

    private void ensure(int n) {
        if (x.length < n) {
            int size = Math.max(n, 2 * x.length);
            x = Arrays.copyOf(x, size);
            y = Arrays.copyOf(y, size);
            w = Arrays.copyOf(w, size);
            h = Arrays.copyOf(h, size);
            scale = Arrays.copyOf(scale, size);
        }
    }
}
