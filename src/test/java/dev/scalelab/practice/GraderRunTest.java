package dev.scalelab.practice;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.scalelab.practice.GraderTest.OUTAGE_AT_10;
import static dev.scalelab.practice.GraderTest.RICH;
import static dev.scalelab.practice.GraderTest.challenge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How a grading runs: its threads, its seeds, its progress and its cancel flag. */
class GraderRunTest {
    private static final String REQUIREMENTS = """
            [{"id": "p99", "metric": "p99-ms", "max": 30},
             {"id": "errors", "metric": "error-ratio", "max": 0.01},
             {"id": "cost", "metric": "cost-per-hour", "max": 1}]""";

    @Test
    void oneThreadAndTwoGiveTheSameVerdict() {
        Challenge c = challenge(RICH, REQUIREMENTS, "[]", OUTAGE_AT_10);
        Verdict one = Grader.grade(c, c.startScenario(), 3, 1, null, () -> false);
        Verdict two = Grader.grade(c, c.startScenario(), 3, 2, null, () -> false);
        assertEquals(one.toJson(), two.toJson());
        assertEquals(List.of(3L, 4L, 5L), two.seeds());
    }

    @Test
    void everySeedIsReportedDoneOnce() {
        Challenge c = challenge(RICH, REQUIREMENTS, "[]", "[]");
        List<String> heard = new ArrayList<>();
        Grader.grade(c, c.startScenario(), 3, 2, (done, total) -> {
            synchronized (heard) {
                heard.add(done + "/" + total);
            }
        }, () -> false);
        heard.sort(null);
        assertEquals(List.of("1/3", "2/3", "3/3"), heard);
    }

    @Test
    void aCancelStopsTheGradingBetweenSlices() {
        Challenge c = challenge(RICH, REQUIREMENTS, "[]", "[]");
        AtomicInteger polls = new AtomicInteger();
        // 20 s runs in 5-s slices: 4 polls per seed; cancelled at the third poll of the first run.
        assertThrows(CancellationException.class, () -> Grader.grade(c, c.startScenario(), 1, 1, null,
                () -> polls.incrementAndGet() >= 3));
        assertEquals(3, polls.get());
    }

    @Test
    void aTwoThreadGradingIsCancelledToo() {
        Challenge c = challenge(RICH, REQUIREMENTS, "[]", "[]");
        assertThrows(CancellationException.class, () -> Grader.grade(c, c.startScenario(), 4, 2, null, () -> true));
    }

    @Test
    void fewerThanOneSeedIsRefused() {
        Challenge c = challenge(RICH, REQUIREMENTS, "[]", "[]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Grader.grade(c, c.startScenario(), 0, null, () -> false));
        assertEquals("seeds: at least 1, got 0", e.getMessage());
    }
}
