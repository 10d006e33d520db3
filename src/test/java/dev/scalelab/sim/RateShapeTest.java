package dev.scalelab.sim;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateShapeTest {

    /** Arrivals counted in [from, to) by thinning: a Poisson count with mean = integral of the rate. */
    private static int count(RateShape shape, double base, double from, double to) {
        SplittableRandom r = new SplittableRandom(11);
        double t = 0;
        int n = 0;
        while (true) {
            t = shape.nextArrivalSeconds(base, t, r);
            if (t >= to) {
                return n;
            }
            if (t >= from) {
                n++;
            }
        }
    }

    @Test
    void spikeMultipliesTheRateDuringItsWindowOnly() {
        RateShape spike = new RateShape(RateShape.Kind.SPIKE, 0, 100, 50, 4, 0, 0);
        int before = count(spike, 200, 0, 100);
        int during = count(spike, 200, 100, 150);
        assertEquals(20_000, before, 4 * Math.sqrt(20_000));
        assertEquals(40_000, during, 4 * Math.sqrt(40_000));
    }

    @Test
    void rampRisesLinearlyAndStepJumps() {
        RateShape ramp = new RateShape(RateShape.Kind.RAMP, 300, 10, 100, 1, 0, 0);
        assertEquals(100, ramp.rateAt(100, 5));
        assertEquals(200, ramp.rateAt(100, 60), 1e-9);
        assertEquals(300, ramp.rateAt(100, 500));
        // Integral over the ramp: mean rate 200 for 100 s.
        assertEquals(20_000, count(ramp, 100, 10, 110), 4 * Math.sqrt(20_000));
        RateShape step = new RateShape(RateShape.Kind.STEP, 50, 30, 0, 1, 0, 0);
        assertEquals(100, step.rateAt(100, 29.999));
        assertEquals(50, step.rateAt(100, 30));
    }

    @Test
    void sineAveragesToTheBaseRateOverAPeriod() {
        RateShape sine = new RateShape(RateShape.Kind.SINE, 0, 0, 0, 1, 100, 0.5);
        assertEquals(150, sine.rateAt(100, 25), 1e-9);
        assertEquals(50, sine.rateAt(100, 75), 1e-9);
        assertEquals(100 * 400, count(sine, 100, 0, 400), 4 * Math.sqrt(40_000));
        // The first half period carries (1 + 2a/pi) of the mean.
        double firstHalf = 100 * 50 * (1 + 2 * 0.5 / Math.PI);
        assertEquals(firstHalf, count(sine, 100, 0, 50), 4 * Math.sqrt(firstHalf));
    }
}
