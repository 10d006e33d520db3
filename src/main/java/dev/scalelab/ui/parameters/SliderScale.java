package dev.scalelab.ui.parameters;

/**
 * Maps a slider's position to a parameter value and back. Rates and times span decades, so their
 * sliders are logarithmic; values snap to what a person would type (two significant digits, or a
 * whole number, or a step such as 0.05).
 */
public final class SliderScale {
    private final boolean logarithmic;
    private final double minValue;
    private final double maxValue;
    private final double step;

    private SliderScale(boolean logarithmic, double minValue, double maxValue, double step) {
        this.logarithmic = logarithmic;
        this.minValue = minValue;
        this.maxValue = maxValue;
        this.step = step;
    }

    /** A logarithmic scale from {@code minValue} to {@code maxValue} (both above 0), snapping to two significant digits. */
    public static SliderScale logarithmic(double minValue, double maxValue) {
        return new SliderScale(true, minValue, maxValue, 0);
    }

    /** A linear scale snapping to multiples of {@code step}. */
    public static SliderScale linear(double minValue, double maxValue, double step) {
        return new SliderScale(false, minValue, maxValue, step);
    }

    /** The slider's range is 0 to 1. */
    public double toPosition(double value) {
        double clamped = Math.max(minValue, Math.min(maxValue, value));
        if (logarithmic) {
            return Math.log(clamped / minValue) / Math.log(maxValue / minValue);
        }
        return (clamped - minValue) / (maxValue - minValue);
    }

    public double toValue(double position) {
        double p = Math.max(0, Math.min(1, position));
        if (logarithmic) {
            return twoSignificantDigits(minValue * Math.pow(maxValue / minValue, p));
        }
        double raw = minValue + p * (maxValue - minValue);
        return Math.round(raw / step) * step;
    }

    private static double twoSignificantDigits(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)) - 1);
        return Math.round(value / magnitude) * magnitude;
    }
}
