package dev.scalelab.ui.caching;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellFlashesTest {
    private static final long MS = 1_000_000L;

    private final CellFlashes flashes = new CellFlashes();
    private final KeySlotIndex index = new KeySlotIndex();
    private final KeySlotIndex previous = new KeySlotIndex();
    private final List<Long> misses = new ArrayList<>();
    private long recorded;

    /** One frame: events oldest first here (the view has them newest first). */
    private void frame(long nowNanos, int[] slotKeys, int[] previousSlotKeys, byte[] kindsOldestFirst, int[] keysOldestFirst) {
        index.rebuild(slotKeys);
        previous.rebuild(previousSlotKeys);
        int n = kindsOldestFirst.length;
        byte[] kinds = new byte[n];
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            kinds[i] = kindsOldestFirst[n - 1 - i];
            keys[i] = keysOldestFirst[n - 1 - i];
        }
        recorded += n;
        flashes.takeIn(kinds, keys, recorded, slotKeys.length, index, previous, nowNanos, 0, misses::add);
    }

    @Test
    void theFirstFrameFlashesNothingItsEventsHappenedBeforeTheViewLooked() {
        flashes.reset(3);
        frame(0, new int[] {7, 8, 9}, new int[] {7, 8, 9}, new byte[] {CellFlashes.HIT}, new int[] {7});
        assertEquals(CellFlashes.NONE, flashes.kind(0));
        assertTrue(misses.isEmpty());
    }

    @Test
    void aHitFlashesItsSlotAndFadesOut() {
        flashes.reset(3);
        frame(0, new int[] {7, 8, 9}, new int[] {7, 8, 9}, new byte[0], new int[0]);
        frame(100 * MS, new int[] {7, 8, 9}, new int[] {7, 8, 9}, new byte[] {CellFlashes.HIT}, new int[] {8});
        assertEquals(CellFlashes.HIT, flashes.kind(1));
        assertEquals(1.0, flashes.strength(1, 100 * MS));
        assertEquals(0.5, flashes.strength(1, 100 * MS + CellFlashes.HIT_MISS_NANOS / 2), 1e-9);
        assertTrue(flashes.animating(100 * MS + CellFlashes.HIT_MISS_NANOS));
        assertEquals(0.0, flashes.strength(1, 100 * MS + CellFlashes.HIT_MISS_NANOS));
        assertFalse(flashes.animating(100 * MS + CellFlashes.HIT_MISS_NANOS + 1));
    }

    @Test
    void aMissSendsADotAtOnceAndFlashesTheSlotItsKeyIsLoadedIntoWhenTheLoadReturns() {
        flashes.reset(3);
        frame(0, new int[] {7, 8, -1}, new int[] {7, 8, -1}, new byte[0], new int[0]);
        frame(10 * MS, new int[] {7, 8, -1}, new int[] {7, 8, -1}, new byte[] {CellFlashes.MISS}, new int[] {5});
        assertEquals(List.of(10 * MS), misses);
        assertEquals(CellFlashes.NONE, flashes.kind(2), "nothing to flash while the key loads");
        frame(810 * MS, new int[] {7, 8, 5}, new int[] {7, 8, -1}, new byte[] {CellFlashes.INSERT}, new int[] {5});
        assertEquals(CellFlashes.MISS, flashes.kind(2));
    }

    @Test
    void anInsertWithoutAMissBeforeItIsAWriteAndDoesNotFlashAsAMiss() {
        flashes.reset(3);
        frame(0, new int[] {7, -1, -1}, new int[] {7, -1, -1}, new byte[0], new int[0]);
        frame(10 * MS, new int[] {7, 4, -1}, new int[] {7, -1, -1}, new byte[] {CellFlashes.INSERT}, new int[] {4});
        assertEquals(CellFlashes.NONE, flashes.kind(1));
    }

    @Test
    void anEvictionOutlinesTheSlotWhereTheKeyWasEvenThoughAnotherKeyHoldsItNow() {
        flashes.reset(3);
        frame(0, new int[] {7, 8, 9}, new int[] {7, 8, 9}, new byte[0], new int[0]);
        frame(10 * MS, new int[] {7, 3, 9}, new int[] {7, 8, 9},
                new byte[] {CellFlashes.MISS, CellFlashes.EVICT, CellFlashes.INSERT}, new int[] {3, 8, 3});
        // The fill of key 3 came after the eviction of key 8 from the same slot: the newest wins.
        assertEquals(CellFlashes.MISS, flashes.kind(1));
        frame(20 * MS, new int[] {7, 3, -1}, new int[] {7, 3, 9}, new byte[] {CellFlashes.EXPIRE}, new int[] {9});
        assertEquals(CellFlashes.EXPIRE, flashes.kind(2));
        assertTrue(CellFlashes.isRemoval(flashes.kind(2)));
    }

    @Test
    void onlyEventsNewSinceTheLastFrameCountAndAnOlderCountMeansStartOver() {
        assertEquals(0, CellFlashes.freshEvents(100, 100, 64));
        assertEquals(5, CellFlashes.freshEvents(105, 100, 64));
        assertEquals(64, CellFlashes.freshEvents(1000, 100, 64), "at most what the view copied");
        assertEquals(0, CellFlashes.freshEvents(3, 100, 64), "the drawn copy changed or the run restarted");
    }
}
