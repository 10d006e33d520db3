package dev.scalelab.sim;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DistributionTest {
    private static final int N = 400_000;

    private static double[] draw(Distribution d) {
        SplittableRandom r = new SplittableRandom(1);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = d.sample(r);
        }
        Arrays.sort(x);
        return x;
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).sum() / x.length;
    }

    @Test
    void exponentialHasItsMeanAndMedianMeanTimesLn2() {
        double[] x = draw(new Distribution.Exponential(10));
        assertEquals(10, mean(x), 0.1);
        assertEquals(10 * Math.log(2), x[N / 2], 0.1);
    }

    @Test
    void lognormalGivenByMeanAndP99HasThatMeanAndP99() {
        Distribution.LogNormal d = Distribution.LogNormal.of(20, 80);
        double[] x = draw(d);
        assertEquals(20, mean(x), 0.2);
        assertEquals(80, x[(int) (0.99 * N)], 80 * 0.02);
    }

    @Test
    void lognormalRefusesAP99ThatNoLognormalCanHave() {
        assertThrows(IllegalArgumentException.class, () -> Distribution.LogNormal.of(10, 9));
        assertThrows(IllegalArgumentException.class, () -> Distribution.LogNormal.of(10, 200));
    }

    @Test
    void paretoHasItsMeanAndScale() {
        Distribution.Pareto d = new Distribution.Pareto(30, 3);
        assertEquals(20, d.scale(), 1e-12);
        double[] x = draw(d);
        assertEquals(20, x[0], 0.01);
        assertEquals(30, mean(x), 0.6);
        // P(X > x) = (scale/x)^alpha: the median is scale * 2^(1/alpha).
        assertEquals(20 * Math.cbrt(2), x[N / 2], 0.1);
    }

    @Test
    void uniformAndConstant() {
        double[] x = draw(new Distribution.Uniform(5, 15));
        assertEquals(10, mean(x), 0.05);
        assertEquals(5, x[0], 0.01);
        assertEquals(15, x[N - 1], 0.01);
        assertEquals(7.5, new Distribution.Constant(7.5).sample(new SplittableRandom(1)));
    }
}
