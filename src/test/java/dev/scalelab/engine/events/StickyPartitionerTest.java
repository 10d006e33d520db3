package dev.scalelab.engine.events;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StickyPartitionerTest {

    /** The partitions of {@code batches} consecutive batches, checking each is exactly batchRecords long. */
    private static int[] batches(StickyPartitioner sticky, int batchRecords, int batches, int partitions) {
        int[] chosen = new int[batches];
        for (int b = 0; b < batches; b++) {
            chosen[b] = sticky.next(partitions);
            for (int r = 1; r < batchRecords; r++) {
                assertEquals(chosen[b], sticky.next(partitions), "record " + r + " of batch " + b);
            }
        }
        return chosen;
    }

    @Test
    void staysOnOnePartitionForExactlyABatchThenMovesToAnother() {
        StickyPartitioner sticky = new StickyPartitioner(5, new SplittableRandom(1));
        List<Integer> runs = new ArrayList<>();
        int last = sticky.next(6);
        int run = 1;
        for (int i = 1; i < 5 * 40; i++) {
            int p = sticky.next(6);
            if (p == last) {
                run++;
            } else {
                runs.add(run);
                run = 1;
                last = p;
            }
        }
        runs.add(run);
        assertEquals(40, runs.size());
        assertTrue(runs.stream().allMatch(r -> r == 5), runs.toString());
    }

    @Test
    void neverPicksTheSamePartitionTwiceInARow() {
        int[] chosen = batches(new StickyPartitioner(3, new SplittableRandom(9)), 3, 5_000, 2);
        for (int b = 1; b < chosen.length; b++) {
            assertNotEquals(chosen[b - 1], chosen[b], "batch " + b);
        }
        int[] single = batches(new StickyPartitioner(3, new SplittableRandom(9)), 3, 10, 1);
        for (int p : single) {
            assertEquals(0, p);
        }
    }

    @Test
    void theSameSeedGivesTheSameSequence() {
        int[] a = batches(new StickyPartitioner(4, new SplittableRandom(77)), 4, 1_000, 7);
        int[] b = batches(new StickyPartitioner(4, new SplittableRandom(77)), 4, 1_000, 7);
        int[] c = batches(new StickyPartitioner(4, new SplittableRandom(78)), 4, 1_000, 7);
        assertEquals(Arrays.toString(a), Arrays.toString(b));
        assertNotEquals(Arrays.toString(a), Arrays.toString(c));
    }

    @Test
    void batchesSpreadUniformlyOverThePartitions() {
        int partitions = 8;
        int batches = 80_000;
        int[] chosen = batches(new StickyPartitioner(2, new SplittableRandom(2024)), 2, batches, partitions);
        long[] counts = new long[partitions];
        for (int p : chosen) {
            counts[p]++;
        }
        double expected = (double) batches / partitions;
        double chiSquare = 0;
        for (long n : counts) {
            chiSquare += (n - expected) * (n - expected) / expected;
        }
        // 24.32 is the 99.9% quantile of chi-square with 7 degrees of freedom. Successive batches are
        // not independent (a random walk on the complete graph, never staying put), but its only other
        // eigenvalue is -1/7: the counts are negatively correlated and vary less than independent
        // draws, so the bound for independent draws is conservative.
        assertTrue(chiSquare < 24.32, "chi-square " + chiSquare);
    }

    @Test
    void aGrownTopicsNewPartitionsAreChosenToo() {
        StickyPartitioner sticky = new StickyPartitioner(1, new SplittableRandom(5));
        batches(sticky, 1, 100, 2);
        int[] after = batches(sticky, 1, 3_000, 6);
        long[] counts = new long[6];
        for (int p : after) {
            counts[p]++;
        }
        for (int p = 0; p < 6; p++) {
            // Each of 6 partitions gets about 500 of 3,000 batches; the binomial sd is about 20.
            assertEquals(500, counts[p], 100, "partition " + p);
        }
    }
}
