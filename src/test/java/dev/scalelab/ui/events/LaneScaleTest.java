package dev.scalelab.ui.events;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaneScaleTest {
    private static final double EPSILON = 1e-9;

    @Test
    void aLaneWithinTheTailGivesEachOfTheNewest64RecordsAnEqualBlock() {
        LaneScale scale = new LaneScale();
        scale.fit(100, 740, 20); // 640 px for 64 records: 10 px each
        assertFalse(scale.compressed());
        assertEquals(10, scale.blockWidth(), EPSILON);
        assertEquals(740, scale.x(5_000, 5_000), EPSILON, "the log end sits at the right edge");
        assertEquals(730, scale.x(4_999, 5_000), EPSILON, "the newest record's block starts one block left");
        assertEquals(100, scale.x(4_936, 5_000), EPSILON, "64 behind: the left edge");
        assertEquals(100, scale.x(0, 5_000), EPSILON, "older offsets stay at the left edge");
    }

    @Test
    void aLongLagKeepsTheTailReadableAndSqueezesTheOlderRecords() {
        LaneScale scale = new LaneScale();
        scale.fit(100, 1100, 12_400); // reach rounds up to 20,000 records
        assertTrue(scale.compressed());
        assertEquals(20_000, scale.span());
        // The tail takes 60 % of the 1,000 px: 600 px for 64 records.
        assertEquals(600.0 / 64, scale.blockWidth(), EPSILON);
        assertEquals(500, scale.tailLeft(), EPSILON);
        assertEquals(500, scale.x(100_000 - 64, 100_000), EPSILON);
        // The other 19,936 records share the 400 px left of the tail.
        assertEquals(500 - 12_336 * 400.0 / 19_936, scale.x(100_000 - 12_400, 100_000), EPSILON);
        assertEquals(100, scale.x(100_000 - 20_000, 100_000), EPSILON);
    }

    @Test
    void theReachGrowsAtOnceButShrinksOnlyWhenAQuarterWouldDo() {
        LaneScale scale = new LaneScale();
        scale.fit(0, 640, 150);
        assertEquals(200, scale.span());
        scale.fit(0, 640, 90);
        assertEquals(200, scale.span(), "100 would do, but that is more than a quarter of 200");
        scale.fit(0, 640, 40);
        assertEquals(200, scale.span(), "the tail's 64 records are more than a quarter of 200");
        scale.fit(0, 640, 600);
        assertEquals(1_000, scale.span());
        scale.fit(0, 640, 180);
        assertEquals(200, scale.span(), "200 is a fifth of 1,000");
    }

    @Test
    void reachesAreRoundNumbers() {
        assertEquals(64, LaneScale.roundSpan(0));
        assertEquals(64, LaneScale.roundSpan(64));
        assertEquals(100, LaneScale.roundSpan(65));
        assertEquals(200, LaneScale.roundSpan(101));
        assertEquals(500, LaneScale.roundSpan(201));
        assertEquals(1_000, LaneScale.roundSpan(501));
        assertEquals(5_000_000, LaneScale.roundSpan(4_200_000));
    }
}
