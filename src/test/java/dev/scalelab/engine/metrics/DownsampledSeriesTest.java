package dev.scalelab.engine.metrics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DownsampledSeriesTest {

    @Test
    void mergedBucketsKeepTheExactMinMaxAndMeanOfTheRawSeconds() {
        SplittableRandom random = new SplittableRandom(7);
        int capacity = 256;
        int n = 5_000; // 256 → merged four times: 32-second buckets
        double[] raw = new double[n];
        DownsampledSeries s = new DownsampledSeries(capacity);
        for (int t = 0; t < n; t++) {
            // Mostly noise, a rare tall spike, and some seconds without a value.
            double v = random.nextDouble() < 0.05 ? Double.NaN
                    : random.nextDouble() < 0.002 ? 10_000 + random.nextDouble() : random.nextDouble(100);
            raw[t] = v;
            s.append(v);
        }
        SeriesView view = s.view();
        assertEquals(32, view.bucketSeconds());
        assertEquals((n + 31) / 32, view.buckets());
        assertEquals(n, view.seconds());
        for (int k = 0; k < view.buckets(); k++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int count = 0;
            for (int t = k * 32; t < Math.min(n, (k + 1) * 32); t++) {
                if (!Double.isNaN(raw[t])) {
                    min = Math.min(min, raw[t]);
                    max = Math.max(max, raw[t]);
                    sum += raw[t];
                    count++;
                }
            }
            assertEquals(count, view.count(k), "bucket " + k);
            if (count == 0) {
                assertTrue(Double.isNaN(view.mean(k)) && Double.isNaN(view.min(k)));
                continue;
            }
            assertEquals(min, view.min(k), 0.0, "min of bucket " + k);
            assertEquals(max, view.max(k), 0.0, "max of bucket " + k);
            // Sums add in a different order (pairwise): equal to the last bits of a double.
            assertEquals(sum / count, view.mean(k), 1e-9 * Math.abs(sum / count), "mean of bucket " + k);
        }
        double highest = 0;
        for (int k = 0; k < view.buckets(); k++) {
            highest = Math.max(highest, view.count(k) == 0 ? 0 : view.max(k));
        }
        assertTrue(highest >= 10_000, "the one-second spikes survive the merges: " + highest);
    }

    @Test
    void memoryStaysBoundedAfterAMillionSeconds() {
        DownsampledSeries s = new DownsampledSeries(4096);
        for (int t = 0; t < 1_000_000; t++) {
            s.append(t % 60);
        }
        // At most 4,096 buckets of 28 bytes (three doubles and a count), whatever the run's length:
        // 10^6 s in 3,907 buckets of 256 s fill 62 of the 64 chunks.
        assertTrue(s.retainedBytes() <= 4096L * 28, "bytes " + s.retainedBytes());
        assertEquals(62L * 64 * 28, s.retainedBytes());
        assertTrue(s.buckets() <= 4096 && s.buckets() > 2048, "buckets " + s.buckets());
        assertEquals(256, s.bucketSeconds()); // 4,096 × 256 s ≥ 10^6 s > 4,096 × 128 s
        assertEquals(1_000_000, s.view().seconds());
        assertEquals(0, s.view().min(0), 0.0);
        assertEquals(59, s.view().max(0), 0.0);
    }

    @Test
    void aSeriesStartedLateHasTheBucketsOfOneGivenNothingFromTheStart() {
        for (long late : new long[] {0, 1, 200, 255, 256, 257, 511, 512, 513, 3000}) {
            DownsampledSeries full = new DownsampledSeries(256);
            for (long t = 0; t < late; t++) {
                full.append(Double.NaN);
            }
            DownsampledSeries started = DownsampledSeries.startingAfter(256, late);
            for (int t = 0; t < 700; t++) {
                full.append(t);
                started.append(t);
            }
            SeriesView a = full.view();
            SeriesView b = started.view();
            assertEquals(a.bucketSeconds(), b.bucketSeconds(), "late " + late);
            assertEquals(a.buckets(), b.buckets(), "late " + late);
            for (int k = 0; k < a.buckets(); k++) {
                assertEquals(a.count(k), b.count(k));
                assertEquals(a.sum(k), b.sum(k), 0.0);
                assertEquals(a.min(k), b.min(k), 0.0);
            }
        }
    }

    @Test
    void aViewDoesNotChangeWhenTheSeriesGoesOnOrMerges() {
        DownsampledSeries s = new DownsampledSeries(128);
        for (int t = 0; t < 100; t++) {
            s.append(1);
        }
        SeriesView before = s.view();
        assertSame(before, s.view()); // nothing appended: the same view
        for (int t = 0; t < 1000; t++) {
            s.append(5);
        }
        assertEquals(100, before.buckets());
        assertEquals(1, before.bucketSeconds());
        assertEquals(1, before.max(99), 0.0);
        assertEquals(100, before.seconds());
    }
}
