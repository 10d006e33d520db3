package dev.scalelab.engine.runtime;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.scalelab.engine.runtime.Heap.BYTES_PER_MB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generational heap and its collectors (engines.md §7), in virtual time. */
class HeapTest {
    private static final long MB = BYTES_PER_MB;

    private static Heap.Config parallel(long heapMb, long youngMb, double surviving, int tenuring, long liveMb) {
        return new Heap.Config(CollectorKind.PARALLEL, heapMb * MB, youngMb * MB, surviving, tenuring, liveMb * MB, 200, 45);
    }

    /** Fills eden exactly, then allocates one byte more: the young collection that follows. */
    private static GcEvent fillAndCollect(Heap heap, long nowNanos) {
        long free = heap.edenBytes() - heap.edenUsedBytes();
        assertNull(heap.allocate(free, nowNanos));
        return heap.allocate(1, nowNanos);
    }

    @Test
    void collectionsPerSecondEqualAllocationRateOverEdenInSteadyState() {
        // Young 400 MB, so eden is 320 MB (SurvivorRatio 8); 256 MB/s of exponential allocations
        // (mean 1 MB, 256 a second): 0.8 collections a second.
        Heap heap = new Heap(parallel(1200, 400, 0.02, 15, 100));
        SplittableRandom random = new SplittableRandom(7);
        double meanBytes = MB;
        int perSecond = 256;
        long stepNanos = 1_000_000_000L / perSecond;
        long warmupSeconds = 20;
        long seconds = 1020;
        long collectionsAtWarmup = 0;
        long t = 0;
        for (long i = 0; i < seconds * perSecond; i++) {
            if (i == warmupSeconds * perSecond) {
                collectionsAtWarmup = heap.youngCollections() + heap.oldCollections();
            }
            heap.allocate(Math.round(-Math.log(1 - random.nextDouble()) * meanBytes), t);
            t += stepNanos;
        }
        double measured = (heap.youngCollections() + heap.oldCollections() - collectionsAtWarmup)
                / (double) (seconds - warmupSeconds);
        double expected = 256.0 / 320;
        assertEquals(expected, measured, 0.02 * expected);
    }

    @Test
    void aYoungPauseIsTheFixedPartPlusTheCopiedMegabytesAtTheCopyCost() {
        // Young 100 MB: eden 80 MB, survivor 10 MB. 5% of eden survives: 4 MB copied, then 4 MB of
        // eden survivors plus the 4 MB cohort already there.
        Heap heap = new Heap(parallel(1000, 100, 0.05, 15, 0));
        GcEvent first = fillAndCollect(heap, 0);
        assertEquals(PauseKind.YOUNG, first.kind());
        assertEquals(4 * MB, first.copiedBytes());
        assertEquals(1 + 4 * 0.5, first.pauseMs(), 1e-6);
        GcEvent second = fillAndCollect(heap, 1_000_000_000L);
        assertEquals(8 * MB, second.copiedBytes());
        assertEquals(1 + 8 * 0.5, second.pauseMs(), 1e-6);

        Heap moreSurvive = new Heap(parallel(1000, 100, 0.10, 15, 0));
        GcEvent heavier = fillAndCollect(moreSurvive, 0);
        assertEquals(8 * MB, heavier.copiedBytes());
        assertEquals(1 + 8 * 0.5, heavier.pauseMs(), 1e-6);
        assertTrue(heavier.pauseMs() > first.pauseMs());
    }

    @Test
    void survivorsArePromotedOnceTheyHaveSurvivedTheTenuringThreshold() {
        // Threshold 2: a cohort is copied into the survivor space at collections 1 and 2 (ages 1, 2)
        // and promoted at the third; 4 MB a cohort.
        Heap heap = new Heap(parallel(1000, 100, 0.05, 2, 0));
        long old = heap.oldUsedBytes();
        GcEvent c1 = fillAndCollect(heap, 0);
        assertEquals(0, c1.promotedBytes());
        assertEquals(4 * MB, heap.cohortBytes(1));
        GcEvent c2 = fillAndCollect(heap, 1);
        assertEquals(0, c2.promotedBytes());
        assertEquals(4 * MB, heap.cohortBytes(2));
        assertEquals(8 * MB, heap.survivorUsedBytes());
        assertEquals(old, heap.oldUsedBytes());
        GcEvent c3 = fillAndCollect(heap, 2);
        assertEquals(4 * MB, c3.promotedBytes());
        assertEquals(old + 4 * MB, heap.oldUsedBytes());
        assertEquals(8 * MB, heap.survivorUsedBytes());
    }

    @Test
    void aSurvivorSpaceThatOverflowsPromotesTheOldestEarly() {
        // 10% of an 80 MB eden is 8 MB a cohort; two do not fit the 10 MB survivor space, so 6 MB
        // of the older one is promoted at the second collection, long before age 15.
        Heap heap = new Heap(parallel(1000, 100, 0.10, 15, 0));
        fillAndCollect(heap, 0);
        GcEvent second = fillAndCollect(heap, 1);
        assertEquals(6 * MB, second.promotedBytes());
        assertEquals(2 * MB, heap.cohortBytes(2));
        assertEquals(8 * MB, heap.cohortBytes(1));
    }

    @Test
    void parallelCollectsTheWholeHeapWhenOldSpaceCannotTakeAPromotion() {
        // Heap 300 MB, young 100: old 200 MB with a 150 MB live set. Threshold 0 promotes each
        // collection's 20 MB survivors (25% of the 80 MB eden) at once: two fit (190 MB), the third does not.
        Heap heap = new Heap(parallel(300, 100, 0.25, 0, 150));
        assertEquals(PauseKind.YOUNG, fillAndCollect(heap, 0).kind());
        assertEquals(PauseKind.YOUNG, fillAndCollect(heap, 1).kind());
        assertEquals(190 * MB, heap.oldUsedBytes());
        GcEvent full = fillAndCollect(heap, 2);
        assertEquals(PauseKind.FULL, full.kind());
        // Old keeps the live set and what was just promoted; the pause marks and compacts 170 MB.
        assertEquals(170 * MB, heap.oldUsedBytes());
        assertEquals(20 + 170 * 1.5, full.pauseMs(), 1e-6);
        assertEquals(1, heap.oldCollections());
        assertEquals(2, heap.youngCollections());
    }

    @Test
    void g1GrowsItsYoungGenerationWhilePausesStayUnderTheTarget() {
        Heap generous = new Heap(new Heap.Config(CollectorKind.G1, 1000 * MB, 0, 0.01, 15, 0, 200, 45));
        assertEquals(50 * MB, generous.youngBytes());
        for (int i = 0; i < 40; i++) {
            fillAndCollect(generous, i);
        }
        assertEquals(600 * MB, generous.youngBytes());

        // A 10 ms target with a 2 ms fixed part leaves 8 ms of copying: about 13 MB at 0.6 ms/MB.
        Heap strict = new Heap(new Heap.Config(CollectorKind.G1, 1000 * MB, 0, 0.05, 1, 0, 10, 45));
        GcEvent last = null;
        for (int i = 0; i < 60; i++) {
            last = fillAndCollect(strict, i);
        }
        assertEquals(10, last.pauseMs(), 0.5);
    }

    @Test
    void g1MarksPastTheInitiatingOccupancyThenReclaimsOldSpaceInEightMixedCollections() {
        // Threshold 0 promotes every survivor: 40 MB a collection (50% of 80 MB eden). IHOP 20% of
        // 1000 MB is 200 MB.
        Heap heap = new Heap(new Heap.Config(CollectorKind.G1, 1000 * MB, 100 * MB, 0.5, 0, 50 * MB, 200, 20));
        long t = 0;
        GcEvent e;
        do {
            e = fillAndCollect(heap, t);
            t += 1_000_000L;
        } while (e.cause() == null);
        assertTrue(e.cause().startsWith("concurrent mark started"), e.cause());
        assertTrue(heap.oldUsedBytes() >= heap.thresholdBytes());
        assertEquals(0.25, heap.concurrentCpuShare(t));
        int mixed = 0;
        t += 10_000_000_000L; // the mark is over
        for (int i = 0; i < 12; i++) {
            if (fillAndCollect(heap, t + i).kind() == PauseKind.OLD) {
                mixed++;
            }
        }
        assertEquals(8, mixed);
        assertEquals(8, heap.oldCollections());
    }

    @Test
    void zgcPausesUnderAMillisecondAndStallsAllocationWhenTheFreeHeapRunsOut() {
        // 300 MB heap, young a third (eden 80 MB), old starting at a 100 MB live set.
        Heap heap = new Heap(new Heap.Config(CollectorKind.ZGC, 300 * MB, 0, 0.05, 15, 100 * MB, 200, 90));
        GcEvent start = fillAndCollect(heap, 0);
        assertEquals(PauseKind.YOUNG, start.kind());
        assertEquals(0.3, start.pauseMs(), 1e-9);
        // The cycle copies 4 MB: 5 ms + 4 × 2 ms after its pauses.
        assertEquals(300_000 + 13_000_000, start.concurrentEndNanos());
        assertEquals(0.25, heap.concurrentCpuShare(1_000_000));
        // Free heap while it runs: 300 - 80 collected - 4 survivors - 100 old - 1 byte.
        long free = 300 * MB - 80 * MB - 4 * MB - 100 * MB - 1;
        assertNull(heap.allocate(free, 1_000_000));
        GcEvent stall = heap.allocate(1, 2_000_000);
        assertEquals(PauseKind.ALLOCATION_STALL, stall.kind());
        assertTrue(stall.opensStall());
        assertEquals(start.concurrentEndNanos(), stall.endNanos());
        assertTrue(!heap.allocate(1, 3_000_000).opensStall());
        // At the cycle's end eden holds what was allocated meanwhile: full again, so the next cycle starts at once.
        GcEvent next = heap.endConcurrent(start.concurrentEndNanos());
        assertEquals(PauseKind.YOUNG, next.kind());
        assertEquals(2, heap.youngCollections());
    }
}
