package dev.scalelab.ui.scaling;

import java.util.Arrays;

/**
 * Keeps sliding tiles apart. Each tile slides on its own from its old place to its new one, so two
 * tiles that swap rows, a tile and one that grows in, or a tile and a ghost can cross mid-slide
 * (most visibly at 10×, where the pool changes every few frames). This gives each box a scale, at
 * most 1, such that the boxes, each shrunk about its own centre, never overlap: a tile that crosses
 * another draws smaller for a moment, one with nothing near it keeps its size.
 *
 * <p>For a pair whose centres are {@code dx, dy} apart with half sizes summing to {@code hw, hh},
 * both get at most {@code max(dx / hw, dy / hh)}: then their scaled half sizes sum to at most the
 * distance between centres along that axis. Pure; O(n²) pairs, only while something moves.
 */
final class TileSeparation {
    private TileSeparation() {
    }

    /** Writes the scale of box {@code i} (x, y, width, height) to {@code scales[i]}, for i below {@code n}. */
    static void scales(double[] x, double[] y, double[] w, double[] h, int n, double[] scales) {
        scales(x, y, w, h, n, n, scales);
    }

    /**
     * As {@link #scales(double[], double[], double[], double[], int, double[])} for the first
     * {@code tiles} boxes; the boxes from {@code tiles} to {@code n} (ghosts of instances that are
     * gone) yield: only they shrink where they meet a tile, down to nothing, so a tile that slides
     * into the place a ghost fades from keeps its size. Ghosts may overlap one another.
     */
    static void scales(double[] x, double[] y, double[] w, double[] h, int tiles, int n, double[] scales) {
        Arrays.fill(scales, 0, n, 1.0);
        int n0 = n;
        n = tiles;
        for (int i = 0; i < n; i++) {
            double cxi = x[i] + w[i] / 2;
            double cyi = y[i] + h[i] / 2;
            for (int j = i + 1; j < n; j++) {
                double hw = (w[i] + w[j]) / 2;
                double hh = (h[i] + h[j]) / 2;
                double dx = Math.abs(x[j] + w[j] / 2 - cxi);
                double dy = Math.abs(y[j] + h[j] / 2 - cyi);
                if (dx >= hw || dy >= hh) {
                    continue; // apart, or just touching
                }
                double s = Math.max(hw > 0 ? dx / hw : 1, hh > 0 ? dy / hh : 1);
                scales[i] = Math.min(scales[i], s);
                scales[j] = Math.min(scales[j], s);
            }
        }
        for (int j = tiles; j < n0; j++) {
            double cxj = x[j] + w[j] / 2;
            double cyj = y[j] + h[j] / 2;
            for (int i = 0; i < tiles && scales[j] > 0; i++) {
                double dx = Math.abs(x[i] + w[i] / 2 - cxj);
                double dy = Math.abs(y[i] + h[i] / 2 - cyj);
                double tileHalfW = scales[i] * w[i] / 2;
                double tileHalfH = scales[i] * h[i] / 2;
                if (dx >= tileHalfW + scales[j] * w[j] / 2 || dy >= tileHalfH + scales[j] * h[j] / 2) {
                    continue;
                }
                double sx = w[j] > 0 ? (dx - tileHalfW) / (w[j] / 2) : 1;
                double sy = h[j] > 0 ? (dy - tileHalfH) / (h[j] / 2) : 1;
                scales[j] = Math.max(0, Math.min(scales[j], Math.max(sx, sy)));
            }
        }
    }

    /**
     * True when no two of the boxes, each shrunk by its scale about its centre, overlap (touching is
     * apart), except two of the boxes from {@code tiles} on (ghosts) or a box shrunk to nothing.
     */
    static boolean apart(double[] x, double[] y, double[] w, double[] h, int tiles, int n, double[] scales) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (i >= tiles || scales[i] <= 0 || scales[j] <= 0) {
                    continue;
                }
                double hw = (scales[i] * w[i] + scales[j] * w[j]) / 2;
                double hh = (scales[i] * h[i] + scales[j] * h[j]) / 2;
                double dx = Math.abs(x[j] + w[j] / 2 - x[i] - w[i] / 2);
                double dy = Math.abs(y[j] + h[j] / 2 - y[i] - h[i] / 2);
                if (dx < hw - 1e-9 && dy < hh - 1e-9) {
                    return false;
                }
            }
        }
        return true;
    }
}
