package dev.scalelab.seeds;

import dev.scalelab.practice.Headline;
import dev.scalelab.runtime.ParallelRuns;
import dev.scalelab.runtime.Summary;
import dev.scalelab.world.Report;
import dev.scalelab.world.Sample;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.World;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs a design on seeds {@code first, first + 1, …} to its duration, on a fixed pool of threads,
 * and summarises them: the same seeds give the same result whatever the thread count. Two designs
 * run on the same seeds (common random numbers), so their difference is measured seed by seed.
 */
public final class SeedBands {
    /**
     * The most points a band has: each seed's seconds are averaged into buckets first, so a band over
     * ten minutes has 5-second points, smooth enough to read and still showing a minute's change.
     */
    static final int MAX_BAND_POINTS = 120;

    private SeedBands() {
    }

    /** One design's runs: per seed the headline figures ({@link Headline} order) and per-second series. */
    public record Runs(String name, long firstSeed, double[][] figures, double[][] throughputPerSecond,
                       double[][] p99Ms) {
        public int seeds() {
            return figures.length;
        }

        /** The values of {@code h} over the seeds, NaN where the design has no such figure. */
        public double[] values(Headline h) {
            double[] v = new double[figures.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = figures[i][h.ordinal()];
            }
            return v;
        }

        /** Mean, deviation and 95 % interval of {@code h} over the seeds; null when the design has no such figure. */
        public Summary summary(Headline h) {
            double[] v = values(h);
            return Double.isNaN(v[0]) ? null : Summary.of(v);
        }

        public Band throughputBand() {
            return Band.of(throughputPerSecond);
        }

        public Band p99Band() {
            return Band.of(p99Ms);
        }
    }

    /**
     * A series over seeds: at each time its 5th percentile, median and 95th percentile across seeds
     * (nearest rank), after averaging each seed's seconds into buckets of {@code bucketSeconds}.
     */
    public record Band(double bucketSeconds, double[] timeSeconds, double[] p5, double[] median, double[] p95) {
        static Band of(double[][] perSeed) {
            int seconds = Arrays.stream(perSeed).mapToInt(s -> s.length).min().orElse(0);
            int bucket = Math.max(1, (seconds + MAX_BAND_POINTS - 1) / MAX_BAND_POINTS);
            int points = seconds / bucket;
            double[] time = new double[points];
            double[] low = new double[points];
            double[] mid = new double[points];
            double[] high = new double[points];
            double[] across = new double[perSeed.length];
            for (int p = 0; p < points; p++) {
                for (int s = 0; s < perSeed.length; s++) {
                    double sum = 0;
                    for (int k = p * bucket; k < (p + 1) * bucket; k++) {
                        sum += perSeed[s][k];
                    }
                    across[s] = sum / bucket;
                }
                Arrays.sort(across);
                time[p] = (p + 1) * bucket; // a bucket is drawn at its end, as a per-second sample is
                low[p] = rank(across, 0.05);
                mid[p] = rank(across, 0.5);
                high[p] = rank(across, 0.95);
            }
            return new Band(bucket, time, low, mid, high);
        }

        /** The nearest-rank percentile of sorted values: the smallest value with at least q of them at or below it. */
        static double rank(double[] sorted, double q) {
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    /**
     * The difference B − A of a figure over the same seeds: its mean and 95 % interval from the
     * per-seed differences (a paired t interval). Significant when the interval leaves out 0.
     */
    public record Difference(Headline figure, Summary ofDifferences) {
        public boolean significant() {
            return ofDifferences.n() > 1 && (ofDifferences.ciLow() > 0 || ofDifferences.ciHigh() < 0);
        }
    }

    /** The paired difference of {@code figure}, {@code b} − {@code a}; null when either lacks it or the seeds differ. */
    public static Difference difference(Runs a, Runs b, Headline figure) {
        if (a.seeds() != b.seeds() || a.firstSeed() != b.firstSeed()) {
            return null;
        }
        double[] x = a.values(figure);
        double[] y = b.values(figure);
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = y[i] - x[i];
            if (Double.isNaN(d[i])) {
                return null;
            }
        }
        return new Difference(figure, Summary.of(d));
    }

    /**
     * Runs {@code scenario} on {@code seeds} seeds from {@code firstSeed}, each to the scenario's
     * duration, on {@code threads} threads; {@code listener} hears each run end and
     * {@code cancelled} (may be null) stops them (a CancellationException).
     */
    public static Runs run(String name, Scenario scenario, long firstSeed, int seeds, int threads,
                           ParallelRuns.Listener listener, BooleanSupplier cancelled) {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds: at least 1, not " + seeds);
        }
        double duration = scenario.durationSeconds();
        // Each run may fill its share of the heap with queued requests, as one run alone fills half.
        long requestMemoryBytes = ParallelRuns.requestMemoryBytes(threads);
        List<ParallelRuns.Run<double[][]>> runs = new ArrayList<>(seeds);
        for (int i = 0; i < seeds; i++) {
            Scenario s = scenario.withSeed(firstSeed + i);
            runs.add(stop -> one(s, duration, requestMemoryBytes, stop));
        }
        List<double[][]> results = ParallelRuns.run(runs, threads, "seed-bands", listener, cancelled);
        double[][] figures = new double[seeds][];
        double[][] throughput = new double[seeds][];
        double[][] p99 = new double[seeds][];
        for (int i = 0; i < seeds; i++) {
            figures[i] = results.get(i)[0];
            throughput[i] = results.get(i)[1];
            p99[i] = results.get(i)[2];
        }
        return new Runs(name, firstSeed, figures, throughput, p99);
    }

    /** {headline figures, throughput per second, p99 per second} of one run. */
    private static double[][] one(Scenario s, double durationSeconds, long requestMemoryBytes, BooleanSupplier stop) {
        World world = new World(s, requestMemoryBytes);
        int seconds = (int) Math.floor(durationSeconds);
        double[] throughput = new double[seconds];
        double[] p99 = new double[seconds];
        world.setSampleSink((Sample sample) -> {
            int i = (int) Math.round(sample.timeSeconds()) - 1; // the sample of second k is taken at k
            if (i >= 0 && i < seconds) {
                throughput[i] = sample.throughputPerSecond();
                p99[i] = sample.p99Ms();
            }
        });
        ParallelRuns.toEnd(world, durationSeconds, stop);
        return new double[][] {Headline.readAll(Report.of(world, 0)), throughput, p99};
    }
}
