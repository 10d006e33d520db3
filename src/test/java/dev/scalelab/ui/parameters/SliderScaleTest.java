package dev.scalelab.ui.parameters;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SliderScaleTest {

    @Test
    void aLogarithmicScaleRoundTripsRoundValuesAndSnapsToTwoSignificantDigits() {
        SliderScale rate = SliderScale.logarithmic(1, 100_000);
        assertEquals(0.0, rate.toPosition(1), 1e-12);
        assertEquals(1.0, rate.toPosition(100_000), 1e-12);
        assertEquals(400, rate.toValue(rate.toPosition(400)), 1e-9);
        assertEquals(1_000, rate.toValue(0.6), 1e-9);
        assertEquals(1_300, rate.toValue(0.62), 1e-9); // 10^3.1 = 1258.9
        assertEquals(1.0, rate.toPosition(1e7), 1e-12, "values beyond the slider pin it to the end");
    }

    @Test
    void aLinearScaleSnapsToItsStep() {
        SliderScale ratio = SliderScale.linear(0, 1, 0.05);
        assertEquals(0.9, ratio.toValue(ratio.toPosition(0.9)), 1e-9);
        assertEquals(0.35, ratio.toValue(0.34), 1e-9);
        SliderScale instances = SliderScale.linear(1, 100, 1);
        assertEquals(50, instances.toValue(instances.toPosition(50)), 1e-9);
    }
}
