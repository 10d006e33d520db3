package dev.scalelab.ui.scaling;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one tick unit the Scaling panel's four time axes share. */
class ScalingChartTicksTest {
    private static final double LABEL = ScalingCharts.TIME_LABEL_SPACE;

    @Test
    void aMinuteWhenSixLabelsFit() {
        assertEquals(60, ScalingCharts.tickSeconds(300, 6 * LABEL, LABEL));
        assertEquals(60, ScalingCharts.tickSeconds(300, 600, LABEL));
    }

    @Test
    void aNarrowAxisGetsAWiderUnitThatStillLabelsTheWindowsEnd() {
        // 0, 2:30, 5:00 rather than 0, 2:00, 4:00 with the end unlabelled.
        assertEquals(150, ScalingCharts.tickSeconds(300, 5 * LABEL, LABEL));
        // The sliding window is 6 minutes long: 0, 2:00, 4:00, 6:00 from its start.
        assertEquals(120, ScalingCharts.tickSeconds(360, 5 * LABEL, LABEL));
        assertEquals(180, ScalingCharts.tickSeconds(360, 3 * LABEL, LABEL));
    }

    @Test
    void tooNarrowForAnyDivisorLabelsOnlyBothEnds() {
        assertEquals(300, ScalingCharts.tickSeconds(300, 10, LABEL));
    }
}
