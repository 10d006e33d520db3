package dev.scalelab.ui.caching;

/**
 * Colours keys by popularity. Key {@code k} is the (k+1)-th most popular key (Zipf rank), and
 * popularity spans decades, so the colour follows {@code log(1 + k)}: key 0 takes the hot end of the
 * ramp, the coldest key the cold end, key 9 of 100 about the middle. The ramp is interpolated in
 * CIELAB, so equal steps of rank look like equal steps of colour (a perceptual ramp), and it avoids
 * red and green, which the view keeps for misses and hits.
 *
 * <p>Colours are ARGB ints for a {@link javafx.scene.image.PixelWriter}; no JavaFX types here, so the
 * mapping is plain to test. Not thread-safe; the FX thread owns it.
 */
final class KeyColors {
    static final int RAMP_STEPS = 256;

    private final int[] ramp = new int[RAMP_STEPS];
    private int emptyArgb;
    private int keyCount = 1;
    private double logSpan = 1;

    /** Sets the ramp from the hottest through the middle to the coldest colour, and the empty slot's colour. */
    void setColors(int hotArgb, int middleArgb, int coldArgb, int emptySlotArgb) {
        double[] hot = lab(hotArgb);
        double[] middle = lab(middleArgb);
        double[] cold = lab(coldArgb);
        double[] mixed = new double[3];
        for (int i = 0; i < RAMP_STEPS; i++) {
            double t = i / (double) (RAMP_STEPS - 1);
            double[] from = t < 0.5 ? hot : middle;
            double[] to = t < 0.5 ? middle : cold;
            double u = t < 0.5 ? t * 2 : (t - 0.5) * 2;
            for (int c = 0; c < 3; c++) {
                mixed[c] = from[c] + (to[c] - from[c]) * u;
            }
            ramp[i] = argbOfLab(mixed);
        }
        emptyArgb = emptySlotArgb;
    }

    /** How many keys the workload draws from (keys 0 to count - 1). */
    void setKeyCount(int count) {
        keyCount = Math.max(1, count);
        logSpan = Math.log1p(Math.max(1, keyCount - 1));
    }

    /** The colour of a slot holding {@code key}, or of an empty slot for a negative key. */
    int argb(int key) {
        return key < 0 ? emptyArgb : ramp[step(key)];
    }

    /** True when text on this key's colour should be light (the hot, dark half of the ramp). */
    boolean isDark(int key) {
        return key >= 0 && step(key) < RAMP_STEPS / 2;
    }

    private int step(int key) {
        return (int) Math.round(position(key, keyCount, logSpan) * (RAMP_STEPS - 1));
    }

    /** Where key {@code key} of {@code keyCount} sits on the ramp: 0 hottest, 1 coldest. */
    static double position(int key, int keyCount) {
        return position(key, keyCount, Math.log1p(Math.max(1, keyCount - 1)));
    }

    private static double position(int key, int keyCount, double logSpan) {
        int k = Math.min(Math.max(0, key), Math.max(0, keyCount - 1));
        return Math.log1p(k) / logSpan;
    }

    // ------------------------------------------------------------------ sRGB <-> CIELAB (D65)

    static double[] lab(int argb) {
        double r = linear(((argb >> 16) & 0xff) / 255.0);
        double g = linear(((argb >> 8) & 0xff) / 255.0);
        double b = linear((argb & 0xff) / 255.0);
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        double fx = labF(x);
        double fy = labF(y);
        double fz = labF(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    static int argbOfLab(double[] lab) {
        double fy = (lab[0] + 16) / 116;
        double fx = fy + lab[1] / 500;
        double fz = fy - lab[2] / 200;
        double x = 0.95047 * labFInverse(fx);
        double y = labFInverse(fy);
        double z = 1.08883 * labFInverse(fz);
        double r = 3.2406 * x - 1.5372 * y - 0.4986 * z;
        double g = -0.9689 * x + 1.8758 * y + 0.0415 * z;
        double b = 0.0557 * x - 0.2040 * y + 1.0570 * z;
        return 0xff000000 | (channel(r) << 16) | (channel(g) << 8) | channel(b);
    }

    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int channel(double linear) {
        double c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return (int) Math.round(Math.max(0, Math.min(1, c)) * 255);
    }

    private static double labF(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double labFInverse(double f) {
        double cube = f * f * f;
        return cube > 216.0 / 24389 ? cube : (116 * f - 16) / (24389.0 / 27);
    }
}
