package dev.scalelab.ui.database;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadDotPacerTest {
    private static final long FRAME = 16_666_667L; // 60 frames a second

    /** Runs {@code seconds} of frames with these reads per frame; returns {dots, red dots}. */
    private static int[] run(ReadDotPacer pacer, double seconds, long readsPerFrame, long stalePerFrame) {
        boolean[] stale = new boolean[ReadDotPacer.MAX_DOTS_PER_FRAME];
        int dots = 0;
        int red = 0;
        for (long t = 0; t <= seconds * 1e9; t += FRAME) {
            int n = pacer.pace(readsPerFrame, stalePerFrame, t, stale);
            for (int i = 0; i < n; i++) {
                dots++;
                red += stale[i] ? 1 : 0;
            }
        }
        return new int[] {dots, red};
    }

    @Test
    void aSteadyTrickleOfDotsWhateverTheReadRate() {
        int[] slow = run(new ReadDotPacer(), 10, 1, 0);
        int[] fast = run(new ReadDotPacer(), 10, 1_000, 0);
        assertEquals(240, slow[0], 2);
        assertEquals(240, fast[0], 2);
        assertEquals(0, fast[1]);
    }

    @Test
    void theShareOfRedDotsIsTheShareOfStaleReads() {
        int[] half = run(new ReadDotPacer(), 10, 10, 5);
        assertEquals(0.5, half[1] / (double) half[0], 0.02);
    }

    @Test
    void rareStaleReadsStillShowRedDots() {
        // A stale read in every frame but only 1 in 10,000 reads: the share alone would draw no red dot
        // in 10 s; a red dot every 0.3 s instead.
        int[] rare = run(new ReadDotPacer(), 10, 10_000, 1);
        assertTrue(rare[1] >= 30 && rare[1] <= 40, "red dots " + rare[1]);
    }

    @Test
    void noReadsNoDots() {
        assertEquals(0, run(new ReadDotPacer(), 2, 0, 0)[0]);
    }
}
