package dev.scalelab.engine.metrics;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The one-walk summary gives bit for bit what HdrHistogram's getMean, getValueAtPercentile and
 * getMaxValue give, on the shapes the simulator records (log-normal latencies, zeros, a single
 * value, the clamp at one hour), so the reports and time series built on it do not change.
 */
class LatencyRecorderTest {

    private static LatencySummary reference(Histogram h) {
        if (h.getTotalCount() == 0) {
            return LatencySummary.EMPTY;
        }
        return new LatencySummary(h.getTotalCount(), h.getMean() / 1000.0,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0,
                h.getMaxValue() / 1000.0);
    }

    private static void same(Histogram h) {
        LatencySummary want = reference(h);
        LatencySummary got = LatencyRecorder.summarize(h);
        // Records compare doubles by their bits: NaN, -0.0 and the last ulp all count.
        assertEquals(want, got);
    }

    @Test
    void manyRandomIntervalsSummarizeAsHdrHistogramDoes() {
        SplittableRandom random = new SplittableRandom(17);
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (int round = 0; round < 400; round++) {
            h.reset();
            int n = random.nextInt(1, round < 50 ? 5 : 20_000);
            double sigma = random.nextDouble(0.1, 2.5);
            double medianMicros = Math.exp(random.nextDouble(0, 14));
            for (int i = 0; i < n; i++) {
                long v = (long) (medianMicros * Math.exp(sigma * random.nextGaussian()));
                h.recordValue(Math.min(3_600_000_000L, v));
            }
            same(h);
            for (double p : new double[] {95, 75, 99.99, 100, 1e-9}) {
                assertEquals(h.getValueAtPercentile(p), LatencyRecorder.valueAtPercentile(h, p), "p" + p);
            }
        }
    }

    @Test
    void edgeShapesSummarizeAsHdrHistogramDoes() {
        Histogram h = new Histogram(3_600_000_000L, 3);
        same(h);
        h.recordValue(0);
        same(h);
        h.recordValue(0);
        h.recordValue(1);
        same(h);
        h.reset();
        h.recordValue(3_600_000_000L);
        same(h);
        h.recordValue(2047);
        h.recordValue(2048);
        h.recordValue(4097);
        same(h);
        h.reset();
        for (int i = 0; i < 1000; i++) {
            h.recordValue(40_000);
        }
        same(h);
    }

    @Test
    void theRecorderSummarizesItsIntervalAndTotalTheSameWay() {
        LatencyRecorder r = new LatencyRecorder();
        Histogram shadow = new Histogram(3_600_000_000L, 3);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 5000; i++) {
            long nanos = (long) (20e6 * Math.exp(0.6 * random.nextGaussian()));
            r.recordNanos(nanos);
            shadow.recordValue(nanos / 1000);
        }
        assertEquals(reference(shadow), r.takeInterval());
        assertEquals(reference(shadow), r.total());
        assertEquals(LatencySummary.EMPTY, r.takeInterval());
    }

    @Test
    void aRecorderOfIntervalsAloneGivesTheSameIntervalsAndNoWholeRun() {
        LatencyRecorder both = new LatencyRecorder();
        LatencyRecorder alone = LatencyRecorder.intervalOnly();
        SplittableRandom random = new SplittableRandom(23);
        for (int interval = 0; interval < 20; interval++) {
            for (int i = 0; i < 500; i++) {
                long nanos = (long) (-Math.log(1 - random.nextDouble()) * 40_000_000L); // exponential, mean 40 ms
                both.recordNanos(nanos);
                alone.recordNanos(nanos);
            }
            assertEquals(both.intervalPercentileMs(95), alone.intervalPercentileMs(95));
            if (interval % 2 == 0) {
                assertEquals(both.takeIntervalPercentileMs(99), alone.takeIntervalPercentileMs(99));
            } else {
                assertEquals(both.takeInterval(), alone.takeInterval());
            }
        }
        assertEquals(10_000, both.totalCount());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, alone::total);
        assertEquals("a recorder of intervals alone keeps no whole-run figures", e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, alone::totalCount);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> alone.totalPercentileMicros(99));
    }

    @Test
    void theIntervalBucketsAreHdrHistogramsBuckets() {
        Histogram h = new Histogram(3_600_000_000L, 3);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            long v = i < 5000 ? i : (long) Math.exp(random.nextDouble(0, Math.log(3_600_000_000.0)));
            int index = IntervalHistogram.index(v);
            assertEquals(h.lowestEquivalentValue(v), IntervalHistogram.valueOf(index), "value " + v);
            assertEquals(index, IntervalHistogram.index(h.highestEquivalentValue(v)), "value " + v);
            long lowest = IntervalHistogram.valueOf(index);
            long width = IntervalHistogram.widthOf(index);
            assertEquals(h.medianEquivalentValue(v), lowest + (width >> 1), "value " + v);
            assertEquals(h.highestEquivalentValue(v), lowest + width - 1, "value " + v);
        }
    }

    @Test
    void manyRecordedIntervalsSummarizeAsHdrHistogramDoes() {
        LatencyRecorder r = new LatencyRecorder();
        SplittableRandom random = new SplittableRandom(23);
        Histogram shadow = new Histogram(3_600_000_000L, 3);
        for (int round = 0; round < 300; round++) {
            shadow.reset();
            int n = random.nextInt(0, round < 40 ? 4 : 5000);
            double sigma = random.nextDouble(0.05, 2.5);
            double medianNanos = Math.exp(random.nextDouble(0, 25));
            for (int i = 0; i < n; i++) {
                long nanos = (long) (medianNanos * Math.exp(sigma * random.nextGaussian()));
                r.recordNanos(nanos);
                shadow.recordValue(Math.min(3_600_000_000L, Math.max(0, nanos / 1000)));
            }
            if (round % 3 == 0) {
                double p = new double[] {95, 99, 50, 99.9}[round % 4];
                double want = shadow.getTotalCount() == 0 ? Double.NaN : shadow.getValueAtPercentile(p) / 1000.0;
                assertEquals(want, r.takeIntervalPercentileMs(p), "round " + round);
            } else {
                assertEquals(reference(shadow), r.takeInterval(), "round " + round);
            }
        }
    }
}
