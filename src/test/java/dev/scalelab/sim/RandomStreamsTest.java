package dev.scalelab.sim;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RandomStreamsTest {

    @Test
    void sameSeedAndNameGiveTheSameSequence() {
        SplittableRandom a = new RandomStreams(42).stream("service.serviceTime");
        SplittableRandom b = new RandomStreams(42).stream("service.serviceTime");
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
    }

    @Test
    void aStreamDoesNotDependOnHowMuchAnotherStreamWasUsed() {
        RandomStreams streams = new RandomStreams(42);
        SplittableRandom other = streams.stream("workload.arrival");
        for (int i = 0; i < 12345; i++) {
            other.nextDouble();
        }
        SplittableRandom mine = streams.stream("balancer");
        SplittableRandom fresh = new RandomStreams(42).stream("balancer");
        for (int i = 0; i < 100; i++) {
            assertEquals(fresh.nextLong(), mine.nextLong());
        }
    }

    @Test
    void differentNamesAndSeedsGiveUncorrelatedStreams() {
        SplittableRandom a = new RandomStreams(42).stream("a");
        SplittableRandom b = new RandomStreams(42).stream("b");
        SplittableRandom c = new RandomStreams(43).stream("a");
        assertNotEquals(a.nextLong(), b.nextLong());
        // Pearson correlation of 100k uniform pairs: |r| stays within a few standard errors (1/sqrt(n)).
        a = new RandomStreams(42).stream("a");
        int n = 100_000;
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            double x = a.nextDouble();
            double y = c.nextDouble();
            sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y;
        }
        double r = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
        assertEquals(0, r, 4 / Math.sqrt(n));
    }
}
