package dev.scalelab.ui.caching;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RollingRateTest {

    @Test
    void countsWhatHappenedInTheLastSecondAsItHappens() {
        RollingRate rate = new RollingRate();
        // 100 a second for 10 s, one frame every 16 ms.
        for (int frame = 0; frame <= 625; frame++) {
            double t = frame * 0.016;
            rate.update(t, Math.round(t * 100));
        }
        assertEquals(100, rate.perSecond(), 1.5);
        // A burst of 700 within the next 0.3 s shows at once, not at the end of its second.
        rate.update(10.3, 1000 + 30 + 700);
        assertTrue(rate.perSecond() > 700, "rate: " + rate.perSecond());
    }

    @Test
    void atHighSpeedFramesFarApartStillGiveARate() {
        RollingRate rate = new RollingRate();
        rate.update(0, 0);
        assertTrue(Double.isNaN(rate.perSecond()));
        rate.update(1.6, 160);
        assertEquals(100, rate.perSecond(), 1e-9);
        rate.update(3.2, 480);
        assertEquals(200, rate.perSecond(), 1e-9);
    }

    @Test
    void aNewRunStartsOver() {
        RollingRate rate = new RollingRate();
        rate.update(10, 1000);
        rate.update(11, 2000);
        rate.update(0.5, 30);
        assertTrue(Double.isNaN(rate.perSecond()));
        rate.update(1.5, 130);
        assertEquals(100, rate.perSecond(), 1e-9);
    }
}
