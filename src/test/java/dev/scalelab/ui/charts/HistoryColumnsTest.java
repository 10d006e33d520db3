package dev.scalelab.ui.charts;

import dev.scalelab.engine.metrics.DownsampledSeries;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryColumnsTest {

    @Test
    void anHourOnSixHundredColumnsMergesSixSecondsPerPointAndKeepsTheSpike() {
        DownsampledSeries s = new DownsampledSeries(4096);
        for (int t = 0; t < 3600; t++) {
            s.append(t == 1234 ? 5000 : 100);
        }
        HistoryColumns c = HistoryColumns.of(s.view(), 0, 3600, 600, 1);
        assertTrue(c.size() <= 602, "points " + c.size());
        assertTrue(c.merged());
        assertEquals(5000, c.highest(), 0.0);
        int spike = -1;
        for (int i = 0; i < c.size(); i++) {
            if (c.max(i) == 5000) {
                spike = i;
            }
        }
        // The spike's point: its second among five others at 100, so a mean of 1,000 and the band up to 5,000.
        assertEquals(100, c.min(spike), 0.0);
        assertEquals((5000 + 5 * 100) / 6.0, c.mean(spike), 1e-9);
        assertTrue(Math.abs(c.time(spike) - 1235) <= 3, "drawn near its second: " + c.time(spike));
    }

    @Test
    void aShortSliceIsDrawnOnePointPerSecondWithoutBand() {
        DownsampledSeries s = new DownsampledSeries(4096);
        for (int t = 0; t < 300; t++) {
            s.append(t);
        }
        HistoryColumns c = HistoryColumns.of(s.view(), 100, 220, 800, 2);
        assertFalse(c.merged());
        // Seconds 99 … 220 (drawn at 100 … 221): the slice and one point beyond each edge.
        assertEquals(99 + 1, c.time(0), 0.0);
        assertEquals(2 * 99, c.mean(0), 0.0);
        assertEquals(221, c.time(c.size() - 1), 0.0);
    }
}
