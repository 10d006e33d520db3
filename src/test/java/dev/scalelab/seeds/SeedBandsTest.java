package dev.scalelab.seeds;

import dev.scalelab.practice.Headline;
import dev.scalelab.runtime.Summary;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Report;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedBandsTest {
    private static final Scenario SHORT = Presets.load("default").withDurationSeconds(20);

    @Test
    void eachSeedsFiguresAreThoseOfItsOwnRunWhateverTheThreads() {
        SeedBands.Runs one = SeedBands.run("a", SHORT, 5, 3, 1, null, null);
        SeedBands.Runs two = SeedBands.run("a", SHORT, 5, 3, 2, null, null);
        for (int i = 0; i < 3; i++) {
            World alone = new World(SHORT.withSeed(5 + i));
            alone.advanceTo(Simulation.secondsToNanos(20));
            assertArrayEquals(Headline.readAll(Report.of(alone, 0)), one.figures()[i], "seed " + (5 + i));
            assertArrayEquals(one.figures()[i], two.figures()[i]);
            assertArrayEquals(one.throughputPerSecond()[i], two.throughputPerSecond()[i]);
            assertArrayEquals(one.p99Ms()[i], two.p99Ms()[i]);
        }
        assertFalse(Arrays.equals(one.figures()[0], one.figures()[1]), "seeds differ");
    }

    @Test
    void theSecondsAddUpToTheReportedThroughput() {
        SeedBands.Runs runs = SeedBands.run("a", SHORT, 1, 2, 2, null, null);
        for (int i = 0; i < 2; i++) {
            double[] perSecond = runs.throughputPerSecond()[i];
            assertEquals(20, perSecond.length);
            // The report's throughput is completed requests over the run's 20 s; the samples count each second's.
            assertEquals(runs.figures()[i][Headline.THROUGHPUT.ordinal()], Arrays.stream(perSecond).sum() / 20, 0.051);
            assertTrue(Arrays.stream(runs.p99Ms()[i]).allMatch(v -> v > 0));
        }
    }

    @Test
    void aBandIsTheNearestRankPercentilesAcrossSeeds() {
        // 20 seeds whose every second is the seed's number 1..20.
        double[][] perSeed = new double[20][3];
        for (int s = 0; s < 20; s++) {
            Arrays.fill(perSeed[s], s + 1);
        }
        SeedBands.Band band = SeedBands.Band.of(perSeed);
        assertArrayEquals(new double[] {1, 2, 3}, band.timeSeconds());
        assertArrayEquals(new double[] {1, 1, 1}, band.p5()); // rank ceil(0.05 * 20) = 1
        assertArrayEquals(new double[] {10, 10, 10}, band.median()); // rank 10
        assertArrayEquals(new double[] {19, 19, 19}, band.p95()); // rank 19
    }

    @Test
    void aLongRunIsAveragedIntoBucketsBeforeThePercentiles() {
        double[][] perSeed = new double[1][241];
        for (int k = 0; k < perSeed[0].length; k++) {
            perSeed[0][k] = k;
        }
        SeedBands.Band band = SeedBands.Band.of(perSeed);
        assertEquals(3, band.bucketSeconds()); // ceil(241 / 120)
        assertEquals(80, band.timeSeconds().length); // the last, partial bucket is left out
        assertEquals(1, band.median()[0]); // mean of 0, 1, 2
        assertEquals(3, band.timeSeconds()[0]);
        assertEquals(238, band.median()[79]); // mean of 237, 238, 239
    }

    @Test
    void aDifferenceIsPairedSeedBySeed() {
        SeedBands.Runs a = runs(1, 2, 3, 4, 5);
        SeedBands.Difference same = SeedBands.difference(a, runs(2, 3, 4, 5, 6), Headline.P99_MS);
        assertEquals(1, same.ofDifferences().mean());
        assertEquals(0, same.ofDifferences().sd());
        assertTrue(same.significant(), "every seed one higher");
        SeedBands.Difference noise = SeedBands.difference(a, runs(2, 1, 4, 3, 5), Headline.P99_MS);
        assertEquals(0, noise.ofDifferences().mean(), 1e-12);
        assertFalse(noise.significant());
        // d = 2, 3, 1, 2, 2: mean 2, sd sqrt(0.5), half-width t(0.975, 4) sd / sqrt(5) = 2.7764 * 0.70711 / 2.23607.
        Summary d = SeedBands.difference(a, runs(3, 5, 4, 6, 7), Headline.P99_MS).ofDifferences();
        assertEquals(2, d.mean(), 1e-12);
        assertEquals(2 - 0.87798, d.ciLow(), 1e-4);
        assertNull(SeedBands.difference(a, runs(1, 2, 3), Headline.P99_MS), "other seeds: no pairs");
    }

    @Test
    void twiceTheInstancesCutTheP99OfAnOverloadedPoolSignificantlyAndADesignDoesNotDifferFromItself() {
        Scenario busy = Parameter.of("workload.arrival.ratePerSecond").applyTo(SHORT.withDurationSeconds(60), 700.0);
        Scenario wider = Parameter.of("service.instances").applyTo(busy, 8);
        SeedBands.Runs a = SeedBands.run("4 instances", busy, 1, 5, 2, null, null);
        SeedBands.Runs b = SeedBands.run("8 instances", wider, 1, 5, 2, null, null);
        SeedBands.Difference p99 = SeedBands.difference(a, b, Headline.P99_MS);
        assertTrue(p99.significant() && p99.ofDifferences().ciHigh() < 0, "p99 " + p99);
        SeedBands.Difference itself = SeedBands.difference(a, SeedBands.run("again", busy, 1, 5, 1, null, null), Headline.P99_MS);
        assertEquals(0, itself.ofDifferences().mean());
        assertFalse(itself.significant());
    }

    private static SeedBands.Runs runs(double... p99) {
        double[][] figures = new double[p99.length][Headline.values().length];
        for (int i = 0; i < p99.length; i++) {
            figures[i][Headline.P99_MS.ordinal()] = p99[i];
        }
        return new SeedBands.Runs("x", 1, figures, new double[p99.length][0], new double[p99.length][0]);
    }
}
