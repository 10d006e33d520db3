package dev.scalelab.engine.balancing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Envoy's Maglev table: how entries are shared, the 1:2 check value, and what moves on removal. */
class MaglevTest {
    private static final int M = 65_537;
    private final SplittableRandom random = new SplittableRandom(1);

    /** The owner of every table entry: hash h lands on entry h mod M, so hashes 0 to M-1 read the table. */
    private int[] table(Maglev maglev, List<TestBackend> pool) {
        int[] owner = new int[M];
        for (int h = 0; h < M; h++) {
            owner[h] = maglev.pick(pool, h, 0, random);
        }
        return owner;
    }

    private static int[] entriesPerBackend(int[] table, int backends) {
        int[] counts = new int[backends];
        for (int owner : table) {
            counts[owner]++;
        }
        return counts;
    }

    @Test
    void equalWeightsShareTheTableEvenlyWithinOnePercent() {
        for (int n : new int[] {3, 10, 100}) {
            List<TestBackend> pool = TestBackend.pool(n);
            int[] counts = entriesPerBackend(table(new Maglev(M), pool), n);
            for (int c : counts) {
                // The round-robin fill gives each host floor(M/n) or ceil(M/n) entries.
                assertEquals(M / (double) n, c, 1.0);
                assertEquals(M / (double) n, c, 0.01 * M / n);
            }
        }
    }

    @Test
    void weightsOneToTwoGetEnvoysExactEntryCounts() {
        int[] counts = entriesPerBackend(table(new Maglev(M), TestBackend.weighted(1, 2)), 2);
        assertArrayEquals(new int[] {21_846, 43_691}, counts);
        int[] swapped = entriesPerBackend(table(new Maglev(M), TestBackend.weighted(2, 1)), 2);
        assertArrayEquals(new int[] {43_691, 21_846}, swapped);
    }

    @Test
    void removingAHostMovesAllItsKeysAndFewOthers() {
        Maglev maglev = new Maglev(M);
        List<TestBackend> pool = TestBackend.pool(10);
        int[] before = table(maglev, pool);
        pool.get(4).up = false;
        int[] after = table(maglev, pool);
        int ownedByRemoved = 0;
        int othersMoved = 0;
        for (int h = 0; h < M; h++) {
            if (before[h] == 4) {
                ownedByRemoved++;
                assertTrue(after[h] != 4);
            } else if (before[h] != after[h]) {
                othersMoved++;
            }
        }
        System.out.printf("maglev, 10 -> 9 hosts: %.4f of keys were the removed host's, %.4f more moved%n",
                ownedByRemoved / (double) M, othersMoved / (double) M);
        assertEquals(M / 10.0, ownedByRemoved, 1.0);
        // Not minimal, unlike an ideal ring: the survivors' claims shift a little (the Maglev
        // paper's "disruption"), well under 1% of the table for 10 hosts.
        assertTrue(othersMoved > 0 && othersMoved < 0.01 * M, "others moved: " + othersMoved);
    }

    @Test
    void theTableSizeMustBePrime() {
        assertThrows(IllegalArgumentException.class, () -> BalancerConfig.DEFAULTS.withMaglevTableSize(65_536));
        assertEquals(251, BalancerConfig.DEFAULTS.withMaglevTableSize(251).maglevTableSize());
    }
}
