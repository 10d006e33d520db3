package dev.scalelab.ui.caching;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateMeterTest {

    @Test
    void measuresTheIncreaseOverAtLeastOneVirtualSecond() {
        RateMeter meter = new RateMeter();
        meter.update(10.0, 1000);
        assertTrue(Double.isNaN(meter.perSecond()));
        meter.update(10.5, 1200);
        assertTrue(Double.isNaN(meter.perSecond()), "half a second is not enough");
        meter.update(11.25, 1500);
        assertEquals(400.0, meter.perSecond(), 1e-9);
        meter.update(11.5, 1700);
        assertEquals(400.0, meter.perSecond(), 1e-9, "holds until the next full second");
    }

    @Test
    void aNewRunStartsOver() {
        RateMeter meter = new RateMeter();
        meter.update(10.0, 1000);
        meter.update(11.0, 2000);
        meter.update(0.5, 30);
        assertTrue(Double.isNaN(meter.perSecond()));
        meter.update(1.5, 130);
        assertEquals(100.0, meter.perSecond(), 1e-9);
    }
}
