package dev.scalelab.ui.database;

import java.util.Locale;

/** Small numeric helpers of the drawings: scales a reader can follow and names of range bounds. Pure. */
final class Scales {
    private static final double[] NICE_STEPS = {1, 2, 5, 10};

    private Scales() {
    }

    /** The smallest of 1, 2, 5 x 10^k at or above {@code value}: a lag scale moves in steps a reader can follow. */
    static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : NICE_STEPS) {
            if (value <= step * magnitude * (1 + 1e-12)) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /**
     * A range bound as Vitess writes it: the leading bytes of the 64-bit position in hex ("40" for a
     * quarter of the space, "4c80" between), "0" for the start.
     */
    static String boundName(double position) {
        long sixteenBits = Math.round(position * 65536);
        if (sixteenBits == 0) {
            return "0";
        }
        return sixteenBits % 256 == 0 ? String.format(Locale.ROOT, "%02x", sixteenBits / 256)
                : String.format(Locale.ROOT, "%04x", sixteenBits);
    }
}
