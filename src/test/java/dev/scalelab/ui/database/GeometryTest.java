package dev.scalelab.ui.database;

import dev.scalelab.engine.data.RingPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure geometry of the drawings: ring arcs, shard boxes and scale steps. */
class GeometryTest {

    @Test
    void eachRingPointOwnsTheArcBeforeItAndNeighbouringArcsOfOneShardMerge() {
        RingArcs arcs = RingArcs.of(List.of(new RingPoint(0, 0.1), new RingPoint(0, 0.2), new RingPoint(1, 0.5),
                new RingPoint(2, 0.9)));
        assertEquals(3, arcs.size());
        // Shard 0 owns from the last point (0.9, i.e. -0.1) to 0.2, across the top of the ring.
        assertEquals(0, arcs.owner(0));
        assertEquals(-0.1, arcs.start(0), 1e-12);
        assertEquals(0.2, arcs.end(0), 1e-12);
        assertEquals(1, arcs.owner(1));
        assertEquals(0.2, arcs.start(1), 1e-12);
        assertEquals(0.5, arcs.end(1), 1e-12);
        assertEquals(2, arcs.owner(2));
        assertEquals(0.9, arcs.end(2), 1e-12);
    }

    @Test
    void theWrapAroundArcJoinsTheLastArcWhenOneShardOwnsBoth() {
        RingArcs arcs = RingArcs.of(List.of(new RingPoint(0, 0.1), new RingPoint(1, 0.5), new RingPoint(0, 0.9)));
        assertEquals(2, arcs.size());
        assertEquals(0, arcs.owner(0));
        assertEquals(-0.5, arcs.start(0), 1e-12);
        assertEquals(0.1, arcs.end(0), 1e-12);
        RingArcs single = RingArcs.of(List.of(new RingPoint(3, 0.25), new RingPoint(3, 0.75)));
        assertEquals(1, single.size());
        assertEquals(1, single.end(0) - single.start(0), 1e-12, "one shard owns the whole ring");
    }

    @Test
    void shardBoxesFitTheAreaWithoutOverlapping() {
        BoxGrid grid = new BoxGrid();
        for (int count : new int[] {1, 2, 5, 12, 40}) {
            grid.fit(count, 10, 20, 600, 400, 12, 260);
            for (int i = 0; i < count; i++) {
                assertTrue(grid.boxX(i) >= 10 - 1e-9 && grid.boxX(i) + grid.boxWidth() <= 610 + 1e-9, count + " boxes");
                assertTrue(grid.boxY(i) >= 20 - 1e-9 && grid.boxY(i) + grid.boxHeight() <= 420 + 1e-9, count + " boxes");
                for (int j = 0; j < i; j++) {
                    boolean apart = grid.boxX(i) >= grid.boxX(j) + grid.boxWidth() || grid.boxY(i) >= grid.boxY(j) + grid.boxHeight();
                    assertTrue(apart, "box " + i + " overlaps box " + j + " of " + count);
                }
            }
            assertTrue(grid.boxWidth() <= 260);
        }
    }

    @Test
    void lagScalesStepOneTwoFive() {
        assertEquals(100, Scales.niceCeiling(100));
        assertEquals(200, Scales.niceCeiling(101));
        assertEquals(500, Scales.niceCeiling(444));
        assertEquals(5000, Scales.niceCeiling(3386));
        assertEquals(10_000, Scales.niceCeiling(5001));
    }

    @Test
    void rangeBoundsAreNamedAsVitessNamesShards() {
        assertEquals("0", Scales.boundName(0));
        assertEquals("40", Scales.boundName(0.25));
        assertEquals("80", Scales.boundName(0.5));
        assertEquals("4c80", Scales.boundName(0x4c80 / 65536.0));
    }
}
