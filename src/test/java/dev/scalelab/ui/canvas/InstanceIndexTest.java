package dev.scalelab.ui.canvas;

import dev.scalelab.world.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InstanceIndexTest {

    private static Snapshot.InstanceView instance(int number) {
        return new Snapshot.InstanceView(number, "i-" + number, Snapshot.InstanceState.READY, 4, 0, 0, 10, 0, 0, 0,
                "medium", 2, 1, false, 1, 0.096, 1, 0);
    }

    @Test
    void findsEachInstancesPlaceAndMinusOneForOnesThatAreGone() {
        InstanceIndex index = new InstanceIndex();
        index.index(List.of(instance(3), instance(7), instance(5)));
        assertEquals(0, index.of(3));
        assertEquals(1, index.of(7));
        assertEquals(2, index.of(5));
        assertEquals(-1, index.of(4));
        assertEquals(-1, index.of(2));
        assertEquals(-1, index.of(200));
        // Reindexing after instances left and a much newer one came.
        index.index(List.of(instance(7), instance(300)));
        assertEquals(-1, index.of(3));
        assertEquals(0, index.of(7));
        assertEquals(1, index.of(300));
    }

    @Test
    void workerCellsShrinkToFitAndGiveUpBelowFourPixels() {
        assertEquals(22, WorkerCells.largestCell(4, 200, 30, 22));
        // 32 workers in 100 x 30: cells of 10 px give 9 per row and 2 rows (18) ... 7 px gives 11 x 3 = 33.
        assertEquals(7, WorkerCells.largestCell(32, 100, 30, 22));
        assertEquals(0, WorkerCells.largestCell(1000, 40, 10, 22));
    }
}
