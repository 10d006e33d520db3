package dev.scalelab.ui.database;

import dev.scalelab.engine.data.ShardRouter;
import dev.scalelab.engine.data.ShardRouter.Strategy;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoveComparisonTest {
    private static final int[] TEN = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final int KEYS = 20_000;

    /** Binomial: 4 standard deviations of a share p measured over n keys. */
    private static double tolerance(double p, int n) {
        return 4 * Math.sqrt(p * (1 - p) / n);
    }

    @Test
    void fromTenToElevenShardsModNMovesAboutTenEleventhsAndTheRingAboutOneEleventh() {
        ShardRouter mod = ShardRouter.create(Strategy.MOD, TEN, 100, KEYS);
        MoveComparison comparison = MoveComparison.of(mod, 100, KEYS, 400);
        assertEquals(10, comparison.shards());
        List<MoveComparison.Row> rows = comparison.rows();
        assertEquals(2, rows.size());
        MoveComparison.Row modRow = rows.get(0);
        MoveComparison.Row ringRow = rows.get(1);
        assertEquals(KEYS, modRow.measured(), "every key is measured");
        assertEquals(10 / 11.0, modRow.movedFraction(), tolerance(10 / 11.0, KEYS));
        // A ring's share for the new shard varies like 1/sqrt(V) around 1/11: 10% at V = 100, hence 3 sigma of that.
        assertEquals(1 / 11.0, ringRow.movedFraction(), 0.3 / 11);
        assertTrue(modRow.inUse());
        assertFalse(ringRow.inUse());
        assertEquals("theory N/(N+1) = 91%", modRow.theory());
        assertEquals("theory 1/(N+1) = 9.1%", ringRow.theory());
    }

    @Test
    void theStripHasTheMovedShareOfCellsGroupedByNewOwnerThenTheKeysThatStay() {
        ShardRouter ring = ShardRouter.create(Strategy.CONSISTENT_HASH, new int[] {0, 1, 2, 3}, 100, KEYS);
        MoveComparison.Row row = MoveComparison.of(ring, 100, KEYS, 400).rows().get(1);
        assertTrue(row.inUse());
        int[] cells = row.cells();
        assertEquals(400, cells.length);
        long moved = Arrays.stream(cells).filter(c -> c >= 0).count();
        assertEquals(Math.round(row.movedFraction() * 400), moved);
        // On a ring every moving key goes to the new shard.
        assertTrue(Arrays.stream(cells).allMatch(c -> c == 4 || c == -1));
        for (int i = 1; i < cells.length; i++) {
            assertFalse(cells[i - 1] == -1 && cells[i] != -1, "keys that stay come last");
        }
    }

    @Test
    void jumpAndRendezvousGetARowOfTheirOwnWhenInUse() {
        for (Strategy s : new Strategy[] {Strategy.JUMP, Strategy.RENDEZVOUS}) {
            ShardRouter router = ShardRouter.create(s, TEN, 100, KEYS);
            List<MoveComparison.Row> rows = MoveComparison.of(router, 100, KEYS, 400).rows();
            assertEquals(3, rows.size());
            assertEquals(s, rows.get(2).strategy());
            assertTrue(rows.get(2).inUse());
            assertEquals(1 / 11.0, rows.get(2).movedFraction(), tolerance(1 / 11.0, KEYS));
        }
        ShardRouter range = ShardRouter.create(Strategy.RANGE, TEN, 100, KEYS);
        assertEquals(2, MoveComparison.of(range, 100, KEYS, 400).rows().size(), "ranges split by load: no row");
    }

    @Test
    void cellsAreSharedByLargestRemainder() {
        // 30 of 100 keys move: 20 to shard 1, 10 to shard 2; 10 cells: 3 move, 2 and 1.
        assertArrayEquals(new int[] {1, 1, 2, -1, -1, -1, -1, -1, -1, -1}, MoveComparison.cells(new int[] {0, 20, 10}, 100, 10));
        assertArrayEquals(new int[] {-1, -1, -1, -1}, MoveComparison.cells(new int[] {0, 0}, 100, 4));
    }

    @Test
    void percentagesKeepTwoSignificantDigitsBelowTen() {
        assertEquals("9.1%", MoveComparison.percent(1 / 11.0));
        assertEquals("80%", MoveComparison.percent(0.8));
        assertEquals("0.0%", MoveComparison.percent(0));
    }
}
