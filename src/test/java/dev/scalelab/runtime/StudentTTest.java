package dev.scalelab.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Student's t quantiles against published tables, and the seeds' summary worked by hand. */
class StudentTTest {

    @Test
    void quantilesMatchThePublishedTwoSidedFivePercentValues() {
        // NIST/SEMATECH e-Handbook, table of upper critical values of Student's t, 1 - alpha = 0.975.
        assertEquals(12.7062, StudentT.quantile(0.975, 1), 5e-5);
        assertEquals(4.3027, StudentT.quantile(0.975, 2), 5e-5);
        assertEquals(3.1824, StudentT.quantile(0.975, 3), 5e-5);
        assertEquals(2.7764, StudentT.quantile(0.975, 4), 5e-5);
        assertEquals(2.2622, StudentT.quantile(0.975, 9), 5e-5);
        assertEquals(2.0452, StudentT.quantile(0.975, 29), 5e-5);
        assertEquals(1.9840, StudentT.quantile(0.975, 100), 5e-5);
        // Far out the normal's 1.959964 is the limit, approached from above.
        double big = StudentT.quantile(0.975, 1e6);
        assertTrue(big > 1.959964 && big < 1.95997, String.valueOf(big));
    }

    @Test
    void otherLevelsAndTheLowerTailFollowTheSameFunction() {
        assertEquals(3.1693, StudentT.quantile(0.995, 10), 5e-5);
        assertEquals(1.3104, StudentT.quantile(0.90, 30), 5e-5);
        assertEquals(63.6567, StudentT.quantile(0.995, 1), 5e-4);
        assertEquals(-2.2622, StudentT.quantile(0.025, 9), 5e-5);
        assertEquals(0, StudentT.quantile(0.5, 7));
        // The quantile inverts the distribution function.
        for (double df : new double[] {1, 2, 3, 4.5, 9, 29, 100, 1000}) {
            for (double p : new double[] {0.6, 0.9, 0.975, 0.999}) {
                assertEquals(p, StudentT.cdf(StudentT.quantile(p, df), df), 1e-12, "df " + df + ", p " + p);
            }
        }
        assertEquals(0.5, StudentT.cdf(0, 3));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(1, 3));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.975, 0));
    }

    @Test
    void theSummaryOfOneToFiveWorkedByHand() {
        Summary s = Summary.of(1, 2, 3, 4, 5);
        assertEquals(5, s.n());
        assertEquals(3, s.mean(), 1e-12);
        // Squares about the mean: 4 + 1 + 0 + 1 + 4 = 10; 10 / 4 = 2.5; sqrt 2.5 = 1.58114.
        assertEquals(1.58114, s.sd(), 5e-6);
        // Half-width 2.7764 × 1.58114 / sqrt 5 = 1.96324.
        assertEquals(3 - 1.9632, s.ciLow(), 5e-5);
        assertEquals(3 + 1.9632, s.ciHigh(), 5e-5);
        Summary one = Summary.of(7);
        assertEquals(7, one.mean());
        assertTrue(Double.isNaN(one.sd()) && Double.isNaN(one.ciLow()) && Double.isNaN(one.ciHigh()));
        Summary same = Summary.of(0.384, 0.384, 0.384);
        assertEquals(0, same.sd());
        assertEquals(0.384, same.ciLow());
    }
}
