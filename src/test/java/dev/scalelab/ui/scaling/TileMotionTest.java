package dev.scalelab.ui.scaling;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TileMotionTest {
    private static final long MS = 1_000_000L;

    private final PoolLayout layout = new PoolLayout();
    private final TileMotion<String> motion = new TileMotion<>();

    /** Lays out {@code ids} (instance i-n has number n) as 2-vCPU tiles in a 1000 × 400 area at {@code now}. */
    private void show(long nowNanos, int... numbers) {
        int[] vcpus = new int[numbers.length];
        java.util.Arrays.fill(vcpus, 2);
        boolean moved = layout.fit(numbers.length, vcpus, 0, 0, 1000, 400, 8, 1.4, 150);
        List<String> ids = java.util.Arrays.stream(numbers).mapToObj(n -> "i-" + n).toList();
        motion.update(ids, numbers, numbers.length, layout, moved, nowNanos);
    }

    @Test
    void theFirstPoolIsPlacedAtOnce() {
        show(0, 0, 1, 2);
        assertFalse(motion.animating(0));
        assertEquals(layout.x(2), motion.x(2, 0));
        assertEquals(1, motion.appeared(0, 0));
    }

    @Test
    void aNewInstanceGrowsInWhileTheOthersSlideToTheirNewPlaces() {
        show(0, 0, 1, 2);
        double oldX = motion.x(0, 0);
        long t = 1_000 * MS;
        show(t, 0, 1, 2, 3);
        assertTrue(motion.animating(t));
        assertEquals(0, motion.appeared(3, t), "the new tile starts invisible");
        assertEquals(oldX, motion.x(0, t), 1e-9, "an old tile starts where it was");
        double halfway = motion.x(0, t + TileMotion.MOVE_NANOS / 2);
        assertTrue(halfway < oldX && halfway > layout.x(0), "it slides left to make room: " + halfway);
        long done = t + TileMotion.APPEAR_NANOS;
        assertEquals(layout.x(0), motion.x(0, done), 1e-9);
        assertEquals(1, motion.appeared(3, done));
        assertFalse(motion.animating(done));
    }

    @Test
    void anInstanceThatIsGoneLeavesAGhostThatFadesWhereItsTileWas() {
        show(0, 0, 1, 2);
        double x = motion.x(1, 0);
        long t = 500 * MS;
        show(t, 0, 2);
        assertEquals(1, motion.ghostCount());
        assertEquals("i-1", motion.ghostItem(0));
        assertEquals(x, motion.ghostX(0), 1e-9);
        assertEquals(1, motion.ghostOpacity(0, t));
        assertEquals(0.5, motion.ghostOpacity(0, t + TileMotion.VANISH_NANOS / 2), 1e-9);
        motion.expire(t + TileMotion.VANISH_NANOS);
        assertEquals(0, motion.ghostCount());
        assertEquals(2, motion.count());
        assertEquals("i-2", motion.item(1));
    }

    @Test
    void aClickFindsTheTileUnderIt() {
        show(0, 4, 5, 6);
        double x = motion.x(1, 0) + 10;
        double y = motion.y(1, 0) + 10;
        assertEquals(1, motion.tileAt(x, y, 0));
        assertEquals("i-5", motion.item(motion.tileAt(x, y, 0)));
        assertEquals(-1, motion.tileAt(1, 1, 0), "beside the tiles");
    }

    @Test
    void aClearedMotionPlacesTheNextPoolAtOnce() {
        show(0, 0, 1);
        show(100 * MS, 0, 1, 2);
        motion.clear();
        show(200 * MS, 0, 1);
        assertFalse(motion.animating(200 * MS));
        assertEquals(0, motion.ghostCount());
    }
}
